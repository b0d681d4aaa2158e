#pragma once
// What a benchmark run concludes, printed after the table: each target of issues 3 and 5 with
// the figure measured and met / missed, and the ratios issue 5 asks for, computed from
// benchmarks measured side by side in the same run (the machines are shared and noisy, so a
// ratio of one run means more than two figures of two runs).
//
// Each benchmark file registers the lines about it (addSummaryLine); a line whose benchmarks
// did not run (--benchmark_filter) is left out.
#include <benchmark/benchmark.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xr::bench {

/// The rates of one benchmark, per second of the time it is measured in (thread CPU time).
struct Measurement {
  double itemsPerSecond = 0; // records
  double bytesPerSecond = 0;
};

/// By benchmark name without its time suffix: "BM_InterpretNational/threads:2".
using Measurements = std::map<std::string, Measurement>;

/// A line of the summary, or nullopt when a benchmark it needs is not in `measurements`.
using SummaryLine = std::function<std::optional<std::string>(const Measurements &measurements)>;

/// Adds a line (in registration order; callable from static initialisers). Returns true.
bool addSummaryLine(SummaryLine line);

/// The lines registered, computed over `measurements`.
std::vector<std::string> summaryLines(const Measurements &measurements);

/// "met" or "missed".
const char *verdict(bool met);

/// "1,234,567".
std::string grouped(double value);

/// Passes every report to `display` (the console or JSON reporter) and keeps the measurements;
/// at the end prints the summary to `summaryOut`. Knows whether a benchmark failed.
class SummaryReporter : public benchmark::BenchmarkReporter {
public:
  SummaryReporter(std::unique_ptr<benchmark::BenchmarkReporter> display, std::ostream &summaryOut);

  bool ReportContext(const Context &context) override;
  void ReportRuns(const std::vector<Run> &runs) override;
  void Finalize() override;

  bool anyFailed() const { return anyFailed_; }
  const Measurements &measurements() const { return measurements_; }

private:
  std::unique_ptr<benchmark::BenchmarkReporter> display_;
  std::ostream &summaryOut_;
  Measurements measurements_;
  std::map<std::string, bool> fromMedian_; // measurement taken from a median of repetitions
  bool anyFailed_ = false;
};

} // namespace xr::bench
