// Population-level reports.
#include "compiler/syntax/builder.h"

namespace xr::syntax {

ast::DeclPtr AstBuilder::report(P::ReportDeclContext *context) {
  auto decl = start<ast::ReportDecl>(context, context->name(), context->title);
  if (context->groupBy != nullptr)
    decl->groupBy = expr(context->groupBy);
  if (context->name() == nullptr) {
    // An unnamed report is named after what it groups by; the name was not written, so it
    // has no range.
    decl->name = {"report", SourceRange{}};
    if (decl->groupBy && decl->groupBy->kind == ast::ExprKind::Name)
      decl->name.text = "by_" + ast::as<ast::NameExpr>(*decl->groupBy).name.text;
  }
  for (P::ReportItemContext *i : context->reportItem()) {
    ast::ReportItem item;
    item.id = nextId();
    item.range = range(i);
    item.name = ident(i->name());
    item.title = stringLit(i->title);
    P::ExprContext *value = i->expr(0);
    item.value = expr(value != i->goal ? value : nullptr);
    if (keyword(i, "target") != nullptr || i->op != nullptr || i->goal != nullptr) {
      item.targetOp = comparisonOp(i->op);
      item.target = expr(i->goal);
    }
    decl->items.push_back(std::move(item));
  }
  return decl;
}

} // namespace xr::syntax
