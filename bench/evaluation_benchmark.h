#pragma once
// Evaluation alone, the figure issues 3 and 5 set targets for: a back end evaluates every batch
// of the population (already loaded) into results, on 1 or N threads. One registration makes
// NAME/threads:N for each thread count, so the interpreter and, later, the JIT (issue 5) are
// measured the same way in the same run, and the summary can set them side by side.
//
// Timing: each worker thread measures its own CPU time, and an iteration takes the CPU time of
// the busiest worker (manual time): the elapsed time the work would take if every worker had a
// core to itself. With one thread that is records per CPU second; with two it is the scaling
// issue 5 asks for, free of the noise of other jobs on a shared machine (imbalance between the
// workers and their contention for memory and caches still show, as they should).
#include "bench/population.h"
#include "runtime/batch/results.h"
#include "xuncha/evaluate.h"

#include <functional>
#include <string>
#include <vector>

namespace xr::bench {

/// The interpreter's benchmark (interpreter_bench.cpp): the floor and the JIT are compared with it.
inline constexpr const char *kInterpreterBenchmark = "BM_InterpretNational";

/// Evaluates one batch into results, as a back end does; called from several threads at once.
using BatchEvaluator =
    std::function<void(const batch::Batch &, const batch::ParamValues &, batch::Results &)>;

struct EvaluationBenchmark {
  std::string name; // "BM_InterpretNational"
  /// Makes the evaluator for the population's rule set (the JIT compiles here): once, outside
  /// any timing. May throw; the benchmark then fails with the message.
  std::function<BatchEvaluator(const Population &)> prepare;
  std::string target; // the target for one thread, shown as the label
  std::vector<int> threads{1, 2};
};

/// The engine options `xuncha run` uses with its default outputs (results without the
/// per-indicator columns, the report): evaluation keeps only the slots those read.
xuncha::EngineOptions runEngineOptions(const Population &population);

/// Registers NAME/threads:N for each thread count. Returns true (for a static initialiser).
bool registerEvaluationBenchmark(EvaluationBenchmark benchmark);

/// "BM_InterpretNational/threads:2": the name the summary knows a registered benchmark by.
std::string evaluationName(const std::string &name, int threads);

} // namespace xr::bench
