#include "bench/summary.h"

#include <cmath>
#include <fmt/format.h>
#include <ostream>

namespace xr::bench {
namespace {

std::vector<SummaryLine> &registry() {
  static std::vector<SummaryLine> lines;
  return lines;
}

/// The name of a run without the time suffix ("/manual_time", "/real_time") and repetitions,
/// so the summary finds a benchmark whatever way it is timed.
std::string measurementName(const benchmark::BenchmarkReporter::Run &run) {
  std::string name = run.run_name.function_name;
  if (!run.run_name.args.empty())
    name += "/" + run.run_name.args;
  if (!run.run_name.threads.empty())
    name += "/" + run.run_name.threads;
  return name;
}

double counter(const benchmark::BenchmarkReporter::Run &run, const char *name) {
  const auto found = run.counters.find(name);
  return found == run.counters.end() ? 0 : found->second.value;
}

} // namespace

bool addSummaryLine(SummaryLine line) {
  registry().push_back(std::move(line));
  return true;
}

std::vector<std::string> summaryLines(const Measurements &measurements) {
  std::vector<std::string> lines;
  for (const SummaryLine &line : registry())
    if (std::optional<std::string> text = line(measurements))
      lines.push_back(std::move(*text));
  return lines;
}

const char *verdict(bool met) { return met ? "met" : "missed"; }

std::string grouped(double value) {
  const std::string digits = fmt::format("{:.0f}", std::abs(std::round(value)));
  std::string out = value <= -0.5 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

SummaryReporter::SummaryReporter(std::unique_ptr<benchmark::BenchmarkReporter> display,
                                 std::ostream &summaryOut)
    : display_(std::move(display)), summaryOut_(summaryOut) {}

bool SummaryReporter::ReportContext(const Context &context) {
  return display_->ReportContext(context);
}

void SummaryReporter::ReportRuns(const std::vector<Run> &runs) {
  display_->ReportRuns(runs);
  for (const Run &run : runs) {
    if (run.error_occurred) {
      anyFailed_ = true;
      continue;
    }
    const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
    if (run.run_type == Run::RT_Aggregate && !median)
      continue;
    const std::string name = measurementName(run);
    if (!median && fromMedian_[name])
      continue;
    fromMedian_[name] = median;
    measurements_[name] = {counter(run, "items_per_second"), counter(run, "bytes_per_second")};
  }
}

void SummaryReporter::Finalize() {
  display_->Finalize();
  const std::vector<std::string> lines = summaryLines(measurements_);
  if (lines.empty())
    return;
  summaryOut_ << "\nSummary (rates per second of thread CPU time; one run, side by side):\n";
  for (const std::string &line : lines)
    summaryOut_ << "  " << line << "\n";
  summaryOut_.flush();
}

} // namespace xr::bench
