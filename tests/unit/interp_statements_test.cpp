// Each statement kind of the IR through the interpreter: indicators (checklist membership,
// missing policies, score range, pass reading the score), checks, weighted totals (shares and
// points, re-normalisation, nothing assessed), decision tables under every hit policy, rules
// and escalations.
// Each program runs on both engines (runBoth): the interpreter and the JIT must agree bit for
// bit, and the expectations are checked on the JIT's results.
#include "jit_test_support.h"

#include <bit>

namespace xr::testing {
namespace {

using ir::Op;
using ir::Status;

int statusOf(const batch::Results &r, ir::SlotId s, std::size_t row) {
  return static_cast<int>(r.value(s, row).i);
}
constexpr int kNA = static_cast<int>(Status::NotApplicable);
constexpr int kPass = static_cast<int>(Status::Pass);
constexpr int kFail = static_cast<int>(Status::Fail);
constexpr int kUnassessed = static_cast<int>(Status::NotAssessed);

// ------------------------------------------------------------------------------ indicators

/// Two checklists (full for above-scale records, sme for small ones) and four indicators:
///   A: score = a * 100                       (missing: not assessed)   full, sme
///   B: pass when ok                           (missing: fail)           full
///   C: score = a * 100, pass when score >= 80 (missing: score 70)       full, sme
///   D: pass when ok                           (missing: pass)           full
/// Domains: d0 = {A, B}, d1 = {C, D}; `total` is weighted(checklist).
class InterpIndicators : public ::testing::Test {
protected:
  ProgramBuilder pb;
  EnumId sizeEnum = pb.enumeration("size", {"above_scale", "sme", "other"});
  std::uint32_t size = pb.field("size", Type::enumeration(sizeEnum));
  std::uint32_t a = pb.field("a", Type::number(true));
  std::uint32_t ok = pb.field("ok", Type::boolean(true));
  ir::SlotId checklist = pb.slot("checklist", Type::integer(), ir::SlotRole::Checklist);
  std::vector<ir::SlotId> status, score;
  std::vector<ir::SlotId> domainScore;
  ir::SlotId total = 0;
  ir::ErrorSiteId scoreRange = 0;

  void SetUp() override {
    pb.p.checklists = {"full", "sme"};
    auto noChecklist = pb.site(ir::ErrorKind::NoChecklist, "record", "t.xr:20:11");
    auto choice = pb.when(pb.cmp(Op::Eq, pb.fieldRef(size), pb.e(sizeEnum, 0)), pb.i(0),
                          pb.when(pb.cmp(Op::Eq, pb.fieldRef(size), pb.e(sizeEnum, 1)), pb.i(1),
                                  pb.fail(Type::integer(), noChecklist)));
    pb.stmt(ir::Assign{checklist, choice});
    for (const char *name : {"A", "B", "C", "D"}) {
      status.push_back(
          pb.slot(std::string(name) + ".status", Type::status(), ir::SlotRole::IndicatorStatus));
      score.push_back(
          pb.slot(std::string(name) + ".score", Type::number(true), ir::SlotRole::IndicatorScore));
    }
    auto indicator = [&](std::uint32_t i, std::uint64_t lists) {
      ir::IndicatorStmt s;
      s.indicator = i;
      s.status = status[i];
      s.score = score[i];
      s.checklist = checklist;
      s.checklists = lists;
      s.scoreRange = pb.site(ir::ErrorKind::ScoreOutOfRange,
                             "indicator " + std::string(1, static_cast<char>('A' + i)), "t.xr:9:3");
      return s;
    };
    ir::IndicatorStmt A = indicator(0, 0b11);
    A.scoreExpr = pb.mul(pb.fieldRef(a), pb.n(100));
    A.missing = ir::IndicatorStmt::Missing::NotAssessed;
    scoreRange = A.scoreRange;
    ir::IndicatorStmt B = indicator(1, 0b01);
    B.passExpr = pb.fieldRef(ok);
    B.missing = ir::IndicatorStmt::Missing::Fail;
    ir::IndicatorStmt C = indicator(2, 0b11);
    C.scoreExpr = pb.mul(pb.fieldRef(a), pb.n(100));
    C.passExpr = pb.cmp(Op::Ge, pb.slotRef(score[2]), pb.n(80));
    C.missing = ir::IndicatorStmt::Missing::Score;
    C.missingScore = 70;
    ir::IndicatorStmt D = indicator(3, 0b01);
    D.passExpr = pb.fieldRef(ok);
    D.missing = ir::IndicatorStmt::Missing::Pass;
    for (auto *s : {&A, &B, &C, &D})
      pb.stmt(*s);
    pb.p.domains = {"d0", "d1"};
    pb.p.indicators = {"A", "B", "C", "D"};
    domainScore = {pb.slot("d0.score", Type::number(true), ir::SlotRole::DomainScore),
                   pb.slot("d1.score", Type::number(true), ir::SlotRole::DomainScore)};
    total = pb.slot("total", Type::number(), ir::SlotRole::Score);
  }

  void addWeighted(bool points) {
    ir::WeightedStmt w;
    w.points = points;
    w.total = total;
    w.checklist = checklist;
    w.domainScores = domainScore;
    w.indicatorDomain = {0, 0, 1, 1};
    w.indicatorStatus = status;
    w.indicatorScore = score;
    if (points) {
      w.indicatorWeight = {{8, 2, 5, 5}, {8, 0, 5, 0}};
      w.domainWeight = {{1, 1}, {1, 1}};
    } else {
      w.indicatorWeight = {{0.5, 0.5, 0.7, 0.3}, {0.5, 0, 0.7, 0}};
      w.domainWeight = {{0.6, 0.4}, {0.6, 0.4}};
    }
    w.nothingAssessed = pb.site(ir::ErrorKind::NothingAssessed, "score total", "t.xr:30:7");
    pb.stmt(w);
  }

  std::vector<ir::Constant> rec(int sizeMember, ir::Constant av, ir::Constant okv) {
    return {E(sizeEnum, sizeMember), av, okv};
  }
};

TEST_F(InterpIndicators, MembershipPassScoreAndMissingPolicies) {
  auto r = runBoth(pb.p, {rec(0, N(0.5), B(true)), rec(1, N(0.9), B(false)),
                      rec(0, Missing(Type::number()), Missing(Type::boolean()))});
  // Row 0, full: A 50 fail; B pass 100; C 50 fail (pass reads the score); D pass.
  EXPECT_EQ(statusOf(r, status[0], 0), kFail);
  EXPECT_EQ(r.value(score[0], 0).d, 50);
  EXPECT_EQ(statusOf(r, status[1], 0), kPass);
  EXPECT_EQ(r.value(score[1], 0).d, 100);
  EXPECT_EQ(statusOf(r, status[2], 0), kFail);
  EXPECT_EQ(r.value(score[2], 0).d, 50);
  EXPECT_EQ(statusOf(r, status[3], 0), kPass);
  // Row 1, sme: B and D are not applicable (and not evaluated); C 90 passes.
  EXPECT_EQ(statusOf(r, status[0], 1), kPass);
  EXPECT_EQ(statusOf(r, status[1], 1), kNA);
  EXPECT_FALSE(r.value(score[1], 1).valid);
  EXPECT_EQ(statusOf(r, status[2], 1), kPass);
  EXPECT_EQ(r.value(score[2], 1).d, 90);
  EXPECT_EQ(statusOf(r, status[3], 1), kNA);
  // Row 2, full, all missing: A not assessed; B fails (0); C scores 70 and fails its pass...
  // no: the Score policy passes iff N >= 60; D passes (100).
  EXPECT_EQ(statusOf(r, status[0], 2), kUnassessed);
  EXPECT_FALSE(r.value(score[0], 2).valid);
  EXPECT_EQ(statusOf(r, status[1], 2), kFail);
  EXPECT_EQ(r.value(score[1], 2).d, 0);
  EXPECT_EQ(statusOf(r, status[2], 2), kPass);
  EXPECT_EQ(r.value(score[2], 2).d, 70);
  EXPECT_EQ(statusOf(r, status[3], 2), kPass);
  EXPECT_EQ(r.value(score[3], 2).d, 100);
}

TEST_F(InterpIndicators, AScoreOutsideZeroToHundredIsARecordError) {
  auto r = runBoth(pb.p, {rec(0, N(1.2), B(true)), rec(0, N(-0.01), B(true)), rec(0, N(1), B(true))});
  EXPECT_EQ(batch::errorMessage(pb.p, r.error(0)),
            "score 120 is outside 0..100 in indicator A (t.xr:9:3)");
  EXPECT_EQ(r.error(0).site, scoreRange);
  EXPECT_FALSE(r.ok(1));
  EXPECT_TRUE(r.ok(2));
  EXPECT_FALSE(r.value(status[1], 0).valid); // later indicators never ran for the failed row
}

TEST_F(InterpIndicators, NoChecklistAppliesIsARecordError) {
  auto r = runBoth(pb.p, {rec(2, N(0.5), B(true))});
  EXPECT_EQ(batch::errorMessage(pb.p, r.error(0)),
            "no checklist applies to the record (t.xr:20:11)");
}

TEST_F(InterpIndicators, WeightedSharesRenormaliseOverWhatWasAssessed) {
  addWeighted(false);
  auto r = runBoth(pb.p, {rec(0, N(0.5), B(true)), rec(0, Missing(Type::number()), B(false)),
                      rec(1, N(0.9), B(true))});
  // Row 0: d0 = (0.5*50 + 0.5*100) / 1, d1 = (0.7*50 + 0.3*100) / 1; total 0.6*d0 + 0.4*d1.
  double n0 = 0, w0 = 0, n1 = 0, w1 = 0;
  n0 += 0.5 * 50.0;
  w0 += 0.5;
  n0 += 0.5 * 100.0;
  w0 += 0.5;
  n1 += 0.7 * 50.0;
  w1 += 0.7;
  n1 += 0.3 * 100.0;
  w1 += 0.3;
  const double d0 = n0 / w0, d1 = n1 / w1;
  double num = 0, den = 0;
  num += 0.6 * d0;
  den += 0.6;
  num += 0.4 * d1;
  den += 0.4;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(r.value(domainScore[0], 0).d),
            std::bit_cast<std::uint64_t>(d0));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(r.value(total, 0).d),
            std::bit_cast<std::uint64_t>(num / den));
  // Row 1: A not assessed drops out: d0 = B alone = 0 (fail); C 70 (policy), D fail 0.
  EXPECT_EQ(r.value(domainScore[0], 1).d, 0);
  double m1 = 0, v1 = 0;
  m1 += 0.7 * 70.0;
  v1 += 0.7;
  m1 += 0.3 * 0.0;
  v1 += 0.3;
  double num1 = 0, den1 = 0;
  num1 += 0.6 * 0.0;
  den1 += 0.6;
  num1 += 0.4 * (m1 / v1);
  den1 += 0.4;
  EXPECT_EQ(r.value(total, 1).d, num1 / den1);
  // Row 2, sme: only A (90) and C (90) are in the checklist.
  EXPECT_DOUBLE_EQ(r.value(total, 2).d, 90);
}

TEST_F(InterpIndicators, WeightedTotalFailsWhenNothingIsAssessed) {
  addWeighted(false);
  auto r = runBoth(pb.p, {rec(1, Missing(Type::number()), B(true))});
  // sme: A not assessed; C takes its missing score 70, so something is assessed...
  ASSERT_TRUE(r.ok(0));
  // ... unless C is not assessed either: make its policy not_assessed.
  std::get<ir::IndicatorStmt>(pb.p.statements[3].body).missing =
      ir::IndicatorStmt::Missing::NotAssessed;
  auto r2 = runBoth(pb.p, {rec(1, Missing(Type::number()), B(true)), rec(1, N(0.5), B(true))});
  EXPECT_EQ(batch::errorMessage(pb.p, r2.error(0)),
            "no indicator of checklist sme could be assessed in score total (t.xr:30:7)");
  EXPECT_TRUE(r2.ok(1));
  EXPECT_DOUBLE_EQ(r2.value(total, 1).d, 50);
}

TEST_F(InterpIndicators, WeightedPointsCountEveryAssessedPointTheSame) {
  addWeighted(true);
  auto r = runBoth(pb.p, {rec(0, N(0.5), B(true)), rec(0, Missing(Type::number()), B(true))});
  // Row 0: points 8*50 + 2*100 in d0, 5*50 + 5*100 in d1; total (600 + 750) / 20.
  double n0 = 0, n1 = 0;
  n0 += 8 * 50.0;
  n0 += 2 * 100.0;
  n1 += 5 * 50.0;
  n1 += 5 * 100.0;
  EXPECT_EQ(r.value(domainScore[0], 0).d, n0 / 10);
  EXPECT_EQ(r.value(total, 0).d, (n0 + n1) / 20);
  // Row 1: A not assessed: (2*100 + 5*70 + 5*100) / 12.
  EXPECT_EQ(r.value(total, 1).d, (2 * 100.0 + (5 * 70.0 + 5 * 100.0)) / 12);
}

// ------------------------------------------------------------------------------ checks

TEST(InterpChecks, RaisedOnMissingFollowsThePolicy) {
  for (bool raiseOnMissing : {false, true}) {
    ProgramBuilder pb;
    auto x = pb.field("x", Type::number(true));
    auto ratio = pb.slot("c.ratio", Type::number(true));
    auto raised = pb.slot("c", Type::boolean(), ir::SlotRole::CheckRaised);
    ir::CheckStmt c;
    c.raised = raised;
    c.lets = {ir::Assign{ratio, pb.div(pb.fieldRef(x), pb.n(2))}};
    c.when = pb.cmp(Op::Gt, pb.slotRef(ratio), pb.n(1));
    c.raiseOnMissing = raiseOnMissing;
    pb.stmt(c);
    auto r = runBoth(pb.p, {{N(4)}, {N(1)}, {Missing(Type::number())}});
    EXPECT_EQ(r.value(raised, 0).i, 1);
    EXPECT_EQ(r.value(ratio, 0).d, 2);
    EXPECT_EQ(r.value(raised, 1).i, 0);
    EXPECT_EQ(r.value(raised, 2).i, raiseOnMissing ? 1 : 0);
  }
}

// ------------------------------------------------------------------------------ tables

class InterpTables : public ::testing::Test {
protected:
  ProgramBuilder pb;
  std::uint32_t x = pb.field("x", Type::integer());
  EnumId tier = pb.enumeration("tier", {"a", "b", "c"});

  /// x > t for each threshold, in row order.
  std::vector<ir::ExprId> above(std::vector<int> thresholds) {
    std::vector<ir::ExprId> out;
    for (int t : thresholds)
      out.push_back(pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(t)));
    return out;
  }
  ir::SlotId table(ir::TableStmt::Policy policy, Type type, std::vector<ir::ExprId> conditions,
                   std::vector<ir::ExprId> outcomes, ir::ExprId otherwise = ir::kNoExpr) {
    ir::TableStmt s;
    s.slot = pb.slot("t", type, ir::SlotRole::Table);
    s.policy = policy;
    s.conditions = std::move(conditions);
    s.outcomes = std::move(outcomes);
    s.otherwise = otherwise;
    s.conflict = pb.site(policy == ir::TableStmt::Policy::Unique ? ir::ErrorKind::UniqueConflict
                                                                 : ir::ErrorKind::AnyConflict,
                         "table t", "t.xr:40:7");
    pb.stmt(s);
    return s.slot;
  }
  batch::Results runX(std::vector<std::int64_t> xs) {
    std::vector<std::vector<ir::Constant>> rows;
    for (auto v : xs)
      rows.push_back({I(v)});
    return runBoth(pb.p, rows);
  }
  std::string message(const batch::Results &r, std::size_t row) {
    return r.ok(row) ? "ok" : batch::errorMessage(pb.p, r.error(row));
  }
};

TEST_F(InterpTables, FirstStopsAtTheFirstMatchAndDoesNotEvaluateLaterConditions) {
  // x > 10 => a; 10 / (x - 20) > 0 => b (fails at x = 20 if evaluated); otherwise => c
  auto risky =
      pb.cmp(Op::Gt, pb.div(pb.n(10), pb.toNumber(pb.sub(pb.fieldRef(x), pb.i(20)))), pb.n(0));
  auto t = table(ir::TableStmt::Policy::First, Type::enumeration(tier),
                 {pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(10)), risky}, {pb.e(tier, 0), pb.e(tier, 1)},
                 pb.e(tier, 2));
  auto r = runX({20, 5, 11});
  ASSERT_TRUE(r.ok(0)) << message(r, 0);
  EXPECT_EQ(r.value(t, 0).i, 0);
  EXPECT_EQ(r.value(t, 1).i, 2); // 10 / -15 < 0
  EXPECT_EQ(r.value(t, 2).i, 0);
}

TEST_F(InterpTables, FirstWithoutOtherwiseIsMissingWhenNothingMatches) {
  auto t = table(ir::TableStmt::Policy::First, Type::enumeration(tier, true), above({10}),
                 {pb.e(tier, 1)});
  auto r = runX({11, 3});
  EXPECT_EQ(r.value(t, 0).i, 1);
  EXPECT_FALSE(r.value(t, 1).valid);
}

TEST_F(InterpTables, UniqueRaisesOnTwoMatchingRows) {
  auto t = table(ir::TableStmt::Policy::Unique, Type::enumeration(tier, true), above({10, 5, 0}),
                 {pb.e(tier, 0), pb.e(tier, 1), pb.e(tier, 2)});
  auto r = runX({20, -1, 3});
  EXPECT_EQ(message(r, 0), "rows 1 and 2 of table t both match (t.xr:40:7)");
  EXPECT_EQ(r.error(0).detail[0], 1);
  EXPECT_EQ(r.error(0).detail[1], 2);
  EXPECT_TRUE(r.ok(1));
  EXPECT_FALSE(r.value(t, 1).valid);
  EXPECT_EQ(r.value(t, 2).i, 2);
}

TEST_F(InterpTables, AnyNeedsEveryMatchingRowToAgree) {
  auto t = table(ir::TableStmt::Policy::Any, Type::enumeration(tier, true), above({10, 15, 18}),
                 {pb.e(tier, 0), pb.e(tier, 0), pb.e(tier, 1)});
  auto r = runX({16, 19, 0});
  EXPECT_EQ(r.value(t, 0).i, 0);
  EXPECT_EQ(message(r, 1), "rows 1 and 3 of table t match with different outcomes (t.xr:40:7)");
  EXPECT_FALSE(r.value(t, 2).valid);
}

TEST_F(InterpTables, PriorityTakesTheEarliestMember) {
  auto t = table(ir::TableStmt::Policy::Priority, Type::enumeration(tier, true), above({0, 5, 10}),
                 {pb.e(tier, 2), pb.e(tier, 1), pb.e(tier, 0)}, pb.e(tier, 2));
  auto r = runX({7, 1, 12, -5});
  EXPECT_EQ(r.value(t, 0).i, 1);
  EXPECT_EQ(r.value(t, 1).i, 2);
  EXPECT_EQ(r.value(t, 2).i, 0);
  EXPECT_EQ(r.value(t, 3).i, 2); // otherwise
}

TEST_F(InterpTables, CollectGathersTheSetOfOutcomes) {
  auto t = table(ir::TableStmt::Policy::Collect, Type::set(tier), above({0, 5, 10}),
                 {pb.e(tier, 2), pb.e(tier, 0), pb.e(tier, 2)});
  auto r = runX({7, 12, -1});
  EXPECT_EQ(r.value(t, 0).i, 0b101);
  EXPECT_EQ(r.value(t, 1).i, 0b101);
  EXPECT_EQ(r.value(t, 2).i, 0); // the empty set, present
  EXPECT_TRUE(r.value(t, 2).valid);
}

TEST_F(InterpTables, CollectSumMinMaxCount) {
  auto sum = table(ir::TableStmt::Policy::Sum, Type::number(), above({0, 5, 10}),
                   {pb.n(0.1), pb.n(0.2), pb.n(0.4)});
  auto mn = table(ir::TableStmt::Policy::Min, Type::number(true), above({0, 5, 10}),
                  {pb.n(3), pb.n(-1), pb.n(2)});
  auto mx = table(ir::TableStmt::Policy::Max, Type::integer(true), above({0, 5, 10}),
                  {pb.i(3), pb.i(-1), pb.i(9)});
  auto count = table(ir::TableStmt::Policy::Count, Type::integer(), above({0, 5, 10}),
                     {pb.i(0), pb.i(0), pb.i(0)});
  auto r = runX({12, 3, -4});
  EXPECT_EQ(r.value(sum, 0).d, (0.1 + 0.2) + 0.4); // in row order
  EXPECT_EQ(r.value(sum, 2).d, 0);
  EXPECT_EQ(r.value(mn, 0).d, -1);
  EXPECT_EQ(r.value(mn, 1).d, 3);
  EXPECT_FALSE(r.value(mn, 2).valid);
  EXPECT_EQ(r.value(mx, 0).i, 9);
  EXPECT_FALSE(r.value(mx, 2).valid);
  EXPECT_EQ(r.value(count, 0).i, 3);
  EXPECT_EQ(r.value(count, 1).i, 1);
  EXPECT_EQ(r.value(count, 2).i, 0);
}

TEST_F(InterpTables, CollectSumOfIntsOverflowsAsARecordError) {
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  auto sum =
      table(ir::TableStmt::Policy::Sum, Type::integer(), above({0, 5}), {pb.i(big), pb.i(1)});
  auto r = runX({6, 1});
  EXPECT_EQ(message(r, 0), "integer overflow in table t (t.xr:40:7)");
  EXPECT_EQ(r.value(sum, 1).i, big);
}

TEST_F(InterpTables, OutcomesAreEvaluatedOnlyForMatchingRows) {
  // x > 0 => 10 / x; otherwise => 0: x = 0 never divides.
  auto t = table(ir::TableStmt::Policy::First, Type::number(), above({0}),
                 {pb.div(pb.n(10), pb.toNumber(pb.fieldRef(x)))}, pb.n(0));
  auto r = runX({0, 4});
  ASSERT_TRUE(r.ok(0));
  EXPECT_EQ(r.value(t, 0).d, 0);
  EXPECT_EQ(r.value(t, 1).d, 2.5);
}

// ------------------------------------------------------------------------------ rules

TEST(InterpRules, AssignmentsApplyInOrderAndSeeEachOther) {
  ProgramBuilder pb;
  auto x = pb.field("x", Type::integer());
  auto out = pb.slot("frequency", Type::number(), ir::SlotRole::Output);
  pb.stmt(ir::Assign{out, pb.n(1)});
  auto applied1 = pb.slot("r1", Type::boolean(), ir::SlotRole::RuleApplied);
  ir::RuleStmt r1;
  r1.applied = applied1;
  r1.when = pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(0));
  r1.assignments = {ir::Assign{out, pb.add(pb.slotRef(out), pb.n(1))},
                    ir::Assign{out, pb.mul(pb.slotRef(out), pb.n(10))}};
  pb.stmt(r1);
  auto applied2 = pb.slot("r2", Type::boolean(), ir::SlotRole::RuleApplied);
  ir::RuleStmt r2;
  r2.applied = applied2;
  r2.when = pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(5));
  r2.assignments = {
      ir::Assign{out, pb.call(builtins::Fn::MaxNumber, {pb.slotRef(out), pb.n(100)})}};
  pb.stmt(r2);
  auto r = runBoth(pb.p, {{I(1)}, {I(9)}, {I(0)}});
  EXPECT_EQ(r.value(out, 0).d, 20);
  EXPECT_EQ(r.value(applied1, 0).i, 1);
  EXPECT_EQ(r.value(applied2, 0).i, 0);
  EXPECT_EQ(r.value(out, 1).d, 100);
  EXPECT_EQ(r.value(out, 2).d, 1);
  EXPECT_EQ(r.value(applied1, 2).i, 0);
}

TEST(InterpRules, EscalationArgumentsOnlyWhenFired) {
  ProgramBuilder pb;
  auto x = pb.field("x", Type::integer());
  auto fired = pb.slot("overdue", Type::boolean(), ir::SlotRole::EscalationFired);
  auto arg = pb.slot("overdue.credit_deduct", Type::integer(true), ir::SlotRole::ActionArgument);
  ir::EscalateStmt s;
  s.fired = fired;
  s.when = pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(0));
  s.arguments = {ir::Assign{arg, pb.mul(pb.fieldRef(x), pb.i(5))}};
  pb.stmt(s);
  auto r = runBoth(pb.p, {{I(2)}, {I(0)}});
  EXPECT_EQ(r.value(fired, 0).i, 1);
  EXPECT_EQ(r.value(arg, 0).i, 10);
  EXPECT_EQ(r.value(fired, 1).i, 0);
  EXPECT_FALSE(r.value(arg, 1).valid);
}

} // namespace
} // namespace xr::testing
