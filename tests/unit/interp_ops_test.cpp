// Every op of the IR through the interpreter: values, missing propagation, Kleene logic,
// laziness of and/or/if/when/??, errors and their messages, and first-error-wins.
// Each program runs on both engines (runBoth): the interpreter and the JIT must agree bit for
// bit, and the expectations are checked on the JIT's results.
#include "jit_test_support.h"

#include <cmath>
#include <limits>
#include <thread>

namespace xr::testing {
namespace {

using ir::Op;

class InterpOps : public ::testing::Test {
protected:
  ProgramBuilder pb;
  const std::uint32_t x = pb.field("x", Type::integer(true));
  const std::uint32_t y = pb.field("y", Type::number(true));
  const std::uint32_t p = pb.field("p", Type::boolean(true));
  const std::uint32_t q = pb.field("q", Type::boolean(true));
  const std::uint32_t s = pb.field("s", Type::text(true));

  static std::vector<ir::Constant> row(ir::Constant vx, ir::Constant vy = Missing(Type::number()),
                                       ir::Constant vp = Missing(Type::boolean()),
                                       ir::Constant vq = Missing(Type::boolean()),
                                       ir::Constant vs = Missing(Type::text())) {
    return {vx, vy, vp, vq, vs};
  }
  static std::vector<ir::Constant> mx() { return row(Missing(Type::integer())); }

  /// Evaluates `e` as the program's only let for each row; returns the results.
  batch::Results eval(ir::ExprId e, const std::vector<std::vector<ir::Constant>> &rows) {
    out_ = pb.let("out", e);
    return runBoth(pb.p, rows);
  }
  ir::Constant value(const batch::Results &r, std::size_t row) const { return r.value(out_, row); }
  std::string message(const batch::Results &r, std::size_t row) const {
    return r.ok(row) ? "ok" : batch::errorMessage(pb.p, r.error(row));
  }

  ir::SlotId out_ = 0;
};

TEST_F(InterpOps, IntArithmeticPropagatesMissingAndChecksOverflow) {
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  auto r = eval(pb.add(pb.mul(pb.fieldRef(x), pb.i(2)), pb.i(1)),
                {row(I(20)), mx(), row(I(big)), row(I(-3))});
  EXPECT_EQ(value(r, 0).i, 41);
  EXPECT_TRUE(r.ok(1));
  EXPECT_FALSE(value(r, 1).valid);
  EXPECT_EQ(message(r, 2), "integer overflow in let x (t.xr:1:1)");
  EXPECT_FALSE(value(r, 2).valid); // an error row has every slot missing
  EXPECT_EQ(value(r, 3).i, -5);
}

TEST_F(InterpOps, IntSubtractionAndNegationOverflow) {
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  auto r = eval(pb.sub(pb.neg(pb.fieldRef(x)), pb.i(1)), {row(I(5)), row(I(min)), row(I(min + 1))});
  EXPECT_EQ(value(r, 0).i, -6);
  EXPECT_FALSE(r.ok(1)); // -min overflows
  EXPECT_EQ(r.error(1).kind, ir::ErrorKind::IntegerOverflow);
  ASSERT_TRUE(r.ok(2)); // -(min + 1) is max; max - 1 fits
  EXPECT_EQ(value(r, 2).i, std::numeric_limits<std::int64_t>::max() - 1);
}

TEST_F(InterpOps, NegationOfTheSmallestPlusOneMinusOneIsTheSmallest) {
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  // -(min + 1) = max; max - 1 fine; 0 - max - 1 = min: no overflow.
  auto r = eval(pb.sub(pb.sub(pb.i(0), pb.neg(pb.fieldRef(x))), pb.i(1)), {row(I(min + 1))});
  ASSERT_TRUE(r.ok(0)) << message(r, 0);
  EXPECT_EQ(value(r, 0).i, min);
}

TEST_F(InterpOps, DivisionIsNumberDivisionAndRaisesOnZeroAndMinusZero) {
  auto r = eval(pb.div(pb.n(7), pb.fieldRef(y), "indicator C3"),
                {row(Missing(Type::integer()), N(2)), row(Missing(Type::integer()), N(0.0)),
                 row(Missing(Type::integer()), N(-0.0)), mx()});
  EXPECT_DOUBLE_EQ(value(r, 0).d, 3.5);
  EXPECT_EQ(message(r, 1), "division by zero in indicator C3 (t.xr:1:1)");
  EXPECT_EQ(message(r, 2), "division by zero in indicator C3 (t.xr:1:1)");
  EXPECT_TRUE(r.ok(3)); // missing divisor: missing, no error
  EXPECT_FALSE(value(r, 3).valid);
}

TEST_F(InterpOps, NumberArithmeticAndConversions) {
  auto e = pb.sub(pb.mul(pb.toNumber(pb.fieldRef(x)), pb.n(0.5)), pb.neg(pb.fieldRef(y)));
  auto r = eval(e, {row(I(3), N(1.25)), row(I(3)), row(Missing(Type::integer()), N(1))});
  EXPECT_DOUBLE_EQ(value(r, 0).d, 1.5 + 1.25);
  EXPECT_FALSE(value(r, 1).valid);
  EXPECT_FALSE(value(r, 2).valid);
}

TEST_F(InterpOps, BoolToIntGivesZeroOrOne) {
  auto e = pb.node(Op::BoolToInt, Type::integer(true), {pb.fieldRef(p)});
  auto r = eval(e, {row(I(0), N(0), B(true)), row(I(0), N(0), B(false)), mx()});
  EXPECT_EQ(value(r, 0).i, 1);
  EXPECT_EQ(value(r, 1).i, 0);
  EXPECT_FALSE(value(r, 2).valid);
}

TEST_F(InterpOps, ComparisonsOfEveryOrderedKind) {
  const EnumId tier = pb.enumeration("Tier", {"red", "yellow", "blue"});
  const std::uint32_t f = pb.field("tier", Type::enumeration(tier));
  const std::uint32_t when = pb.field("when", Type::date());
  std::vector<ir::ExprId> tests = {
      pb.cmp(Op::Lt, pb.fieldRef(x), pb.i(10)),             // int
      pb.cmp(Op::Ge, pb.fieldRef(y), pb.n(2.5)),            // number
      pb.cmp(Op::Le, pb.fieldRef(when), pb.d(2024, 6, 30)), // date
      pb.cmp(Op::Gt, pb.fieldRef(f), pb.e(tier, 0)),        // enum by member index
      pb.cmp(Op::Ne, pb.fieldRef(p), pb.b(true)),           // bool
      pb.cmp(Op::Eq, pb.fieldRef(s), pb.t("杭州")),         // text, bytes
  };
  std::vector<ir::SlotId> slots;
  for (auto t : tests)
    slots.push_back(pb.let("c", t));
  auto rows = std::vector<std::vector<ir::Constant>>{
      {I(9), N(2.5), B(true), B(true), T("杭州"), E(tier, 2), D(2024, 6, 30)},
      {I(10), N(2.4), B(false), B(true), T("杭州市"), E(tier, 0), D(2024, 7, 1)},
      {Missing(Type::integer()), Missing(Type::number()), Missing(Type::boolean()), B(true),
       Missing(Type::text()), E(tier, 1), D(2024, 1, 1)}};
  auto r = runBoth(pb.p, rows);
  const std::vector<int> first = {1, 1, 1, 1, 0, 1};
  const std::vector<int> second = {0, 0, 0, 0, 1, 0};
  for (std::size_t k = 0; k < slots.size(); ++k) {
    EXPECT_EQ(r.value(slots[k], 0).i, first[k]) << k;
    EXPECT_EQ(r.value(slots[k], 1).i, second[k]) << k;
  }
  EXPECT_FALSE(r.value(slots[0], 2).valid);
  EXPECT_FALSE(r.value(slots[5], 2).valid);
  EXPECT_EQ(r.value(slots[3], 2).i, 1); // yellow > red
  EXPECT_EQ(r.value(slots[2], 2).i, 1);
}

TEST_F(InterpOps, KleeneAndOrNot) {
  const ir::SlotId andSlot = pb.let("and", pb.logic(Op::And, pb.fieldRef(p), pb.fieldRef(q)));
  const ir::SlotId orSlot = pb.let("or", pb.logic(Op::Or, pb.fieldRef(p), pb.fieldRef(q)));
  const ir::SlotId notSlot = pb.let("not", pb.notE(pb.fieldRef(p)));
  const std::vector<ir::Constant> values = {B(true), B(false), Missing(Type::boolean())};
  std::vector<std::vector<ir::Constant>> rows;
  for (const auto &a : values)
    for (const auto &bb : values)
      rows.push_back(row(I(0), N(0), a, bb));
  auto r = runBoth(pb.p, rows);
  // -1 = missing
  auto get = [&](ir::SlotId slot, std::size_t i) {
    auto c = r.value(slot, i);
    return c.valid ? static_cast<int>(c.i) : -1;
  };
  const int andExpected[9] = {1, 0, -1, 0, 0, 0, -1, 0, -1};
  const int orExpected[9] = {1, 1, 1, 1, 0, -1, 1, -1, -1};
  const int notExpected[9] = {0, 0, 0, 1, 1, 1, -1, -1, -1};
  for (std::size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(get(andSlot, i), andExpected[i]) << i;
    EXPECT_EQ(get(orSlot, i), orExpected[i]) << i;
    EXPECT_EQ(get(notSlot, i), notExpected[i]) << i;
  }
}

TEST_F(InterpOps, KleeneLogicIsTheSameWhenTheRightSideCouldFail) {
  // q == (1 / 1 > 0) is q, but holds a division: the right side is then evaluated only for the
  // rows that need it (a narrowed selection) instead of for every row.
  auto unsafeQ = [&] {
    return pb.cmp(Op::Eq, pb.fieldRef(q), pb.cmp(Op::Gt, pb.div(pb.n(1), pb.n(1)), pb.n(0)));
  };
  const ir::SlotId andSlot = pb.let("and", pb.logic(Op::And, pb.fieldRef(p), unsafeQ()));
  const ir::SlotId orSlot = pb.let("or", pb.logic(Op::Or, pb.fieldRef(p), unsafeQ()));
  const ir::SlotId ifSlot = pb.let("if", pb.ifE(pb.fieldRef(p), unsafeQ(), pb.b(false)));
  const ir::SlotId whenSlot = pb.let("when", pb.when(pb.fieldRef(p), unsafeQ(), pb.b(false)));
  const ir::SlotId coalesceSlot = pb.let("coalesce", pb.coalesce(pb.fieldRef(p), unsafeQ()));
  const std::vector<ir::Constant> values = {B(true), B(false), Missing(Type::boolean())};
  std::vector<std::vector<ir::Constant>> rows;
  for (const auto &a : values)
    for (const auto &bb : values)
      rows.push_back(row(I(0), N(0), a, bb));
  auto r = runBoth(pb.p, rows);
  auto get = [&](ir::SlotId slot, std::size_t i) {
    auto c = r.value(slot, i);
    return c.valid ? static_cast<int>(c.i) : -1;
  };
  const int andExpected[9] = {1, 0, -1, 0, 0, 0, -1, 0, -1};
  const int orExpected[9] = {1, 1, 1, 1, 0, -1, 1, -1, -1};
  const int ifExpected[9] = {1, 0, -1, 0, 0, 0, -1, -1, -1};
  const int whenExpected[9] = {1, 0, -1, 0, 0, 0, 0, 0, 0};
  const int coalesceExpected[9] = {1, 1, 1, 0, 0, 0, 1, 0, -1};
  for (std::size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(get(andSlot, i), andExpected[i]) << i;
    EXPECT_EQ(get(orSlot, i), orExpected[i]) << i;
    EXPECT_EQ(get(ifSlot, i), ifExpected[i]) << i;
    EXPECT_EQ(get(whenSlot, i), whenExpected[i]) << i;
    EXPECT_EQ(get(coalesceSlot, i), coalesceExpected[i]) << i;
  }
}

TEST_F(InterpOps, ThreadsEvaluatingAtOnceGetTheSameResults) {
  pb.let("out", pb.logic(Op::Or, pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(3)),
                         pb.cmp(Op::Lt, pb.div(pb.n(1), pb.toNumber(pb.fieldRef(x))), pb.n(0.5))));
  std::vector<std::vector<ir::Constant>> rows;
  for (int i = 0; i < 5000; ++i)
    rows.push_back(row(i % 11 == 0 ? Missing(Type::integer()) : I(i % 7 - 2)));
  interp::Interpreter interpreter(pb.p);
  const batch::Batch b = makeBatch(pb.p, rows);
  const batch::ParamValues params = defaults(pb.p);
  batch::Results reference;
  interpreter.evaluate(b, params, reference);
  std::vector<batch::Results> results(4);
  std::vector<std::thread> threads;
  for (auto &r : results)
    threads.emplace_back([&] {
      for (int round = 0; round < 20; ++round)
        interpreter.evaluate(b, params, r);
    });
  for (auto &t : threads)
    t.join();
  for (const auto &r : results) {
    std::string why;
    EXPECT_TRUE(batch::sameResults(pb.p, reference, r, &why)) << why;
  }
  EXPECT_GT(reference.errorCount(), 0u); // x = 0 divides by zero
}

TEST_F(InterpOps, AndOrShortCircuitSkipsAnErrorOnTheRight) {
  // x > 0 and 10 / x > 2: never divides by zero.
  auto guard = pb.logic(Op::And, pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(0)),
                        pb.cmp(Op::Gt, pb.div(pb.n(10), pb.toNumber(pb.fieldRef(x))), pb.n(2)));
  const ir::SlotId andSlot = pb.let("guarded", guard);
  // x == 0 or 10 / x > 2
  auto orGuard = pb.logic(Op::Or, pb.cmp(Op::Eq, pb.fieldRef(x), pb.i(0)),
                          pb.cmp(Op::Gt, pb.div(pb.n(10), pb.toNumber(pb.fieldRef(x))), pb.n(2)));
  const ir::SlotId orSlot = pb.let("guarded2", orGuard);
  auto r = runBoth(pb.p, {row(I(0)), row(I(4)), row(I(5)), mx()});
  ASSERT_TRUE(r.ok(0));
  EXPECT_EQ(r.value(andSlot, 0).i, 0);
  EXPECT_EQ(r.value(orSlot, 0).i, 1);
  EXPECT_EQ(r.value(andSlot, 1).i, 1);
  EXPECT_EQ(r.value(andSlot, 2).i, 0);
  EXPECT_EQ(r.value(orSlot, 2).i, 0);
  EXPECT_FALSE(r.value(andSlot, 3).valid);
}

TEST_F(InterpOps, AndEvaluatesTheRightSideWhenTheLeftIsMissing) {
  // missing and (1 / 0 > 0): the right side is evaluated, and fails.
  auto e =
      pb.logic(Op::And, pb.fieldRef(p), pb.cmp(Op::Gt, pb.div(pb.n(1), pb.fieldRef(y)), pb.n(0)));
  auto r = eval(e, {row(I(0), N(0)), row(I(0), N(0), B(false)), row(I(0), N(2), B(true))});
  EXPECT_FALSE(r.ok(0));
  EXPECT_EQ(r.error(0).kind, ir::ErrorKind::DivisionByZero);
  EXPECT_TRUE(r.ok(1));
  EXPECT_EQ(value(r, 1).i, 0);
  EXPECT_EQ(value(r, 2).i, 1);
}

TEST_F(InterpOps, IfEvaluatesOnlyTheChosenBranchAndMissingConditionGivesMissing) {
  auto e = pb.ifE(pb.cmp(Op::Eq, pb.fieldRef(x), pb.i(0)), pb.n(-1),
                  pb.div(pb.n(10), pb.toNumber(pb.fieldRef(x))));
  auto r = eval(e, {row(I(0)), row(I(4)), mx()});
  ASSERT_TRUE(r.ok(0));
  EXPECT_EQ(value(r, 0).d, -1);
  EXPECT_EQ(value(r, 1).d, 2.5);
  EXPECT_TRUE(r.ok(2));
  EXPECT_FALSE(value(r, 2).valid);
}

TEST_F(InterpOps, WhenTreatsAMissingConditionAsFalse) {
  auto e = pb.when(pb.fieldRef(p), pb.i(1), pb.i(2));
  auto r = eval(e, {row(I(0), N(0), B(true)), row(I(0), N(0), B(false)), mx()});
  EXPECT_EQ(value(r, 0).i, 1);
  EXPECT_EQ(value(r, 1).i, 2);
  EXPECT_EQ(value(r, 2).i, 2);
}

TEST_F(InterpOps, CoalesceEvaluatesTheFallbackOnlyWhenMissing) {
  auto e = pb.coalesce(pb.fieldRef(y), pb.div(pb.n(1), pb.n(0)));
  auto r = eval(e, {row(I(0), N(3)), mx(), row(I(0), N(-2))});
  EXPECT_EQ(value(r, 0).d, 3);
  EXPECT_FALSE(r.ok(1));
  EXPECT_EQ(value(r, 2).d, -2);
  auto r2 = runBoth(pb.p, {row(I(0), N(1)), row(I(0), N(2))}); // no missing: fallback never runs
  EXPECT_EQ(r2.errorCount(), 0u);
}

TEST_F(InterpOps, CoalesceWithAMissingFallbackStaysMissing) {
  auto e = pb.coalesce(pb.fieldRef(x), pb.missing(Type::integer()));
  auto r = eval(e, {mx(), row(I(4))});
  EXPECT_FALSE(value(r, 0).valid);
  EXPECT_EQ(value(r, 1).i, 4);
}

TEST_F(InterpOps, IsMissingIsNeverMissing) {
  auto r = eval(pb.isMissing(pb.fieldRef(s)), {row(I(0), N(0), B(true), B(true), T("a")), mx()});
  EXPECT_EQ(value(r, 0).i, 0);
  EXPECT_EQ(value(r, 1).i, 1);
  EXPECT_TRUE(value(r, 1).valid);
}

TEST_F(InterpOps, TextValuesAreCopiedIntoTheResults) {
  auto e = pb.coalesce(pb.fieldRef(s), pb.t("未知"));
  auto r = eval(e, {row(I(0), N(0), B(true), B(true), T("杭州")), mx()});
  EXPECT_EQ(value(r, 0).text, "杭州");
  EXPECT_EQ(value(r, 1).text, "未知");
  const ir::SlotId copy = pb.let("copy", pb.slotRef(out_));
  auto r2 = runBoth(pb.p, {row(I(0), N(0), B(true), B(true), T("宁波")), mx()});
  EXPECT_EQ(r2.value(copy, 0).text, "宁波");
  EXPECT_EQ(r2.value(copy, 1).text, "未知");
}

TEST_F(InterpOps, SetHasAndStatusIn) {
  const EnumId flags = pb.enumeration("Flags", {"a", "b", "c"});
  auto setValue = pb.constant({Type::set(flags), true, 0b101, 0, {}});
  const ir::SlotId has =
      pb.let("has", pb.node(Op::SetHas, Type::boolean(), {setValue, pb.e(flags, 2)}));
  const ir::SlotId hasNot =
      pb.let("hasNot", pb.node(Op::SetHas, Type::boolean(), {setValue, pb.e(flags, 1)}));
  const ir::SlotId status = pb.slot("C1.status", Type::status(), ir::SlotRole::IndicatorStatus);
  pb.stmt(ir::Assign{
      status, pb.constant({Type::status(), true, static_cast<int>(ir::Status::Fail), 0, {}})});
  const std::uint64_t failOrNa = (1u << static_cast<int>(ir::Status::Fail)) |
                                 (1u << static_cast<int>(ir::Status::NotApplicable));
  const ir::SlotId in = pb.let("in", pb.node(Op::StatusIn, Type::boolean(), {pb.slotRef(status)},
                                             static_cast<std::int64_t>(failOrNa)));
  const ir::SlotId out = pb.let("out", pb.node(Op::StatusIn, Type::boolean(), {pb.slotRef(status)},
                                               1 << static_cast<int>(ir::Status::Pass)));
  auto r = runBoth(pb.p, {mx()});
  EXPECT_EQ(r.value(has, 0).i, 1);
  EXPECT_EQ(r.value(hasNot, 0).i, 0);
  EXPECT_EQ(r.value(in, 0).i, 1);
  EXPECT_EQ(r.value(out, 0).i, 0);
}

TEST_F(InterpOps, CallsGoThroughTheKernels) {
  using builtins::Fn;
  const ir::SlotId mn = pb.let("min", pb.call(Fn::MinNumber, {pb.fieldRef(y), pb.n(4)}));
  const ir::SlotId len = pb.let("len", pb.call(Fn::Length, {pb.fieldRef(s)}));
  const ir::SlotId has = pb.let("has", pb.call(Fn::Contains, {pb.fieldRef(s), pb.t("州")}));
  const ir::SlotId rnd = pb.let("round", pb.call(Fn::Round, {pb.fieldRef(y)}));
  const ir::SlotId yr = pb.let("year", pb.call(Fn::Year, {pb.d(2024, 2, 29)}));
  auto r = runBoth(pb.p, {row(I(0), N(2.5), B(true), B(true), T("杭州")), mx()});
  EXPECT_EQ(r.value(mn, 0).d, 2.5);
  EXPECT_EQ(r.value(len, 0).i, 2);
  EXPECT_EQ(r.value(has, 0).i, 1);
  EXPECT_EQ(r.value(rnd, 0).i, 3);
  EXPECT_EQ(r.value(yr, 0).i, 2024);
  EXPECT_FALSE(r.value(mn, 1).valid); // missing argument: missing, no kernel call
  EXPECT_FALSE(r.value(len, 1).valid);
  EXPECT_FALSE(r.value(rnd, 1).valid);
  EXPECT_EQ(r.value(yr, 1).i, 2024);
}

TEST_F(InterpOps, FailingKernelsNameTheCall) {
  using builtins::Fn;
  auto e = pb.call(Fn::Sqrt, {pb.fieldRef(y)}, "sqrt in indicator C3");
  auto r = eval(e, {row(I(0), N(-1)), row(I(0), N(16))});
  EXPECT_EQ(message(r, 0), "invalid argument for sqrt(-1) in indicator C3 (t.xr:1:1)");
  EXPECT_EQ(value(r, 1).d, 4);
}

TEST_F(InterpOps, KernelOverflowIsAnIntegerOverflow) {
  using builtins::Fn;
  auto e = pb.call(Fn::AbsInt, {pb.fieldRef(x)}, "abs in score s");
  auto r = eval(e, {row(I(std::numeric_limits<std::int64_t>::min())), row(I(-3))});
  EXPECT_EQ(r.error(0).kind, ir::ErrorKind::IntegerOverflow);
  EXPECT_EQ(message(r, 0), "integer overflow in abs(-9223372036854775808) in score s (t.xr:1:1)");
  EXPECT_EQ(value(r, 1).i, 3);
}

TEST_F(InterpOps, FailRaisesItsSite) {
  auto site = pb.site(ir::ErrorKind::NoChecklist, "record", "t.xr:3:11");
  auto e = pb.when(pb.fieldRef(p), pb.i(0), pb.fail(Type::integer(), site));
  auto r = eval(e, {row(I(0), N(0), B(true)), row(I(0), N(0), B(false)), mx()});
  EXPECT_TRUE(r.ok(0));
  EXPECT_EQ(message(r, 1), "no checklist applies to the record (t.xr:3:11)");
  EXPECT_FALSE(r.ok(2));
}

TEST_F(InterpOps, TheFirstErrorInEvaluationOrderWins) {
  // (1 / y) + (x * max): both fail when y = 0 and x = 2; the left operand is first.
  auto left = pb.div(pb.n(1), pb.fieldRef(y), "let left");
  auto right = pb.toNumber(pb.mul(pb.fieldRef(x), pb.i(std::numeric_limits<std::int64_t>::max())));
  pb.p.errors[pb.p.nodes[pb.p.args[pb.p.nodes[right].firstArg]].b].context = "let right";
  auto r = eval(pb.arith(Op::Add, left, right), {row(I(2), N(0)), row(I(2), N(1))});
  EXPECT_EQ(message(r, 0), "division by zero in let left (t.xr:1:1)");
  EXPECT_EQ(message(r, 1), "integer overflow in let right (t.xr:1:1)");
}

TEST_F(InterpOps, AFailedRowTakesNoPartInLaterStatements) {
  const ir::SlotId first = pb.let("first", pb.div(pb.n(1), pb.fieldRef(y), "let first"));
  const ir::SlotId second = pb.let("second", pb.div(pb.n(1), pb.n(0), "let second"));
  auto r = runBoth(pb.p, {row(I(0), N(0)), row(I(0), N(1))});
  EXPECT_EQ(message(r, 0), "division by zero in let first (t.xr:1:1)");
  EXPECT_EQ(message(r, 1), "division by zero in let second (t.xr:1:1)");
  EXPECT_FALSE(r.value(first, 1).valid); // cleared: the record failed
  EXPECT_FALSE(r.value(second, 0).valid);
}

TEST_F(InterpOps, MalformedIrIsRejectedAtConstruction) {
  pb.let("bad", pb.node(Op::Add, Type::integer(), {pb.i(1), pb.n(2)}, 0, 0));
  EXPECT_THROW(interp::Interpreter{pb.p}, std::invalid_argument);
}

} // namespace
} // namespace xr::testing
