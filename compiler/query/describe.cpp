#include "compiler/query/describe.h"

#include "compiler/sema/passes_support.h"

#include <fmt/format.h>

#include <cmath>

namespace xr::query {

using sema::SymbolKind;

std::string percentText(double fraction) {
  std::string text = fmt::format("{:.2f}", std::round(fraction * 10000.0) / 100.0);
  while (!text.empty() && text.back() == '0')
    text.pop_back();
  if (!text.empty() && text.back() == '.')
    text.pop_back();
  return text + "%";
}

std::string weightText(const sema::WeightInfo &weight) {
  return sema::passes::formatWeight(weight.kind, weight.micro);
}

namespace {

template <typename T> const T *at(const std::vector<T> &v, std::uint32_t i) {
  return i < v.size() ? &v[i] : nullptr;
}

std::string typeText(const sema::Model &m, const Type &type) {
  return type.isError() ? std::string() : typeName(type, &m.enums);
}

} // namespace

std::string symbolTypeText(const sema::Model &m, sema::SymbolRef s) {
  switch (s.kind) {
  case SymbolKind::Field:
    if (auto *f = at(m.fields, s.index))
      return typeText(m, f->type);
    break;
  case SymbolKind::Param:
    if (auto *p = at(m.params, s.index))
      return typeText(m, p->type);
    break;
  case SymbolKind::EnumMember:
    return s.index < m.enums.size() ? "enum " + m.enums.get(s.index).name : "";
  case SymbolKind::IndicatorLet:
    if (auto *i = at(m.indicators, s.index))
      if (auto *l = at(i->lets, s.member))
        return typeText(m, l->type);
    break;
  case SymbolKind::CheckLet:
    if (auto *c = at(m.checks, s.index))
      if (auto *l = at(c->lets, s.member))
        return typeText(m, l->type);
    break;
  case SymbolKind::Let:
    if (auto *l = at(m.lets, s.index))
      return typeText(m, l->type);
    break;
  case SymbolKind::Score:
    if (auto *v = at(m.scores, s.index))
      return typeText(m, v->type);
    break;
  case SymbolKind::Table:
    if (auto *t = at(m.tables, s.index))
      return typeText(m, t->type);
    break;
  case SymbolKind::Output:
    if (auto *o = at(m.outputs, s.index))
      return typeText(m, o->type);
    break;
  case SymbolKind::Deadline:
    if (auto *d = at(m.deadlines, s.index))
      return typeText(m, d->type);
    break;
  case SymbolKind::Check:
  case SymbolKind::Rule:
  case SymbolKind::Escalate:
    return "bool";
  case SymbolKind::ReportItem:
    if (auto *r = at(m.reports, s.index))
      if (auto *item = at(r->items, s.member))
        return typeText(m, item->type);
    break;
  default:
    break;
  }
  return "";
}

std::string symbolDetail(const sema::Model &m, sema::SymbolRef s) {
  std::string kind(sema::symbolKindName(s.kind));
  std::string type = symbolTypeText(m, s);
  std::string title;
  switch (s.kind) {
  case SymbolKind::Field:
    if (auto *f = at(m.fields, s.index))
      title = f->title;
    break;
  case SymbolKind::Param:
    if (auto *p = at(m.params, s.index))
      title = p->title;
    break;
  case SymbolKind::Domain:
    if (auto *d = at(m.domains, s.index))
      title = d->title;
    break;
  case SymbolKind::Indicator:
    if (auto *i = at(m.indicators, s.index))
      title = i->title;
    break;
  case SymbolKind::Check:
    if (auto *c = at(m.checks, s.index))
      title = c->title;
    break;
  case SymbolKind::Checklist:
    if (auto *c = at(m.checklists, s.index))
      title = c->title;
    break;
  case SymbolKind::Table:
    if (auto *t = at(m.tables, s.index))
      title = t->title;
    break;
  case SymbolKind::EnumMember:
    if (s.index < m.enums.size() && s.member < m.enums.get(s.index).members.size()) {
      const EnumMemberInfo &member = m.enums.get(s.index).members[s.member];
      if (member.label != member.name)
        title = member.label;
    }
    break;
  default:
    break;
  }
  std::string out = kind;
  if (!type.empty())
    out += ": " + type;
  if (!title.empty())
    out += " " + title;
  return out;
}

} // namespace xr::query
