// What is particular to the JIT's way of running a program (tiles of rows, groups of statements
// in functions, slots written in place, failed rows cleared by the host, text copied into a
// results arena that moves), each checked against the interpreter bit for bit.
#include "jit_test_support.h"

#include <fmt/format.h>

namespace xr::testing {
namespace {

using ir::Op;

TEST(JitEngine, ManyRowsAndStatementsWithErrorsScatteredOverTiles) {
  // Twenty lets, each dividing by a different field: rows fail at different statements, in
  // different tiles and statement groups; later lets read earlier ones.
  ProgramBuilder pb;
  std::vector<std::uint32_t> fields;
  for (int i = 0; i < 5; ++i)
    fields.push_back(pb.field(fmt::format("f{}", i), Type::number(true)));
  ir::SlotId previous = pb.let("l0", pb.n(1));
  for (int i = 1; i < 20; ++i) {
    auto quotient =
        pb.div(pb.slotRef(previous), pb.fieldRef(fields[i % 5]), fmt::format("let l{}", i));
    previous = pb.let(fmt::format("l{}", i), pb.add(quotient, pb.n(i)));
  }
  std::vector<std::vector<ir::Constant>> rows;
  for (int r = 0; r < 1700; ++r) {
    std::vector<ir::Constant> row;
    for (int i = 0; i < 5; ++i)
      row.push_back(r % 97 == i * 13 ? N(0)
                                     : (r % 31 == i ? Missing(Type::number()) : N(1 + r % 7)));
    rows.push_back(row);
  }
  auto r = runBoth(pb.p, rows);
  EXPECT_GT(r.errorCount(), 0u);
  EXPECT_LT(r.errorCount(), rows.size());
}

TEST(JitEngine, ReusedResultsHoldNothingOfTheBatchBefore) {
  // A second, smaller batch into the same results: failed rows, unwritten slots and text must
  // not keep what the first batch left there.
  ProgramBuilder pb;
  auto x = pb.field("x", Type::number(true));
  auto s = pb.field("s", Type::text(true));
  pb.slot("never written", Type::integer(true));
  pb.let("q", pb.div(pb.n(1), pb.fieldRef(x)));
  pb.let("t", pb.coalesce(pb.fieldRef(s), pb.t("无")));
  auto jit = compileJit(pb.p);
  ASSERT_TRUE(jit);
  interp::Interpreter interpreter(pb.p);
  batch::Results fromJit, fromInterpreter;
  const auto params = defaults(pb.p);
  for (int round = 0; round < 3; ++round) {
    std::vector<std::vector<ir::Constant>> rows;
    for (int r = 0; r < 900 - round * 300; ++r)
      rows.push_back(
          {(r + round) % 5 == 0 ? N(0) : N(r), r % 3 == round ? T("杭州") : Missing(Type::text())});
    const batch::Batch b = makeBatch(pb.p, rows);
    jit->evaluate(b, params, fromJit);
    interpreter.evaluate(b, params, fromInterpreter);
    std::string why;
    EXPECT_TRUE(batch::sameResults(pb.p, fromInterpreter, fromJit, &why)) << round << ": " << why;
  }
}

TEST(JitEngine, ASlotNoStatementWritesIsMissingWhateverTheResultsHeld) {
  // Results last used by a program of the same shape that wrote the slot.
  ProgramBuilder writes;
  writes.field("x", Type::integer());
  writes.let("v", writes.fieldRef(0));
  ProgramBuilder never;
  never.field("x", Type::integer());
  never.slot("v", Type::integer());
  auto first = compileJit(writes.p);
  auto second = compileJit(never.p);
  ASSERT_TRUE(first && second);
  batch::Results fromJit, fromInterpreter;
  const batch::Batch b = makeBatch(writes.p, {{I(7)}, {I(8)}});
  first->evaluate(b, defaults(writes.p), fromJit);
  interp::Interpreter(writes.p).evaluate(b, defaults(writes.p), fromInterpreter);
  second->evaluate(b, defaults(never.p), fromJit);
  interp::Interpreter(never.p).evaluate(b, defaults(never.p), fromInterpreter);
  std::string why;
  EXPECT_TRUE(batch::sameResults(never.p, fromInterpreter, fromJit, &why)) << why;
  EXPECT_FALSE(fromJit.value(0, 1).valid);
}

TEST(JitEngine, TextSlotsCopiedFromSlotsWhileTheArenaGrows) {
  // Each row copies a long text into three slots, one from another: appends move the results'
  // arena many times within a batch.
  ProgramBuilder pb;
  auto s = pb.field("s", Type::text(true));
  auto a = pb.let("a", pb.coalesce(pb.fieldRef(s), pb.t("缺")));
  auto b = pb.let("b", pb.slotRef(a));
  auto c = pb.let("c", pb.when(pb.cmp(Op::Eq, pb.slotRef(b), pb.t("缺")), pb.t(""), pb.slotRef(b)));
  auto same = pb.let("same", pb.cmp(Op::Eq, pb.slotRef(a), pb.slotRef(c)));
  std::vector<std::vector<ir::Constant>> rows;
  for (int r = 0; r < 3000; ++r)
    rows.push_back(
        {r % 4 == 0 ? Missing(Type::text()) : T(std::string(1 + r % 200, 'x') + "巡查")});
  auto results = runBoth(pb.p, rows);
  EXPECT_EQ(results.value(c, 1).text, std::string(2, 'x') + "巡查");
  EXPECT_EQ(results.value(c, 0).text, "");
  EXPECT_EQ(results.value(same, 1).i, 1);
  EXPECT_EQ(results.value(same, 0).i, 0);
  EXPECT_EQ(results.value(b, 0).text, "缺");
}

TEST(JitEngine, ParamsOfEveryKind) {
  ProgramBuilder pb;
  const EnumId level = pb.enumeration("Level", {"low", "high"});
  auto x = pb.field("x", Type::integer());
  auto pBool = pb.param("strict", Type::boolean(), B(true));
  auto pInt = pb.param("limit", Type::integer(), I(3));
  auto pNumber = pb.param("rate", Type::number(), N(0.25));
  auto pDate = pb.param("inspection_date", Type::date(), D(2024, 6, 30));
  auto pEnum = pb.param("level", Type::enumeration(level), E(level, 1));
  auto pText = pb.param("region", Type::text(), T("杭州"));
  auto pMissing = pb.param("optional", Type::number(true), Missing(Type::number()));
  auto b = pb.let("b", pb.logic(Op::And, pb.paramRef(pBool),
                                pb.cmp(Op::Gt, pb.fieldRef(x), pb.paramRef(pInt))));
  pb.let("n", pb.mul(pb.toNumber(pb.fieldRef(x)), pb.paramRef(pNumber)));
  pb.let("d", pb.call(builtins::Fn::AddDays, {pb.paramRef(pDate), pb.fieldRef(x)}));
  pb.let("e", pb.cmp(Op::Eq, pb.paramRef(pEnum), pb.e(level, 1)));
  pb.let("t", pb.paramRef(pText));
  pb.let("m", pb.coalesce(pb.paramRef(pMissing), pb.n(-1)));
  auto jit = compileJit(pb.p);
  ASSERT_TRUE(jit);
  const batch::Batch batch = makeBatch(pb.p, {{I(2)}, {I(5)}, {I(-400000)}});
  auto r = expectEnginesAgree(pb.p, *jit, batch, defaults(pb.p), "defaults");
  EXPECT_EQ(r.value(b, 1).i, 1);
  std::vector<std::string> problems;
  auto overridden =
      batch::ParamValues::bind(pb.p,
                               std::vector<batch::ParamOverride>{{"strict", B(false)},
                                                                 {"rate", I(2)},
                                                                 {"region", T("宁波")},
                                                                 {"optional", N(7)},
                                                                 {"level", E(level, 0)}},
                               problems);
  ASSERT_TRUE(overridden) << problems.front();
  expectEnginesAgree(pb.p, *jit, batch, *overridden, "overridden");
}

TEST(JitEngine, ASlotReadBeforeItIsWrittenSeesWhatTheResultsHold) {
  // `early` reads `late` before the statement that assigns it: both engines see the results
  // column as it is (missing in fresh results, the previous batch's value in reused ones).
  ProgramBuilder pb;
  auto x = pb.field("x", Type::integer());
  auto late = pb.slot("late", Type::integer(true));
  pb.let("early", pb.coalesce(pb.slotRef(late), pb.i(-1)));
  pb.stmt(ir::Assign{late, pb.fieldRef(x)});
  auto jit = compileJit(pb.p);
  ASSERT_TRUE(jit);
  interp::Interpreter interpreter(pb.p);
  batch::Results fromJit, fromInterpreter;
  for (int round = 0; round < 2; ++round) {
    const batch::Batch b = makeBatch(pb.p, {{I(10 + round)}, {I(20 + round)}});
    jit->evaluate(b, defaults(pb.p), fromJit);
    interpreter.evaluate(b, defaults(pb.p), fromInterpreter);
    std::string why;
    EXPECT_TRUE(batch::sameResults(pb.p, fromInterpreter, fromJit, &why)) << why;
  }
}

TEST(JitEngine, AMissingStatusChosenWithoutABranchReadsAsNotApplicable) {
  // Found by the fuzzer: `if p then s else s` with p missing is missing; the JIT picks its
  // operands with a select, and status-in (never missing) must then read the zero element,
  // not the status the select passed over, as the interpreter does.
  ProgramBuilder pb;
  auto p = pb.field("p", Type::boolean(true));
  auto status = pb.slot("s", Type::status());
  pb.stmt(ir::Assign{
      status, pb.constant({Type::status(), true, static_cast<int>(ir::Status::Fail), 0, {}})});
  auto chosen = pb.ifE(pb.fieldRef(p), pb.slotRef(status), pb.slotRef(status));
  const std::uint64_t passOrFail =
      (1u << static_cast<int>(ir::Status::Pass)) | (1u << static_cast<int>(ir::Status::Fail));
  auto in = pb.let("in", pb.node(Op::StatusIn, Type::boolean(), {chosen},
                                 static_cast<std::int64_t>(passOrFail)));
  auto r = runBoth(pb.p, {{B(true)}, {Missing(Type::boolean())}});
  EXPECT_EQ(r.value(in, 0).i, 1);
  EXPECT_EQ(r.value(in, 1).i, 0);
}

TEST(JitEngine, ABatchOfAnotherRecordIsRefused) {
  ProgramBuilder pb;
  pb.field("x", Type::integer());
  pb.let("y", pb.i(1));
  ProgramBuilder other;
  other.field("x", Type::text());
  auto jit = compileJit(pb.p);
  ASSERT_TRUE(jit);
  batch::Results results;
  EXPECT_THROW(jit->evaluate(batch::Batch(other.p), defaults(pb.p), results),
               std::invalid_argument);
}

TEST(JitEngine, AnEmptyBatchAndAnEmptyProgram) {
  ProgramBuilder pb;
  pb.field("x", Type::integer(), true);
  auto r = runBoth(pb.p, {{I(1)}, {I(2)}}); // no statements: only the key is copied
  EXPECT_EQ(r.rows(), 2u);
  pb.let("y", pb.add(pb.fieldRef(0), pb.i(1)));
  auto empty = runBoth(pb.p, {});
  EXPECT_EQ(empty.rows(), 0u);
}

} // namespace
} // namespace xr::testing
