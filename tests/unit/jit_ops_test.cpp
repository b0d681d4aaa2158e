// What only the JIT has to show beyond the op tests of interp_ops_test.cpp (which run every
// program on both engines): compiled code evaluated by several threads at once, and IR it
// refuses to compile.
#include "jit_test_support.h"

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
