// Examples and tests: given records, params and examples; expectations; cases tables.
#include "compiler/sema/checker.h"

#include "compiler/sema/suggest.h"

#include <fmt/format.h>

#include <set>

namespace xr::sema {

using ast::as;

bool Checker::isConstant(const ast::Expr &e) const {
  switch (e.kind) {
  case ast::ExprKind::Literal:
    return true;
  case ast::ExprKind::Unary: {
    const auto &u = as<ast::UnaryExpr>(e);
    if (u.op != ast::UnaryOp::Negate || !u.operand || u.operand->kind != ast::ExprKind::Literal)
      return false;
    const auto &v = as<ast::LiteralExpr>(*u.operand).value;
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v) ||
           std::holds_alternative<ast::Percent>(v);
  }
  case ast::ExprKind::Name: {
    auto ref = m_.resolution(e);
    return ref && ref->kind == SymbolKind::EnumMember;
  }
  default:
    return false;
  }
}

void Checker::checkGivenValue(const ast::Expr &value, const Type &type, std::string_view what) {
  Type t = expr(value, type.isError() ? nullptr : &type);
  if (t.isError())
    return;
  if (!isConstant(value)) {
    d_.report(DiagCode::NotConstant, value.range,
              fmt::format("{} must be given a constant (a literal or an enum member)", what));
    return;
  }
  assignable(t, type, value, fmt::format("the value given to {}", what), std::string(what));
}

void Checker::checkFieldValues(const std::vector<ast::FieldValue> &values) {
  std::set<std::string, std::less<>> given;
  for (const ast::FieldValue &fv : values) {
    if (fv.field.empty() || !fv.value)
      continue;
    auto ref = m_.lookup(fv.field.text);
    if (!ref || ref->kind != SymbolKind::Field) {
      expr(*fv.value);
      std::vector<std::string> fields;
      for (const FieldInfo &f : m_.fields)
        fields.push_back(f.name);
      auto suggestion = closestMatch(fv.field.text, fields);
      auto &diag = d_.report(DiagCode::UnknownField, fv.field.range,
                             fmt::format("unknown field '{}' in record {}{}", fv.field.text,
                                         m_.recordName, didYouMean(suggestion)));
      addReplacementFix(diag, fv.field.range, suggestion);
      continue;
    }
    if (!given.insert(fv.field.text).second)
      d_.report(DiagCode::DuplicateDeclaration, fv.field.range,
                fmt::format("field '{}' is given twice", fv.field.text));
    reference(*ref, fv.field.range);
    checkGivenValue(*fv.value, m_.fields[ref->index].type, "field " + fv.field.text);
  }
}

void Checker::checkRecordLiteral(const ast::RecordLiteral &literal, bool complete) {
  if (!literal.type.empty() && !m_.recordName.empty() && literal.type.text != m_.recordName) {
    d_.report(DiagCode::UnknownName, literal.type.range,
              fmt::format("unknown record '{}'; the record of this rule set is {}",
                          literal.type.text, m_.recordName))
        .fix("replace with '" + m_.recordName + "'", literal.type.range, m_.recordName);
  }
  checkFieldValues(literal.values);
  if (!complete || literal.ellipsis || !m_.record)
    return;
  std::set<std::string, std::less<>> given;
  for (const ast::FieldValue &fv : literal.values)
    given.insert(fv.field.text);
  std::vector<std::string> missing;
  for (const FieldInfo &f : m_.fields)
    if (!f.type.optional && !f.type.isError() && !given.count(f.name))
      missing.push_back("'" + f.name + "'");
  if (missing.empty())
    return;
  std::string list;
  for (std::size_t i = 0; i < missing.size(); ++i)
    list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
  auto &diag = d_.report(
      DiagCode::MissingField, literal.range,
      fmt::format("required field{} {} of {} {} not given; give {}, or write `...` to give the "
                  "fields not written their defaults",
                  missing.size() == 1 ? "" : "s", list, m_.recordName,
                  missing.size() == 1 ? "is" : "are", missing.size() == 1 ? "it" : "them"));
  const SourceRange r = literal.range;
  if (r.valid() && r.end > 0 && r.end <= sources_.file(r.file).text().size() &&
      sources_.file(r.file).text()[r.end - 1] == '}')
    diag.fix("add `...`", {r.file, r.end - 1, r.end - 1},
             literal.values.empty() ? "..." : ", ... ");
}

void Checker::checkExample(std::uint32_t i) {
  const ExampleInfo &example = m_.examples[i];
  ScopeGuard guard(*this, scopeFor("example " + example.name));
  checkRecordLiteral(example.decl->value, true);
}

void Checker::checkTest(const TestInfo &test) {
  ScopeGuard guard(*this, scopeFor("test \"" + test.title + "\""));
  bool expects = false;
  for (const ast::TestItem &item : test.decl->items) {
    if (auto *g = std::get_if<ast::GivenRecord>(&item.item)) {
      checkRecordLiteral(g->record, true);
    } else if (auto *ge = std::get_if<ast::GivenExample>(&item.item)) {
      auto ref = m_.lookup(ge->example.text);
      if (ref && ref->kind == SymbolKind::Example) {
        reference(*ref, ge->example.range);
      } else if (!ge->example.empty()) {
        reportNotA(SymbolKind::Example, ge->example, ref, DiagCode::UnknownName,
                   DiagCode::WrongKindOfName);
      }
      checkFieldValues(ge->changes);
    } else if (auto *gp = std::get_if<ast::GivenParam>(&item.item)) {
      if (gp->param.empty() || !gp->value)
        continue;
      auto ref = m_.lookup(gp->param.text);
      if (ref && ref->kind == SymbolKind::Param) {
        reference(*ref, gp->param.range);
        checkGivenValue(*gp->value, m_.params[ref->index].type, "param " + gp->param.text);
        continue;
      }
      expr(*gp->value);
      if (ref && ref->kind == SymbolKind::Field) {
        d_.report(DiagCode::WrongKindOfName, gp->param.range,
                  fmt::format("'{}' is a field of {}; give fields in a record: `given {} {{ {}: "
                              "..., ... }}`",
                              gp->param.text, m_.recordName, m_.recordName, gp->param.text));
        continue;
      }
      reportNotA(SymbolKind::Param, gp->param, ref, DiagCode::UnknownName,
                 DiagCode::WrongKindOfName);
    } else if (std::holds_alternative<ast::ExpectError>(item.item)) {
      expects = true;
    } else if (auto *ex = std::get_if<ast::ExpectExpr>(&item.item)) {
      expects = true;
      if (ex->expectation)
        condition(*ex->expectation, "an expectation");
    } else if (auto *cases = std::get_if<ast::Cases>(&item.item)) {
      std::vector<Type> types;
      std::vector<bool> isExpect;
      for (const ast::CasesColumn &col : cases->columns) {
        isExpect.push_back(col.expect);
        if (col.expect) {
          expects = true;
          types.push_back(col.subject ? expr(*col.subject) : Type::error());
          continue;
        }
        auto ref = m_.lookup(col.field.text);
        if (ref && ref->kind == SymbolKind::Field) {
          reference(*ref, col.field.range);
          types.push_back(m_.fields[ref->index].type);
        } else if (ref && ref->kind == SymbolKind::Param) {
          reference(*ref, col.field.range);
          types.push_back(m_.params[ref->index].type);
        } else {
          std::vector<std::string> names = globalNames({SymbolKind::Field, SymbolKind::Param});
          auto suggestion = closestMatch(col.field.text, names);
          auto &diag =
              d_.report(DiagCode::UnknownField, col.field.range,
                        fmt::format("'{}' is neither a field of {} nor a param; a "
                                    "cases column gives one of them, or is `expect "
                                    "<value>`{}",
                                    col.field.text, m_.recordName, didYouMean(suggestion)));
          addReplacementFix(diag, col.field.range, suggestion);
          types.push_back(Type::error());
        }
      }
      for (std::size_t r = 0; r < cases->rows.size(); ++r) {
        const ast::CasesRow &row = cases->rows[r];
        if (row.cells.size() != types.size())
          d_.report(DiagCode::BadCasesTable, row.range,
                    fmt::format("row {} of the cases table has {} cell{}, but the header has {} "
                                "column{}",
                                r + 1, row.cells.size(), row.cells.size() == 1 ? "" : "s",
                                types.size(), types.size() == 1 ? "" : "s"));
        for (std::size_t k = 0; k < row.cells.size(); ++k) {
          if (!row.cells[k])
            continue;
          const ast::Expr &cell = *row.cells[k];
          if (k >= types.size()) {
            expr(cell);
            continue;
          }
          if (!isExpect[k]) {
            const ast::Ident &column = cases->columns[k].field;
            if (types[k].isError())
              expr(cell);
            else
              checkGivenValue(cell, types[k],
                              std::string(m_.lookup(column.text)->kind == SymbolKind::Param
                                              ? "param "
                                              : "field ") +
                                  column.text);
            continue;
          }
          Type t = expr(cell, types[k].isError() ? nullptr : &types[k]);
          comparable(types[k], t, ast::BinaryOp::Eq, cell.range);
        }
      }
    }
  }
  if (!expects)
    d_.report(DiagCode::EmptyTest, test.where.name,
              fmt::format("test \"{}\" has no expectation; add `expect <condition>` or `expect "
                          "error`",
                          test.title));
}

} // namespace xr::sema
