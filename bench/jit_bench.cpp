// The JIT's figures for issue 5, measured in the same run as the interpreter and the memory
// floor: BM_JitNational (evaluation alone on 1 and 2 threads, as BM_InterpretNational), and
// BM_JitCompile (compiling the national 2024 rule set cold, and taking it from the disk cache).
#include "bench/cpu_time.h"
#include "bench/evaluation_benchmark.h"
#include "bench/summary.h"
#include "bench/targets.h"
#include "runtime/jit/compiled_program.h"
#include "xuncha/xuncha.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace xr::bench {
namespace {

constexpr const char *kName = "BM_JitNational";
constexpr const char *kCompileName = "BM_JitCompile";
constexpr double kColdCompileSeconds = 0.250; // issue 5, national 2024
constexpr double kCachedCompileSeconds = 0.010;

BatchEvaluator prepareJit(const Population &population) {
  auto evaluator = std::make_shared<const xuncha::Evaluator>(
      population.ruleSet(), xuncha::Engine::Jit, runEngineOptions(population));
  if (!evaluator->jitStatus().compiled)
    throw std::runtime_error("the JIT cannot compile the rule set: " + evaluator->compileError());
  return [evaluator](const batch::Batch &batch, const batch::ParamValues &params,
                     batch::Results &results) { evaluator->evaluate(batch, params, results); };
}

[[maybe_unused]] const bool registered = registerEvaluationBenchmark(
    {kName, prepareJit, "target: 10x the interpreter, within 3x the floor's time", {1, 2}});

/// Compiling rulesets/national/2024.xr, without the process's cache: cold (arg 0) or from a
/// disk cache filled before the timing (arg 1). Thread CPU time per compile.
void BM_JitCompile(benchmark::State &state) {
  const bool fromDisk = state.range(0) == 1;
  xuncha::LoadResult loaded =
      xuncha::RuleSet::load(std::string(XUNCHA_SOURCE_DIR) + "/rulesets/national/2024.xr");
  if (!loaded.ok()) {
    state.SkipWithError("rulesets/national/2024.xr does not load");
    return;
  }
  const ir::Program &program = loaded.ruleSet->program();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("xuncha-bench-jit-" + std::to_string(::getpid()));
  jit::CompileOptions options{false, fromDisk ? dir.string() : "", false, {}};
  std::string error;
  if (fromDisk && !jit::CompiledProgram::compile(program, error, options)) {
    state.SkipWithError(error.c_str());
    return;
  }
  for (auto _ : state) {
    const double start = threadCpuSeconds();
    auto compiled = jit::CompiledProgram::compile(program, error, options);
    state.SetIterationTime(threadCpuSeconds() - start);
    if (!compiled) {
      state.SkipWithError(error.c_str());
      break;
    }
    const bool cached = compiled->stats().source == jit::CompileStats::Source::DiskCache;
    if (cached != fromDisk) {
      state.SkipWithError("the disk cache was not used as asked");
      break;
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(fromDisk ? "national 2024 from the disk cache: target < 10 ms"
                          : "national 2024, cold: target < 250 ms");
}
BENCHMARK(BM_JitCompile)->Arg(0)->Arg(1)->UseManualTime()->Unit(benchmark::kMillisecond);

std::optional<double> rate(const Measurements &m, const std::string &name) {
  const auto found = m.find(name);
  if (found == m.end() || found->second.itemsPerSecond <= 0)
    return std::nullopt;
  return found->second.itemsPerSecond;
}

[[maybe_unused]] const bool overInterpreter =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto jit = rate(m, evaluationName(kName, 1));
      const auto interpreter = rate(m, evaluationName(kInterpreterBenchmark, 1));
      if (!jit || !interpreter)
        return std::nullopt;
      const double ratio = *jit / *interpreter;
      return fmt::format("JIT, evaluation alone: {} records/s per core, {:.2f}x the interpreter "
                         "(target >= {:.0f}x): {}",
                         grouped(*jit), ratio, kJitOverInterpreter,
                         verdict(ratio >= kJitOverInterpreter));
    });

[[maybe_unused]] const bool overFloor =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto jit = rate(m, evaluationName(kName, 1));
      const auto floor = rate(m, "BM_MemoryFloor");
      if (!jit || !floor)
        return std::nullopt;
      const double times = *floor / *jit; // the JIT's time over the floor's
      return fmt::format("JIT / memory floor, time: {:.1f}x (target <= {:.0f}x): {}", times,
                         kJitOverFloorTime, verdict(times <= kJitOverFloorTime));
    });

[[maybe_unused]] const bool scaling =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto one = rate(m, evaluationName(kName, 1));
      const auto two = rate(m, evaluationName(kName, 2));
      if (!one || !two)
        return std::nullopt;
      const double ratio = *two / *one;
      return fmt::format("JIT, 2 threads: {:.2f}x one thread (target >= {:.1f}x): {}", ratio,
                         kTwoThreadScaling, verdict(ratio >= kTwoThreadScaling));
    });

[[maybe_unused]] const bool compileLines =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto cold = rate(m, std::string(kCompileName) + "/0");
      const auto cached = rate(m, std::string(kCompileName) + "/1");
      if (!cold || !cached)
        return std::nullopt;
      return fmt::format(
          "JIT compile, national 2024: cold {:.0f} ms (target < {:.0f} ms): {}; from the disk "
          "cache {:.1f} ms (target < {:.0f} ms): {}",
          1e3 / *cold, kColdCompileSeconds * 1e3, verdict(1 / *cold < kColdCompileSeconds),
          1e3 / *cached, kCachedCompileSeconds * 1e3, verdict(1 / *cached < kCachedCompileSeconds));
    });

} // namespace
} // namespace xr::bench
