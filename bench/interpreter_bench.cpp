// BM_InterpretNational: the interpreter over the whole population, evaluation alone (issue 3:
// at least 2,000,000 records per second per core).
#include "bench/evaluation_benchmark.h"
#include "bench/summary.h"
#include "bench/targets.h"
#include "xuncha/evaluate.h"

#include <fmt/format.h>

namespace xr::bench {
namespace {

constexpr const char *kName = kInterpreterBenchmark;

BatchEvaluator prepareInterpreter(const Population &population) {
  auto evaluator = std::make_shared<const xuncha::Evaluator>(
      population.ruleSet(), xuncha::Engine::Interpreter, runEngineOptions(population));
  return [evaluator](const batch::Batch &batch, const batch::ParamValues &params,
                     batch::Results &results) { evaluator->evaluate(batch, params, results); };
}

[[maybe_unused]] const bool registered =
    registerEvaluationBenchmark({kName, prepareInterpreter, kInterpreterTarget, {1, 2}});

[[maybe_unused]] const bool perCore =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto one = m.find(evaluationName(kName, 1));
      if (one == m.end())
        return std::nullopt;
      const double rate = one->second.itemsPerSecond;
      return fmt::format("interpreter, evaluation alone: {} records/s per core (target >= {}): {}",
                         grouped(rate), grouped(kInterpreterRecordsPerSecond),
                         verdict(rate >= kInterpreterRecordsPerSecond));
    });

[[maybe_unused]] const bool scaling =
    addSummaryLine([](const Measurements &m) -> std::optional<std::string> {
      const auto one = m.find(evaluationName(kName, 1));
      const auto two = m.find(evaluationName(kName, 2));
      if (one == m.end() || two == m.end() || one->second.itemsPerSecond <= 0)
        return std::nullopt;
      return fmt::format(
          "interpreter, 2 threads: {:.2f}x one thread (no target for the interpreter; "
          "the JIT's is >= {:.1f}x)",
          two->second.itemsPerSecond / one->second.itemsPerSecond, kTwoThreadScaling);
    });

} // namespace
} // namespace xr::bench
