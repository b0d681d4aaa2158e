#include "tests/differential/source_generator.h"

#include "runtime/builtins/dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace xr::differential {

Draw::Draw(std::uint64_t seed) : engine_(seed) {}

std::uint64_t Draw::below(std::uint64_t n) { return engine_() % n; }

std::int64_t Draw::between(std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

bool Draw::chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

namespace {

ValueType of(Kind kind, int enumId = -1) { return {kind, enumId}; }

const ValueType kNone = of(Kind::None);

/// A name an expression may read, with the type it reads as.
struct Named {
  std::string name;
  ValueType type;
  bool optional = false;
};

struct IndicatorInfo {
  std::string name;
  std::string domain;
  std::string severity; // "" when none
};

bool hasReference(const Expr &e) {
  if (e.kids.empty())
    return !e.text.empty() && !e.text[0].empty() &&
           (std::isalpha(static_cast<unsigned char>(e.text[0][0])) || e.text[0][0] == '_') &&
           e.text[0] != "true" && e.text[0] != "false";
  return std::any_of(e.kids.begin(), e.kids.end(), hasReference);
}

std::string isoDate(std::int32_t days) {
  const dates::Civil c = dates::civilFromDays(days);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

const std::vector<std::string> kTextPool = {"杭州", "宁波", "温州", "", "a", "abc", "巡查", "ab"};
const std::vector<std::string> kTitles = {"资质证照有效性", "设备设施安全",  "污染物排放达标",
                                          "数据加密",       "risk tier",     "应急预案完备性",
                                          "节能降耗",       "合同管理规范性"};

class Generator {
public:
  explicit Generator(std::uint64_t seed) : draw_(seed), seed_(seed) {}

  GeneratedRuleSet make() {
    // How often this rule set takes the choices that make records fail (huge values, clamp
    // bounds the wrong way round, scores outside 0..100, no checklist): some rule sets fail
    // few records, so that their values are compared, some fail many, so that errors are.
    static const std::vector<double> risks = {0.1, 0.1, 0.4, 0.4, 1.0};
    risk_ = draw_.one(risks);
    // Declarations come in phases, each reading only what the earlier ones declared, so that
    // no dependency cycle (XR0501) can arise: the record, params and early lets; indicators
    // (reading earlier indicators); checks; checklists (whose selectors read the first phase
    // only: an indicator's status depends on the checklist); then lets, scores, tables and
    // deadlines reading all that; outputs and the rules that change them; what reads outputs'
    // final values (escalations and the rest); reports last.
    out_.source.header = fmt::format("ruleset \"differential fuzz {}\" version 1", seed_);
    const int enums = static_cast<int>(draw_.between(0, 2));
    for (int i = 0; i < enums; ++i)
      declaredEnum();
    if (draw_.chance(60))
      calendars();
    record();
    const int params = static_cast<int>(draw_.between(1, 4));
    for (int i = 0; i < params; ++i)
      param();
    const int earlyLets = static_cast<int>(draw_.between(0, 2));
    for (int i = 0; i < earlyLets; ++i)
      let();
    const std::vector<Named> selectorEnv = env_;
    if (draw_.chance(85))
      indicators();
    const int checkCount = static_cast<int>(draw_.between(0, 3));
    std::vector<Named> checkNames;
    for (int i = 0; i < checkCount; ++i)
      checkNames.push_back(check());
    for (const Named &n : checkNames)
      env_.push_back(n);
    if (!indicators_.empty()) {
      checklists(selectorEnv);
      if (draw_.chance(85)) {
        out_.source.decls.push_back(declLine("score total \"综合得分\" = weighted(checklist)"));
        env_.push_back({"total", of(Kind::Number), false});
      }
    }
    statusVisible_ = indicators_.size();
    quantifiers_ = !indicators_.empty();
    const int middle = static_cast<int>(draw_.between(2, 9));
    for (int i = 0; i < middle; ++i)
      middleDeclaration();
    outputs();
    const int rules = outputs_.empty() ? 0 : static_cast<int>(draw_.between(0, 4));
    std::vector<Named> ruleNames;
    for (int i = 0; i < rules; ++i)
      ruleNames.push_back(rule());
    for (const Named &n : outputs_)
      env_.push_back(n);
    for (const Named &n : ruleNames)
      env_.push_back(n);
    const int late = static_cast<int>(draw_.between(0, 4));
    for (int i = 0; i < late; ++i)
      lateDeclaration();
    const int reports = draw_.chance(75) ? static_cast<int>(draw_.between(1, 2)) : 0;
    for (int i = 0; i < reports; ++i)
      report();
    return std::move(out_);
  }

private:
  Draw draw_;
  std::uint64_t seed_;
  double risk_ = 1;

  /// A choice that makes records fail: `percent` at full risk, less in safer rule sets.
  bool risky(int percent) {
    return static_cast<double>(draw_.below(1000)) < 10.0 * percent * risk_;
  }
  GeneratedRuleSet out_;
  std::vector<Named> env_;
  std::vector<IndicatorInfo> indicators_;
  std::vector<std::string> domains_;
  std::size_t statusVisible_ = 0; // indicators_[0 .. statusVisible_) may be read by status
  bool quantifiers_ = false;
  bool calendar_ = false;
  std::vector<Named> outputs_;
  int counter_ = 0;

  std::string fresh(const char *prefix) { return fmt::format("{}{}", prefix, ++counter_); }

  std::vector<EnumSpec> &enums() { return out_.schema.enums; }

  std::string title() { return fmt::format(" \"{}\"", draw_.one(kTitles)); }
  std::string maybeTitle() { return draw_.chance(40) ? title() : ""; }

  static Decl declLine(std::string text) {
    Decl d;
    d.lines.push_back({Expr::leaf(kNone, std::move(text)), false});
    return d;
  }
  static Line line(std::vector<std::string> text, std::vector<Expr> kids, bool removable) {
    Expr e;
    e.type = kNone;
    e.text = std::move(text);
    e.kids = std::move(kids);
    return {std::move(e), removable};
  }
  static Line fixed(std::string text) { return {Expr::leaf(kNone, std::move(text)), false}; }

  // ------------------------------------------------------------------------ expressions

  static Expr node(ValueType type, std::vector<std::string> text, std::vector<Expr> kids) {
    Expr e;
    e.type = type;
    e.optional = std::any_of(kids.begin(), kids.end(), [](const Expr &k) { return k.optional; });
    e.text = std::move(text);
    e.kids = std::move(kids);
    return e;
  }

  std::vector<const Named *> references(ValueType type) const {
    std::vector<const Named *> found;
    for (const Named &n : env_) {
      const bool fits = n.type == type || (type.kind == Kind::Number && n.type.kind == Kind::Int);
      if (fits)
        found.push_back(&n);
    }
    return found;
  }

  std::optional<Expr> reference(ValueType type) {
    const std::vector<const Named *> found = references(type);
    if (found.empty())
      return std::nullopt;
    const Named *n = draw_.one(found);
    return Expr::leaf(n->type, n->name, n->optional);
  }

  std::string intLiteral() {
    static const std::vector<std::string> small = {"0",  "1",  "2",  "3",  "5",   "7",   "10",
                                                   "12", "30", "59", "60", "100", "365", "1000"};
    static const std::vector<std::string> large = {"4611686018427387904", "9223372036854775807",
                                                   "3037000500", "100000000", "2147483648"};
    return risky(3) ? draw_.one(large) : draw_.one(small);
  }
  std::string numberLiteral() {
    static const std::vector<std::string> pool = {"0.5",  "1.5",   "2.5",   "0.1",  "60.0",
                                                  "99.5", "100.0", "2.675", "1e-3", "40%",
                                                  "5%",   "0.0",   "33.3",  "12.25"};
    // A huge one makes every round/floor/ceil/trunc overflow: now and then only.
    return risky(3) ? "1e300" : draw_.one(pool);
  }
  std::string dateLiteral() {
    // Mostly dates inside the calendar's years: outside them working days are record errors.
    if (calendar_ && draw_.chance(95)) {
      const std::int32_t year = draw_.one(out_.schema.calendarYears);
      return fmt::format("{:04}-{:02}-{:02}", year, draw_.between(1, 12), draw_.between(1, 28));
    }
    static const std::vector<std::string> pool = {
        "2024-01-01", "2024-06-30", "2024-10-01", "2024-12-31", "2023-12-31", "2025-01-01",
        "2024-02-29", "2024-09-29", "2025-06-30", "2024-05-01", "9999-12-31", "0001-01-01"};
    return draw_.chance(95) ? draw_.one(std::vector<std::string>(pool.begin(), pool.end() - 2))
                            : draw_.one(pool);
  }
  std::string textLiteral() { return fmt::format("\"{}\"", draw_.one(kTextPool)); }

  /// A literal of `type` (enums: a member, valid only where the context names the enum).
  Expr literal(ValueType type) {
    switch (type.kind) {
    case Kind::Bool:
      return Expr::leaf(type, draw_.chance(50) ? "true" : "false");
    case Kind::Int:
      return Expr::leaf(type, intLiteral());
    case Kind::Number:
      return draw_.chance(30) ? Expr::leaf(of(Kind::Int), intLiteral())
                              : Expr::leaf(type, numberLiteral());
    case Kind::Text:
      return Expr::leaf(type, textLiteral());
    case Kind::Date:
      return Expr::leaf(type, dateLiteral());
    case Kind::Enum:
      return Expr::leaf(type, member(type.enumId));
    case Kind::None:
      break;
    }
    return Expr::leaf(type, "true");
  }

  std::string member(int enumId) {
    const EnumSpec &e = enums()[static_cast<std::size_t>(enumId)];
    const std::size_t i = draw_.below(e.members.size());
    if (!e.labels[i].empty() && draw_.chance(20))
      return fmt::format("\"{}\"", e.labels[i]);
    return e.members[i];
  }

  /// A leaf: a name of the type when there is one (mostly), else a literal. Enums need a name.
  Expr leafOf(ValueType type) {
    if (type.kind == Kind::Enum || draw_.chance(65))
      if (std::optional<Expr> r = reference(type))
        return *r;
    return literal(type);
  }

  /// An expression of `type`, perhaps optional. Enum values are only asked for where a name
  /// of that enum exists (a bare member needs a context, see memberOrValue).
  Expr value(ValueType type, int depth) {
    if (depth <= 0 || draw_.chance(25))
      return leafOf(type);
    switch (type.kind) {
    case Kind::Int:
      return intExpr(depth);
    case Kind::Number:
      return numberExpr(depth);
    case Kind::Bool:
      return boolExpr(depth);
    case Kind::Date:
      return dateExpr(depth);
    case Kind::Text:
    case Kind::Enum:
      return draw_.chance(50) ? ifExpr(type, depth) : coalesce(type, depth);
    case Kind::None:
      break;
    }
    return leafOf(type);
  }

  /// Never missing: an optional value gets a `?? literal` fallback.
  Expr required(ValueType type, int depth) {
    Expr e = value(type, depth);
    if (!e.optional)
      return e;
    Expr fallback =
        type.kind == Kind::Enum ? Expr::leaf(type, enums()[type.enumId].members[0]) : literal(type);
    Expr n = node(type, {"(", " ?? ", ")"}, {std::move(e), std::move(fallback)});
    n.optional = false;
    return n;
  }

  /// For a place where the enum is known from context: a bare member or a value.
  Expr memberOrValue(ValueType type, int depth) {
    if (references(type).empty() || draw_.chance(60))
      return Expr::leaf(type, member(type.enumId));
    return value(type, depth);
  }

  Expr ifExpr(ValueType type, int depth) {
    Expr n =
        node(type, {"(if ", " then ", " else ", ")"},
             {value(of(Kind::Bool), depth - 1), value(type, depth - 1), value(type, depth - 1)});
    return n;
  }

  Expr coalesce(ValueType type, int depth) {
    // Mostly a left side that can be missing (else `??` is only a warning, XR0309).
    Expr first = value(type, depth - 1);
    for (int attempt = 0; attempt < 3 && !first.optional; ++attempt)
      first = value(type, depth - 1);
    Expr second = value(type, depth - 1);
    const bool optional = second.optional;
    Expr n = node(type, {"(", " ?? ", ")"}, {std::move(first), std::move(second)});
    n.optional = optional;
    return n;
  }

  Expr call(ValueType type, const char *name, std::vector<Expr> args) {
    std::vector<std::string> text{fmt::format("{}(", name)};
    for (std::size_t i = 1; i < args.size(); ++i)
      text.push_back(", ");
    text.push_back(")");
    return node(type, std::move(text), std::move(args));
  }

  Expr binary(ValueType type, const char *op, Expr a, Expr b) {
    return node(type, {"(", fmt::format(" {} ", op), ")"}, {std::move(a), std::move(b)});
  }

  /// A divisor that is never the constant zero (XR0310): it always reads a name.
  Expr divisor(int depth) {
    Expr d = value(of(Kind::Number), depth - 1);
    if (hasReference(d))
      return d;
    return binary(of(Kind::Number), "-", *reference(of(Kind::Number)), std::move(d));
  }

  std::string severityWord() {
    static const std::vector<std::string> all = {"critical", "major", "minor"};
    return draw_.one(all);
  }

  /// `any critical indicator in d1 fails`, without the parentheses.
  std::string quantifier(const char *which) {
    static const std::vector<std::string> statuses = {"passes", "fails", "unassessed"};
    std::string q = which;
    const bool severity = draw_.chance(50);
    if (severity)
      q += " " + severityWord();
    if (!severity || draw_.chance(50)) {
      q += " indicator";
      if (draw_.chance(40))
        q += " in " + draw_.one(domains_);
    }
    return q + " " + draw_.one(statuses);
  }

  Expr intExpr(int depth) {
    const ValueType t = of(Kind::Int);
    const ValueType num = of(Kind::Number);
    const ValueType date = of(Kind::Date);
    switch (draw_.below(23)) {
    case 0:
      return binary(t, "+", value(t, depth - 1), value(t, depth - 1));
    case 1:
      return binary(t, "-", value(t, depth - 1), value(t, depth - 1));
    case 2:
      return binary(t, "*", value(t, depth - 1), value(t, depth - 1));
    case 3:
      return node(t, {"(-", ")"}, {value(t, depth - 1)});
    case 4:
      return call(t, "abs", {value(t, depth - 1)});
    case 5:
      return call(t, "min", {value(t, depth - 1), value(t, depth - 1)});
    case 6:
      return call(t, "max", {value(t, depth - 1), value(t, depth - 1)});
    case 7:
      return clamp(t, depth);
    case 8:
      return call(t, "round", {value(num, depth - 1)});
    case 9:
      return call(t, "floor", {value(num, depth - 1)});
    case 10:
      return call(t, "ceil", {value(num, depth - 1)});
    case 11:
      return call(t, "trunc", {value(num, depth - 1)});
    case 12:
      return call(t, "year", {value(date, depth - 1)});
    case 13:
      return call(t, "month", {value(date, depth - 1)});
    case 14:
      return call(t, "day_of_month", {value(date, depth - 1)});
    case 15:
      return call(t, "weekday", {value(date, depth - 1)});
    case 16:
      return call(t, "days_between", {value(date, depth - 1), value(date, depth - 1)});
    case 17:
      return binary(t, "-", value(date, depth - 1), value(date, depth - 1));
    case 18:
      if (calendar_)
        return call(t, "workdays_between", {value(date, depth - 1), value(date, depth - 1)});
      return binary(t, "+", value(t, depth - 1), leafOf(t));
    case 19:
      return call(t, "length", {value(of(Kind::Text), depth - 1)});
    case 20:
      if (quantifiers_)
        return Expr::leaf(t, "(" + quantifier("count") + ")");
      return call(t, "abs", {value(t, depth - 1)});
    case 21:
      return ifExpr(t, depth);
    default:
      return coalesce(t, depth);
    }
  }

  Expr numberExpr(int depth) {
    const ValueType t = of(Kind::Number);
    switch (draw_.below(17)) {
    case 0:
      return binary(t, "+", value(t, depth - 1), value(t, depth - 1));
    case 1:
      return binary(t, "-", value(t, depth - 1), value(t, depth - 1));
    case 2:
      return binary(t, "*", value(t, depth - 1), value(t, depth - 1));
    case 3:
    case 4:
      return binary(t, "/", value(t, depth - 1), divisor(depth));
    case 5:
      return node(t, {"(-", ")"}, {value(t, depth - 1)});
    case 6:
      return call(t, "abs", {value(t, depth - 1)});
    case 7:
      return call(t, "min", {value(t, depth - 1), value(t, depth - 1)});
    case 8:
      return call(t, "max", {value(t, depth - 1), value(t, depth - 1)});
    case 9:
      return clamp(t, depth);
    case 10:
      if (!risky(10))
        return call(t, "sqrt", {call(t, "abs", {value(t, depth - 1)})});
      return call(t, "sqrt", {value(t, depth - 1)});
    case 11:
      if (!risky(20))
        return call(t, "pow", {call(t, "abs", {value(t, depth - 1)}), exponent(depth)});
      return call(t, "pow", {value(t, depth - 1), exponent(depth)});
    case 12:
      return call(t, "round",
                  {value(t, depth - 1),
                   !risky(8) ? Expr::leaf(of(Kind::Int), fmt::format("{}", draw_.between(-3, 4)))
                             : value(of(Kind::Int), depth - 1)});
    case 13:
      if (statusVisible_ > 0) {
        const IndicatorInfo &i = indicators_[draw_.below(statusVisible_)];
        return Expr::leaf(t, i.name + ".score", true);
      }
      return call(t, "abs", {value(t, depth - 1)});
    case 14:
      return ifExpr(t, depth);
    case 15:
      return coalesce(t, depth);
    default:
      return call(t, "max", {value(t, depth - 1), value(of(Kind::Int), depth - 1)});
    }
  }

  Expr comparison(ValueType operand, int depth) {
    static const std::vector<std::string> ordered = {"==", "!=", "<", "<=", ">", ">="};
    static const std::vector<std::string> equality = {"==", "!="};
    const bool hasOrder =
        operand.kind == Kind::Int || operand.kind == Kind::Number || operand.kind == Kind::Date;
    const std::string op = hasOrder ? draw_.one(ordered) : draw_.one(equality);
    Expr lhs = value(operand, depth - 1);
    Expr rhs =
        operand.kind == Kind::Enum ? memberOrValue(operand, depth - 1) : value(operand, depth - 1);
    return binary(of(Kind::Bool), op.c_str(), std::move(lhs), std::move(rhs));
  }

  Expr inList(ValueType operand, int depth) {
    Expr subject = value(operand, depth - 1);
    std::vector<Expr> items;
    const int n = static_cast<int>(draw_.between(1, 3));
    for (int i = 0; i < n; ++i)
      items.push_back(operand.kind == Kind::Enum ? memberOrValue(operand, 0) : leafOf(operand));
    std::vector<std::string> text{"(", draw_.chance(25) ? " not in [" : " in ["};
    for (int i = 1; i < n; ++i)
      text.push_back(", ");
    text.push_back("])");
    items.insert(items.begin(), std::move(subject));
    return node(of(Kind::Bool), std::move(text), std::move(items));
  }

  /// An enum that has a name of its type in scope, if any.
  std::optional<ValueType> enumInScope() {
    std::vector<ValueType> found;
    for (const Named &n : env_)
      if (n.type.kind == Kind::Enum)
        found.push_back(n.type);
    if (found.empty())
      return std::nullopt;
    return draw_.one(found);
  }

  Expr boolExpr(int depth) {
    const ValueType t = of(Kind::Bool);
    static const std::vector<std::string> statuses = {"passes", "fails", "unassessed"};
    switch (draw_.below(20)) {
    case 0:
    case 1:
      return comparison(of(draw_.chance(50) ? Kind::Int : Kind::Number), depth);
    case 2:
      return comparison(of(Kind::Date), depth);
    case 3:
      return comparison(of(Kind::Text), depth);
    case 4:
      if (std::optional<ValueType> e = enumInScope())
        return comparison(*e, depth);
      return comparison(t, depth);
    case 5:
      if (std::optional<ValueType> e = enumInScope())
        return inList(*e, depth);
      return inList(of(draw_.chance(50) ? Kind::Int : Kind::Text), depth);
    case 6: {
      const ValueType num = of(Kind::Number);
      return node(t, {"(", " between ", " and ", ")"},
                  {value(num, depth - 1), leafOf(num), leafOf(num)});
    }
    case 7: {
      static const std::vector<Kind> kinds = {Kind::Int, Kind::Number, Kind::Date, Kind::Text,
                                              Kind::Bool};
      Expr e = node(t, {"(", draw_.chance(50) ? " is missing)" : " is not missing)"},
                    {value(of(draw_.one(kinds)), depth - 1)});
      e.optional = false;
      return e;
    }
    case 8:
      return binary(t, "and", value(t, depth - 1), value(t, depth - 1));
    case 9:
      return binary(t, "or", value(t, depth - 1), value(t, depth - 1));
    case 10:
      return node(t, {"(not ", ")"}, {value(t, depth - 1)});
    case 11: {
      static const std::vector<const char *> fns = {"contains", "starts_with", "ends_with"};
      return call(t, draw_.one(fns),
                  {value(of(Kind::Text), depth - 1), value(of(Kind::Text), depth - 1)});
    }
    case 12:
      if (calendar_)
        return call(t, "is_workday", {value(of(Kind::Date), depth - 1)});
      return comparison(of(Kind::Date), depth);
    case 13:
      if (statusVisible_ > 0) {
        const IndicatorInfo &i = indicators_[draw_.below(statusVisible_)];
        return Expr::leaf(t, fmt::format("({} {})", i.name, draw_.one(statuses)));
      }
      return comparison(of(Kind::Int), depth);
    case 14:
      if (quantifiers_)
        return Expr::leaf(t, "(" + quantifier(draw_.chance(50) ? "any" : "all") + ")");
      return comparison(of(Kind::Number), depth);
    case 15:
      return comparison(t, depth);
    case 16:
      return ifExpr(t, depth);
    case 17:
      return coalesce(t, depth);
    default:
      return comparison(of(Kind::Int), depth);
    }
  }

  /// Mostly a small count: a huge one only makes a date out of range, on every record.
  Expr smallInt(int depth) {
    static const std::vector<std::string> pool = {"0", "1", "2", "3", "5", "10", "-1", "-3", "30"};
    if (!risky(15))
      return Expr::leaf(of(Kind::Int), draw_.one(pool));
    return value(of(Kind::Int), depth - 1);
  }

  Expr exponent(int depth) {
    static const std::vector<std::string> pool = {"2", "0.5", "3", "-1", "0", "1.5"};
    if (!risky(30))
      return Expr::leaf(of(Kind::Number), draw_.one(pool));
    return value(of(Kind::Number), depth - 1);
  }

  /// clamp(x, lo, hi), mostly with lo <= hi (else a record error on every record).
  Expr clamp(ValueType t, int depth) {
    if (risky(10))
      return call(t, "clamp", {value(t, depth - 1), value(t, depth - 1), value(t, depth - 1)});
    std::int64_t lo = draw_.between(-10, 60), hi = draw_.between(-10, 120);
    if (lo > hi)
      std::swap(lo, hi);
    return call(t, "clamp",
                {value(t, depth - 1), Expr::leaf(of(Kind::Int), std::to_string(lo)),
                 Expr::leaf(of(Kind::Int), std::to_string(hi))});
  }

  Expr duration(int depth, bool working) {
    Expr n = smallInt(depth);
    Expr d = node(kNone, {"(", working ? ") working days" : ") days"}, {std::move(n)});
    return d;
  }

  Expr dateExpr(int depth) {
    const ValueType t = of(Kind::Date);
    switch (draw_.below(9)) {
    case 0:
      return node(t, {"(", " + ", ")"}, {value(t, depth - 1), duration(depth, false)});
    case 1:
      return node(t, {"(", " - ", ")"}, {value(t, depth - 1), duration(depth, false)});
    case 2:
      if (calendar_)
        return node(t, {"(", " + ", ")"}, {value(t, depth - 1), duration(depth, true)});
      return call(t, "add_days", {value(t, depth - 1), smallInt(depth)});
    case 3:
      if (calendar_)
        return node(t, {"(", " - ", ")"}, {value(t, depth - 1), duration(depth, true)});
      return call(t, "add_months", {value(t, depth - 1), smallInt(depth)});
    case 4:
      return call(t, "add_days", {value(t, depth - 1), smallInt(depth)});
    case 5:
      return call(t, "add_months", {value(t, depth - 1), smallInt(depth)});
    case 6:
      if (calendar_)
        return call(t, "add_workdays", {value(t, depth - 1), smallInt(depth)});
      return coalesce(t, depth);
    case 7:
      return ifExpr(t, depth);
    default:
      return coalesce(t, depth);
    }
  }

  int depth() { return draw_.chance(90) ? static_cast<int>(draw_.between(1, 3)) : 5; }

  ValueType anyValueType() {
    static const std::vector<Kind> kinds = {Kind::Int,  Kind::Number, Kind::Number, Kind::Bool,
                                            Kind::Bool, Kind::Date,   Kind::Text};
    if (draw_.chance(12))
      if (std::optional<ValueType> e = enumInScope())
        return *e;
    return of(draw_.one(kinds));
  }

  // ------------------------------------------------------------------------ declarations

  int newEnum(const std::string &name, const std::string &prefix, std::size_t members,
              bool withLabels = true) {
    static const std::vector<std::string> labels = {"甲", "乙", "丙", "丁", "红色", "黄色"};
    EnumSpec e;
    e.name = name;
    for (std::size_t i = 0; i < members; ++i) {
      e.members.push_back(fmt::format("{}_{}", prefix, static_cast<char>('a' + i)));
      e.labels.push_back(withLabels && draw_.chance(40)
                             ? labels[i % labels.size()] + std::to_string(counter_)
                             : "");
    }
    enums().push_back(std::move(e));
    return static_cast<int>(enums().size() - 1);
  }

  std::string membersText(int enumId) {
    const EnumSpec &e = enums()[static_cast<std::size_t>(enumId)];
    std::string text;
    for (std::size_t i = 0; i < e.members.size(); ++i) {
      if (i)
        text += ", ";
      text += e.members[i];
      if (!e.labels[i].empty())
        text += fmt::format(" \"{}\"", e.labels[i]);
    }
    return text;
  }

  std::vector<int> declaredEnums_;

  void declaredEnum() {
    const std::string name = fresh("E");
    const int id = newEnum(name, name, static_cast<std::size_t>(draw_.between(2, 4)));
    declaredEnums_.push_back(id);
    out_.source.decls.push_back(
        declLine(fmt::format("enum {}{} {{ {} }}", name, maybeTitle(), membersText(id))));
  }

  void calendars() {
    calendar_ = true;
    std::vector<std::int32_t> years = {2024};
    if (draw_.chance(30))
      years.push_back(2025);
    for (std::int32_t year : years) {
      Decl d;
      d.lines.push_back(
          fixed(fmt::format("calendar {}{} year {} {{", fresh("cal"), maybeTitle(), year)));
      d.lines.push_back({Expr::leaf(kNone, "  source \"generated\""), true});
      const std::int32_t first = dates::daysFromCivil(year, 1, 1);
      const std::int32_t days = dates::isLeapYear(year) ? 366 : 365;
      std::set<std::int32_t> used;
      const int holidays = static_cast<int>(draw_.between(1, 6));
      for (int h = 0; h < holidays; ++h) {
        const std::int32_t from = first + static_cast<std::int32_t>(draw_.below(days - 8));
        const std::int32_t length = static_cast<std::int32_t>(draw_.between(0, 6));
        bool clash = false;
        for (std::int32_t x = from - 1; x <= from + length + 1; ++x)
          clash = clash || used.count(x);
        if (clash)
          continue;
        for (std::int32_t x = from; x <= from + length; ++x)
          used.insert(x);
        out_.schema.holidays.push_back(isoDate(from));
        d.lines.push_back(
            {Expr::leaf(kNone, length == 0 ? fmt::format("  holiday {}", isoDate(from))
                                           : fmt::format("  holiday {} .. {} \"假期\"",
                                                         isoDate(from), isoDate(from + length))),
             true});
      }
      const int workdays = static_cast<int>(draw_.between(0, 3));
      for (int w = 0; w < workdays; ++w) {
        std::int32_t day = first + static_cast<std::int32_t>(draw_.below(days));
        // Move to the Saturday of that week (1970-01-01 was a Thursday: days % 7 == 2).
        while (((day % 7) + 7) % 7 != 2 && day + 1 < first + days)
          ++day;
        if (((day % 7) + 7) % 7 != 2 || used.count(day))
          continue;
        used.insert(day);
        d.lines.push_back(
            {Expr::leaf(kNone, fmt::format("  workday {} \"调休上班\"", isoDate(day))), true});
      }
      d.lines.push_back(fixed("}"));
      out_.source.decls.push_back(std::move(d));
      out_.schema.calendarYears.push_back(year);
    }
  }

  void record() {
    Decl d;
    d.removable = false;
    d.lines.push_back(fixed("record R {"));
    d.lines.push_back(fixed("  id: text key \"编号\""));
    out_.schema.fields.push_back({"id", of(Kind::Text), false, true});
    std::vector<Kind> kinds = {Kind::Int,  Kind::Number, Kind::Bool,   Kind::Date,
                               Kind::Text, Kind::Enum,   Kind::Number, Kind::Int};
    const int extra = static_cast<int>(draw_.between(0, 4));
    static const std::vector<Kind> more = {Kind::Int,  Kind::Number, Kind::Bool,
                                           Kind::Date, Kind::Text,   Kind::Enum};
    for (int i = 0; i < extra; ++i)
      kinds.push_back(draw_.one(more));
    for (Kind kind : kinds) {
      const std::string name = fresh("f");
      const bool optional = draw_.chance(40);
      std::string typeText;
      ValueType type = of(kind);
      switch (kind) {
      case Kind::Int:
        typeText = "int";
        break;
      case Kind::Number:
        typeText = "number";
        break;
      case Kind::Bool:
        typeText = "bool";
        break;
      case Kind::Date:
        typeText = "date";
        break;
      case Kind::Text:
        typeText = "text";
        break;
      case Kind::Enum:
        if (!declaredEnums_.empty() && draw_.chance(50)) {
          type.enumId = draw_.one(declaredEnums_);
          typeText = enums()[static_cast<std::size_t>(type.enumId)].name;
        } else {
          type.enumId = newEnum(name, name, static_cast<std::size_t>(draw_.between(2, 4)));
          typeText = fmt::format("enum {{ {} }}", membersText(type.enumId));
        }
        break;
      case Kind::None:
        break;
      }
      std::string modifiers;
      if (kind == Kind::Number && draw_.chance(30))
        modifiers += " unit \"mg/m3\"";
      if (draw_.chance(30))
        modifiers += title();
      d.lines.push_back({Expr::leaf(kNone, fmt::format("  {}: {}{}{}", name, typeText,
                                                       optional ? "?" : "", modifiers)),
                         true});
      out_.schema.fields.push_back({name, type, optional, false});
      env_.push_back({name, type, optional});
    }
    d.lines.push_back(fixed("}"));
    out_.source.decls.push_back(std::move(d));
  }

  void param() {
    const std::string name = fresh("p");
    static const std::vector<Kind> kinds = {Kind::Int,  Kind::Number, Kind::Date, Kind::Date,
                                            Kind::Text, Kind::Bool,   Kind::Enum};
    Kind kind = draw_.one(kinds);
    if (kind == Kind::Enum && declaredEnums_.empty())
      kind = Kind::Int;
    ValueType type = of(kind);
    std::string typeText, value;
    switch (kind) {
    case Kind::Int:
      typeText = "int";
      value = draw_.chance(20) ? "-" + intLiteral() : intLiteral();
      break;
    case Kind::Number:
      typeText = "number";
      value = draw_.chance(20) ? "-1.5" : numberLiteral();
      break;
    case Kind::Date:
      typeText = "date";
      value = dateLiteral();
      break;
    case Kind::Text:
      typeText = "text";
      value = textLiteral();
      break;
    case Kind::Bool:
      typeText = "bool";
      value = draw_.chance(50) ? "true" : "false";
      break;
    default:
      type.enumId = draw_.one(declaredEnums_);
      typeText = enums()[static_cast<std::size_t>(type.enumId)].name;
      value = enums()[static_cast<std::size_t>(type.enumId)].members.back();
      break;
    }
    const bool optional = draw_.chance(25);
    const bool withDefault = !optional || draw_.chance(50);
    const std::string unit = kind == Kind::Number && draw_.chance(30) ? " unit \"mg/m3\"" : "";
    out_.source.decls.push_back(
        declLine(fmt::format("param {}{}: {}{}{}{}", name, maybeTitle(), typeText,
                             optional ? "?" : "", unit, withDefault ? " = " + value : "")));
    env_.push_back({name, type, optional});
  }

  void let() {
    const std::string name = fresh("v");
    const ValueType type = anyValueType();
    Expr e = value(type, depth());
    const bool optional = e.optional;
    Decl d;
    d.lines.push_back(
        line({fmt::format("let {}{} = ", name, maybeTitle()), ""}, {std::move(e)}, false));
    out_.source.decls.push_back(std::move(d));
    env_.push_back({name, type, optional});
  }

  /// Whole percentages (or points) that sum to `total` over `n` parts, each at least 1.
  std::vector<int> split(int total, int n) {
    std::vector<int> parts(static_cast<std::size_t>(n), 1);
    for (int left = total - n; left > 0; --left)
      ++parts[draw_.below(static_cast<std::uint64_t>(n))];
    return parts;
  }

  void indicators() {
    // Shares, points or no weights at all (every indicator one point).
    const int mode = static_cast<int>(draw_.below(100));
    const bool shares = mode < 60;
    const bool points = mode >= 60 && mode < 85;
    const int domainCount = static_cast<int>(draw_.between(1, 3));
    const std::vector<int> domainShares = split(100, domainCount);
    struct Pending {
      std::string domain;
      int count;
    };
    std::vector<Pending> pending;
    for (int i = 0; i < domainCount; ++i) {
      const std::string name = fresh("d");
      domains_.push_back(name);
      out_.source.decls.push_back(
          declLine(fmt::format("domain {}{}{}", name, maybeTitle(),
                               shares ? fmt::format(" weight {}%", domainShares[i]) : "")));
      pending.push_back({name, static_cast<int>(draw_.between(1, 3))});
    }
    for (const Pending &p : pending) {
      const std::vector<int> weights = split(100, p.count);
      for (int i = 0; i < p.count; ++i) {
        std::string weight;
        if (shares)
          weight = fmt::format("weight {}%", weights[static_cast<std::size_t>(i)]);
        else if (points)
          weight = fmt::format("weight {} points", draw_.between(1, 12));
        indicator(p.domain, weight);
      }
    }
  }

  Expr scoreExpr() {
    const ValueType num = of(Kind::Number);
    Expr e;
    if (risky(20)) // may well leave 0..100: a record error
      e = draw_.chance(50) ? *reference(num) : value(num, depth());
    else
      switch (draw_.below(10)) {
      case 0:
      case 1:
      case 2:
      case 6:
      case 7:
      case 8:
        e = call(num, "clamp",
                 {value(num, depth()), Expr::leaf(of(Kind::Int), "0"),
                  Expr::leaf(of(Kind::Int), "100")});
        break;
      case 3:
      case 4:
        e = node(num, {"(if ", " then 100 else ", ")"},
                 {value(of(Kind::Bool), depth()),
                  Expr::leaf(of(Kind::Int), fmt::format("{}", draw_.between(0, 100)))});
        break;
      default:
        e = call(num, "clamp",
                 {value(num, depth()), Expr::leaf(of(Kind::Int), "-5"),
                  Expr::leaf(of(Kind::Int), "105")});
        break;
      }
    constantScoresInRange(e);
    return e;
  }

  /// A score that is a constant outside 0..100 is a compile error (XR0210), and the checker
  /// looks at each branch of an `if` on its own: a branch that reads no name becomes a
  /// constant in range.
  void constantScoresInRange(Expr &e) {
    if (!e.text.empty() && e.text[0] == "(if " && e.kids.size() >= 2) {
      for (std::size_t i = 1; i < e.kids.size(); ++i)
        constantScoresInRange(e.kids[i]);
      return;
    }
    if (!hasReference(e))
      e = Expr::leaf(of(Kind::Int), fmt::format("{}", draw_.between(0, 100)));
  }

  void indicator(const std::string &domain, const std::string &weight) {
    const std::string name = fresh("I");
    std::string severity;
    if (draw_.chance(60))
      severity = severityWord();
    Decl d;
    const bool domainInBody = draw_.chance(15);
    const bool severityInBody = !severity.empty() && draw_.chance(25);
    std::string head = fmt::format("indicator {}{}", name, maybeTitle());
    if (!domainInBody)
      head += " in " + domain;
    if (!weight.empty())
      head += " " + weight;
    if (!severity.empty() && !severityInBody)
      head += " " + severity;
    d.lines.push_back(fixed(head + " {"));
    if (domainInBody)
      d.lines.push_back(fixed("  in " + domain));
    if (severityInBody)
      d.lines.push_back({Expr::leaf(kNone, "  " + severity), false});
    if (draw_.chance(40))
      d.lines.push_back({Expr::leaf(kNone, "  basis \"《安全生产法》第三十六条\""), true});
    const std::size_t envSize = env_.size();
    bool optional = false;
    const int lets = static_cast<int>(draw_.between(0, 2));
    for (int i = 0; i < lets; ++i) {
      const std::string local = fresh("v");
      const ValueType type = anyValueType();
      Expr e = value(type, depth());
      env_.push_back({local, type, e.optional});
      d.lines.push_back(line({fmt::format("  let {} = ", local), ""}, {std::move(e)}, true));
    }
    const int logic = static_cast<int>(draw_.below(3)); // 0 score, 1 pass, 2 both
    if (logic != 1) {
      Expr s = scoreExpr();
      optional = optional || s.optional;
      env_.push_back({"score", of(Kind::Number), s.optional});
      d.lines.push_back(line({"  score = ", ""}, {std::move(s)}, logic == 2));
    }
    if (logic != 0) {
      Expr p = value(of(Kind::Bool), depth());
      optional = optional || p.optional;
      d.lines.push_back(line({"  pass when ", ""}, {std::move(p)}, logic == 2));
    }
    env_.resize(envSize);
    if (optional || draw_.chance(15)) {
      static const std::vector<std::string> policies = {"not_assessed", "fail", "pass",
                                                        "not_assessed"};
      const std::string policy =
          draw_.chance(25) ? fmt::format("score {}", draw_.between(0, 100)) : draw_.one(policies);
      d.lines.push_back({Expr::leaf(kNone, "  missing => " + policy), !optional});
    }
    d.lines.push_back(fixed("}"));
    d.removable = weight.find('%') == std::string::npos;
    out_.source.decls.push_back(std::move(d));
    indicators_.push_back({name, domain, severity});
    // Later indicators may read this one's status.
    statusVisible_ = indicators_.size();
  }

  Named check() {
    const std::string name = fresh("K");
    Decl d;
    d.lines.push_back(fixed(fmt::format("check {}{} {{", name, maybeTitle())));
    const std::size_t envSize = env_.size();
    const int lets = static_cast<int>(draw_.between(0, 1));
    for (int i = 0; i < lets; ++i) {
      const std::string local = fresh("v");
      const ValueType type = anyValueType();
      Expr e = value(type, depth());
      env_.push_back({local, type, e.optional});
      d.lines.push_back(line({fmt::format("  let {} = ", local), ""}, {std::move(e)}, true));
    }
    quantifiers_ = !indicators_.empty();
    Expr when = value(of(Kind::Bool), depth() + 1);
    const bool optional = when.optional;
    d.lines.push_back(line({"  when ", ""}, {std::move(when)}, false));
    env_.resize(envSize);
    const int firstFlag = static_cast<int>(draw_.between(1, 3));
    const int flags = static_cast<int>(draw_.between(1, 2));
    for (int i = 0; i < flags; ++i)
      d.lines.push_back(
          {Expr::leaf(kNone, fmt::format("  flag flag_{}", (firstFlag + i - 1) % 3 + 1)), i > 0});
    if (optional)
      d.lines.push_back(
          {Expr::leaf(kNone, draw_.chance(50) ? "  missing => skip" : "  missing => flag"), false});
    if (draw_.chance(20))
      d.lines.push_back({Expr::leaf(kNone, "  basis \"数据比对\""), true});
    d.lines.push_back(fixed("}"));
    out_.source.decls.push_back(std::move(d));
    return {name, of(Kind::Bool), false};
  }

  void checklists(const std::vector<Named> &selectorEnv) {
    // Selectors decide which indicators run, so they read the record, params and early lets
    // only (an indicator's status would be a dependency cycle).
    std::vector<Named> saved = std::move(env_);
    env_ = selectorEnv;
    const std::size_t savedStatus = statusVisible_;
    const bool savedQuantifiers = quantifiers_;
    statusVisible_ = 0;
    quantifiers_ = false;
    const int count = static_cast<int>(draw_.between(1, 3));
    for (int c = 0; c < count; ++c) {
      const bool last = c + 1 == count;
      const std::string name = fresh("c");
      Expr selector =
          last && !risky(30) ? Expr::leaf(of(Kind::Bool), "true") : value(of(Kind::Bool), depth());
      std::string body;
      const int shape = static_cast<int>(draw_.below(3));
      if (shape == 0 || indicators_.size() < 2) {
        body = "all";
      } else if (shape == 1) {
        std::vector<std::string> except;
        for (std::size_t i = 0; i + 1 < indicators_.size(); ++i)
          if (draw_.chance(40))
            except.push_back(indicators_[i].name);
        if (except.empty())
          except.push_back(indicators_.front().name);
        body = "all except " + fmt::format("{}", fmt::join(except, ", "));
      } else {
        std::vector<std::string> listed;
        std::set<std::string> coveredDomains;
        for (const std::string &domain : domains_)
          if (draw_.chance(25)) {
            listed.push_back(domain);
            coveredDomains.insert(domain);
          }
        for (const IndicatorInfo &i : indicators_)
          if (!coveredDomains.count(i.domain) && draw_.chance(50))
            listed.push_back(i.name);
        if (listed.empty())
          listed.push_back(indicators_.back().name);
        body = fmt::format("{}", fmt::join(listed, ", "));
      }
      Decl d;
      d.lines.push_back(line(
          {fmt::format("checklist {}{} for ", name, maybeTitle()), fmt::format(" {{ {} }}", body)},
          {std::move(selector)}, false));
      out_.source.decls.push_back(std::move(d));
    }
    env_ = std::move(saved);
    statusVisible_ = savedStatus;
    quantifiers_ = savedQuantifiers;
  }

  void middleDeclaration() {
    switch (draw_.below(7)) {
    case 0:
    case 1:
      return let();
    case 2: {
      const std::string name = fresh("s");
      Expr e = value(of(Kind::Number), depth());
      constantScoresInRange(e);
      const bool optional = e.optional;
      Decl d;
      d.lines.push_back(
          line({fmt::format("score {}{} = ", name, maybeTitle()), ""}, {std::move(e)}, false));
      out_.source.decls.push_back(std::move(d));
      env_.push_back({name, of(Kind::Number), optional});
      return;
    }
    case 3:
      return deadline();
    default:
      return table();
    }
  }

  void deadline() {
    const std::string name = fresh("due");
    Expr e = value(of(Kind::Date), depth() + 1);
    const bool optional = e.optional;
    Decl d;
    d.lines.push_back(
        line({fmt::format("deadline {}{} = ", name, maybeTitle()), ""}, {std::move(e)}, false));
    out_.source.decls.push_back(std::move(d));
    env_.push_back({name, of(Kind::Date), optional});
  }

  struct TableShape {
    std::string typeText; // after the name: " : int", "" for an implied enum
    std::string policy;   // "hit ..." or ""
    ValueType outcome;    // the outcomes' type
    bool implied = false; // outcomes are new names forming the table's enum
    bool set = false;     // collect over an enum: a set, not readable
    bool count = false;   // collect count: an int
    bool sum = false;
    bool minMax = false;
  };

  TableShape tableShape(const std::string &name) {
    TableShape s;
    const int kind = static_cast<int>(draw_.below(10));
    std::vector<std::string> policies;
    if (kind < 4) { // an enum
      if (kind < 2 || declaredEnums_.empty()) {
        s.implied = true;
        s.outcome = of(Kind::Enum,
                       newEnum(name, name, static_cast<std::size_t>(draw_.between(2, 4)), false));
      } else {
        s.outcome = of(Kind::Enum, draw_.one(declaredEnums_));
        s.typeText = " : " + enums()[static_cast<std::size_t>(s.outcome.enumId)].name;
      }
      policies = {"", "hit first", "hit unique", "hit any", "hit priority", "hit collect"};
    } else if (kind < 8) {
      s.outcome = of(kind < 6 ? Kind::Int : Kind::Number);
      s.typeText = kind < 6 ? " : int" : " : number";
      policies = {"",
                  "hit first",
                  "hit unique",
                  "hit any",
                  "hit collect sum",
                  "hit collect min",
                  "hit collect max",
                  "hit collect count"};
    } else {
      static const std::vector<Kind> others = {Kind::Text, Kind::Date, Kind::Bool};
      s.outcome = of(draw_.one(others));
      s.typeText = s.outcome.kind == Kind::Text   ? " : text"
                   : s.outcome.kind == Kind::Date ? " : date"
                                                  : " : bool";
      policies = {"", "hit first", "hit unique", "hit any"};
    }
    s.policy = draw_.one(policies);
    s.set = s.policy == "hit collect";
    s.count = s.policy == "hit collect count";
    if (s.count && s.outcome.kind == Kind::Number)
      s.typeText = ""; // a count is an int: `: number` is XR0406 (numbers as outcomes are fine)
    s.sum = s.policy == "hit collect sum";
    s.minMax = s.policy == "hit collect min" || s.policy == "hit collect max";
    return s;
  }

  Expr outcome(const TableShape &s, int depth) {
    if (s.implied) {
      // New names; the enum's members are in order of first appearance, so any is fine.
      return Expr::leaf(s.outcome, member(s.outcome.enumId));
    }
    if (s.outcome.kind == Kind::Enum)
      return memberOrValue(s.outcome, depth);
    return value(s.outcome, depth);
  }

  /// `rows` conditions on one numeric value, in ranges that meet at thresholds (sometimes
  /// sharing the threshold itself, where two rows then match).
  std::vector<Expr> partitionConditions(int rows) {
    const Expr subject = *reference(of(Kind::Number));
    std::vector<std::int64_t> cuts;
    for (int i = 1; i < rows; ++i)
      cuts.push_back(draw_.between(-5, 60));
    std::sort(cuts.begin(), cuts.end());
    const ValueType b = of(Kind::Bool);
    std::vector<Expr> out;
    for (int r = 0; r < rows; ++r) {
      const bool first = r == 0, last = r + 1 == rows;
      if (first && last) {
        out.push_back(node(b, {"(", " is not missing)"}, {subject}));
        out.back().optional = false;
      } else if (first) {
        out.push_back(node(b, {"(", fmt::format(" < {})", cuts[0])}, {subject}));
      } else if (last) {
        out.push_back(node(b, {"(", fmt::format(" >= {})", cuts.back())}, {subject}));
      } else {
        const std::string upper = draw_.chance(25) ? "<=" : "<";
        out.push_back(node(b,
                           {"((", fmt::format(" >= {}) and (", cuts[r - 1]),
                            fmt::format(" {} {}))", upper, cuts[r])},
                           {subject, subject}));
      }
    }
    return out;
  }

  void table() {
    const std::string name = fresh("T");
    TableShape s = tableShape(name);
    Decl d;
    d.lines.push_back(fixed(fmt::format("table {}{}{}{} {{", name, maybeTitle(), s.typeText,
                                        s.policy.empty() ? "" : " " + s.policy)));
    bool optional = false;
    const int rows = static_cast<int>(draw_.between(1, 5));
    // Rows of a unique or any table that match at random conflict on most records: mostly
    // give them ranges of one value that meet only at their edges.
    const bool partition = (s.policy == "hit unique" || s.policy == "hit any") && !risky(30);
    const std::vector<Expr> ranges = partition ? partitionConditions(rows) : std::vector<Expr>{};
    for (int r = 0; r < rows; ++r) {
      Expr condition =
          partition ? ranges[static_cast<std::size_t>(r)] : value(of(Kind::Bool), depth());
      Expr result = outcome(s, 1);
      optional = optional || result.optional;
      d.lines.push_back(line({"  ", " => ", ""}, {std::move(condition), std::move(result)}, true));
    }
    const bool otherwise = draw_.chance(65);
    if (otherwise) {
      // A count's otherwise is its value when no row matches: an int that is never missing
      // (anything else is XR0301).
      Expr result = s.count ? Expr::leaf(of(Kind::Int), std::to_string(draw_.between(0, 9)))
                            : outcome(s, 1);
      optional = optional || result.optional;
      d.lines.push_back(line({"  otherwise => ", ""}, {std::move(result)}, true));
    }
    d.lines.push_back(fixed("}"));
    if (s.implied) {
      // The implied enum has exactly the names the rows use, in order of first appearance.
      EnumSpec &e = enums()[static_cast<std::size_t>(s.outcome.enumId)];
      std::vector<std::string> seen;
      for (const Line &l : d.lines)
        for (const Expr &k : l.content.kids)
          if (k.type == s.outcome && std::find(seen.begin(), seen.end(), k.text[0]) == seen.end())
            seen.push_back(k.text[0]);
      e.members = seen;
      e.labels.assign(seen.size(), "");
    }
    out_.source.decls.push_back(std::move(d));
    if (s.set)
      return;
    if (s.count) {
      env_.push_back({name, of(Kind::Int), false});
      return;
    }
    const bool tableOptional = s.sum ? optional : (s.minMax || !otherwise || optional);
    env_.push_back({name, s.outcome, tableOptional});
    if (s.outcome.kind == Kind::Enum && otherwise && !tableOptional && s.policy != "hit collect")
      frequencyTables_.push_back(name);
  }

  std::vector<std::string> frequencyTables_;

  void outputs() {
    const int count = static_cast<int>(draw_.between(0, 3));
    for (int i = 0; i < count; ++i) {
      const std::string name = fresh("o");
      static const std::vector<Kind> kinds = {Kind::Int,  Kind::Number, Kind::Bool, Kind::Date,
                                              Kind::Text, Kind::Enum,   Kind::Enum};
      ValueType type = of(draw_.one(kinds));
      std::string typeText;
      Expr initial;
      switch (type.kind) {
      case Kind::Int:
        typeText = "int";
        break;
      case Kind::Number:
        typeText = "number";
        break;
      case Kind::Bool:
        typeText = "bool";
        break;
      case Kind::Date:
        typeText = "date";
        break;
      case Kind::Text:
        typeText = "text";
        break;
      default:
        if (!declaredEnums_.empty() && draw_.chance(40)) {
          type.enumId = draw_.one(declaredEnums_);
          typeText = enums()[static_cast<std::size_t>(type.enumId)].name;
        } else {
          type.enumId = newEnum(name, name, static_cast<std::size_t>(draw_.between(2, 3)));
          typeText = fmt::format("enum {{ {} }}", membersText(type.enumId));
        }
        break;
      }
      // Some outputs may end missing (shown empty): `number?` takes any value.
      const bool optional = type.kind != Kind::Enum && draw_.chance(25);
      if (type.kind == Kind::Enum) {
        initial = memberOrValue(type, 1);
        if (initial.optional)
          initial = Expr::leaf(type, enums()[static_cast<std::size_t>(type.enumId)].members[0]);
      } else {
        initial = optional ? value(type, depth()) : required(type, depth());
      }
      Decl d;
      d.lines.push_back(line(
          {fmt::format("output {}{}: {}{} = ", name, maybeTitle(), typeText, optional ? "?" : ""),
           ""},
          {std::move(initial)}, false));
      out_.source.decls.push_back(std::move(d));
      outputs_.push_back({name, type, optional});
    }
    if (!frequencyTables_.empty() && draw_.chance(60)) {
      const std::string table = draw_.one(frequencyTables_);
      int enumId = -1;
      for (const Named &n : env_)
        if (n.name == table)
          enumId = n.type.enumId;
      const EnumSpec &e = enums()[static_cast<std::size_t>(enumId)];
      std::vector<std::string> entries;
      static const std::vector<std::string> values = {"4", "2", "1", "0.3", "0", "12"};
      for (const std::string &m : e.members)
        entries.push_back(fmt::format("{}: {}", m, draw_.one(values)));
      out_.source.decls.push_back(declLine(fmt::format("frequency{} by {} {{ {} }}", maybeTitle(),
                                                       table, fmt::join(entries, ", "))));
      outputs_.push_back({"frequency", of(Kind::Number), false});
    }
  }

  Named rule() {
    const std::string name = fresh("r");
    // Inside a rule outputs read their current values.
    const std::size_t envSize = env_.size();
    for (const Named &n : outputs_)
      env_.push_back(n);
    Decl d;
    d.lines.push_back(line({fmt::format("rule {}{} when ", name, maybeTitle()), " {"},
                           {value(of(Kind::Bool), depth())}, false));
    const int assignments = static_cast<int>(draw_.between(1, 3));
    for (int i = 0; i < assignments; ++i) {
      const Named &target = draw_.one(outputs_);
      Expr e = target.type.kind == Kind::Enum ? memberOrValue(target.type, 1)
               : target.optional              ? value(target.type, depth())
                                              : required(target.type, depth());
      if (e.optional && target.type.kind == Kind::Enum)
        e = Expr::leaf(target.type,
                       enums()[static_cast<std::size_t>(target.type.enumId)].members[0]);
      d.lines.push_back(line({fmt::format("  {} = ", target.name), ""}, {std::move(e)}, true));
    }
    d.lines.push_back(fixed("}"));
    out_.source.decls.push_back(std::move(d));
    env_.resize(envSize);
    return {name, of(Kind::Bool), false};
  }

  void lateDeclaration() {
    switch (draw_.below(5)) {
    case 0:
    case 1:
      return escalation();
    case 2:
      return let();
    case 3:
      return deadline();
    default:
      return table();
    }
  }

  void escalation() {
    const std::string name = fresh("x");
    static const std::vector<std::string> actions = {"refer_enforcement", "credit_deduct", "notify",
                                                     "reinspect"};
    Decl d;
    d.lines.push_back(line({fmt::format("escalate {}{} when ", name, maybeTitle()), " {"},
                           {value(of(Kind::Bool), depth())}, false));
    const int count = static_cast<int>(draw_.between(0, 3));
    for (int i = 0; i < count; ++i) {
      const std::string action = draw_.one(actions);
      if (draw_.chance(40)) {
        d.lines.push_back({Expr::leaf(kNone, "  action " + action), true});
        continue;
      }
      ValueType type = anyValueType();
      d.lines.push_back(line({fmt::format("  action {} ", action), ""},
                             {type.kind == Kind::Enum ? value(type, 1) : required(type, depth())},
                             true));
      if (d.lines.back().content.kids[0].optional)
        d.lines.back() = {Expr::leaf(kNone, "  action " + action), true};
    }
    d.lines.push_back(fixed("}"));
    out_.source.decls.push_back(std::move(d));
    env_.push_back({name, of(Kind::Bool), false});
  }

  /// What an aggregate reads per record: now and then the same expression as an earlier
  /// aggregate's (of any report), which the lowering may compute once for both.
  Expr aggregated(ValueType type) {
    std::vector<const Expr *> same;
    for (const Expr &e : aggregated_)
      if (e.type == type)
        same.push_back(&e);
    if (!same.empty() && draw_.chance(30))
      return *draw_.one(same);
    Expr e = value(type, depth());
    aggregated_.push_back(e);
    return e;
  }
  std::vector<Expr> aggregated_;

  void report() {
    const std::string name = fresh("rep");
    Decl d;
    std::string head = fmt::format("report {}{}", name, maybeTitle());
    std::vector<Expr> headKids;
    if (draw_.chance(60)) {
      static const std::vector<Kind> kinds = {Kind::Bool, Kind::Text, Kind::Int, Kind::Date};
      std::optional<Expr> group;
      if (draw_.chance(50))
        if (std::optional<ValueType> e = enumInScope())
          group = reference(*e);
      if (!group)
        group = reference(of(draw_.one(kinds)));
      if (group) {
        headKids.push_back(std::move(*group));
        d.lines.push_back(line({head + " by ", " {"}, std::move(headKids), false));
      }
    }
    if (d.lines.empty())
      d.lines.push_back(fixed(head + " {"));
    const ValueType num = of(Kind::Number);
    const ValueType b = of(Kind::Bool);
    const int items = static_cast<int>(draw_.between(1, 6));
    static const std::vector<std::string> targets = {" target >= 50%", " target < 10",
                                                     " target == 1", ""};
    for (int i = 0; i < items; ++i) {
      const std::string item = fresh("n");
      switch (draw_.below(11)) {
      case 0:
        d.lines.push_back({Expr::leaf(kNone, fmt::format("  {} \"企业数\" = count", item)), true});
        break;
      case 1:
        d.lines.push_back(line({fmt::format("  {} = count(", item), ")"}, {aggregated(b)}, true));
        break;
      case 2:
        d.lines.push_back(line({fmt::format("  {} = rate(", item), ")" + draw_.one(targets)},
                               {aggregated(b)}, true));
        break;
      case 3:
        d.lines.push_back(line({fmt::format("  {} = sum(", item), ")" + draw_.one(targets)},
                               {aggregated(num)}, true));
        break;
      case 4:
        d.lines.push_back(line({fmt::format("  {} = avg(", item), ")" + draw_.one(targets)},
                               {aggregated(num)}, true));
        break;
      case 5:
        d.lines.push_back(
            line({fmt::format("  {} = {}(", item, draw_.chance(50) ? "min" : "max"), ")"},
                 {aggregated(num)}, true));
        break;
      case 6:
        d.lines.push_back(
            line({fmt::format("  {} = {}({}, ", item, draw_.chance(50) ? "top" : "bottom",
                              draw_.between(1, 4)),
                  ")"},
                 {aggregated(num)}, true));
        break;
      case 7:
        d.lines.push_back(
            {Expr::leaf(kNone, fmt::format("  {} = ceil(count / {})", item, draw_.between(2, 50))),
             true});
        break;
      case 8:
        d.lines.push_back(
            line({fmt::format("  {} = round(avg(", item), "), 2)"}, {aggregated(num)}, true));
        break;
      case 9:
        d.lines.push_back(
            line({fmt::format("  {} = (sum(", item), ") / count)"}, {aggregated(num)}, true));
        break;
      default:
        d.lines.push_back(
            line({fmt::format("  {} = sum(", item), ")"}, {aggregated(of(Kind::Int))}, true));
        break;
      }
    }
    d.lines.push_back(fixed("}"));
    out_.source.decls.push_back(std::move(d));
  }
};

} // namespace

GeneratedRuleSet generateRuleSet(std::uint64_t seed) { return Generator(seed).make(); }

} // namespace xr::differential
