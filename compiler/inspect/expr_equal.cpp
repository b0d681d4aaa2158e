#include "compiler/inspect/expr_equal.h"

#include <optional>

namespace xr::inspect {
namespace {

bool sameList(const std::vector<ast::ExprPtr> &a, const std::vector<ast::ExprPtr> &b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!sameExpr(a[i].get(), b[i].get()))
      return false;
  return true;
}

/// `40%` and `0.4` are one number, written two ways.
bool sameLiteral(const ast::LiteralValue &a, const ast::LiteralValue &b) {
  auto number = [](const ast::LiteralValue &v) -> std::optional<double> {
    if (const auto *p = std::get_if<ast::Percent>(&v))
      return p->value;
    if (const auto *d = std::get_if<double>(&v))
      return *d;
    return std::nullopt;
  };
  const std::optional<double> x = number(a), y = number(b);
  if (x && y)
    return *x == *y;
  return a == b;
}

bool sameQuantified(const ast::QuantifiedExpr &a, const ast::QuantifiedExpr &b) {
  const bool domains = a.domain.has_value() == b.domain.has_value() &&
                       (!a.domain || a.domain->text == b.domain->text);
  return a.quantifier == b.quantifier && a.severity == b.severity && a.status == b.status &&
         domains;
}

} // namespace

bool sameExpr(const ast::Expr *a, const ast::Expr *b) {
  if (!a || !b)
    return a == b;
  if (a->kind != b->kind)
    return false;
  using ast::as;
  switch (a->kind) {
  case ast::ExprKind::Error:
    return false;
  case ast::ExprKind::Literal:
    return sameLiteral(as<ast::LiteralExpr>(*a).value, as<ast::LiteralExpr>(*b).value);
  case ast::ExprKind::Name:
    return as<ast::NameExpr>(*a).name.text == as<ast::NameExpr>(*b).name.text;
  case ast::ExprKind::Member: {
    const auto &x = as<ast::MemberExpr>(*a), &y = as<ast::MemberExpr>(*b);
    return x.member.text == y.member.text && sameExpr(x.object.get(), y.object.get());
  }
  case ast::ExprKind::Call: {
    const auto &x = as<ast::CallExpr>(*a), &y = as<ast::CallExpr>(*b);
    return x.callee.text == y.callee.text && sameList(x.args, y.args);
  }
  case ast::ExprKind::Unary: {
    const auto &x = as<ast::UnaryExpr>(*a), &y = as<ast::UnaryExpr>(*b);
    return x.op == y.op && sameExpr(x.operand.get(), y.operand.get());
  }
  case ast::ExprKind::Binary: {
    const auto &x = as<ast::BinaryExpr>(*a), &y = as<ast::BinaryExpr>(*b);
    return x.op == y.op && sameExpr(x.lhs.get(), y.lhs.get()) && sameExpr(x.rhs.get(), y.rhs.get());
  }
  case ast::ExprKind::If: {
    const auto &x = as<ast::IfExpr>(*a), &y = as<ast::IfExpr>(*b);
    return sameExpr(x.cond.get(), y.cond.get()) && sameExpr(x.thenExpr.get(), y.thenExpr.get()) &&
           sameExpr(x.elseExpr.get(), y.elseExpr.get());
  }
  case ast::ExprKind::Between: {
    const auto &x = as<ast::BetweenExpr>(*a), &y = as<ast::BetweenExpr>(*b);
    return sameExpr(x.operand.get(), y.operand.get()) && sameExpr(x.low.get(), y.low.get()) &&
           sameExpr(x.high.get(), y.high.get());
  }
  case ast::ExprKind::InList: {
    const auto &x = as<ast::InListExpr>(*a), &y = as<ast::InListExpr>(*b);
    return x.negated == y.negated && sameExpr(x.operand.get(), y.operand.get()) &&
           sameList(x.items, y.items);
  }
  case ast::ExprKind::IsMissing: {
    const auto &x = as<ast::IsMissingExpr>(*a), &y = as<ast::IsMissingExpr>(*b);
    return x.negated == y.negated && sameExpr(x.operand.get(), y.operand.get());
  }
  case ast::ExprKind::Status: {
    const auto &x = as<ast::StatusExpr>(*a), &y = as<ast::StatusExpr>(*b);
    return x.status == y.status && sameExpr(x.operand.get(), y.operand.get());
  }
  case ast::ExprKind::Quantified:
    return sameQuantified(as<ast::QuantifiedExpr>(*a), as<ast::QuantifiedExpr>(*b));
  case ast::ExprKind::Duration: {
    const auto &x = as<ast::DurationExpr>(*a), &y = as<ast::DurationExpr>(*b);
    return x.unit == y.unit && sameExpr(x.count.get(), y.count.get());
  }
  }
  return false;
}

} // namespace xr::inspect
