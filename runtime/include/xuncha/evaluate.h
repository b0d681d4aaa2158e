#pragma once
// The embedding API, part 2: evaluating records held in memory. Fill a Batch column by column
// (or row by row with its setters), bind the params, evaluate into Results, read the values.
//
//   xuncha::Evaluator evaluator(rules);                 // compiles once; share across threads
//   xuncha::Batch batch(rules.program());
//   std::size_t row = batch.addRow();
//   batch.setText(field("id"), row, "91330100MA0000001X"); ...
//   auto params = evaluator.bindParams({{"inspection_date", "2024-09-30"}}, problems);
//   xuncha::Results results;
//   evaluator.evaluate(batch, *params, results);
//   results.value(slot, row)  /  xr::output::formatValue(...)
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "xuncha/ruleset.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xr::interp {
class Interpreter;
}

namespace xuncha {

using Batch = xr::batch::Batch;
using Results = xr::batch::Results;
using ParamValues = xr::batch::ParamValues;
using SlotSelection = xr::ir::SlotSelection;

/// Which back end evaluates records. Both give the same results, bit for bit.
enum class Engine : std::uint8_t {
  Interpreter,
  Jit,  // native code compiled with LLVM for this CPU (runtime/jit)
  Auto, // the JIT when its code is cached; else the interpreter for kAutoJitRecords, then JIT
};
/// "interp" -> Interpreter, "jit" -> Jit, "auto" -> Auto; nullopt otherwise.
std::optional<Engine> parseEngine(const std::string &name);
const char *engineName(Engine engine);

/// Under Engine::Auto, the records the interpreter evaluates before the JIT compiles. Compiling
/// costs about as much as interpreting this many records of the national rule set (about 285 ms
/// of CPU against 460 ns a record, measured), so a small population never waits for the
/// compiler, and a large one pays at most twice the best choice made knowing its size in
/// advance. When the code is already cached (EngineOptions::cacheDir, or compiled earlier in
/// the process) Auto uses the JIT from the first record.
inline constexpr std::uint64_t kAutoJitRecords = 500'000;

/// How an evaluator prepares its engine.
struct EngineOptions {
  /// Under Engine::Auto, the records interpreted before the JIT compiles.
  std::uint64_t autoJitRecords = kAutoJitRecords;
  /// Where the JIT keeps compiled code between runs (files keyed by the rule set's code, the
  /// engine and LLVM versions and the CPU); "" (the default): no disk cache. Within a process
  /// compiled code is always reused.
  std::string cacheDir;
  /// The slots the caller reads from Results after evaluate() (results.h): the others are not
  /// kept (Results::slot throws for them), which lets the JIT hold them in registers instead of
  /// writing a column per slot, most of its memory traffic. Default: every slot. `xuncha run`
  /// keeps what its outputs read (slotsReadByRun, run.h).
  SlotSelection keptSlots;
};
/// The user's cache folder for compiled code ($XDG_CACHE_HOME/xuncha/jit or
/// ~/.cache/xuncha/jit), as `xuncha run` uses it; "" when there is no home.
std::string defaultJitCacheDir();

/// `--param name=value`: a param's value as text, parsed by the param's type.
struct ParamSetting {
  std::string name;
  std::string value;
};

class Evaluator {
public:
  /// Prepares `ruleSet` (kept alive by the evaluator) for `engine`. Engine::Jit compiles here;
  /// if that fails, evaluate() throws std::runtime_error saying why (compileError() has it).
  /// With the environment variable XUNCHA_JIT_DISABLE set (not empty), the JIT never compiles.
  explicit Evaluator(std::shared_ptr<const RuleSet> ruleSet, Engine engine = Engine::Interpreter,
                     EngineOptions options = {});
  ~Evaluator();
  Evaluator(const Evaluator &) = delete;
  Evaluator &operator=(const Evaluator &) = delete;

  const RuleSet &ruleSet() const { return *ruleSet_; }
  Engine engine() const { return engine_; }
  /// The slots evaluate() keeps in the results (EngineOptions::keptSlots).
  const SlotSelection &keptSlots() const;

  /// Every param's value for a run: the settings parsed by type, defaults for the rest.
  /// nullopt with one sentence per problem in `problems` (unknown param, with a did-you-mean;
  /// a value that does not parse; a param with no default and no setting).
  std::optional<ParamValues> bindParams(const std::vector<ParamSetting> &settings,
                                        std::vector<std::string> &problems) const;

  /// Evaluates every record of `batch` (made for this rule set's program) into `results`. A
  /// record whose evaluation fails (division by zero ...) gets an error status; the others
  /// are unaffected. Thread safe.
  void evaluate(const Batch &batch, const ParamValues &params, Results &results) const;

  /// The interpreter: report figures and explanations are computed with it whatever engine
  /// evaluates the records.
  const xr::interp::Interpreter &interpreter() const { return *interpreter_; }

  /// How the JIT has fared so far (all zero for the interpreter).
  struct JitStatus {
    bool compiled = false;     // native code is ready
    bool cached = false;       // ... taken from the cache (of the process or the disk)
    bool failed = false;       // compiling failed: see compileError()
    double compileSeconds = 0; // lowering, optimising, emitting and linking, on one thread
    std::uint64_t records = 0; // records the JIT has evaluated
  };
  JitStatus jitStatus() const;
  /// Why the rule set could not be compiled ("" when it was, or was not tried).
  std::string compileError() const;
  /// What the caller should show although evaluation went on: under Engine::Auto, a rule set
  /// the JIT could not compile (the interpreter evaluated every record instead); a disk cache
  /// the compiled code could not be written to.
  std::vector<std::string> warnings() const;

private:
  struct JitState;
  void compileJit() const;

  std::shared_ptr<const RuleSet> ruleSet_;
  Engine engine_;
  std::unique_ptr<xr::interp::Interpreter> interpreter_;
  std::unique_ptr<JitState> jit_;
};

} // namespace xuncha
