#pragma once
// Runs one rule text over one CSV text on both engines through the public API (xuncha::run,
// as `xuncha run` does) and compares everything a user gets: the outcome, the results file,
// the errors file and the report, byte for byte. The interpreter is the reference.
#include <cstdint>
#include <memory>
#include <string>

namespace xuncha {
class RuleSet;
}

namespace xr::differential {

struct ComparisonOptions {
  unsigned interpreterThreads = 1;
  unsigned jitThreads = 1;
  std::size_t chunkBytes = 1u << 20; // small chunks: several batches per run
  /// Also Engine::Auto, switching from the interpreter to the JIT after `autoJitRecords`
  /// records (in the middle of the run), compared with the interpreter the same way.
  bool alsoAuto = false;
  std::uint64_t autoJitRecords = 100;
  /// The JIT (and auto) keep every slot of the results instead of only those the run reads
  /// (xuncha::slotsReadByRun, as `xuncha run` does).
  bool jitKeepsEverySlot = false;
  /// Per-indicator status and score columns (`--indicators`); without them the run reads, and
  /// the JIT keeps, fewer slots.
  bool indicators = true;
};

struct Comparison {
  bool compiled = false;          // the front end accepted the text without errors
  std::string diagnostics;        // when it did not: the rendered diagnostics
  std::uint64_t records = 0;      // records the interpreter evaluated
  std::uint64_t recordErrors = 0; // ... of which ended in a record error
  std::uint64_t rejected = 0;     // input rows it could not read
  /// The engines differ, or a run did not complete (a rule set the front end accepted must
  /// run: a JIT that cannot compile it, or an engine that throws, is a failure too).
  bool differ = false;
  std::string difference; // what: for each file, the first differing line of each side
};

/// Compiles `ruleText` (named rules.xr) and, when it compiles, runs `csv` on both engines.
Comparison compareEngines(const std::string &ruleText, const std::string &csv,
                          const ComparisonOptions &options);

} // namespace xr::differential
