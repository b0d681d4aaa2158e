// BM_MemoryFloor: the least any back end can do with the population: read the input columns the
// rule set reads (values and validity) and sum them, batch by batch over the same batches the
// back ends evaluate. Issue 5 wants the JIT within 3 times this time, measured in the same run.
// The loops are plain and independent of one another (several accumulators for doubles, since
// strict floating point forbids reordering one sum), so they run at the speed of memory.
#include "bench/evaluation_benchmark.h"
#include "bench/fields_read.h"
#include "bench/population.h"
#include "bench/summary.h"
#include "bench/targets.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

namespace xr::bench {
namespace {

constexpr const char *kName = "BM_MemoryFloor";

struct Sums {
  std::uint64_t present = 0;
  std::uint64_t integers = 0;
  double numbers = 0;
};

template <class T> std::uint64_t sumIntegers(const T *values, std::size_t rows) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < rows; ++i)
    sum += static_cast<std::uint64_t>(values[i]);
  return sum;
}

double sumNumbers(const double *values, std::size_t rows) {
  constexpr std::size_t kLanes = 8;
  double lanes[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= rows; i += kLanes)
    for (std::size_t k = 0; k < kLanes; ++k)
      lanes[k] += values[i + k];
  for (; i < rows; ++i)
    lanes[0] += values[i];
  double sum = 0;
  for (double lane : lanes)
    sum += lane;
  return sum;
}

std::uint64_t sumLengths(const batch::TextRef *values, std::size_t rows) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < rows; ++i)
    sum += values[i].length;
  return sum;
}

void sumColumn(const batch::Column &column, std::size_t rows, Sums &sums) {
  sums.present += sumIntegers(column.validity(), rows);
  switch (column.storage()) {
  case batch::Storage::U8:
    sums.integers += sumIntegers(column.values<std::uint8_t>(), rows);
    break;
  case batch::Storage::I32:
    sums.integers += sumIntegers(column.values<std::int32_t>(), rows);
    break;
  case batch::Storage::I64:
    sums.integers += sumIntegers(column.values<std::int64_t>(), rows);
    break;
  case batch::Storage::U64:
    sums.integers += sumIntegers(column.values<std::uint64_t>(), rows);
    break;
  case batch::Storage::F64:
    sums.numbers += sumNumbers(column.values<double>(), rows);
    break;
  case batch::Storage::Text:
    sums.integers += sumLengths(column.values<batch::TextRef>(), rows);
    break;
  }
}

std::size_t bytesPerRow(const batch::Column &column) {
  switch (column.storage()) {
  case batch::Storage::U8:
    return 1 + 1;
  case batch::Storage::I32:
    return 1 + 4;
  case batch::Storage::I64:
  case batch::Storage::U64:
  case batch::Storage::F64:
    return 1 + 8;
  case batch::Storage::Text:
    return 1 + sizeof(batch::TextRef);
  }
  return 0;
}

void BM_MemoryFloor(benchmark::State &state) {
  const Population &population = bench::population();
  const std::vector<std::uint32_t> fields = fieldsRead(population.program());
  std::uint64_t bytes = 0;
  for (const batch::Batch &batch : population.batches())
    for (std::uint32_t field : fields)
      bytes += bytesPerRow(batch.column(field)) * batch.rows();
  for (auto _ : state) {
    Sums sums;
    for (const batch::Batch &batch : population.batches())
      for (std::uint32_t field : fields)
        sumColumn(batch.column(field), batch.rows(), sums);
    benchmark::DoNotOptimize(sums);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(population.rows()));
  state.counters["bytes_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(bytes),
                         benchmark::Counter::kIsRate, benchmark::Counter::kIs1000);
  state.counters["columns"] = static_cast<double>(fields.size());
  state.SetLabel(kMemoryFloorTarget);
}
BENCHMARK(BM_MemoryFloor)->Unit(benchmark::kMillisecond);

[[maybe_unused]] const bool floorLine =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto floor = m.find(kName);
      const auto interpreter = m.find(evaluationName(kInterpreterBenchmark, 1));
      if (floor == m.end() || interpreter == m.end() || interpreter->second.itemsPerSecond <= 0)
        return std::nullopt;
      return fmt::format("memory floor: {} records/s per core; the interpreter takes {:.1f}x its "
                         "time (the JIT must take <= {:.0f}x: issue 5)",
                         grouped(floor->second.itemsPerSecond),
                         floor->second.itemsPerSecond / interpreter->second.itemsPerSecond,
                         kJitOverFloorTime);
    });

} // namespace
} // namespace xr::bench
