#include "compiler/query/rename.h"

#include "compiler/query/symbols.h"
#include "compiler/syntax/token_scan.h"

#include <fmt/format.h>

namespace xr::query {

namespace {

using sema::SymbolKind;
using sema::SymbolRef;

std::string_view textAt(const Compilation &c, SourceRange range) {
  const std::string &text = c.sources.file(range.file).text();
  if (range.end > text.size() || range.begin > range.end)
    return {};
  return std::string_view(text).substr(range.begin, range.end - range.begin);
}

std::string place(const Compilation &c, SourceRange range) {
  if (!range.valid())
    return "";
  const SourceFile &file = c.sources.file(range.file);
  LineColumn lc = file.position(range.begin);
  return fmt::format(" ({}:{}:{})", file.path(), lc.line, lc.column);
}

std::string describeGlobal(const Compilation &c, std::string_view name) {
  const sema::Model &m = *c.model;
  if (name == m.recordName)
    return fmt::format("the record {}", name);
  auto ref = m.lookup(name);
  if (!ref)
    return {};
  return fmt::format("{} {}{}", sema::symbolKindName(ref->kind), name,
                     place(c, m.locationOf(*ref).name));
}

const std::vector<sema::LetInfo> *localLets(const sema::Model &m, SymbolRef symbol) {
  if (symbol.kind == SymbolKind::IndicatorLet && symbol.index < m.indicators.size())
    return &m.indicators[symbol.index].lets;
  if (symbol.kind == SymbolKind::CheckLet && symbol.index < m.checks.size())
    return &m.checks[symbol.index].lets;
  return nullptr;
}

/// The declaration in the same scope that `newName` would collide with, described; empty
/// when there is none.
std::string clash(const Compilation &c, SymbolRef symbol, std::string_view newName) {
  const sema::Model &m = *c.model;
  switch (symbol.kind) {
  case SymbolKind::EnumMember: {
    if (symbol.index >= m.enums.size())
      return {};
    const EnumInfo &info = m.enums.get(symbol.index);
    int other = info.find(newName);
    if (other >= 0 && static_cast<std::uint32_t>(other) != symbol.member &&
        info.members[other].name == newName)
      return fmt::format("member {} of enum {}{}", newName, info.name,
                         place(c, m.locationOf({SymbolKind::EnumMember, symbol.index,
                                                static_cast<std::uint32_t>(other)})
                                      .name));
    return {};
  }
  case SymbolKind::IndicatorLet:
  case SymbolKind::CheckLet: {
    const auto *lets = localLets(m, symbol);
    if (lets)
      for (std::size_t k = 0; k < lets->size(); ++k)
        if (k != symbol.member && (*lets)[k].name == newName)
          return fmt::format("let {}{}", newName, place(c, (*lets)[k].where.name));
    // A let of that name would hide the global inside its indicator or check.
    return describeGlobal(c, newName);
  }
  case SymbolKind::ReportItem: {
    if (symbol.index >= m.reports.size())
      return {};
    const sema::ReportInfo &report = m.reports[symbol.index];
    for (std::size_t k = 0; k < report.items.size(); ++k)
      if (k != symbol.member && report.items[k].name == newName && report.items[k].item)
        return fmt::format("report item {}{}", newName, place(c, report.items[k].item->name.range));
    return {};
  }
  default: {
    std::string global = describeGlobal(c, newName);
    if (!global.empty())
      return global;
    // The global would be hidden by a let of that name wherever it is used in that scope.
    for (const sema::IndicatorInfo &ind : m.indicators)
      for (const sema::LetInfo &let : ind.lets)
        if (let.name == newName)
          return fmt::format("let {} of indicator {}{}", newName, ind.name,
                             place(c, let.where.name));
    for (const sema::CheckInfo &check : m.checks)
      for (const sema::LetInfo &let : check.lets)
        if (let.name == newName)
          return fmt::format("let {} of check {}{}", newName, check.name, place(c, let.where.name));
    return {};
  }
  }
}

/// The bare name a symbol is written with ("C1" for an indicator, "red" for a member).
std::string writtenName(const sema::Model &m, SymbolRef symbol) {
  std::string full = m.nameOf(symbol);
  if (symbol.kind == SymbolKind::EnumMember || symbol.kind == SymbolKind::IndicatorLet ||
      symbol.kind == SymbolKind::CheckLet || symbol.kind == SymbolKind::ReportItem) {
    auto dot = full.rfind('.');
    if (dot != std::string::npos)
      return full.substr(dot + 1);
  }
  return full;
}

} // namespace

std::string identifierProblem(std::string_view name) {
  if (name.empty())
    return "the new name is empty";
  syntax::ScannedTokens scanned = syntax::scanTokens(name);
  if (scanned.tokens.size() == 1 && scanned.tokens[0].begin == 0 &&
      scanned.tokens[0].end == name.size() && scanned.comments.empty()) {
    const syntax::ConcreteToken &token = scanned.tokens[0];
    if (token.kind == syntax::TokenClass::Name)
      return Limits{}.maxIdentifierBytes < name.size()
                 ? fmt::format("'{}' is longer than {} bytes", name, Limits{}.maxIdentifierBytes)
                 : std::string();
    if (token.kind == syntax::TokenClass::Literal)
      return fmt::format("'{}' is a keyword of the rule language; choose another name", name);
  }
  return fmt::format("'{}' is not a valid name: a name starts with a letter or '_' and goes on "
                     "with letters, digits and '_'",
                     name);
}

RenameTarget prepareRename(const Compilation &c, FileId file, std::uint32_t offset) {
  RenameTarget out;
  if (!c.model) {
    out.error = "the file could not be checked; fix its errors first";
    return out;
  }
  auto hit = symbolAt(c, file, offset);
  if (!hit) {
    out.error = "there is no name here that can be renamed";
    return out;
  }
  if (hit->symbol.kind == SymbolKind::Builtin || hit->symbol.kind == SymbolKind::Aggregate) {
    out.error =
        fmt::format("'{}' is a built-in {} and cannot be renamed", c.model->nameOf(hit->symbol),
                    hit->symbol.kind == SymbolKind::Builtin ? "function" : "aggregate");
    return out;
  }
  std::string name = writtenName(*c.model, hit->symbol);
  if (textAt(c, hit->range) != name) {
    out.error =
        fmt::format("'{}' is not written here by its name and cannot be renamed here", name);
    return out;
  }
  if (!declarationOf(c, hit->symbol)) {
    out.error = fmt::format("{} '{}' has no declaration that could be renamed",
                            sema::symbolKindName(hit->symbol.kind), name);
    return out;
  }
  out.range = hit->range;
  out.placeholder = name;
  return out;
}

RenamePlan planRename(const Compilation &c, FileId file, std::uint32_t offset,
                      std::string_view newName) {
  RenamePlan plan;
  RenameTarget target = prepareRename(c, file, offset);
  if (!target.ok()) {
    plan.error = target.error;
    return plan;
  }
  if (std::string problem = identifierProblem(newName); !problem.empty()) {
    plan.error = "cannot rename " + target.placeholder + ": " + problem;
    return plan;
  }
  auto hit = symbolAt(c, file, offset);
  if (newName != target.placeholder) {
    if (std::string other = clash(c, hit->symbol, newName); !other.empty()) {
      plan.error =
          fmt::format("cannot rename {} {} to {}: the name is already taken by {}",
                      sema::symbolKindName(hit->symbol.kind), target.placeholder, newName, other);
      return plan;
    }
  }
  for (const SourceRange &range : referencesTo(c, hit->symbol, true)) {
    // Only where the name itself is written (a member named by its label stays as it is).
    if (textAt(c, range) != target.placeholder)
      continue;
    plan.edits.push_back({range, std::string(newName)});
  }
  return plan;
}

} // namespace xr::query
