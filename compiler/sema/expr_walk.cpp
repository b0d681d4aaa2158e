#include "compiler/sema/expr_walk.h"

namespace xr::sema {

namespace {
void visitIf(const ast::ExprPtr &e, const std::function<void(const ast::Expr &)> &visit) {
  if (e)
    visit(*e);
}
} // namespace

void forEachChild(const ast::Expr &e, const std::function<void(const ast::Expr &)> &visit) {
  using namespace ast;
  switch (e.kind) {
  case ExprKind::Error:
  case ExprKind::Literal:
  case ExprKind::Name:
  case ExprKind::Quantified:
    return;
  case ExprKind::Member:
    visitIf(as<MemberExpr>(e).object, visit);
    return;
  case ExprKind::Call:
    for (const ExprPtr &arg : as<CallExpr>(e).args)
      visitIf(arg, visit);
    return;
  case ExprKind::Unary:
    visitIf(as<UnaryExpr>(e).operand, visit);
    return;
  case ExprKind::Binary: {
    const auto &b = as<BinaryExpr>(e);
    visitIf(b.lhs, visit);
    visitIf(b.rhs, visit);
    return;
  }
  case ExprKind::If: {
    const auto &i = as<IfExpr>(e);
    visitIf(i.cond, visit);
    visitIf(i.thenExpr, visit);
    visitIf(i.elseExpr, visit);
    return;
  }
  case ExprKind::Between: {
    const auto &b = as<BetweenExpr>(e);
    visitIf(b.operand, visit);
    visitIf(b.low, visit);
    visitIf(b.high, visit);
    return;
  }
  case ExprKind::InList: {
    const auto &l = as<InListExpr>(e);
    visitIf(l.operand, visit);
    for (const ExprPtr &item : l.items)
      visitIf(item, visit);
    return;
  }
  case ExprKind::IsMissing:
    visitIf(as<IsMissingExpr>(e).operand, visit);
    return;
  case ExprKind::Status:
    visitIf(as<StatusExpr>(e).operand, visit);
    return;
  case ExprKind::Duration:
    visitIf(as<DurationExpr>(e).count, visit);
    return;
  }
}

void walkExpr(const ast::Expr *e, const std::function<void(const ast::Expr &)> &visit) {
  if (!e)
    return;
  visit(*e);
  forEachChild(*e, [&](const ast::Expr &child) { walkExpr(&child, visit); });
}

} // namespace xr::sema
