#include "tests/differential/engine_comparison.h"

#include "xuncha/run.h"

#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace xr::differential {
namespace {

namespace fs = std::filesystem;

/// A folder of its own for one comparison, removed afterwards.
class ScratchDir {
public:
  ScratchDir() {
    static std::atomic<std::uint64_t> counter{0};
    path_ =
        fs::temp_directory_path() / fmt::format("xuncha-differential-{}-{}", ::getpid(), counter++);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir &) = delete;
  ScratchDir &operator=(const ScratchDir &) = delete;
  std::string file(const std::string &name) const { return (path_ / name).string(); }

private:
  fs::path path_;
};

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return "(not written)";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// What one engine gave.
struct EngineOutput {
  std::string outcome; // completed, or why not
  std::string results, errors, report;
  xuncha::RunCounts counts;
};

EngineOutput runEngine(const std::shared_ptr<const xuncha::RuleSet> &rules, xuncha::Engine engine,
                       unsigned threads, const ComparisonOptions &settings, const ScratchDir &dir,
                       const std::string &dataPath) {
  const std::string name = xuncha::engineName(engine);
  EngineOutput out;
  try {
    xuncha::RunOptions options;
    options.dataPath = dataPath;
    options.outPath = dir.file(name + ".results.csv");
    options.errorsPath = dir.file(name + ".errors.csv");
    options.reportPath = dir.file(name + ".report.json");
    options.indicators = settings.indicators;
    options.engine = engine;
    options.threads = threads;
    options.chunkBytes = settings.chunkBytes;
    xuncha::EngineOptions engineOptions; // no disk cache
    engineOptions.autoJitRecords = settings.autoJitRecords;
    // The interpreter, the reference, keeps every slot; the JIT keeps what the run reads, as
    // `xuncha run` has it (and so computes no more), or every slot, as an embedding program may.
    if (engine != xuncha::Engine::Interpreter && !settings.jitKeepsEverySlot)
      engineOptions.keptSlots = xuncha::slotsReadByRun(rules->program(), options);
    xuncha::Evaluator evaluator(rules, engine, engineOptions);
    const xuncha::RunSummary summary = xuncha::run(evaluator, options);
    out.outcome = summary.completed() ? "completed" : "not completed: " + summary.error;
    out.counts = summary.counts;
    if (engine == xuncha::Engine::Jit && summary.stats.jitFailed)
      out.outcome += "; the JIT could not compile: " + evaluator.compileError();
    else if (engine == xuncha::Engine::Jit && !summary.stats.jitCompiled)
      out.outcome += "; the JIT's code was not used";
    out.results = readFile(options.outPath);
    out.errors = readFile(options.errorsPath);
    out.report = readFile(options.reportPath);
  } catch (const std::exception &e) {
    out.outcome = std::string("threw: ") + e.what();
  }
  return out;
}

/// "" when equal; else the first differing line of each side, 1-based.
std::string firstDifference(const std::string &file, const std::string &a, const std::string &b,
                            const std::string &other) {
  if (a == b)
    return "";
  std::istringstream left(a), right(b);
  std::string l, r;
  for (std::size_t line = 1;; ++line) {
    const bool moreLeft = static_cast<bool>(std::getline(left, l));
    const bool moreRight = static_cast<bool>(std::getline(right, r));
    if (!moreLeft && !moreRight)
      return fmt::format("{}: the files differ only in their line ends\n", file);
    if (!moreLeft || !moreRight || l != r)
      return fmt::format("{} line {}:\n  interp: {}\n  {:<7} {}\n", file, line,
                         moreLeft ? l : "(end of file)", other + ":",
                         moreRight ? r : "(end of file)");
  }
}

/// What differs between the interpreter's run and another engine's ("" when nothing).
std::string differences(const EngineOutput &interp, const EngineOutput &other,
                        const std::string &name) {
  const std::string incomplete =
      interp.outcome == "completed" && other.outcome == "completed"
          ? ""
          : fmt::format("a run did not complete:\n  interp: {}\n  {:<7} {}\n", interp.outcome,
                        name + ":", other.outcome);
  return incomplete + firstDifference("outcome", interp.outcome, other.outcome, name) +
         firstDifference("results.csv", interp.results, other.results, name) +
         firstDifference("errors.csv", interp.errors, other.errors, name) +
         firstDifference("report.json", interp.report, other.report, name);
}

} // namespace

Comparison compareEngines(const std::string &ruleText, const std::string &csv,
                          const ComparisonOptions &options) {
  Comparison c;
  const xuncha::LoadResult loaded = xuncha::RuleSet::fromText("rules.xr", ruleText);
  if (!loaded.ok()) {
    c.diagnostics = loaded.renderDiagnostics(false);
    return c;
  }
  c.compiled = true;
  ScratchDir dir;
  const std::string dataPath = dir.file("records.csv");
  std::ofstream(dataPath, std::ios::binary) << csv;
  const EngineOutput interp = runEngine(loaded.ruleSet, xuncha::Engine::Interpreter,
                                        options.interpreterThreads, options, dir, dataPath);
  // Auto before the JIT: once the process has the JIT's code, auto uses it from the first
  // record and never switches engines in the middle of a run.
  if (options.alsoAuto)
    c.difference += differences(
        interp,
        runEngine(loaded.ruleSet, xuncha::Engine::Auto, options.jitThreads, options, dir, dataPath),
        "auto");
  c.difference = differences(interp,
                             runEngine(loaded.ruleSet, xuncha::Engine::Jit, options.jitThreads,
                                       options, dir, dataPath),
                             "jit") +
                 c.difference;
  c.differ = !c.difference.empty();
  c.records = interp.counts.evaluated;
  c.recordErrors = interp.counts.recordErrors;
  c.rejected = interp.counts.rejected;
  return c;
}

} // namespace xr::differential
