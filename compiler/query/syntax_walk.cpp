#include "compiler/query/syntax_walk.h"

#include "compiler/sema/expr_walk.h"

namespace xr::query {

namespace {

template <typename T> const T &as(const ast::Decl &decl) { return static_cast<const T &>(decl); }

using Visit = std::function<void(const ast::Expr &)>;

void visitPtr(const ast::ExprPtr &e, const Visit &visit) {
  if (e)
    visit(*e);
}

void visitLets(const std::vector<ast::LetItem> &lets, const Visit &visit) {
  for (const ast::LetItem &let : lets)
    visitPtr(let.value, visit);
}

void visitValues(const std::vector<ast::FieldValue> &values, const Visit &visit) {
  for (const ast::FieldValue &value : values)
    visitPtr(value.value, visit);
}

void visitTest(const ast::TestDecl &test, const Visit &visit) {
  for (const ast::TestItem &item : test.items) {
    if (auto *record = std::get_if<ast::GivenRecord>(&item.item)) {
      visitValues(record->record.values, visit);
    } else if (auto *example = std::get_if<ast::GivenExample>(&item.item)) {
      visitValues(example->changes, visit);
    } else if (auto *param = std::get_if<ast::GivenParam>(&item.item)) {
      visitPtr(param->value, visit);
    } else if (auto *expect = std::get_if<ast::ExpectExpr>(&item.item)) {
      visitPtr(expect->expectation, visit);
    } else if (auto *cases = std::get_if<ast::Cases>(&item.item)) {
      for (const ast::CasesColumn &column : cases->columns)
        visitPtr(column.subject, visit);
      for (const ast::CasesRow &row : cases->rows)
        for (const ast::ExprPtr &cell : row.cells)
          visitPtr(cell, visit);
    }
  }
}

} // namespace

void forEachRootExpr(const ast::Decl &decl, const Visit &visit) {
  switch (decl.kind) {
  case ast::DeclKind::Param:
    visitPtr(as<ast::ParamDecl>(decl).defaultValue, visit);
    break;
  case ast::DeclKind::Indicator: {
    const auto &d = as<ast::IndicatorDecl>(decl);
    visitLets(d.lets, visit);
    visitPtr(d.score, visit);
    visitPtr(d.pass, visit);
    break;
  }
  case ast::DeclKind::Check: {
    const auto &d = as<ast::CheckDecl>(decl);
    visitLets(d.lets, visit);
    visitPtr(d.when, visit);
    break;
  }
  case ast::DeclKind::Checklist:
    visitPtr(as<ast::ChecklistDecl>(decl).selector, visit);
    break;
  case ast::DeclKind::Let:
    visitPtr(as<ast::LetDecl>(decl).value, visit);
    break;
  case ast::DeclKind::Score:
    visitPtr(as<ast::ScoreDecl>(decl).value, visit);
    break;
  case ast::DeclKind::Table:
    for (const ast::TableRow &row : as<ast::TableDecl>(decl).rows) {
      visitPtr(row.condition, visit);
      visitPtr(row.outcome, visit);
    }
    break;
  case ast::DeclKind::Output:
    visitPtr(as<ast::OutputDecl>(decl).initial, visit);
    break;
  case ast::DeclKind::Frequency:
    for (const ast::FrequencyEntry &entry : as<ast::FrequencyDecl>(decl).entries)
      visitPtr(entry.value, visit);
    break;
  case ast::DeclKind::Rule: {
    const auto &d = as<ast::RuleDecl>(decl);
    visitPtr(d.when, visit);
    for (const ast::Assignment &a : d.assignments)
      visitPtr(a.value, visit);
    break;
  }
  case ast::DeclKind::Escalate: {
    const auto &d = as<ast::EscalateDecl>(decl);
    visitPtr(d.when, visit);
    for (const ast::Action &a : d.actions)
      visitPtr(a.argument, visit);
    break;
  }
  case ast::DeclKind::Deadline:
    visitPtr(as<ast::DeadlineDecl>(decl).value, visit);
    break;
  case ast::DeclKind::Report: {
    const auto &d = as<ast::ReportDecl>(decl);
    visitPtr(d.groupBy, visit);
    for (const ast::ReportItem &item : d.items) {
      visitPtr(item.value, visit);
      visitPtr(item.target, visit);
    }
    break;
  }
  case ast::DeclKind::Example:
    visitValues(as<ast::ExampleDecl>(decl).value.values, visit);
    break;
  case ast::DeclKind::Test:
    visitTest(as<ast::TestDecl>(decl), visit);
    break;
  case ast::DeclKind::Record:
  case ast::DeclKind::Enum:
  case ast::DeclKind::Domain:
  case ast::DeclKind::Calendar:
  case ast::DeclKind::Retire:
    break;
  }
}

const ast::Decl *declarationAt(const ast::Module &module, std::uint32_t offset) {
  for (const ast::DeclPtr &decl : module.decls)
    if (decl && decl->range.begin <= offset && offset <= decl->range.end)
      return decl.get();
  return nullptr;
}

std::vector<const ast::Expr *> expressionsAt(const ast::Module &module, std::uint32_t offset) {
  std::vector<const ast::Expr *> path;
  const ast::Decl *decl = declarationAt(module, offset);
  if (!decl)
    return path;
  // Each level keeps the first child that contains the offset; children of one parent do
  // not overlap, so this is the chain from the root to the innermost expression.
  std::function<void(const ast::Expr &)> descend = [&](const ast::Expr &e) {
    if (!e.range.contains(offset))
      return;
    path.push_back(&e);
    bool found = false;
    sema::forEachChild(e, [&](const ast::Expr &child) {
      if (!found && child.range.contains(offset)) {
        found = true;
        descend(child);
      }
    });
  };
  bool found = false;
  forEachRootExpr(*decl, [&](const ast::Expr &root) {
    if (!found && root.range.contains(offset)) {
      found = true;
      descend(root);
    }
  });
  return path;
}

} // namespace xr::query
