// Loading CSV, the two steps of `xuncha run`'s load phase measured apart (issue 3: at least
// 150 MB/s per core for the generated population, read and parse together):
//  - BM_ReadCsv: the InputReader reading the file (from memory: the page cache's case), decoding
//    it and cutting it into chunks of whole records;
//  - BM_LoadCsv: the RecordParser turning those chunks into typed batches.
// The summary combines them (the seconds per byte of both) into the figure --stats reports.
#include "bench/population.h"
#include "bench/summary.h"
#include "bench/targets.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

namespace xr::bench {
namespace {

constexpr const char *kRead = "BM_ReadCsv";
constexpr const char *kParse = "BM_LoadCsv";

void setRates(benchmark::State &state, std::uint64_t bytes, std::uint64_t records) {
  const auto iterations = static_cast<double>(state.iterations());
  // Decimal megabytes, as the target is stated (SetBytesProcessed would show MiB).
  state.counters["bytes_per_second"] =
      benchmark::Counter(iterations * static_cast<double>(bytes), benchmark::Counter::kIsRate,
                         benchmark::Counter::kIs1000);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records));
  state.SetLabel(kCsvLoadTarget);
}

void BM_ReadCsv(benchmark::State &state) {
  const Population &population = bench::population();
  load::RawChunk chunk;
  std::string error;
  for (auto _ : state) {
    std::unique_ptr<load::InputReader> reader = population.openCsv(error);
    while (reader && reader->next(population.settings().chunkBytes, chunk, error))
      benchmark::DoNotOptimize(chunk.text.data());
    if (!error.empty()) {
      state.SkipWithError(error.c_str());
      break;
    }
  }
  setRates(state, population.fileBytes(), population.rows());
}
BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond);

void BM_LoadCsv(benchmark::State &state) {
  const Population &population = bench::population();
  batch::Batch batch(population.program());
  std::vector<std::uint64_t> recordOfRow;
  std::vector<load::LoadError> errors;
  for (auto _ : state) {
    for (const load::RawChunk &chunk : population.chunks()) {
      errors.clear();
      population.parser().parse(chunk, batch, recordOfRow, errors);
      benchmark::DoNotOptimize(batch.rows());
    }
  }
  setRates(state, population.recordBytes(), population.rows());
}
BENCHMARK(BM_LoadCsv)->Unit(benchmark::kMillisecond);

[[maybe_unused]] const bool loadLine =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto read = m.find(kRead);
      const auto parse = m.find(kParse);
      if (read == m.end() || parse == m.end() || read->second.bytesPerSecond <= 0 ||
          parse->second.bytesPerSecond <= 0)
        return std::nullopt;
      const double rate = 1 / (1 / read->second.bytesPerSecond + 1 / parse->second.bytesPerSecond);
      return fmt::format("CSV load, read + parse: {:.1f} MB/s per core (read {:.1f}, parse "
                         "{:.1f}; target >= {:.0f}): {}",
                         rate / 1e6, read->second.bytesPerSecond / 1e6,
                         parse->second.bytesPerSecond / 1e6, kCsvLoadBytesPerSecond / 1e6,
                         verdict(rate >= kCsvLoadBytesPerSecond));
    });

} // namespace
} // namespace xr::bench
