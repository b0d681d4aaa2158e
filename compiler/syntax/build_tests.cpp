// Examples, tests and yearly-update retirements.
#include "compiler/syntax/builder.h"

namespace xr::syntax {

namespace {

std::optional<ast::DeclKind> declKind(std::string_view word) {
  using K = ast::DeclKind;
  static constexpr std::pair<std::string_view, K> kinds[] = {
      {"indicator", K::Indicator}, {"check", K::Check},       {"checklist", K::Checklist},
      {"domain", K::Domain},       {"table", K::Table},       {"rule", K::Rule},
      {"escalate", K::Escalate},   {"deadline", K::Deadline}, {"report", K::Report},
      {"score", K::Score},         {"let", K::Let},           {"output", K::Output},
      {"param", K::Param},         {"test", K::Test}};
  for (const auto &[text, kind] : kinds)
    if (text == word)
      return kind;
  return std::nullopt;
}

} // namespace

ast::FieldValue AstBuilder::fieldValue(P::FieldValueContext *context) {
  return {ident(context->name()), expr(context->expr()), range(context)};
}

ast::RecordLiteral AstBuilder::recordLiteral(P::RecordLiteralContext *context) {
  ast::RecordLiteral literal;
  if (context == nullptr)
    return literal;
  literal.range = range(context);
  literal.type = ident(context->type);
  literal.ellipsis = present(context->ellipsis);
  for (P::FieldValueContext *f : context->fieldValue())
    literal.values.push_back(fieldValue(f));
  return literal;
}

ast::DeclPtr AstBuilder::example(P::ExampleDeclContext *context) {
  auto decl = start<ast::ExampleDecl>(context, context->name(), nullptr);
  decl->value = recordLiteral(context->recordLiteral());
  return decl;
}

ast::DeclPtr AstBuilder::test(P::TestDeclContext *context) {
  auto decl = start<ast::TestDecl>(context, nullptr, context->title);
  for (P::TestItemContext *i : context->testItem()) {
    ast::TestItem item;
    item.range = range(i);
    if (auto *record = dynamic_cast<P::GivenRecordContext *>(i)) {
      item.item = ast::GivenRecord{recordLiteral(record->recordLiteral())};
    } else if (auto *example = dynamic_cast<P::GivenExampleContext *>(i)) {
      ast::GivenExample given;
      given.example = ident(example->example);
      for (P::FieldValueContext *f : example->fieldValue())
        given.changes.push_back(fieldValue(f));
      item.item = std::move(given);
    } else if (auto *param = dynamic_cast<P::GivenParamContext *>(i)) {
      item.item = ast::GivenParam{ident(param->name()), expr(param->expr())};
    } else if (auto *error = dynamic_cast<P::ExpectErrorContext *>(i)) {
      item.item = ast::ExpectError{stringLit(error->message)};
    } else if (auto *expect = dynamic_cast<P::ExpectExprContext *>(i)) {
      item.item = ast::ExpectExpr{expr(expect->expr())};
    } else if (auto *cases = dynamic_cast<P::CasesItemContext *>(i)) {
      ast::Cases table;
      if (P::CasesHeaderContext *header = cases->casesHeader()) {
        for (P::CasesColumnContext *c : header->casesColumn()) {
          ast::CasesColumn column;
          column.range = range(c);
          if (auto *given = dynamic_cast<P::GivenColumnContext *>(c)) {
            column.field = ident(given->name());
          } else if (auto *expected = dynamic_cast<P::ExpectColumnContext *>(c)) {
            column.expect = true;
            column.subject = expr(expected->expr());
          } else {
            continue;
          }
          table.columns.push_back(std::move(column));
        }
      }
      for (P::CasesRowContext *r : cases->casesRow()) {
        ast::CasesRow row;
        row.range = range(r);
        for (P::ExprContext *cell : r->expr())
          row.cells.push_back(expr(cell));
        table.rows.push_back(std::move(row));
      }
      item.item = std::move(table);
    } else {
      continue;
    }
    decl->items.push_back(std::move(item));
  }
  return decl;
}

ast::DeclPtr AstBuilder::retire(P::RetireDeclContext *context) {
  auto decl = start<ast::RetireDecl>(context, context->name(), nullptr);
  P::DeclKindContext *kind = context->declKind();
  if (kind != nullptr && present(kind->start))
    decl->target = declKind(kind->start->getText()).value_or(ast::DeclKind::Indicator);
  return decl;
}

} // namespace xr::syntax
