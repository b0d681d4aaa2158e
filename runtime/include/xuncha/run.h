#pragma once
// The embedding API, part 3: a whole run, as `xuncha run` does it. Reads a population file,
// evaluates every record on N threads, writes one result row per readable record (in input
// order) and one error row per unreadable one, and computes the report figures. Outputs are
// byte-identical for any thread count and chunk size, and appear whole or not at all.
#include "runtime/interp/report.h"
#include "runtime/load/input.h"
#include "runtime/output/output.h"
#include "xuncha/evaluate.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace xuncha {

using InputFormat = xr::load::InputFormat;
using OutputFormat = xr::output::OutputFormat;
using LoadError = xr::load::LoadError;
using ReportResult = xr::interp::ReportResult;
using RunCounts = xr::output::RunCounts;

struct Progress {
  std::uint64_t records = 0; // records written (results and error rows)
  std::uint64_t bytesRead = 0;
  std::uint64_t totalBytes = 0; // 0 when unknown (a pipe)
  double seconds = 0;           // since the run started
};

struct RunOptions {
  std::string dataPath;                    // "-": standard input
  std::optional<InputFormat> inputFormat;  // default: from dataPath's extension
  std::string encoding = "utf-8";          // or gb18030
  std::vector<std::pair<std::string, std::string>> columnOfField; // --map field=column

  std::string outPath;                      // "-": standard output
  std::optional<OutputFormat> outputFormat; // default: from outPath's extension
  bool indicators = false;                  // per-indicator status and score columns
  /// Where unreadable rows go (CSV). Default: next to outPath, `<stem>.errors.csv`; with
  /// outPath "-" there is no errors file unless given, and RunSummary::loadErrors then holds
  /// every unreadable row (for the caller to show: none may disappear).
  std::string errorsPath;
  std::string reportPath; // the report figures as JSON; empty: none

  std::vector<ParamSetting> params;
  Engine engine = Engine::Interpreter;
  unsigned threads = 0;                 // 0: every core
  std::size_t chunkBytes = 1u << 20;    // input bytes per batch; results do not depend on it
  bool strict = false;                  // stop at the first unreadable row, write nothing

  /// Called on the writing thread after each batch is written.
  std::function<void(const Progress &)> onProgress;
  /// Set (by a signal handler, say) to stop the run; it then writes nothing.
  const std::atomic<bool> *cancel = nullptr;
};

/// Where the time went. Phase times are CPU seconds of the threads doing them, summed over
/// threads (so a busy machine does not inflate them); wall is the elapsed time of the run.
struct RunStats {
  unsigned threads = 0;
  std::string engine;
  std::uint64_t inputBytes = 0;
  double prepareSeconds = 0;  // engine preparation (interpreter set-up, JIT compile)
  double readSeconds = 0;     // reading and decoding the input, cutting it into chunks
  double parseSeconds = 0;    // text to typed columns
  double evaluateSeconds = 0; // the back end
  double reportSeconds = 0;   // accumulating and computing report figures
  double writeSeconds = 0;    // formatting and writing results and error rows
  double wallSeconds = 0;
  std::uint64_t peakMemoryBytes = 0; // the process's peak resident set size
  /// The JIT (engines jit and auto; Evaluator::jitStatus at the end of the run): whether its
  /// code was ready, whether it came from a cache (the process's or the disk's) instead of
  /// the compiler, the elapsed seconds of compiling or linking it (on the one thread that did,
  /// inside prepare for jit, inside evaluate for auto), and the records it evaluated.
  bool jitCompiled = false;
  bool jitCacheHit = false;
  bool jitFailed = false;
  double compileSeconds = 0;
  std::uint64_t jitRecords = 0;
};

struct RunSummary {
  enum class Outcome : std::uint8_t {
    Completed,   // every output written
    Failed,      // stopped before or during the run: `error` says why; nothing written
    StoppedAtBadRow, // --strict met an unreadable row (loadErrors[0]); nothing written
    Cancelled,   // RunOptions::cancel was set; nothing written
  };
  Outcome outcome = Outcome::Failed;
  std::string error;             // for Failed: one sentence (several lines for mapping problems)
  std::vector<std::string> help; // what to do about `error`
  std::vector<std::string> notes; // non-fatal remarks (unused columns, optional fields absent)

  RunCounts counts;
  /// Unreadable rows in input order: the first 20 when they also went to an errors file,
  /// all of them when there is no errors file.
  std::vector<LoadError> loadErrors;
  std::vector<ReportResult> reports;
  RunStats stats;
  std::string resultsPath, errorsPath, reportPath; // the files written (empty: none)

  bool completed() const { return outcome == Outcome::Completed; }
};

/// Runs `evaluator`'s rule set over RunOptions::dataPath. Never throws for user errors (a bad
/// file, bad params, missing columns, a full disk): they come back in the summary.
RunSummary run(const Evaluator &evaluator, const RunOptions &options);

/// The slots run() reads from the results with these options: the result columns written (per
/// indicator ones with `indicators`), the flags, the escalations and the reports. An evaluator
/// made with EngineOptions::keptSlots set to these evaluates no more than the run needs;
/// run() refuses an evaluator that does not keep them all.
SlotSelection slotsReadByRun(const xr::ir::Program &program, const RunOptions &options);

/// The summary's statistics as one JSON object (for `xuncha run --stats`).
std::string statsJson(const RunSummary &summary);

} // namespace xuncha
