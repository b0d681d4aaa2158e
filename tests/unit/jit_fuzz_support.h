#pragma once
// The differential fuzzer's parts: random well-typed programs (every op, every statement kind,
// every table policy, missing values, dates and working days over a random calendar, errors of
// every kind), a comparison of both engines that says where they differ, and a shrinker that
// cuts a failing case down to the statements and the one record that still show it.
#include "jit_test_support.h"

#include <fmt/format.h>

#include <limits>
#include <map>
#include <optional>

namespace xr::testing {

/// A random program, the same for the same seed (std::mt19937_64 and our own draws only).
class RandomProgram {
public:
  explicit RandomProgram(std::uint64_t seed) : rng_(seed) {}

  ir::Program make() {
    tier_ = pb_.enumeration("Tier", {"red", "yellow", "blue", "grey"});
    const TypeKind kinds[] = {TypeKind::Bool, TypeKind::Int,  TypeKind::Number,
                              TypeKind::Date, TypeKind::Enum, TypeKind::Text};
    pb_.field("id", Type::text(), true);
    for (TypeKind kind : kinds)
      for (bool optional : {false, true})
        fields_[kind].push_back(
            pb_.field(fmt::format("f{}", pb_.p.fields.size()), typeOf(kind, optional)));
    params_[TypeKind::Date] = pb_.param("inspection_date", Type::date(), D(2024, 6, 30));
    params_[TypeKind::Number] = pb_.param("threshold", Type::number(), N(pick(0, 100) / 10.0));
    params_[TypeKind::Text] = pb_.param("region", Type::text(), T("杭州"));
    params_[TypeKind::Int] = pb_.param("limit", Type::integer(true), I(pick(0, 5)));
    makeCalendar();
    pb_.p.checklists = {"full", "light"};
    pb_.p.domains = {"d0", "d1", "d2"};
    const int statements = static_cast<int>(pick(3, 16));
    bool indicators = false;
    for (int i = 0; i < statements; ++i) {
      switch (pick(0, 9)) {
      case 0:
      case 1:
        let();
        break;
      case 2:
      case 3:
        indicator();
        indicators = true;
        break;
      case 4:
        check();
        break;
      case 5:
        if (indicators)
          weighted();
        else
          let();
        break;
      case 6:
      case 7:
        table();
        break;
      case 8:
        rule();
        break;
      default:
        escalate();
        break;
      }
    }
    return pb_.p;
  }

private:
  std::int64_t pick(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  bool chance(int percent) { return pick(0, 99) < percent; }
  template <class T> const T &one(const std::vector<T> &v) {
    return v[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(v.size()) - 1))];
  }

  Type typeOf(TypeKind kind, bool optional = false) {
    switch (kind) {
    case TypeKind::Enum:
      return Type::enumeration(tier_, optional);
    case TypeKind::Set:
      return Type::set(tier_);
    default:
      return Type{kind, optional};
    }
  }

  void makeCalendar() {
    for (int year = 2023; year <= 2025; ++year)
      if (chance(80))
        pb_.p.calendar.years.push_back(year);
    for (int year : pb_.p.calendar.years) {
      for (int k = 0; k < 12; ++k)
        if (auto day =
                dates::makeDate(year, static_cast<int>(pick(1, 12)), static_cast<int>(pick(1, 28))))
          pb_.p.calendar.holidays.push_back(*day);
      if (auto day = dates::makeDate(year, 10, 12))
        pb_.p.calendar.workdays.push_back(*day);
    }
    for (auto *days : {&pb_.p.calendar.holidays, &pb_.p.calendar.workdays}) {
      std::sort(days->begin(), days->end());
      days->erase(std::unique(days->begin(), days->end()), days->end());
    }
  }

  // ------------------------------------------------------------------------ expressions

  ir::ExprId constant(TypeKind kind) {
    if (chance(8))
      return pb_.missing(typeOf(kind));
    switch (kind) {
    case TypeKind::Bool:
      return pb_.b(chance(50));
    case TypeKind::Int: {
      if (chance(5))
        return pb_.i(chance(50) ? std::numeric_limits<std::int64_t>::max()
                                : std::numeric_limits<std::int64_t>::min());
      return pb_.i(pick(-3, 12));
    }
    case TypeKind::Number: {
      const double choices[] = {0.0, -0.0, 0.5, 1, 2.5, 60, 100, 1e300, -7.25};
      return chance(50) ? pb_.n(choices[pick(0, 8)])
                        : pb_.n(static_cast<double>(pick(0, 1000)) / 10);
    }
    case TypeKind::Date:
      return pb_.d(static_cast<int>(pick(2023, 2025)), static_cast<int>(pick(1, 12)),
                   static_cast<int>(pick(1, 28)));
    case TypeKind::Enum:
      return pb_.e(tier_, static_cast<int>(pick(0, 3)));
    case TypeKind::Text: {
      const char *texts[] = {"", "a", "abc", "巡查", "杭州", "x y"};
      return pb_.t(texts[pick(0, 5)]);
    }
    case TypeKind::Set:
      return pb_.constant({Type::set(tier_), true, pick(0, 15), 0, {}});
    default:
      return pb_.b(false);
    }
  }

  ir::ExprId leaf(TypeKind kind) {
    const int roll = static_cast<int>(pick(0, 9));
    if (roll < 4 && fields_.count(kind))
      return pb_.fieldRef(one(fields_[kind]));
    if (roll < 6 && !slots_[kind].empty())
      return pb_.slotRef(one(slots_[kind]));
    if (roll < 7 && params_.count(kind))
      return pb_.paramRef(params_[kind]);
    if (kind == TypeKind::Status)
      return statuses_.empty() ? pb_.constant({Type::status(), true, pick(0, 3), 0, {}})
                               : pb_.slotRef(one(statuses_));
    if (kind == TypeKind::Set && !slots_[kind].empty())
      return pb_.slotRef(one(slots_[kind]));
    return constant(kind);
  }

  ir::ExprId call(builtins::Fn fn, std::vector<ir::ExprId> args) {
    return pb_.call(fn, std::move(args), fmt::format("call {}", pb_.p.nodes.size()));
  }

  ir::ExprId choice(TypeKind kind, int depth) {
    switch (pick(0, 2)) {
    case 0:
      return pb_.ifE(expr(TypeKind::Bool, depth), expr(kind, depth), expr(kind, depth));
    case 1:
      return pb_.when(expr(TypeKind::Bool, depth), expr(kind, depth), expr(kind, depth));
    default:
      return pb_.coalesce(expr(kind, depth), expr(kind, depth));
    }
  }

  ir::ExprId expr(TypeKind kind, int depth) {
    --depth;
    if (depth <= 0 || chance(25))
      return leaf(kind);
    if (chance(12))
      return choice(kind, depth);
    if (chance(2)) {
      auto site = pb_.site(ir::ErrorKind::NoChecklist, "fail");
      return pb_.fail(typeOf(kind), site);
    }
    using builtins::Fn;
    switch (kind) {
    case TypeKind::Bool:
      switch (pick(0, 9)) {
      case 0:
      case 1: {
        const TypeKind ordered[] = {TypeKind::Int, TypeKind::Number, TypeKind::Date, TypeKind::Enum,
                                    TypeKind::Bool};
        const TypeKind operand = ordered[pick(0, 4)];
        const ir::Op ops[] = {ir::Op::Eq, ir::Op::Ne, ir::Op::Lt,
                              ir::Op::Le, ir::Op::Gt, ir::Op::Ge};
        return pb_.cmp(ops[pick(0, 5)], expr(operand, depth), expr(operand, depth));
      }
      case 2: {
        const TypeKind equal[] = {TypeKind::Text, TypeKind::Set, TypeKind::Status};
        const TypeKind operand = equal[pick(0, 2)];
        return pb_.cmp(chance(50) ? ir::Op::Eq : ir::Op::Ne, expr(operand, depth),
                       expr(operand, depth));
      }
      case 3:
        return pb_.logic(chance(50) ? ir::Op::And : ir::Op::Or, expr(TypeKind::Bool, depth),
                         expr(TypeKind::Bool, depth));
      case 4:
        return pb_.notE(expr(TypeKind::Bool, depth));
      case 5: {
        const TypeKind any[] = {TypeKind::Int, TypeKind::Number, TypeKind::Text, TypeKind::Date,
                                TypeKind::Bool};
        return pb_.isMissing(expr(any[pick(0, 4)], depth));
      }
      case 6:
        return pb_.node(ir::Op::SetHas, Type::boolean(true),
                        {expr(TypeKind::Set, depth), expr(TypeKind::Enum, depth)});
      case 7:
        return pb_.node(ir::Op::StatusIn, Type::boolean(), {expr(TypeKind::Status, depth)},
                        pick(1, 15));
      case 8: {
        const Fn text[] = {Fn::Contains, Fn::StartsWith, Fn::EndsWith};
        return call(text[pick(0, 2)], {expr(TypeKind::Text, depth), expr(TypeKind::Text, depth)});
      }
      default:
        return call(Fn::IsWorkday, {expr(TypeKind::Date, depth)});
      }
    case TypeKind::Int:
      switch (pick(0, 7)) {
      case 0:
      case 1: {
        const ir::Op ops[] = {ir::Op::Add, ir::Op::Sub, ir::Op::Mul};
        return pb_.arith(ops[pick(0, 2)], expr(TypeKind::Int, depth), expr(TypeKind::Int, depth),
                         "int");
      }
      case 2:
        return pb_.neg(expr(TypeKind::Int, depth));
      case 3:
        return pb_.node(ir::Op::BoolToInt, Type::integer(true), {expr(TypeKind::Bool, depth)});
      case 4: {
        const Fn unary[] = {Fn::Round, Fn::Floor, Fn::Ceil, Fn::Trunc};
        return call(unary[pick(0, 3)], {expr(TypeKind::Number, depth)});
      }
      case 5: {
        const Fn binary[] = {Fn::MinInt, Fn::MaxInt};
        if (chance(30))
          return call(Fn::ClampInt, {expr(TypeKind::Int, depth), expr(TypeKind::Int, depth),
                                     expr(TypeKind::Int, depth)});
        if (chance(30))
          return call(Fn::AbsInt, {expr(TypeKind::Int, depth)});
        return call(binary[pick(0, 1)], {expr(TypeKind::Int, depth), expr(TypeKind::Int, depth)});
      }
      case 6: {
        const Fn dates[] = {Fn::Year, Fn::Month, Fn::Day, Fn::Weekday};
        if (chance(40))
          return call(chance(50) ? Fn::DaysBetween : Fn::WorkdaysBetween,
                      {expr(TypeKind::Date, depth), expr(TypeKind::Date, depth)});
        return call(dates[pick(0, 3)], {expr(TypeKind::Date, depth)});
      }
      default:
        return call(Fn::Length, {expr(TypeKind::Text, depth)});
      }
    case TypeKind::Number:
      switch (pick(0, 6)) {
      case 0:
      case 1: {
        const ir::Op ops[] = {ir::Op::Add, ir::Op::Sub, ir::Op::Mul, ir::Op::Div};
        return pb_.arith(ops[pick(0, 3)], expr(TypeKind::Number, depth),
                         expr(TypeKind::Number, depth), "number");
      }
      case 2:
        return pb_.neg(expr(TypeKind::Number, depth));
      case 3:
        return pb_.toNumber(expr(TypeKind::Int, depth));
      case 4: {
        const Fn binary[] = {Fn::MinNumber, Fn::MaxNumber, Fn::Pow};
        return call(binary[pick(0, 2)],
                    {expr(TypeKind::Number, depth), expr(TypeKind::Number, depth)});
      }
      case 5:
        if (chance(50))
          return call(Fn::RoundTo, {expr(TypeKind::Number, depth), expr(TypeKind::Int, depth)});
        return call(chance(50) ? Fn::Sqrt : Fn::AbsNumber, {expr(TypeKind::Number, depth)});
      default:
        return call(Fn::ClampNumber, {expr(TypeKind::Number, depth), expr(TypeKind::Number, depth),
                                      expr(TypeKind::Number, depth)});
      }
    case TypeKind::Date: {
      const Fn shifts[] = {Fn::AddDays, Fn::AddMonths, Fn::AddWorkdays};
      return call(shifts[pick(0, 2)], {expr(TypeKind::Date, depth), expr(TypeKind::Int, depth)});
    }
    default:
      return choice(kind, depth); // enum, text, set, status: leaves and choices
    }
  }

  TypeKind valueKind() {
    const TypeKind kinds[] = {TypeKind::Bool, TypeKind::Int,  TypeKind::Number,
                              TypeKind::Date, TypeKind::Enum, TypeKind::Text};
    return kinds[pick(0, 5)];
  }

  ir::SlotId newSlot(TypeKind kind, ir::SlotRole role = ir::SlotRole::Let) {
    return pb_.slot(fmt::format("s{}", pb_.p.slots.size()), typeOf(kind, true), role);
  }
  int depth() { return static_cast<int>(pick(1, 5)); }

  // ------------------------------------------------------------------------ statements

  void let() {
    const TypeKind kind = valueKind();
    const ir::SlotId s = newSlot(kind);
    pb_.stmt(ir::Assign{s, expr(kind, depth())});
    slots_[kind].push_back(s);
  }

  ir::SlotId checklist() {
    if (checklist_ != ir::kNoSlot)
      return checklist_;
    checklist_ = pb_.slot("checklist", Type::integer(true), ir::SlotRole::Checklist);
    auto none = pb_.site(ir::ErrorKind::NoChecklist, "record");
    auto last = chance(30) ? pb_.fail(Type::integer(), none) : pb_.i(1);
    pb_.stmt(ir::Assign{checklist_, pb_.when(expr(TypeKind::Bool, 2), pb_.i(0), last)});
    return checklist_;
  }

  void indicator() {
    ir::IndicatorStmt s;
    s.indicator = static_cast<std::uint32_t>(indicators_.size());
    pb_.p.indicators.push_back(fmt::format("I{}", s.indicator));
    s.checklist = chance(85) ? checklist() : ir::kNoSlot;
    s.checklists = static_cast<std::uint64_t>(pick(1, 3));
    s.status = pb_.slot(fmt::format("I{}.status", s.indicator), Type::status(),
                        ir::SlotRole::IndicatorStatus);
    s.score = pb_.slot(fmt::format("I{}.score", s.indicator), Type::number(true),
                       ir::SlotRole::IndicatorScore);
    for (int k = static_cast<int>(pick(0, 2)); k > 0; --k) {
      const TypeKind kind = valueKind();
      const ir::SlotId let = newSlot(kind);
      s.lets.push_back({let, expr(kind, depth())});
      slots_[kind].push_back(let);
    }
    const int shape = static_cast<int>(pick(0, 2));
    if (shape != 1) {
      ir::ExprId score = expr(TypeKind::Number, depth());
      if (chance(70)) // mostly in range, sometimes not: a record error
        score = call(builtins::Fn::ClampNumber, {score, pb_.n(0), pb_.n(100)});
      s.scoreExpr = score;
    }
    if (shape != 0) {
      ir::ExprId pass = expr(TypeKind::Bool, depth());
      if (s.scoreExpr != ir::kNoExpr && chance(50))
        pass = pb_.logic(ir::Op::And, pass, pb_.cmp(ir::Op::Ge, pb_.slotRef(s.score), pb_.n(60)));
      s.passExpr = pass;
    }
    s.missing = static_cast<ir::IndicatorStmt::Missing>(pick(0, 3));
    s.missingScore = static_cast<double>(pick(0, 100));
    s.scoreRange = pb_.site(ir::ErrorKind::ScoreOutOfRange, "indicator");
    pb_.stmt(s);
    indicators_.push_back({s.status, s.score});
    statuses_.push_back(s.status);
    slots_[TypeKind::Number].push_back(s.score);
  }

  void check() {
    ir::CheckStmt s;
    s.raised = newSlot(TypeKind::Bool, ir::SlotRole::CheckRaised);
    s.when = expr(TypeKind::Bool, depth());
    s.raiseOnMissing = chance(50);
    pb_.stmt(s);
    slots_[TypeKind::Bool].push_back(s.raised);
  }

  void weighted() {
    ir::WeightedStmt s;
    s.points = chance(40);
    s.checklist = chance(80) ? checklist() : ir::kNoSlot;
    const int domains = static_cast<int>(pick(1, 3));
    for (int d = 0; d < domains; ++d) {
      s.domainScores.push_back(newSlot(TypeKind::Number, ir::SlotRole::DomainScore));
      slots_[TypeKind::Number].push_back(s.domainScores.back());
    }
    for (const auto &[status, score] : indicators_) {
      s.indicatorStatus.push_back(status);
      s.indicatorScore.push_back(score);
      s.indicatorDomain.push_back(static_cast<std::uint32_t>(pick(0, domains - 1)));
    }
    for (int c = 0; c < 2; ++c) {
      std::vector<double> weights;
      for (std::size_t i = 0; i < indicators_.size(); ++i)
        weights.push_back(chance(20) ? 0.0 : static_cast<double>(pick(1, 9)) / 10);
      s.indicatorWeight.push_back(weights);
      std::vector<double> domainWeights;
      for (int d = 0; d < domains; ++d)
        domainWeights.push_back(static_cast<double>(pick(1, 9)) / 10);
      s.domainWeight.push_back(domainWeights);
    }
    s.total = newSlot(TypeKind::Number, ir::SlotRole::Score);
    s.nothingAssessed = pb_.site(ir::ErrorKind::NothingAssessed, "score total");
    pb_.stmt(s);
    slots_[TypeKind::Number].push_back(s.total);
  }

  void table() {
    using Policy = ir::TableStmt::Policy;
    ir::TableStmt s;
    s.policy = static_cast<Policy>(pick(0, 8));
    TypeKind slotKind = valueKind();
    TypeKind outcome = slotKind;
    switch (s.policy) {
    case Policy::Priority:
      slotKind = outcome = TypeKind::Enum;
      break;
    case Policy::Collect:
      slotKind = TypeKind::Set;
      outcome = TypeKind::Enum;
      break;
    case Policy::Sum:
    case Policy::Min:
    case Policy::Max:
      slotKind = outcome = chance(50) ? TypeKind::Int : TypeKind::Number;
      break;
    case Policy::Count:
      slotKind = outcome = TypeKind::Int;
      break;
    default:
      break;
    }
    s.slot = slotKind == TypeKind::Set ? pb_.slot(fmt::format("s{}", pb_.p.slots.size()),
                                                  Type::set(tier_), ir::SlotRole::Table)
                                       : newSlot(slotKind, ir::SlotRole::Table);
    for (int k = static_cast<int>(pick(0, 5)); k > 0; --k) {
      s.conditions.push_back(expr(TypeKind::Bool, depth()));
      s.outcomes.push_back(s.policy == Policy::Count ? pb_.i(0) : expr(outcome, depth()));
    }
    if (chance(50))
      s.otherwise = expr(outcome, depth());
    s.conflict = pb_.site(s.policy == Policy::Unique ? ir::ErrorKind::UniqueConflict
                                                     : ir::ErrorKind::AnyConflict,
                          "table");
    for (std::size_t k = 0; k < s.conditions.size(); ++k)
      s.rowLines.push_back(static_cast<std::uint32_t>(k + 1));
    pb_.stmt(s);
    slots_[slotKind].push_back(s.slot);
  }

  void rule() {
    ir::RuleStmt s;
    s.applied = newSlot(TypeKind::Bool, ir::SlotRole::RuleApplied);
    s.when = expr(TypeKind::Bool, depth());
    for (int k = static_cast<int>(pick(1, 3)); k > 0; --k) {
      const TypeKind kind = valueKind();
      if (slots_[kind].empty() || chance(20)) {
        // An output the rule may change: set first, as the lowering does.
        const ir::SlotId out = newSlot(kind, ir::SlotRole::Output);
        pb_.stmt(ir::Assign{out, expr(kind, 2)});
        slots_[kind].push_back(out);
      }
      s.assignments.push_back({one(slots_[kind]), expr(kind, depth())});
    }
    pb_.stmt(s);
    slots_[TypeKind::Bool].push_back(s.applied);
  }

  void escalate() {
    ir::EscalateStmt s;
    s.fired = newSlot(TypeKind::Bool, ir::SlotRole::EscalationFired);
    s.when = expr(TypeKind::Bool, depth());
    for (int k = static_cast<int>(pick(0, 2)); k > 0; --k) {
      const TypeKind kind = valueKind();
      s.arguments.push_back({newSlot(kind, ir::SlotRole::ActionArgument), expr(kind, depth())});
    }
    pb_.stmt(s);
    slots_[TypeKind::Bool].push_back(s.fired);
  }

  std::mt19937_64 rng_;
  ProgramBuilder pb_;
  EnumId tier_ = 0;
  std::map<TypeKind, std::vector<std::uint32_t>> fields_;
  std::map<TypeKind, std::uint32_t> params_;
  std::map<TypeKind, std::vector<ir::SlotId>> slots_;
  std::vector<ir::SlotId> statuses_;
  std::vector<std::pair<ir::SlotId, ir::SlotId>> indicators_;
  ir::SlotId checklist_ = ir::kNoSlot;
};

/// Where the engines differ on `batch` ("" when they agree, "cannot compile: ..." when the JIT
/// refuses the program).
/// Where the engines differ on `batch` ("" when nowhere), the JIT's code compiled to keep only
/// `kept` in the results (the interpreter's results narrowed to the same slots).
inline std::string engineDifference(const ir::Program &p, const batch::Batch &batch,
                                    const ir::SlotSelection &kept = {}) {
  std::string error;
  auto jit = jit::CompiledProgram::compile(p, error, {false, "", false, kept});
  if (!jit)
    return "cannot compile: " + error;
  const batch::ParamValues params = defaultParams(p);
  interp::Interpreter interpreter(p);
  batch::Results a, b;
  interpreter.evaluate(batch, params, a);
  a.keepOnly(kept);
  jit->evaluate(batch, params, b);
  std::string difference;
  return batch::sameResults(p, a, b, &difference) ? "" : difference;
}

/// A failing case made small: the one record the difference names (when it fails alone), and
/// the statements without which it still fails, removed one at a time from the last.
struct ShrunkCase {
  ir::Program program;
  batch::Batch batch;
  std::string difference;
  ir::SlotSelection kept;
};

/// A random selection of a program's slots (each kept with probability 1/3): the JIT then keeps
/// the others in registers and scratch columns, which must not change what it keeps.
inline ir::SlotSelection randomSelection(const ir::Program &p, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<ir::SlotId> slots;
  for (ir::SlotId s = 0; s < p.slots.size(); ++s)
    if (rng() % 3 == 0)
      slots.push_back(s);
  return ir::SlotSelection::only(p.slots.size(), slots);
}

inline ShrunkCase shrink(ir::Program program, batch::Batch batch, std::string difference,
                         const ir::SlotSelection &kept = {}) {
  // "row 17, slot s3: ..." or "row 17: status ...": try that record alone.
  if (difference.rfind("row ", 0) == 0) {
    const std::size_t row = std::stoul(difference.substr(4));
    if (row < batch.rows()) {
      batch::Batch one(program);
      one.addRow();
      for (std::uint32_t f = 0; f < program.fields.size(); ++f)
        one.set(f, 0, batch::constantAt(batch.column(f), row, batch.arena()));
      if (std::string d = engineDifference(program, one, kept); !d.empty()) {
        batch = std::move(one);
        difference = d;
      }
    }
  }
  for (std::size_t i = program.statements.size(); i-- > 0;) {
    ir::Program smaller = program;
    smaller.statements.erase(smaller.statements.begin() + static_cast<std::ptrdiff_t>(i));
    try {
      interp::Interpreter check(smaller); // still well formed
    } catch (const std::exception &) {
      continue;
    }
    if (std::string d = engineDifference(smaller, batch, kept); !d.empty()) {
      program = std::move(smaller);
      difference = d;
    }
  }
  return {std::move(program), std::move(batch), std::move(difference), kept};
}

/// The case as text: the program's IR and the records.
inline std::string describeCase(const ShrunkCase &c) {
  std::string text =
      ir::dump(c.program, {true, true}) + "\nkept in the results: " + c.kept.key() + "\nrecords:\n";
  for (std::size_t row = 0; row < c.batch.rows(); ++row) {
    text += fmt::format("  row {}:", row);
    for (std::uint32_t f = 0; f < c.program.fields.size(); ++f) {
      const ir::Constant v = batch::constantAt(c.batch.column(f), row, c.batch.arena());
      text += " " + c.program.fields[f].name + "=";
      if (!v.valid)
        text += "missing";
      else if (v.type.kind == TypeKind::Number)
        text += fmt::format("{}", v.d);
      else if (v.type.kind == TypeKind::Text)
        text += "\"" + v.text + "\"";
      else
        text += fmt::format("{}", v.i);
    }
    text += "\n";
  }
  return text + "difference: " + c.difference + "\n";
}

} // namespace xr::testing
