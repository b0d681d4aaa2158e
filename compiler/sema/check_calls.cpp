// Calls: built-in functions (one registry, runtime/builtins/registry.h), report aggregates
// and `weighted(checklist)`.
#include "compiler/sema/checker.h"

#include "compiler/sema/suggest.h"
#include "runtime/builtins/registry.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::sema {

namespace {

struct AggregateName {
  std::string_view name;
  AggregateKind kind;
};

const AggregateName kAggregates[] = {
    {"count", AggregateKind::Count}, {"rate", AggregateKind::Rate},     {"sum", AggregateKind::Sum},
    {"avg", AggregateKind::Avg},     {"min", AggregateKind::Min},       {"max", AggregateKind::Max},
    {"top", AggregateKind::Top},     {"bottom", AggregateKind::Bottom},
};

/// The aggregate a call names: min and max with one argument are aggregates, with more they
/// are the built-in functions.
std::optional<AggregateKind> aggregateOf(const ast::CallExpr &e) {
  for (const AggregateName &a : kAggregates) {
    if (a.name != e.callee.text)
      continue;
    if ((a.kind == AggregateKind::Min || a.kind == AggregateKind::Max) && e.args.size() != 1)
      return std::nullopt;
    return a.kind;
  }
  return std::nullopt;
}

bool unitPreserving(builtins::Fn fn) {
  using builtins::Fn;
  switch (fn) {
  case Fn::AbsInt:
  case Fn::AbsNumber:
  case Fn::MinInt:
  case Fn::MinNumber:
  case Fn::MaxInt:
  case Fn::MaxNumber:
  case Fn::ClampInt:
  case Fn::ClampNumber:
  case Fn::Round:
  case Fn::RoundTo:
  case Fn::Floor:
  case Fn::Ceil:
  case Fn::Trunc:
    return true;
  default:
    return false;
  }
}

/// Functions whose arguments are all the same quantity (min, max, clamp).
bool unitsMustAgree(builtins::Fn fn) {
  using builtins::Fn;
  return fn == Fn::MinInt || fn == Fn::MinNumber || fn == Fn::MaxInt || fn == Fn::MaxNumber ||
         fn == Fn::ClampInt || fn == Fn::ClampNumber;
}

std::string signatures(const std::vector<const builtins::Builtin *> &overloads) {
  std::string out;
  for (const builtins::Builtin *b : overloads)
    out += (out.empty() ? "" : "; ") + std::string(b->signature);
  return out;
}

bool accepts(TypeKind param, const Type &arg) {
  return arg.kind == param || (arg.kind == TypeKind::Int && param == TypeKind::Number);
}

} // namespace

Type Checker::call(const ast::CallExpr &e) {
  if (e.callee.text == "weighted")
    return weightedCall(e);
  if (auto kind = aggregateOf(e)) {
    if (scope_.report && !scope_.aggregateArg)
      return aggregateCall(e, *kind);
    {
      Scope s = scope_;
      s.report = false;
      ScopeGuard guard(*this, s);
      for (const auto &arg : e.args)
        if (arg)
          expr(*arg);
    }
    d_.report(DiagCode::AggregateOutsideReport, e.callee.range,
              scope_.aggregateArg
                  ? fmt::format("aggregates cannot be nested: {}() inside an aggregate's argument",
                                e.callee.text)
                  : fmt::format("{}() is an aggregate over the records of a population; it can "
                                "only be used in a report item",
                                e.callee.text));
    return Type::error();
  }
  return builtinCall(e);
}

Type Checker::builtinCall(const ast::CallExpr &e) {
  const std::string &name = e.callee.text;
  const std::vector<const builtins::Builtin *> overloads = builtins::overloads(name);
  std::vector<Type> args;
  bool broken = false;
  for (const auto &arg : e.args) {
    Type t = arg ? expr(*arg) : Type::error();
    broken = broken || t.isError();
    args.push_back(t);
  }
  if (overloads.empty()) {
    std::vector<std::string> candidates;
    for (std::string_view n : builtins::names())
      candidates.emplace_back(n);
    if (scope_.report)
      for (const AggregateName &a : kAggregates)
        candidates.emplace_back(a.name);
    auto suggestion = closestMatch(name, candidates);
    const bool clock = name == "today" || name == "now";
    auto &diag = d_.report(
        DiagCode::UnknownFunction, e.callee.range,
        fmt::format("unknown function '{}'{}{}", name, didYouMean(suggestion),
                    clock ? "; rule files read no clock: declare a date param such as `param "
                            "inspection_date: date` and use it"
                          : ""));
    addReplacementFix(diag, e.callee.range, suggestion);
    return Type::error();
  }
  if (broken)
    return Type::error();

  std::vector<const builtins::Builtin *> sameArity;
  for (const builtins::Builtin *b : overloads)
    if (b->params.size() == args.size())
      sameArity.push_back(b);
  if (sameArity.empty()) {
    d_.report(DiagCode::BadCall, e.range,
              fmt::format("{}() does not take {} argument{}: {}", name, args.size(),
                          args.size() == 1 ? "" : "s", signatures(overloads)));
    return Type::error();
  }
  const builtins::Builtin *chosen = nullptr;
  for (const builtins::Builtin *b : sameArity) {
    bool ok = true;
    for (std::size_t i = 0; i < args.size() && ok; ++i)
      ok = accepts(b->params[i], args[i]);
    if (ok) {
      chosen = b;
      break;
    }
  }
  if (!chosen) {
    // A number where only an int fits loses data: say so at that argument.
    for (const builtins::Builtin *b : sameArity) {
      std::optional<std::size_t> lossy;
      bool onlyLossy = true;
      for (std::size_t i = 0; i < args.size(); ++i) {
        if (accepts(b->params[i], args[i]))
          continue;
        if (b->params[i] == TypeKind::Int && args[i].kind == TypeKind::Number)
          lossy = lossy ? lossy : std::optional<std::size_t>(i);
        else
          onlyLossy = false;
      }
      if (onlyLossy && lossy) {
        d_.report(DiagCode::LossyConversion, e.args[*lossy]->range,
                  fmt::format("argument {} of {}() must be an int, and this is a number; convert "
                              "it with round, floor, ceil or trunc ({})",
                              *lossy + 1, name, b->signature));
        return Type::error();
      }
    }
    std::string written;
    for (const Type &t : args)
      written += (written.empty() ? "" : ", ") + typeText(t);
    d_.report(DiagCode::BadCall, e.range,
              fmt::format("{}() cannot take ({}): {}", name, written, signatures(overloads)));
    return Type::error();
  }
  if (chosen->needsCalendar && !hasCalendar_) {
    d_.report(DiagCode::NoCalendar, e.callee.range,
              fmt::format("{}() counts working days and needs a calendar: import one (e.g. "
                          "`import \"calendars/cn-2024.xr\"`) or declare a `calendar`",
                          name));
    return Type::error();
  }
  m_.resolved[e.id] = {SymbolKind::Builtin, static_cast<std::uint32_t>(chosen->id), 0};
  bool optional = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    optional = optional || args[i].optional;
    if (args[i].optional)
      inheritOrigin(e, {e.args[i].get()});
  }
  if (unitPreserving(chosen->id) && !e.args.empty()) {
    if (unitsMustAgree(chosen->id))
      for (std::size_t i = 1; i < e.args.size(); ++i)
        sameUnits(*e.args[0], *e.args[i], e.args[i]->range, "combine");
    std::optional<Unit> unit;
    for (std::size_t i = 0; i < e.args.size() && !unit; ++i)
      if (chosen->id != builtins::Fn::RoundTo || i == 0)
        unit = unitOf(*e.args[i]);
    setUnit(e, unit);
  }
  Type result;
  result.kind = chosen->result;
  result.optional = optional;
  return result;
}

Type Checker::aggregateCall(const ast::CallExpr &e, AggregateKind kind) {
  const std::string &name = e.callee.text;
  Scope inner = scope_;
  inner.report = false;
  inner.aggregateArg = true;
  ScopeGuard guard(*this, inner);

  auto wrongArguments = [&](std::string_view usage) {
    for (const auto &arg : e.args)
      if (arg)
        expr(*arg);
    d_.report(DiagCode::BadCall, e.range,
              fmt::format("{}() does not take {} argument{}: write {}", name, e.args.size(),
                          e.args.size() == 1 ? "" : "s", usage));
    return Type::error();
  };
  auto resolve = [&](AggregateKind k, Type t) {
    m_.resolved[e.id] = {SymbolKind::Aggregate, static_cast<std::uint32_t>(k), 0};
    return t;
  };

  switch (kind) {
  case AggregateKind::Count:
  case AggregateKind::CountIf:
    if (e.args.empty())
      return resolve(AggregateKind::Count, Type::integer());
    if (e.args.size() != 1 || !e.args[0])
      return wrongArguments("count (the records) or count(condition)");
    if (condition(*e.args[0], "the condition of count()").isError())
      return Type::error();
    return resolve(AggregateKind::CountIf, Type::integer());
  case AggregateKind::Rate:
    if (e.args.size() != 1 || !e.args[0])
      return wrongArguments("rate(condition)");
    if (condition(*e.args[0], "the condition of rate()").isError())
      return Type::error();
    return resolve(kind, Type::number());
  case AggregateKind::Sum:
  case AggregateKind::Avg:
  case AggregateKind::Min:
  case AggregateKind::Max: {
    if (e.args.size() != 1 || !e.args[0])
      return wrongArguments(fmt::format("{}(value)", name));
    Type t = expr(*e.args[0]);
    if (t.isError())
      return t;
    const bool dates =
        (kind == AggregateKind::Min || kind == AggregateKind::Max) && t.kind == TypeKind::Date;
    if (!t.isNumeric() && !dates) {
      d_.report(
          DiagCode::BadCall, e.args[0]->range,
          fmt::format("{}() needs a number{}, not {}", name,
                      kind == AggregateKind::Min || kind == AggregateKind::Max ? " or a date" : "",
                      typeText(t)));
      return Type::error();
    }
    setUnit(e, unitOf(*e.args[0]));
    if (kind == AggregateKind::Sum) // over no records: 0
      return resolve(kind, t.kind == TypeKind::Int ? Type::integer() : Type::number());
    if (kind == AggregateKind::Avg) // over no records: missing
      return resolve(kind, Type::number(true));
    return resolve(kind, t.withOptional(true));
  }
  case AggregateKind::Top:
  case AggregateKind::Bottom: {
    if (e.args.size() != 2 || !e.args[0] || !e.args[1])
      return wrongArguments(fmt::format("{}(n, value)", name));
    Type n = expr(*e.args[0]);
    Type t = expr(*e.args[1]);
    if (n.isError() || t.isError())
      return Type::error();
    const bool literalCount =
        e.args[0]->kind == ast::ExprKind::Literal &&
        std::holds_alternative<std::int64_t>(ast::as<ast::LiteralExpr>(*e.args[0]).value) &&
        std::get<std::int64_t>(ast::as<ast::LiteralExpr>(*e.args[0]).value) > 0;
    if (!literalCount) {
      d_.report(DiagCode::NotConstant, e.args[0]->range,
                fmt::format("the count of {}() must be a positive whole number, as in {}(10, "
                            "value)",
                            name, name));
      return Type::error();
    }
    if (!t.isNumeric() && t.kind != TypeKind::Date) {
      d_.report(DiagCode::BadCall, e.args[1]->range,
                fmt::format("{}() ranks records by a number or a date, not {}", name, typeText(t)));
      return Type::error();
    }
    return resolve(kind, Type::text());
  }
  }
  return Type::error();
}

Type Checker::weightedCall(const ast::CallExpr &e) {
  const bool wellFormed = e.args.size() == 1 && e.args[0] &&
                          e.args[0]->kind == ast::ExprKind::Name &&
                          ast::as<ast::NameExpr>(*e.args[0]).name.text == "checklist";
  if (!scope_.weightedAllowed) {
    d_.report(DiagCode::WeightedOutsideScore, e.range,
              "weighted(checklist) can only be the whole value of a score declaration, as in "
              "`score total = weighted(checklist)`");
    if (wellFormed)
      m_.exprTypes[e.args[0]->id] = Type::integer();
    return Type::error();
  }
  if (!wellFormed) {
    d_.report(DiagCode::BadCall, e.range,
              "weighted() takes the word checklist: `weighted(checklist)` weighs the indicators "
              "of the checklist that applies to each record");
    return Type::error();
  }
  // The argument stands for the applied checklist (the IR keeps its index in an int slot).
  m_.exprTypes[e.args[0]->id] = Type::integer();
  return Type::number();
}

} // namespace xr::sema
