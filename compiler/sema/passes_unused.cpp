// reportUnused: XR0110 for declarations that can have no effect on any result: record fields
// other than the key, params, lets (top-level, and inside indicators and checks) that no
// expression reads; declared enums no type or expression uses; examples no test uses.
//
// Everything else produces a result of its own (indicators, checks and their flags,
// checklists, scores, tables, outputs, rules, escalations, deadlines, reports, tests) or is
// checked elsewhere (a domain without indicators is XR0209; calendars are imported whole).
// A read anywhere counts, including in a test expectation or in something itself unused.
// Only declarations written in the root file are reported: what a base (`extends`) or an
// imported library declares is not the author's to remove. A file without a record (a
// library checked on its own) reports nothing: its declarations are there for importers.
#include "compiler/sema/passes.h"

#include <fmt/format.h>
#include <set>
#include <variant>

namespace xr::sema {

namespace {

struct Uses {
  std::set<SymbolRef> symbols;
  std::set<EnumId> enums;
  std::set<std::string> examples;
};

void useType(Uses &uses, const Type &type) {
  if ((type.kind == TypeKind::Enum || type.kind == TypeKind::Set) && type.enumId != kNoEnum)
    uses.enums.insert(type.enumId);
}

Uses collectUses(const Model &model) {
  Uses uses;
  for (const auto &[node, ref] : model.resolved) {
    (void)node;
    uses.symbols.insert(ref);
    if (ref.kind == SymbolKind::EnumMember || ref.kind == SymbolKind::Enum)
      uses.enums.insert(ref.index);
  }
  for (const auto &[node, type] : model.exprTypes) {
    (void)node;
    useType(uses, type);
  }
  for (const FieldInfo &f : model.fields)
    useType(uses, f.type);
  for (const ParamInfo &p : model.params)
    useType(uses, p.type);
  for (const OutputInfo &o : model.outputs)
    useType(uses, o.type);
  for (const TableInfo &t : model.tables) {
    useType(uses, t.outcomeType);
    useType(uses, t.type);
  }
  for (const auto *values : {&model.lets, &model.scores})
    for (const ValueInfo &v : *values)
      useType(uses, v.type);
  for (const IndicatorInfo &i : model.indicators)
    for (const LetInfo &l : i.lets)
      useType(uses, l.type);
  for (const CheckInfo &c : model.checks)
    for (const LetInfo &l : c.lets)
      useType(uses, l.type);
  for (const TestInfo &test : model.tests) {
    if (!test.decl)
      continue;
    for (const ast::TestItem &item : test.decl->items)
      if (const auto *given = std::get_if<ast::GivenExample>(&item.item))
        uses.examples.insert(given->example.text);
  }
  return uses;
}

class Reporter {
public:
  Reporter(const Model &model, Diagnostics &diags)
      : model_(model), diags_(diags), uses_(collectUses(model)) {}

  void run() {
    const Model &m = model_;
    for (std::uint32_t i = 0; i < m.fields.size(); ++i)
      if (!m.fields[i].key)
        unused({SymbolKind::Field, i, 0}, m.fields[i].where,
               fmt::format("field {} of record {} is never read; no rule uses it", m.fields[i].name,
                           m.recordName),
               false);
    for (std::uint32_t i = 0; i < m.params.size(); ++i)
      unused({SymbolKind::Param, i, 0}, m.params[i].where,
             fmt::format("param {} is never read", m.params[i].name), true);
    for (std::uint32_t i = 0; i < m.lets.size(); ++i)
      unused({SymbolKind::Let, i, 0}, m.lets[i].where,
             fmt::format("let {} is never used", m.lets[i].name), true);
    for (std::uint32_t i = 0; i < m.indicators.size(); ++i)
      for (std::uint32_t k = 0; k < m.indicators[i].lets.size(); ++k)
        unused({SymbolKind::IndicatorLet, i, k}, m.indicators[i].lets[k].where,
               fmt::format("let {} of indicator {} is never used", m.indicators[i].lets[k].name,
                           m.indicators[i].name),
               true);
    for (std::uint32_t i = 0; i < m.checks.size(); ++i)
      for (std::uint32_t k = 0; k < m.checks[i].lets.size(); ++k)
        unused({SymbolKind::CheckLet, i, k}, m.checks[i].lets[k].where,
               fmt::format("let {} of check {} is never used", m.checks[i].lets[k].name,
                           m.checks[i].name),
               true);
    for (const auto &[name, ref] : m.globals) {
      if (ref.kind != SymbolKind::Enum || uses_.enums.count(ref.index))
        continue;
      report(m.locationOf(ref), fmt::format("enum {} is never used", name), true);
    }
    for (const ExampleInfo &example : m.examples)
      if (!uses_.examples.count(example.name))
        report(example.where,
               fmt::format("example {} is never used; use it in a test with `given {}`",
                           example.name, example.name),
               true);
  }

private:
  void unused(SymbolRef ref, const Location &where, const std::string &message, bool removable) {
    if (!uses_.symbols.count(ref))
      report(where, message, removable);
  }

  void report(const Location &where, const std::string &message, bool removable) {
    if (!where.name.valid() || where.name.file != model_.rootFile)
      return;
    Diagnostic &d = diags_.report(DiagCode::UnusedDeclaration, where.name, message);
    if (removable && where.declaration.valid())
      d.fix("remove it", where.declaration, "");
  }

  const Model &model_;
  Diagnostics &diags_;
  Uses uses_;
};

} // namespace

void reportUnused(const Model &model, Diagnostics &diags) {
  if (!model.record)
    return;
  Reporter(model, diags).run();
}

} // namespace xr::sema
