// `xuncha check --emit=ir`: the IR as text, stable enough for golden files.
#include "compiler/ir/ir.h"
#include "runtime/builtins/dates.h"
#include "runtime/builtins/registry.h"

#include <fmt/format.h>

namespace xr::ir {

std::string_view opName(Op op) {
  switch (op) {
  case Op::Const: return "const";
  case Op::Field: return "field";
  case Op::Param: return "param";
  case Op::Slot: return "slot";
  case Op::IntToNumber: return "int->number";
  case Op::BoolToInt: return "bool->int";
  case Op::Neg: return "neg";
  case Op::Add: return "add";
  case Op::Sub: return "sub";
  case Op::Mul: return "mul";
  case Op::Div: return "div";
  case Op::Eq: return "eq";
  case Op::Ne: return "ne";
  case Op::Lt: return "lt";
  case Op::Le: return "le";
  case Op::Gt: return "gt";
  case Op::Ge: return "ge";
  case Op::Not: return "not";
  case Op::And: return "and";
  case Op::Or: return "or";
  case Op::IsMissing: return "is-missing";
  case Op::Coalesce: return "coalesce";
  case Op::If: return "if";
  case Op::When: return "when";
  case Op::SetHas: return "set-has";
  case Op::StatusIn: return "status-in";
  case Op::Call: return "call";
  case Op::Fail: return "fail";
  case Op::Aggregate: return "aggregate";
  }
  return "?";
}

std::string_view statusName(Status status) {
  switch (status) {
  case Status::NotApplicable:
    return "not_applicable";
  case Status::Pass:
    return "pass";
  case Status::Fail:
    return "fail";
  case Status::NotAssessed:
    return "not_assessed";
  }
  return "unknown_status";
}

namespace {

std::string dateText(std::int64_t days) {
  auto c = dates::civilFromDays(static_cast<std::int32_t>(days));
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string_view errorKindName(ErrorKind k) {
  switch (k) {
  case ErrorKind::DivisionByZero: return "division-by-zero";
  case ErrorKind::IntegerOverflow: return "integer-overflow";
  case ErrorKind::ScoreOutOfRange: return "score-out-of-range";
  case ErrorKind::DateOutOfRange: return "date-out-of-range";
  case ErrorKind::NoCalendar: return "no-calendar";
  case ErrorKind::NoChecklist: return "no-checklist";
  case ErrorKind::NothingAssessed: return "nothing-assessed";
  case ErrorKind::UniqueConflict: return "unique-conflict";
  case ErrorKind::AnyConflict: return "any-conflict";
  case ErrorKind::NoRowMatched: return "no-row-matched";
  case ErrorKind::BuiltinFailed: return "builtin-failed";
  }
  return "?";
}

std::string_view policyName(TableStmt::Policy p) {
  switch (p) {
  case TableStmt::Policy::First: return "first";
  case TableStmt::Policy::Unique: return "unique";
  case TableStmt::Policy::Any: return "any";
  case TableStmt::Policy::Priority: return "priority";
  case TableStmt::Policy::Collect: return "collect";
  case TableStmt::Policy::Sum: return "collect sum";
  case TableStmt::Policy::Min: return "collect min";
  case TableStmt::Policy::Max: return "collect max";
  case TableStmt::Policy::Count: return "collect count";
  }
  return "?";
}

std::string_view aggregateName(AggregateKind k) {
  switch (k) {
  case AggregateKind::Count: return "count";
  case AggregateKind::CountIf: return "count-if";
  case AggregateKind::Rate: return "rate";
  case AggregateKind::Sum: return "sum";
  case AggregateKind::Avg: return "avg";
  case AggregateKind::Min: return "min";
  case AggregateKind::Max: return "max";
  case AggregateKind::Top: return "top";
  case AggregateKind::Bottom: return "bottom";
  }
  return "?";
}

class Dumper {
public:
  Dumper(const Program &p, const DumpOptions &options) : p_(p), options_(options) {}

  std::string constant(const Constant &c) const {
    if (!c.valid)
      return "missing";
    switch (c.type.kind) {
    case TypeKind::Bool: return c.i ? "true" : "false";
    case TypeKind::Int: return fmt::format("{}", c.i);
    case TypeKind::Number: return fmt::format("{}", c.d);
    case TypeKind::Text: return fmt::format("\"{}\"", c.text);
    case TypeKind::Date: return dateText(c.i);
    case TypeKind::Enum:
      if (c.type.enumId < p_.enums.size() &&
          static_cast<std::size_t>(c.i) < p_.enums.get(c.type.enumId).members.size())
        return p_.enums.get(c.type.enumId).members[c.i].name;
      return fmt::format("#{}", c.i);
    case TypeKind::Status: return std::string(statusName(static_cast<Status>(c.i)));
    case TypeKind::Set: return fmt::format("set:{:#x}", c.i);
    default: return fmt::format("{}", c.i);
    }
  }

  std::string expr(ExprId id) const {
    if (id == kNoExpr)
      return "-";
    const Node &n = p_.node(id);
    std::string type = typeName(n.type, &p_.enums);
    switch (n.op) {
    case Op::Const: return constant(p_.constants[n.a]);
    case Op::Field: return p_.fields[n.a].name;
    case Op::Param: return "$" + p_.params[n.a].name;
    case Op::Slot: return "%" + p_.slots[n.a].name;
    case Op::Fail: return fmt::format("(fail #{})", n.a);
    case Op::Aggregate: return fmt::format("(aggregate {})", n.a);
    default: break;
    }
    std::string out = fmt::format("({}", opName(n.op));
    if (n.op == Op::Call)
      out += " " + std::string(builtins::get(static_cast<builtins::Fn>(n.a)).name);
    if (n.op == Op::StatusIn) {
      std::string mask;
      for (int s = 0; s < 4; ++s)
        if (n.a & (1 << s))
          mask += (mask.empty() ? "" : "|") + std::string(statusName(static_cast<Status>(s)));
      out += " " + mask;
    }
    out += ":" + type;
    for (std::uint32_t i = 0; i < n.argCount; ++i)
      out += " " + expr(p_.arg(n, i));
    if (n.b != 0 || n.op == Op::Div)
      out += fmt::format(" !{}", n.b);
    return out + ")";
  }

  std::string slot(SlotId s) const { return s == kNoSlot ? "-" : "%" + p_.slots[s].name; }

  void statement(const Stmt &stmt, std::string &out) const {
    std::visit([&](const auto &s) { this->body(s, out); }, stmt.body);
  }

  void body(const Assign &a, std::string &out) const {
    out += fmt::format("  {} = {}\n", slot(a.slot), expr(a.value));
  }
  void lets(const std::vector<Assign> &lets, std::string &out) const {
    for (const auto &a : lets)
      out += fmt::format("    let {} = {}\n", slot(a.slot), expr(a.value));
  }
  void body(const IndicatorStmt &s, std::string &out) const {
    std::string lists;
    for (std::size_t c = 0; c < p_.checklists.size(); ++c)
      if (s.checklists & (std::uint64_t{1} << c))
        lists += (lists.empty() ? "" : ", ") + p_.checklists[c];
    static const char *missing[] = {"not_assessed", "fail", "pass", "score"};
    out += fmt::format("  indicator {} -> {} {} in [{}]\n", p_.indicators[s.indicator],
                       slot(s.status), slot(s.score), lists);
    lets(s.lets, out);
    if (s.scoreExpr != kNoExpr)
      out += fmt::format("    score {}\n", expr(s.scoreExpr));
    if (s.passExpr != kNoExpr)
      out += fmt::format("    pass {}\n", expr(s.passExpr));
    out += fmt::format("    missing {}", missing[static_cast<int>(s.missing)]);
    if (s.missing == IndicatorStmt::Missing::Score)
      out += fmt::format(" {}", s.missingScore);
    out += fmt::format(" ; range !{}\n", s.scoreRange);
  }
  void body(const CheckStmt &s, std::string &out) const {
    out += fmt::format("  check -> {}{}\n", slot(s.raised),
                       s.raiseOnMissing ? " (missing raises)" : "");
    lets(s.lets, out);
    out += fmt::format("    when {}\n", expr(s.when));
  }
  void body(const WeightedStmt &s, std::string &out) const {
    out += fmt::format("  weighted{} -> {} by {}\n", s.points ? " points" : "", slot(s.total),
                       slot(s.checklist));
    for (std::size_t c = 0; c < s.indicatorWeight.size(); ++c) {
      std::string weights;
      for (std::size_t i = 0; i < s.indicatorWeight[c].size(); ++i)
        if (s.indicatorWeight[c][i] > 0)
          weights += fmt::format(" {}={}", p_.indicators[i], s.indicatorWeight[c][i]);
      std::string domains;
      for (std::size_t d = 0; d < s.domainWeight[c].size(); ++d)
        domains += fmt::format(" {}={}", p_.domains[d], s.domainWeight[c][d]);
      out += fmt::format("    {}: domains{}; indicators{}\n", p_.checklists[c], domains, weights);
    }
  }
  void body(const TableStmt &s, std::string &out) const {
    out += fmt::format("  table -> {} hit {}\n", slot(s.slot), policyName(s.policy));
    for (std::size_t r = 0; r < s.conditions.size(); ++r)
      out += fmt::format("    row {}{}: {} => {}\n", r + 1,
                         options_.sourceLayout ? fmt::format(" (line {})", s.rowLines[r]) : "",
                         expr(s.conditions[r]), expr(s.outcomes[r]));
    if (s.otherwise != kNoExpr)
      out += fmt::format("    otherwise => {}\n", expr(s.otherwise));
  }
  void body(const RuleStmt &s, std::string &out) const {
    out += fmt::format("  rule -> {} when {}\n", slot(s.applied), expr(s.when));
    for (const auto &a : s.assignments)
      out += fmt::format("    {} = {}\n", slot(a.slot), expr(a.value));
  }
  void body(const EscalateStmt &s, std::string &out) const {
    out += fmt::format("  escalate -> {} when {}\n", slot(s.fired), expr(s.when));
    for (const auto &a : s.arguments)
      out += fmt::format("    {} = {}\n", slot(a.slot), expr(a.value));
  }

  std::string run() const {
    std::string out = fmt::format("program \"{}\" version {}\n", p_.title, p_.version);
    if (options_.sourceLayout)
      out += fmt::format("hash {}\n", p_.contentHash);
    for (std::size_t e = 0; e < p_.enums.size(); ++e) {
      const auto &info = p_.enums.get(static_cast<EnumId>(e));
      std::string members;
      for (const auto &m : info.members)
        members += fmt::format("{}{}{}", members.empty() ? "" : ", ", m.name,
                               m.label != m.name ? " \"" + m.label + "\"" : "");
      out += fmt::format("enum {} {{ {} }}\n", info.name, members);
    }
    for (const auto &f : p_.fields)
      out += fmt::format("field {}: {}{}\n", f.name, typeName(f.type, &p_.enums),
                         f.key ? " key" : "");
    for (const auto &param : p_.params)
      out += fmt::format("param {}: {}{}\n", param.name, typeName(param.type, &p_.enums),
                         param.hasDefault ? " = " + constant(param.defaultValue) : "");
    if (!p_.calendar.years.empty())
      out += fmt::format("calendar: {} year(s), {} holidays, {} declared workdays\n",
                         p_.calendar.years.size(), p_.calendar.holidays.size(),
                         p_.calendar.workdays.size());
    if (options_.testsAndCalendar)
      calendarDays(out);
    out += "slots:\n";
    for (const auto &s : p_.slots)
      out += fmt::format("  %{}: {}\n", s.name, typeName(s.type, &p_.enums));
    out += "per record:\n";
    for (const auto &stmt : p_.statements)
      statement(stmt, out);
    out += "results:";
    for (const auto &r : p_.results)
      out += fmt::format(" {}{}", r.name, r.perIndicator ? "*" : "");
    out += "\n";
    for (const auto &f : p_.flags) {
      std::string by;
      for (SlotId s : f.raisedBy)
        by += " " + slot(s);
      out += fmt::format("flag {} raised by{}\n", f.name, by);
    }
    for (const auto &e : p_.escalations) {
      std::string actions;
      for (const auto &a : e.actions)
        actions += fmt::format(" {}{}", a.name, a.argument != kNoSlot ? "(" + slot(a.argument) + ")" : "");
      out += fmt::format("escalation {} when {}:{}\n", e.name, slot(e.fired), actions);
    }
    for (const auto &r : p_.reports) {
      out += fmt::format("report {}{}\n", r.name,
                         r.groupBy != kNoSlot ? " by " + slot(r.groupBy) : "");
      for (std::size_t a = 0; a < r.aggregates.size(); ++a)
        out += fmt::format("  aggregate {} = {} {}{}\n", a, aggregateName(r.aggregates[a].kind),
                           slot(r.aggregates[a].input),
                           r.aggregates[a].n ? fmt::format(" n={}", r.aggregates[a].n) : "");
      for (const auto &item : r.items)
        out += fmt::format("  {} = {}{}\n", item.name, expr(item.value),
                           item.target == kNoExpr  ? ""
                           : options_.sourceLayout ? " target " + item.targetText
                                                   : " target " + expr(item.target));
    }
    for (std::size_t e = 0; e < p_.errors.size(); ++e)
      out += fmt::format("error !{}: {} in {}{}\n", e, errorKindName(p_.errors[e].kind),
                         p_.errors[e].context,
                         options_.sourceLayout ? " (" + p_.errors[e].where + ")" : "");
    for (const auto &t : p_.tests)
      out += fmt::format("test \"{}\": {} expectation(s){}\n", t.title, t.expectations.size(),
                         t.expectError ? ", expects an error" : "");
    if (options_.testsAndCalendar)
      for (const auto &t : p_.tests)
        testCase(t, out);
    return out;
  }

private:
  void calendarDays(std::string &out) const {
    for (std::int32_t day : p_.calendar.holidays)
      out += fmt::format("  holiday {}\n", dateText(day));
    for (std::int32_t day : p_.calendar.workdays)
      out += fmt::format("  workday {}\n", dateText(day));
  }

  void testCase(const TestCase &t, std::string &out) const {
    out += fmt::format("case \"{}\"\n", t.title);
    for (std::size_t f = 0; f < t.record.size() && f < p_.fields.size(); ++f)
      out += fmt::format("  {} = {}\n", p_.fields[f].name, constant(t.record[f]));
    for (const auto &[param, value] : t.params)
      out += fmt::format("  ${} = {}\n", param < p_.params.size() ? p_.params[param].name : "?",
                         constant(value));
    for (const auto &e : t.expectations) {
      out += fmt::format("  expect {}\n", expr(e.condition));
      for (ExprId shown : e.shown)
        out += fmt::format("    show {}\n", expr(shown));
    }
    if (t.expectError)
      out += fmt::format("  expect error \"{}\"\n", t.errorContains);
  }

  const Program &p_;
  DumpOptions options_;
};

} // namespace

std::string dump(const Program &program) { return Dumper(program, {}).run(); }

std::string dump(const Program &program, const DumpOptions &options) {
  return Dumper(program, options).run();
}

} // namespace xr::ir
