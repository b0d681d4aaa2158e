// A national-size rule set (8 domains, 36 indicators of 10-20 nodes each, two checklists, a
// weighted total, a tier table, rules, an escalation and a report), generated, compiled and run:
// whole batches must equal records evaluated alone. DISABLED_Throughput measures records per
// second (run it with --gtest_also_run_disabled_tests; the target is >= 2 million per core).
#include "compiler/driver/compilation.h"
#include "interp_test_support.h"
#include "national_testing.h"
#include "runtime/interp/report.h"

#include <fmt/format.h>

#include <bit>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

namespace xr::testing {
namespace {

TEST(InterpNational, WholeBatchesEqualRecordsAlone) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  ASSERT_EQ(p.indicators.size(), 36u);
  interp::Interpreter interpreter(p);
  batch::Batch population(p);
  fill(p, population, 2500, 11);
  auto params = defaults(p);
  batch::Results whole;
  interpreter.evaluate(population, params, whole);
  EXPECT_LT(whole.errorCount(), population.rows());

  expectRecordsAloneAsInTheBatch(interpreter, p, population, params, whole, 7);
}

TEST(InterpNational, DISABLED_Throughput) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  interp::Interpreter interpreter(p);
  constexpr std::size_t kBatch = 2048;
  constexpr int kBatches = 16;
  std::vector<batch::Batch> batches;
  for (int i = 0; i < kBatches; ++i) {
    batches.emplace_back(p);
    fill(p, batches.back(), kBatch, static_cast<std::uint64_t>(i));
  }
  auto params = defaults(p);
  batch::Results results;
  std::size_t nodes = 0;
  for (const auto &n : p.nodes)
    nodes += n.op != ir::Op::Const;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpuStart = std::clock();
  std::size_t records = 0;
  for (int round = 0; round < 30; ++round)
    for (const auto &b : batches) {
      interpreter.evaluate(b, params, results);
      records += b.rows();
    }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  std::printf("%zu records in %.3f s (%.3f s of CPU): %.2f million records per CPU second (%zu "
              "slots, %zu non-constant nodes)\n",
              records, seconds, cpu, static_cast<double>(records) / cpu / 1e6, p.slots.size(),
              nodes);
}

} // namespace
} // namespace xr::testing
