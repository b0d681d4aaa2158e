// The differential fuzzer: random well-typed programs (jit_fuzz_support.h) over random records,
// interpreter and JIT compared bit for bit. CI runs a fixed set of seeds in a few seconds;
// locally it runs for as long as asked:
//
//   XR_JIT_FUZZ_SECONDS=3600 build/tests/xuncha_unit_tests --gtest_filter='JitFuzz.*'
//   XR_JIT_FUZZ_FIRST_SEED=100000 ... (seeds from there on: another run covers other programs)
//   XR_JIT_FUZZ_SEED=12345   ... (one seed, to reproduce)
//
// A failure is shrunk (the record that differs, then every statement it does not need) and
// printed, and written to $XR_JIT_FUZZ_OUT/jit-fuzz-<seed>.txt when that is set: the program's
// IR and the record, to be turned into a regression test of its own.
#include "jit_fuzz_support.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace xr::testing {
namespace {

/// Runs one seed; on a difference, fails the test with the shrunk case.
void fuzzOne(std::uint64_t seed) {
  const ir::Program program = RandomProgram(seed).make();
  try {
    interp::Interpreter validate(program);
  } catch (const std::exception &e) {
    ADD_FAILURE() << "seed " << seed << ": the generator made malformed IR: " << e.what();
    return;
  }
  const batch::Batch records = randomRecords(program, 300, seed * 7919 + 1);
  // Every slot kept, then some: the JIT keeps the others to itself (slot_storage.h).
  ir::SlotSelection kept;
  std::string difference = engineDifference(program, records, kept);
  if (difference.empty()) {
    kept = randomSelection(program, seed);
    difference = engineDifference(program, records, kept);
  }
  if (difference.empty())
    return;
  const ShrunkCase shrunk = shrink(program, records, difference, kept);
  const std::string text = describeCase(shrunk);
  if (const char *dir = std::getenv("XR_JIT_FUZZ_OUT"); dir && *dir)
    std::ofstream(std::string(dir) + "/jit-fuzz-" + std::to_string(seed) + ".txt") << text;
  ADD_FAILURE() << "seed " << seed << ": the engines differ\n" << text;
}

TEST(JitFuzz, RandomProgramsAgreeWithTheInterpreter) {
  if (const char *one = std::getenv("XR_JIT_FUZZ_SEED"); one && *one) {
    fuzzOne(std::stoull(one));
    return;
  }
  const char *budget = std::getenv("XR_JIT_FUZZ_SECONDS");
  const double seconds = budget && *budget ? std::stod(budget) : 0;
  const auto start = std::chrono::steady_clock::now();
  const char *first = std::getenv("XR_JIT_FUZZ_FIRST_SEED");
  const std::uint64_t firstSeed = first && *first ? std::stoull(first) : 1;
  std::uint64_t seed = firstSeed;
  for (;; ++seed) {
    fuzzOne(seed);
    if (::testing::Test::HasFailure())
      break;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds > 0 ? elapsed >= seconds : seed - firstSeed + 1 >= 60)
      break;
  }
  std::printf("jit fuzz: seeds %llu to %llu run\n", static_cast<unsigned long long>(firstSeed),
              static_cast<unsigned long long>(seed));
}

TEST(JitFuzz, TheGeneratorReachesEveryStatementAndPolicy) {
  // A fuzzer that never makes some construct cannot find its bugs.
  std::set<std::size_t> statements;
  std::set<int> policies;
  std::set<ir::Op> ops;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const ir::Program p = RandomProgram(seed).make();
    for (const ir::Stmt &s : p.statements) {
      statements.insert(s.body.index());
      if (auto *t = std::get_if<ir::TableStmt>(&s.body))
        policies.insert(static_cast<int>(t->policy));
    }
    for (const ir::Node &n : p.nodes)
      ops.insert(n.op);
  }
  EXPECT_EQ(statements.size(), std::variant_size_v<ir::Stmt::Body>);
  EXPECT_EQ(policies.size(), 9u);
  EXPECT_EQ(ops.size(), static_cast<std::size_t>(ir::Op::Aggregate)); // every op but Aggregate
}

} // namespace
} // namespace xr::testing
