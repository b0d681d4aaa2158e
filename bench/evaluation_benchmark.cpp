#include "bench/evaluation_benchmark.h"

#include "bench/cpu_time.h"
#include "xuncha/run.h"

#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace xr::bench {
namespace {

struct Registered {
  EvaluationBenchmark spec;
  std::once_flag prepared;
  BatchEvaluator evaluator;
  std::string failure;
};

/// Every batch once, shared out to `threads` workers batch by batch (as `xuncha run` shares
/// chunks). Returns the CPU seconds of the busiest worker; rethrows a worker's exception.
double evaluateAll(const Population &population, const BatchEvaluator &evaluate,
                   std::vector<batch::Results> &results) {
  const std::vector<batch::Batch> &batches = population.batches();
  const std::size_t workers = results.size();
  std::atomic<std::size_t> next{0};
  std::vector<double> seconds(workers, 0);
  std::vector<std::exception_ptr> failures(workers);
  auto work = [&](std::size_t w) {
    const double start = threadCpuSeconds();
    try {
      for (std::size_t b = next++; b < batches.size(); b = next++)
        evaluate(batches[b], population.params(), results[w]);
    } catch (...) {
      failures[w] = std::current_exception();
      next = batches.size(); // the others stop too
    }
    seconds[w] = threadCpuSeconds() - start;
  };
  if (workers == 1) {
    work(0);
  } else {
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w)
      threads.emplace_back(work, w);
    for (std::thread &thread : threads)
      thread.join();
  }
  for (const std::exception_ptr &failure : failures)
    if (failure)
      std::rethrow_exception(failure);
  return *std::max_element(seconds.begin(), seconds.end());
}

void runEvaluation(benchmark::State &state, Registered &registered) {
  const Population &population = bench::population();
  std::call_once(registered.prepared, [&] {
    try {
      registered.evaluator = registered.spec.prepare(population);
    } catch (const std::exception &e) {
      registered.failure = e.what();
    }
  });
  if (!registered.failure.empty()) {
    state.SkipWithError(registered.failure.c_str());
    return;
  }
  const auto threads = static_cast<std::size_t>(state.range(0));
  std::vector<batch::Results> results(threads);
  std::string failure;
  for (auto _ : state) {
    try {
      state.SetIterationTime(evaluateAll(population, registered.evaluator, results));
    } catch (const std::exception &e) {
      failure = e.what();
      state.SkipWithError(failure.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(population.rows()));
  state.SetLabel(threads == 1 ? registered.spec.target
                              : "time: the busiest thread's CPU time; scaling in the summary");
}

} // namespace

xuncha::EngineOptions runEngineOptions(const Population &population) {
  xuncha::EngineOptions options;
  options.keptSlots = xuncha::slotsReadByRun(population.ruleSet()->program(), xuncha::RunOptions{});
  return options;
}

std::string evaluationName(const std::string &name, int threads) {
  return name + "/threads:" + std::to_string(threads);
}

bool registerEvaluationBenchmark(EvaluationBenchmark spec) {
  // Registered benchmarks live as long as the program: so does their state.
  static std::vector<std::unique_ptr<Registered>> all;
  all.push_back(std::make_unique<Registered>());
  Registered *registered = all.back().get();
  registered->spec = std::move(spec);
  benchmark::internal::Benchmark *benchmark = benchmark::RegisterBenchmark(
      registered->spec.name.c_str(),
      [registered](benchmark::State &state) { runEvaluation(state, *registered); });
  // The Time column is the manual time; the CPU column, the CPU time of every worker.
  benchmark->ArgName("threads")->UseManualTime()->MeasureProcessCPUTime()->Unit(
      benchmark::kMillisecond);
  for (int threads : registered->spec.threads)
    benchmark->Arg(threads);
  return true;
}

} // namespace xr::bench
