// What only the JIT has to show beyond the op tests of interp_ops_test.cpp (which run every
// program on both engines): compiled code evaluated by several threads at once, and IR it
// refuses to compile.
#include "jit_test_support.h"

#include "compiler/codegen/invariant_calls.h"

#include <limits>
#include <thread>

namespace xr::testing {
namespace {

using ir::Op;

class JitOps : public ::testing::Test {
protected:
  ProgramBuilder pb;
  const std::uint32_t x = pb.field("x", Type::integer(true));

  static std::vector<ir::Constant> row(ir::Constant vx) { return {vx}; }
};

TEST_F(JitOps, ThreadsEvaluatingAtOnceGetTheSameResults) {
  pb.let("out", pb.logic(Op::Or, pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(3)),
                         pb.cmp(Op::Lt, pb.div(pb.n(1), pb.toNumber(pb.fieldRef(x))), pb.n(0.5))));
  std::vector<std::vector<ir::Constant>> rows;
  for (int i = 0; i < 5000; ++i)
    rows.push_back(row(i % 11 == 0 ? Missing(Type::integer()) : I(i % 7 - 2)));
  auto jit = compileJit(pb.p);
  ASSERT_TRUE(jit);
  const batch::Batch b = makeBatch(pb.p, rows);
  const batch::ParamValues params = defaults(pb.p);
  const batch::Results reference = expectEnginesAgree(pb.p, *jit, b, params);
  std::vector<batch::Results> results(4);
  std::vector<std::thread> threads;
  for (auto &r : results)
    threads.emplace_back([&] {
      for (int round = 0; round < 20; ++round)
        jit->evaluate(b, params, r);
    });
  for (auto &t : threads)
    t.join();
  for (const auto &r : results) {
    std::string why;
    EXPECT_TRUE(batch::sameResults(pb.p, reference, r, &why)) << why;
  }
  EXPECT_GT(reference.errorCount(), 0u); // x = 0 divides by zero
}

TEST_F(JitOps, ErrorsOfLazyOperandsEvaluatedEagerlyAreRaisedOnlyWhenChosenAndFirstFirst) {
  // Small lazy operands without kernel calls are computed for every record and chosen by a
  // select; the errors they raise are held until the choice (lower_expr.cpp, eager()).
  auto shifted = [&](std::int64_t by) { return pb.toNumber(pb.sub(pb.fieldRef(x), pb.i(by))); };
  auto is = [&](std::int64_t v) { return pb.cmp(Op::Eq, pb.fieldRef(x), pb.i(v)); };
  pb.let("choice",
         pb.ifE(pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(0)),
                pb.add(pb.div(pb.n(1), shifted(4), "first"), pb.div(pb.n(1), shifted(4), "second")),
                pb.div(pb.n(100), shifted(5), "else")));
  pb.let("either", pb.logic(Op::Or, pb.cmp(Op::Lt, pb.fieldRef(x), pb.i(-5)),
                            pb.cmp(Op::Gt, pb.div(pb.n(1), shifted(-3), "right"), pb.n(0))));
  pb.let("skipped", pb.logic(Op::Or, pb.cmp(Op::Lt, pb.fieldRef(x), pb.i(-5)),
                             pb.cmp(Op::Gt, pb.div(pb.n(1), shifted(-8), "skipped"), pb.n(0))));
  const std::int64_t most = std::numeric_limits<std::int64_t>::max();
  pb.let("nested", pb.coalesce(pb.ifE(pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(8)), pb.n(1),
                                      pb.missing(Type::number())),
                               pb.toNumber(pb.when(pb.logic(Op::Or, is(-9), is(9)),
                                                   pb.mul(pb.i(most), pb.i(2)), pb.i(7)))));
  std::vector<std::vector<ir::Constant>> rows;
  for (int v = -12; v <= 12; ++v)
    rows.push_back(row(I(v)));
  rows.push_back(row(Missing(Type::integer())));
  const batch::Results r = runBoth(pb.p, rows);
  auto outcome = [&](int v) -> std::string {
    const auto at = static_cast<std::size_t>(v + 12);
    return r.ok(at) ? "ok" : pb.p.errors[r.error(at).site].context;
  };
  EXPECT_EQ(outcome(4), "first");  // both divisions of the chosen branch fail: the first wins
  EXPECT_EQ(outcome(5), "ok");     // `else` would divide by zero, but `then` is chosen
  EXPECT_EQ(outcome(-3), "right"); // the left operand does not decide
  EXPECT_EQ(outcome(-8), "ok");    // it does: the right one's division is dropped
  EXPECT_EQ(outcome(-9), "let x"); // the overflow in the chosen fallback's chosen branch
  EXPECT_EQ(outcome(9), "ok");     // the fallback is not chosen
  EXPECT_EQ(outcome(3), "ok");
}

TEST_F(JitOps, IntArithmeticAtTheEdgesOfTheRangeAgreesWhereTheCodeOnlyFlagsAPossibleOverflow) {
  // The compiled code checks a product in double and flags it from 2^62 on, though it may fit
  // (row_lowering.h): the interpreter then decides. Sums and differences are checked exactly.
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  const std::uint32_t y = pb.field("y", Type::integer(true));
  const ir::SlotId product = pb.let("product", pb.mul(pb.fieldRef(x), pb.fieldRef(y)));
  const ir::SlotId sum = pb.let("sum", pb.add(pb.fieldRef(x), pb.fieldRef(y)));
  const ir::SlotId difference = pb.let("difference", pb.sub(pb.fieldRef(x), pb.fieldRef(y)));
  const std::vector<std::vector<ir::Constant>> rows = {
      {I(3037000499), I(3037000499)},                       // 2^63 - 6e9: flagged, fits
      {I(-3037000499), I(3037000499)},                      // the same below zero
      {I(std::int64_t{1} << 31), I(std::int64_t{1} << 31)}, // 2^62 exactly: flagged, fits
      {I(3037000500), I(3037000500)},                       // just past 2^63: overflows
      {I(kMax), I(1)},                                      // the sum overflows, the difference not
      {I(kMin), I(1)},                                      // the difference overflows, the sum not
      {I(kMax), I(-1)},
      {I(kMin), I(-1)}, // the product overflows (-kMin), and the sum
      {I(7), Missing(Type::integer())},
      {I(-6), I(7)},
  };
  const batch::Results r = runBoth(pb.p, rows);
  EXPECT_TRUE(r.ok(0));
  EXPECT_EQ(r.value(product, 0).i, 9223372030926249001);
  EXPECT_TRUE(r.ok(1));
  EXPECT_EQ(r.value(product, 1).i, -9223372030926249001);
  EXPECT_TRUE(r.ok(2));
  EXPECT_EQ(r.value(product, 2).i, std::int64_t{1} << 62);
  EXPECT_FALSE(r.ok(3));
  EXPECT_FALSE(r.ok(4));
  EXPECT_FALSE(r.ok(5));
  EXPECT_FALSE(r.ok(6)); // kMax * -1 fits, kMax - -1 does not
  EXPECT_FALSE(r.ok(7));
  ASSERT_TRUE(r.ok(8));
  EXPECT_FALSE(r.value(sum, 8).valid);
  ASSERT_TRUE(r.ok(9));
  EXPECT_EQ(r.value(product, 9).i, -42);
  EXPECT_EQ(r.value(difference, 9).i, -13);
}

TEST_F(JitOps, RowLoopsWithErrorsMissingValuesAndChoicesAreVectorised) {
  // What makes the JIT fast (row_lowering.h): errors are flags, not exits, and the loops say
  // that rows are independent. A loop the vectoriser gave up on would have no vector type.
  const std::uint32_t rate = pb.field("rate", Type::number(true));
  pb.let("score", pb.ifE(pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(0)),
                         pb.div(pb.fieldRef(rate), pb.toNumber(pb.fieldRef(x))),
                         pb.coalesce(pb.fieldRef(rate), pb.n(1))));
  pb.let("sum", pb.add(pb.mul(pb.fieldRef(x), pb.i(3)), pb.i(1)));
  std::string text, error;
  ASSERT_TRUE(jit::CompiledProgram::optimisedIr(pb.p, text, error)) << error;
  EXPECT_NE(text.find(" x double>"), std::string::npos) << text;
  EXPECT_NE(text.find(" x i64>"), std::string::npos) << text;
}

TEST_F(JitOps, CallsOfParamsAloneAreMadeOnceAndRaiseWhereARecordUsesThem) {
  // add_days($last, 2) is the same for every record: the code makes it before the loop
  // (invariant_calls.h), and only the records that choose it get its error.
  const std::uint32_t last = pb.param("last", Type::date(), D(9999, 12, 30));
  auto addDays = [&](std::int64_t n) {
    return pb.call(builtins::Fn::AddDays, {pb.paramRef(last), pb.i(n)});
  };
  const ir::SlotId day =
      pb.let("day", pb.ifE(pb.cmp(Op::Gt, pb.fieldRef(x), pb.i(0)), addDays(2), addDays(1)));
  pb.let("again", pb.call(builtins::Fn::DaysBetween, {addDays(1), pb.slotRef(day)}));
  const codegen::InvariantCalls invariant(pb.p);
  std::size_t hoisted = 0;
  for (ir::ExprId id = 0; id < pb.p.nodes.size(); ++id)
    hoisted += invariant.contains(id) ? 1 : 0;
  EXPECT_EQ(hoisted, 3u); // the three add_days; days_between reads a slot
  const batch::Results r =
      runBoth(pb.p, {row(I(1)), row(I(0)), row(Missing(Type::integer())), row(I(-3))});
  EXPECT_FALSE(r.ok(0));
  ASSERT_TRUE(r.ok(1));
  EXPECT_EQ(r.value(day, 1).i, *dates::makeDate(9999, 12, 31));
  EXPECT_TRUE(r.ok(2)); // a missing condition chooses neither
  EXPECT_TRUE(r.ok(3));
}

TEST_F(JitOps, InvariantCallsOfMalformedIrEndAndHoistNothingWrong) {
  // A node among its own operands, and one whose operand does not exist.
  ir::Node add;
  add.op = Op::Add;
  add.type = Type::integer();
  add.firstArg = static_cast<std::uint32_t>(pb.p.args.size());
  add.argCount = 2;
  pb.p.nodes.push_back(add);
  const auto cyclic = static_cast<ir::ExprId>(pb.p.nodes.size() - 1);
  pb.p.args.push_back(cyclic);
  pb.p.args.push_back(999999);
  ir::Node call;
  call.op = Op::Call;
  call.type = Type::date();
  call.firstArg = static_cast<std::uint32_t>(pb.p.args.size());
  call.argCount = 2;
  call.a = static_cast<std::int64_t>(builtins::Fn::AddDays);
  pb.p.nodes.push_back(call);
  pb.p.args.push_back(cyclic);
  pb.p.args.push_back(cyclic);
  const codegen::InvariantCalls invariant(pb.p);
  EXPECT_FALSE(invariant.contains(cyclic));
  EXPECT_FALSE(invariant.contains(cyclic + 1));
  EXPECT_FALSE(invariant.contains(999999));
}

TEST_F(JitOps, MalformedIrIsAnErrorNotACrash) {
  pb.let("bad", pb.node(Op::Add, Type::integer(), {pb.i(1), pb.n(2)}, 0, 0));
  std::string error;
  EXPECT_EQ(jit::CompiledProgram::compile(pb.p, error), nullptr);
  EXPECT_NE(error.find("malformed IR"), std::string::npos) << error;
}

TEST_F(JitOps, AReportAggregateInTheRecordProgramIsRefused) {
  pb.let("bad", pb.node(Op::Aggregate, Type::number(), {}, 0));
  std::string error;
  EXPECT_EQ(jit::CompiledProgram::compile(pb.p, error), nullptr);
  EXPECT_NE(error.find("aggregate"), std::string::npos) << error;
}

} // namespace
} // namespace xr::testing
