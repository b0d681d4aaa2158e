// BM_FormatResults: turning results into the lines of a results file, as `xuncha run` does
// (CSV, no per-indicator columns: the command's defaults). Each batch is evaluated by the
// interpreter with the timer paused, then formatted with it running, so the whole population's
// results are formatted without holding all of them in memory at once.
#include "bench/population.h"
#include "bench/targets.h"
#include "runtime/output/output.h"
#include "xuncha/evaluate.h"

#include <benchmark/benchmark.h>

namespace xr::bench {
namespace {

void BM_FormatResults(benchmark::State &state) {
  const Population &population = bench::population();
  const xuncha::Evaluator evaluator(population.ruleSet(), xuncha::Engine::Interpreter);
  const output::ResultFormatter formatter(population.program(), output::OutputFormat::Csv,
                                          /*indicators=*/false);
  batch::Results results;
  std::string lines;
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    for (const batch::Batch &batch : population.batches()) {
      state.PauseTiming();
      evaluator.evaluate(batch, population.params(), results);
      lines.clear();
      state.ResumeTiming();
      formatter.format(results, lines);
      bytes += lines.size();
      benchmark::DoNotOptimize(lines.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(population.rows()));
  state.counters["bytes_per_second"] = benchmark::Counter(
      static_cast<double>(bytes), benchmark::Counter::kIsRate, benchmark::Counter::kIs1000);
  state.SetLabel(kFormatTarget);
}
BENCHMARK(BM_FormatResults)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace xr::bench
