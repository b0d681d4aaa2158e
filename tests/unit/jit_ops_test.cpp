// What only the JIT has to show beyond the op tests of interp_ops_test.cpp (which run every
// program on both engines): compiled code evaluated by several threads at once, and IR it
// refuses to compile.
#include "jit_test_support.h"

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
