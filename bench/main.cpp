// xuncha_bench: the benchmarks of issues 3 and 5 over one population generated in memory
// (population.h), then a summary of the targets (summary.h). Google Benchmark's flags apply;
// XR_BENCH_ROWS sets the population's size. See bench/README.md.
#include "bench/population.h"
#include "bench/summary.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <iostream>
#include <string_view>
#include <unistd.h>

namespace {

/// The value of `--name=value` among the arguments (Google Benchmark's form), or `fallback`.
std::string_view flagValue(int argc, char **argv, std::string_view name,
                           std::string_view fallback) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg(argv[i]);
    if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=')
      return arg.substr(name.size() + 1);
    if (arg == name)
      return "true";
  }
  return fallback;
}

bool isTrue(std::string_view value) { return value == "true" || value == "1" || value == "yes"; }

} // namespace

int main(int argc, char **argv) {
  // Read before Initialize, which removes the flags it knows from argv.
  const std::string format(flagValue(argc, argv, "--benchmark_format", "console"));
  const bool listing = isTrue(flagValue(argc, argv, "--benchmark_list_tests", "false"));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 2;
  if (listing) {
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
  }

  std::string error;
  const xr::bench::Population *population = xr::bench::sharedPopulation(error);
  if (!population) {
    fmt::print(stderr, "xuncha_bench: {}\n", error);
    return 1;
  }
  benchmark::AddCustomContext("population", population->describe());
  benchmark::AddCustomContext("timing", "thread CPU time (evaluation: the busiest worker's)");

  std::unique_ptr<benchmark::BenchmarkReporter> display;
  std::ostream *summaryOut = &std::cout;
  if (format == "console") {
    display = std::make_unique<benchmark::ConsoleReporter>(
        isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_Color
                              : benchmark::ConsoleReporter::OO_None);
  } else if (format == "json") {
    display = std::make_unique<benchmark::JSONReporter>();
    summaryOut = &std::cerr; // the JSON on standard output stays one document
  } else {
    // Another format (csv): the library's own reporter, without a summary.
    const std::size_t ran = benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return ran > 0 ? 0 : 1;
  }
  xr::bench::SummaryReporter reporter(std::move(display), *summaryOut);
  const std::size_t ran = benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  if (ran == 0) {
    fmt::print(stderr, "xuncha_bench: no benchmark matched the filter\n");
    return 1;
  }
  return reporter.anyFailed() ? 1 : 0;
}
