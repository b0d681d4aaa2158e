#include "compiler/query/hover.h"

#include "compiler/ast/spelling.h"
#include "compiler/query/describe.h"
#include "compiler/query/symbols.h"
#include "compiler/query/syntax_walk.h"
#include "runtime/builtins/registry.h"

#include <fmt/format.h>

namespace xr::query {

namespace {

using sema::SymbolKind;

template <typename T> const T *at(const std::vector<T> &v, std::uint32_t i) {
  return i < v.size() ? &v[i] : nullptr;
}

std::string code(std::string_view text) { return fmt::format("`{}`", text); }

std::string heading(const sema::Model &m, sema::SymbolRef s, std::string_view title) {
  std::string out = fmt::format("**{}** {}", sema::symbolKindName(s.kind), code(m.nameOf(s)));
  if (!title.empty())
    out += fmt::format(" {}", title);
  return out;
}

void line(std::string &out, const std::string &text) {
  if (!text.empty())
    out += "\n\n" + text;
}

std::string describeIndicator(const sema::Model &m, sema::SymbolRef s) {
  const sema::IndicatorInfo &ind = m.indicators[s.index];
  std::string out = heading(m, s, ind.title);
  std::vector<std::string> facts;
  if (const sema::DomainInfo *d = at(m.domains, ind.domain))
    facts.push_back("domain " + code(d->name) + (d->title.empty() ? "" : " " + d->title));
  if (ind.weight)
    facts.push_back("weight " + weightText(*ind.weight));
  if (ind.severity)
    facts.push_back(std::string(ast::severityText(*ind.severity)));
  std::string joined;
  for (const std::string &f : facts)
    joined += (joined.empty() ? "" : " · ") + f;
  line(out, joined);
  std::string effective;
  for (const sema::ChecklistInfo &list : m.checklists) {
    double w = s.index < list.effectiveWeights.size() ? list.effectiveWeights[s.index] : 0.0;
    effective +=
        fmt::format("\n- {}{}: {}", code(list.name), list.title.empty() ? "" : " " + list.title,
                    w > 0 ? percentText(w) : "not in this checklist");
  }
  if (!effective.empty())
    line(out, "effective weight:" + effective);
  if (!ind.basis.empty()) {
    std::string basis = "basis:";
    for (const std::string &b : ind.basis)
      basis += "\n- " + b;
    line(out, basis);
  }
  line(out, "missing data: " +
                (ind.missingWritten
                     ? code("missing => " + ast::missingPolicyText(ind.missing))
                     : std::string(ind.mayBeMissing ? "no policy written"
                                                    : "no policy needed (no input it reads "
                                                      "can be missing)")));
  return out;
}

std::string describeBuiltin(std::string_view name) {
  std::string out = fmt::format("**function** {}", code(name));
  std::string_view lastDoc;
  for (const builtins::Builtin *b : builtins::overloads(name)) {
    out += "\n\n" + code(b->signature);
    if (b->doc != lastDoc)
      out += "\n\n" + std::string(b->doc);
    lastDoc = b->doc;
  }
  return out;
}

std::string describeAggregate(sema::AggregateKind kind) {
  switch (kind) {
  case sema::AggregateKind::Count:
    return "**aggregate** `count`: the number of records (in a report item)";
  case sema::AggregateKind::CountIf:
    return "**aggregate** `count(condition)`: the number of records where the condition holds";
  case sema::AggregateKind::Rate:
    return "**aggregate** `rate(condition)`: count(condition) / count, a number from 0 to 1";
  case sema::AggregateKind::Sum:
    return "**aggregate** `sum(value)`: the sum over the records, missing values skipped";
  case sema::AggregateKind::Avg:
    return "**aggregate** `avg(value)`: the mean over the records, missing values skipped";
  case sema::AggregateKind::Min:
    return "**aggregate** `min(value)`: the least value over the records";
  case sema::AggregateKind::Max:
    return "**aggregate** `max(value)`: the greatest value over the records";
  case sema::AggregateKind::Top:
    return "**aggregate** `top(n, value)`: the keys of the n records with the highest value";
  case sema::AggregateKind::Bottom:
    return "**aggregate** `bottom(n, value)`: the keys of the n records with the lowest value";
  }
  return "";
}

/// The text of `range`, on one line and cut to a length that fits a hover.
std::string writtenText(const SourceManager &sources, SourceRange range) {
  if (!range.valid() || range.file >= sources.size())
    return "";
  const std::string &text = sources.file(range.file).text();
  if (range.end > text.size() || range.begin > range.end)
    return "";
  std::string out;
  bool space = false;
  for (std::uint32_t i = range.begin; i < range.end; ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space)
      out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > 80) {
    std::size_t cut = 77;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
      --cut; // not inside a UTF-8 sequence
    out = out.substr(0, cut) + "...";
  }
  return out;
}

const ast::Expr *valueOf(const sema::Model &m, sema::SymbolRef s) {
  switch (s.kind) {
  case SymbolKind::Let:
    return s.index < m.lets.size() ? m.lets[s.index].value : nullptr;
  case SymbolKind::Score:
    return s.index < m.scores.size() ? m.scores[s.index].value : nullptr;
  case SymbolKind::Deadline:
    return s.index < m.deadlines.size() ? m.deadlines[s.index].value : nullptr;
  case SymbolKind::IndicatorLet:
    if (auto *i = at(m.indicators, s.index))
      if (auto *l = at(i->lets, s.member))
        return l->value;
    return nullptr;
  case SymbolKind::CheckLet:
    if (auto *c = at(m.checks, s.index))
      if (auto *l = at(c->lets, s.member))
        return l->value;
    return nullptr;
  default:
    return nullptr;
  }
}

} // namespace

std::string describeSymbol(const sema::Model &m, sema::SymbolRef s, const SourceManager *sources) {
  switch (s.kind) {
  case SymbolKind::Indicator:
    if (s.index < m.indicators.size())
      return describeIndicator(m, s);
    break;
  case SymbolKind::Field:
    if (auto *f = at(m.fields, s.index)) {
      std::string out = heading(m, s, f->title);
      line(out, code(f->name + ": " + symbolTypeText(m, s)) + (f->key ? " (key)" : ""));
      if (!f->unit.empty())
        line(out, "unit: " + f->unit);
      line(out, "field of record " + code(m.recordName));
      return out;
    }
    break;
  case SymbolKind::Param:
    if (auto *p = at(m.params, s.index)) {
      std::string out = heading(m, s, p->title);
      line(out, code(p->name + ": " + symbolTypeText(m, s)));
      if (!p->unit.empty())
        line(out, "unit: " + p->unit);
      if (p->defaultValue && sources)
        line(out, "default " + code(writtenText(*sources, p->defaultValue->range)) +
                      "; can be set at run time");
      else
        line(out, p->defaultValue ? "has a default; can be set at run time"
                                  : "no default: must be given at run time");
      return out;
    }
    break;
  case SymbolKind::Domain:
    if (auto *d = at(m.domains, s.index)) {
      std::string out = heading(m, s, d->title);
      if (d->weight)
        line(out, "weight " + weightText(*d->weight));
      line(out, fmt::format("{} indicator{}", d->indicators.size(),
                            d->indicators.size() == 1 ? "" : "s"));
      return out;
    }
    break;
  case SymbolKind::Builtin:
    if (s.index < static_cast<std::uint32_t>(builtins::Fn::Count_))
      return describeBuiltin(builtins::get(static_cast<builtins::Fn>(s.index)).name);
    break;
  case SymbolKind::Aggregate:
    return describeAggregate(static_cast<sema::AggregateKind>(s.index));
  default: {
    std::string out = heading(m, s, "");
    std::string type = symbolTypeText(m, s);
    if (!type.empty())
      line(out, "type " + code(type));
    if (s.kind == SymbolKind::EnumMember && s.index < m.enums.size() &&
        s.member < m.enums.get(s.index).members.size()) {
      const EnumMemberInfo &member = m.enums.get(s.index).members[s.member];
      if (member.label != member.name)
        line(out, "label \"" + member.label + "\"");
    }
    if (sources && (s.kind == SymbolKind::Let || s.kind == SymbolKind::Score ||
                    s.kind == SymbolKind::IndicatorLet || s.kind == SymbolKind::CheckLet ||
                    s.kind == SymbolKind::Deadline))
      if (const ast::Expr *value = valueOf(m, s))
        line(out, code("= " + writtenText(*sources, value->range)));
    if (s.kind == SymbolKind::Checklist)
      if (auto *c = at(m.checklists, s.index))
        line(out, (c->title.empty() ? "" : c->title + " · ") +
                      fmt::format("{} indicators", c->indicators.size()));
    if (s.kind == SymbolKind::Table)
      if (auto *t = at(m.tables, s.index))
        line(out,
             (t->title.empty() ? "" : t->title + " · ") +
                 fmt::format("{} rows{}", t->rows.size(), t->hasOtherwise ? "" : ", no otherwise"));
    return out;
  }
  }
  return "";
}

std::optional<HoverInfo> hoverAt(const Compilation &c, FileId file, std::uint32_t offset) {
  if (!c.model)
    return std::nullopt;
  const sema::Model &m = *c.model;
  if (auto hit = symbolAt(c, file, offset)) {
    std::string text = describeSymbol(m, hit->symbol, &c.sources);
    if (!text.empty())
      return HoverInfo{hit->range, std::move(text)};
  }
  if (auto retired = retiredNameAt(c, file, offset)) {
    const sema::RetiredInfo &r = *retired->retired;
    std::string out = fmt::format("**retired {}** {}", ast::declKindName(r.kind), code(r.name));
    if (r.where.name.valid()) {
      const SourceFile &declared = c.sources.file(r.where.name.file);
      LineColumn lc = declared.position(r.where.name.begin);
      line(out, fmt::format("declared in {} at line {}; removed from this rule set and from "
                            "every checklist that listed it",
                            declared.path(), lc.line));
    }
    return HoverInfo{retired->name, std::move(out)};
  }
  const ast::Module *module = c.module(file);
  if (!module)
    return std::nullopt;
  std::vector<const ast::Expr *> path = expressionsAt(*module, offset);
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const Type *type = m.typeOf(**it);
    if (!type || type->isError())
      continue;
    const SourceRange r = (*it)->range;
    std::string shown = writtenText(c.sources, r);
    std::string out = fmt::format("{}: {}", code(shown), code(typeName(*type, &m.enums)));
    if (auto unit = m.exprUnits.find((*it)->id); unit != m.exprUnits.end())
      out += " in " + unit->second;
    return HoverInfo{r, std::move(out)};
  }
  return std::nullopt;
}

} // namespace xr::query
