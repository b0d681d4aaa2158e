#include "compiler/sema/model.h"

#include "runtime/builtins/registry.h"

namespace xr::sema {

std::string_view symbolKindName(SymbolKind kind) {
  switch (kind) {
  case SymbolKind::Field:
    return "field";
  case SymbolKind::Param:
    return "param";
  case SymbolKind::Enum:
    return "enum";
  case SymbolKind::EnumMember:
    return "enum member";
  case SymbolKind::Domain:
    return "domain";
  case SymbolKind::Indicator:
    return "indicator";
  case SymbolKind::IndicatorLet:
    return "let";
  case SymbolKind::Check:
    return "check";
  case SymbolKind::CheckLet:
    return "let";
  case SymbolKind::Checklist:
    return "checklist";
  case SymbolKind::Let:
    return "let";
  case SymbolKind::Score:
    return "score";
  case SymbolKind::Table:
    return "table";
  case SymbolKind::Output:
    return "output";
  case SymbolKind::Rule:
    return "rule";
  case SymbolKind::Escalate:
    return "escalation";
  case SymbolKind::Deadline:
    return "deadline";
  case SymbolKind::Calendar:
    return "calendar";
  case SymbolKind::Report:
    return "report";
  case SymbolKind::ReportItem:
    return "report item";
  case SymbolKind::Example:
    return "example";
  case SymbolKind::Builtin:
    return "function";
  case SymbolKind::Aggregate:
    return "aggregate";
  }
  return "name";
}

namespace {

std::string_view aggregateName(AggregateKind kind) {
  switch (kind) {
  case AggregateKind::Count:
  case AggregateKind::CountIf:
    return "count";
  case AggregateKind::Rate:
    return "rate";
  case AggregateKind::Sum:
    return "sum";
  case AggregateKind::Avg:
    return "avg";
  case AggregateKind::Min:
    return "min";
  case AggregateKind::Max:
    return "max";
  case AggregateKind::Top:
    return "top";
  case AggregateKind::Bottom:
    return "bottom";
  }
  return "aggregate";
}

template <typename T> const T *at(const std::vector<T> &v, std::uint32_t i) {
  return i < v.size() ? &v[i] : nullptr;
}

} // namespace

const Type *Model::typeOf(const ast::Expr &e) const {
  auto it = exprTypes.find(e.id);
  return it == exprTypes.end() ? nullptr : &it->second;
}

std::optional<SymbolRef> Model::resolution(const ast::Expr &e) const {
  auto it = resolved.find(e.id);
  if (it == resolved.end())
    return std::nullopt;
  return it->second;
}

std::optional<SymbolRef> Model::lookup(std::string_view name) const {
  auto it = globals.find(name);
  if (it == globals.end())
    return std::nullopt;
  return it->second;
}

std::string Model::nameOf(SymbolRef ref) const {
  switch (ref.kind) {
  case SymbolKind::Field:
    if (auto *f = at(fields, ref.index))
      return f->name;
    break;
  case SymbolKind::Param:
    if (auto *p = at(params, ref.index))
      return p->name;
    break;
  case SymbolKind::Enum:
    if (ref.index < enums.size())
      return enums.get(ref.index).name;
    break;
  case SymbolKind::EnumMember:
    if (ref.index < enums.size() && ref.member < enums.get(ref.index).members.size())
      return enums.get(ref.index).name + "." + enums.get(ref.index).members[ref.member].name;
    break;
  case SymbolKind::Domain:
    if (auto *d = at(domains, ref.index))
      return d->name;
    break;
  case SymbolKind::Indicator:
    if (auto *i = at(indicators, ref.index))
      return i->name;
    break;
  case SymbolKind::IndicatorLet:
    if (auto *i = at(indicators, ref.index))
      if (auto *l = at(i->lets, ref.member))
        return i->name + "." + l->name;
    break;
  case SymbolKind::Check:
    if (auto *c = at(checks, ref.index))
      return c->name;
    break;
  case SymbolKind::CheckLet:
    if (auto *c = at(checks, ref.index))
      if (auto *l = at(c->lets, ref.member))
        return c->name + "." + l->name;
    break;
  case SymbolKind::Checklist:
    if (auto *c = at(checklists, ref.index))
      return c->name;
    break;
  case SymbolKind::Let:
    if (auto *l = at(lets, ref.index))
      return l->name;
    break;
  case SymbolKind::Score:
    if (auto *s = at(scores, ref.index))
      return s->name;
    break;
  case SymbolKind::Table:
    if (auto *t = at(tables, ref.index))
      return t->name;
    break;
  case SymbolKind::Output:
    if (auto *o = at(outputs, ref.index))
      return o->name;
    break;
  case SymbolKind::Rule:
    if (auto *r = at(rules, ref.index))
      return r->name;
    break;
  case SymbolKind::Escalate:
    if (auto *e = at(escalations, ref.index))
      return e->name;
    break;
  case SymbolKind::Deadline:
    if (auto *d = at(deadlines, ref.index))
      return d->name;
    break;
  case SymbolKind::Calendar:
    if (auto *c = at(calendar.decls, ref.index))
      return (*c)->name.text;
    break;
  case SymbolKind::Report:
    if (auto *r = at(reports, ref.index))
      return r->name;
    break;
  case SymbolKind::ReportItem:
    if (auto *r = at(reports, ref.index))
      if (auto *item = at(r->items, ref.member))
        return r->name + "." + item->name;
    break;
  case SymbolKind::Example:
    if (auto *e = at(examples, ref.index))
      return e->name;
    break;
  case SymbolKind::Builtin:
    if (ref.index < static_cast<std::uint32_t>(builtins::Fn::Count_))
      return std::string(builtins::get(static_cast<builtins::Fn>(ref.index)).name);
    break;
  case SymbolKind::Aggregate:
    return std::string(aggregateName(static_cast<AggregateKind>(ref.index)));
  }
  return {};
}

Location Model::locationOf(SymbolRef ref) const {
  switch (ref.kind) {
  case SymbolKind::Field:
    if (auto *f = at(fields, ref.index))
      return f->where;
    break;
  case SymbolKind::Param:
    if (auto *p = at(params, ref.index))
      return p->where;
    break;
  case SymbolKind::Enum:
    if (auto *e = at(enumSources, ref.index))
      return e->where;
    break;
  case SymbolKind::EnumMember:
    if (auto *e = at(enumSources, ref.index))
      if (auto *m = at(e->members, ref.member))
        return {*m, *m};
    break;
  case SymbolKind::Domain:
    if (auto *d = at(domains, ref.index))
      return d->where;
    break;
  case SymbolKind::Indicator:
    if (auto *i = at(indicators, ref.index))
      return i->where;
    break;
  case SymbolKind::IndicatorLet:
    if (auto *i = at(indicators, ref.index))
      if (auto *l = at(i->lets, ref.member))
        return l->where;
    break;
  case SymbolKind::Check:
    if (auto *c = at(checks, ref.index))
      return c->where;
    break;
  case SymbolKind::CheckLet:
    if (auto *c = at(checks, ref.index))
      if (auto *l = at(c->lets, ref.member))
        return l->where;
    break;
  case SymbolKind::Checklist:
    if (auto *c = at(checklists, ref.index))
      return c->where;
    break;
  case SymbolKind::Let:
    if (auto *l = at(lets, ref.index))
      return l->where;
    break;
  case SymbolKind::Score:
    if (auto *s = at(scores, ref.index))
      return s->where;
    break;
  case SymbolKind::Table:
    if (auto *t = at(tables, ref.index))
      return t->where;
    break;
  case SymbolKind::Output:
    if (auto *o = at(outputs, ref.index))
      return o->where;
    break;
  case SymbolKind::Rule:
    if (auto *r = at(rules, ref.index))
      return r->where;
    break;
  case SymbolKind::Escalate:
    if (auto *e = at(escalations, ref.index))
      return e->where;
    break;
  case SymbolKind::Deadline:
    if (auto *d = at(deadlines, ref.index))
      return d->where;
    break;
  case SymbolKind::Calendar:
    if (auto *c = at(calendar.decls, ref.index))
      return {(*c)->name.range, (*c)->range};
    break;
  case SymbolKind::Report:
    if (auto *r = at(reports, ref.index))
      return r->where;
    break;
  case SymbolKind::ReportItem:
    if (auto *r = at(reports, ref.index))
      if (auto *item = at(r->items, ref.member); item && item->item)
        return {item->item->name.range, item->item->range};
    break;
  case SymbolKind::Example:
    if (auto *e = at(examples, ref.index))
      return e->where;
    break;
  case SymbolKind::Builtin:
  case SymbolKind::Aggregate:
    break;
  }
  return {};
}

} // namespace xr::sema
