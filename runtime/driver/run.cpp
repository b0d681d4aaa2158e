// xuncha::run: a whole population through one rule set. The input is read on one thread and
// cut into chunks of whole records; workers parse, evaluate, accumulate report figures and
// format their chunk; the calling thread writes the formatted chunks in input order. So the
// outputs are byte-identical for any number of threads and any chunk size.
#include "xuncha/run.h"

#include "runtime/driver/ordered_pipeline.h"
#include "runtime/driver/run_files.h"
#include "runtime/interp/interpreter.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sys/resource.h>
#include <thread>
#include <time.h>

namespace xuncha {
namespace {

using Clock = std::chrono::steady_clock;
using xr::batch::Batch;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU time of the calling thread: phase timings must not count the time a thread waited for
/// a core on a busy machine.
double threadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// Adds the CPU time the calling thread spends from construction to destruction to `total`.
class CpuTimer {
public:
  explicit CpuTimer(double &total) : total_(total), start_(threadCpuSeconds()) {}
  ~CpuTimer() { total_ += threadCpuSeconds() - start_; }
  CpuTimer(const CpuTimer &) = delete;
  CpuTimer &operator=(const CpuTimer &) = delete;

private:
  double &total_;
  double start_;
};

constexpr std::size_t kLoadErrorsKept = 20;

/// A chunk of input on its way through the pipeline.
struct Chunk {
  xr::load::RawChunk raw;
  std::uint64_t bytesRead = 0; // of the input, once this chunk was read
};

/// What a worker made of a chunk.
struct ChunkOutcome {
  std::string results;
  std::string errors;
  std::vector<LoadError> loadErrors;
  RunCounts counts;
  std::uint64_t bytesRead = 0;
};

/// What each worker keeps between chunks.
struct WorkerState {
  explicit WorkerState(const xr::interp::Interpreter &interpreter)
      : batch(interpreter.program()), reports(interpreter) {}
  Batch batch;
  Results results;
  std::vector<std::uint64_t> recordOfRow;
  std::vector<LoadError> loadErrors;
  xr::interp::ReportAccumulator reports;
  double parseSeconds = 0, evaluateSeconds = 0, reportSeconds = 0, formatSeconds = 0;
};

std::uint64_t peakResidentBytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024; // Linux reports KiB
}

/// `out/results.csv` -> `out/results.errors.csv`.
std::string defaultErrorsPath(const std::string &outPath) {
  std::filesystem::path path(outPath);
  return (path.parent_path() / (path.stem().string() + ".errors.csv")).string();
}

bool samePath(const std::string &a, const std::string &b) {
  if (a.empty() || b.empty() || a == "-" || b == "-")
    return false;
  std::error_code ec;
  return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

/// Settles formats and paths; false with the summary's error and help set.
bool resolveOptions(const RunOptions &options, RunOptions &resolved, RunSummary &summary) {
  resolved = options;
  auto fail = [&](std::string error, std::string help) {
    summary.error = std::move(error);
    summary.help.push_back(std::move(help));
    return false;
  };
  if (options.dataPath.empty())
    return fail("no input file was given", "name the population file with --data FILE");
  if (options.outPath.empty())
    return fail("no output file was given", "name the results file with --out FILE");
  if (!resolved.inputFormat) {
    resolved.inputFormat = xr::load::inputFormatFromPath(options.dataPath);
    if (!resolved.inputFormat)
      return fail("cannot tell the format of '" + options.dataPath + "' from its name",
                  "name it .csv or .jsonl, or give --input-format csv|jsonl");
  }
  if (!resolved.outputFormat) {
    resolved.outputFormat = options.outPath == "-"
                                ? std::optional(OutputFormat::Csv)
                                : xr::output::outputFormatFromPath(options.outPath);
    if (!resolved.outputFormat)
      return fail("cannot tell the format of '" + options.outPath + "' from its name",
                  "name it .csv or .jsonl, or give --format csv|jsonl");
  }
  if (resolved.errorsPath.empty() && options.outPath != "-")
    resolved.errorsPath = defaultErrorsPath(options.outPath);
  const std::pair<const char *, const std::string *> outputs[] = {
      {"--out", &resolved.outPath},
      {"--errors", &resolved.errorsPath},
      {"--report", &resolved.reportPath}};
  for (std::size_t i = 0; i < std::size(outputs); ++i) {
    if (samePath(*outputs[i].second, resolved.dataPath))
      return fail(std::string(outputs[i].first) + " would overwrite the input file '" +
                      resolved.dataPath + "'",
                  "write the output somewhere else");
    for (std::size_t j = i + 1; j < std::size(outputs); ++j)
      if (samePath(*outputs[i].second, *outputs[j].second))
        return fail(std::string(outputs[i].first) + " and " + outputs[j].first +
                        " name the same file '" + *outputs[i].second + "'",
                    "give each output its own file");
  }
  return true;
}

unsigned threadCount(unsigned requested) {
  if (requested > 0)
    return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace

SlotSelection slotsReadByRun(const xr::ir::Program &program, const RunOptions &options) {
  SlotSelection slots =
      xr::output::ResultFormatter(program, OutputFormat::Csv, options.indicators).slotsRead();
  slots.add(xr::interp::slotsReadByReports(program));
  return slots;
}

RunSummary run(const Evaluator &evaluator, const RunOptions &requested) {
  const Clock::time_point start = Clock::now();
  RunSummary summary;
  summary.stats.engine = engineName(evaluator.engine());
  RunOptions options;
  if (!resolveOptions(requested, options, summary))
    return summary;
  const xr::ir::Program &program = evaluator.ruleSet().program();
  const xr::interp::Interpreter &interpreter = evaluator.interpreter();
  const SlotSelection needed = slotsReadByRun(program, options);
  for (xr::ir::SlotId s = 0; s < program.slots.size(); ++s)
    if (needed.contains(s) && !evaluator.keptSlots().contains(s)) {
      summary.error = "the evaluator does not keep slot '" + program.slots[s].name +
                      "', which the run's outputs read";
      summary.help.push_back("make the evaluator with EngineOptions::keptSlots = "
                             "slotsReadByRun(program, options), or keep every slot");
      return summary;
    }

  std::vector<std::string> problems;
  std::optional<ParamValues> params = evaluator.bindParams(options.params, problems);
  if (!params) {
    summary.error = problems.size() == 1 ? problems.front() : "the params are wrong:";
    if (problems.size() > 1)
      for (const std::string &p : problems)
        summary.error += "\n  " + p;
    summary.help.push_back("give params as --param name=value");
    return summary;
  }

  xr::load::InputOptions inputOptions;
  inputOptions.format = *options.inputFormat;
  inputOptions.encoding = options.encoding;
  inputOptions.columnOfField = options.columnOfField;
  std::unique_ptr<xr::load::InputReader> reader =
      xr::load::InputReader::open(options.dataPath, inputOptions, summary.error);
  if (!reader)
    return summary;
  std::vector<xr::load::MappingProblem> mapping;
  std::unique_ptr<xr::load::RecordParser> parser =
      xr::load::RecordParser::make(program, *reader, mapping, summary.notes);
  if (!parser) {
    summary.error = "the input '" + options.dataPath + "' does not fit the record of rule set '" +
                    program.title + "':";
    for (const xr::load::MappingProblem &p : mapping) {
      summary.error += "\n  " + p.message;
      if (!p.help.empty())
        summary.help.push_back(p.help);
    }
    return summary;
  }

  xr::driver::RunFiles files;
  if (!files.open(options.outPath, options.errorsPath, options.reportPath, summary.error))
    return summary;
  const xr::output::ResultFormatter resultFormatter(program, *options.outputFormat,
                                                    options.indicators);
  const xr::output::ErrorFormatter errorFormatter(program, options.dataPath);
  std::string failure;
  if (!files.writeResults(resultFormatter.preamble(), failure) ||
      !files.writeErrors(errorFormatter.preamble(), failure)) {
    files.abandon();
    summary.error = failure;
    return summary;
  }

  // Without an errors file the summary is the only place unreadable rows can go.
  const bool keepEveryLoadError = options.errorsPath.empty();
  const unsigned threads = threadCount(options.threads);
  summary.stats.threads = threads;
  std::vector<std::unique_ptr<WorkerState>> workers;
  for (unsigned w = 0; w < threads; ++w)
    workers.push_back(std::make_unique<WorkerState>(interpreter));

  auto produce = [&](Chunk &chunk) {
    std::string error;
    bool more = false;
    {
      CpuTimer timer(summary.stats.readSeconds);
      more = reader->next(options.chunkBytes, chunk.raw, error);
      chunk.bytesRead = reader->bytesRead();
    }
    if (!error.empty())
      throw std::runtime_error(error);
    return more;
  };

  auto work = [&](unsigned w, Chunk &chunk, ChunkOutcome &out) {
    WorkerState &state = *workers[w];
    {
      CpuTimer timer(state.parseSeconds);
      state.loadErrors.clear();
      parser->parse(chunk.raw, state.batch, state.recordOfRow, state.loadErrors);
    }
    {
      CpuTimer timer(state.evaluateSeconds);
      evaluator.evaluate(state.batch, *params, state.results);
    }
    {
      CpuTimer timer(state.reportSeconds);
      state.reports.add(state.results, state.recordOfRow.data());
    }
    {
      CpuTimer timer(state.formatSeconds);
      resultFormatter.format(state.results, out.results);
      errorFormatter.format(state.loadErrors, out.errors);
    }

    out.counts.evaluated = state.results.rows();
    out.counts.recordErrors = state.results.errorCount();
    out.counts.rejected = state.loadErrors.size();
    out.counts.recordsIn = out.counts.evaluated + out.counts.rejected;
    const std::size_t kept = keepEveryLoadError
                                 ? state.loadErrors.size()
                                 : std::min(state.loadErrors.size(), kLoadErrorsKept);
    out.loadErrors.assign(state.loadErrors.begin(),
                          state.loadErrors.begin() + static_cast<std::ptrdiff_t>(kept));
    out.bytesRead = chunk.bytesRead;
  };

  auto consume = [&](ChunkOutcome &out) {
    if (options.strict && !out.loadErrors.empty()) {
      summary.loadErrors.push_back(out.loadErrors.front());
      summary.outcome = RunSummary::Outcome::StoppedAtBadRow;
      return false;
    }
    {
      CpuTimer timer(summary.stats.writeSeconds);
      if (!files.writeResults(out.results, failure) || !files.writeErrors(out.errors, failure))
        return false;
    }
    summary.counts.recordsIn += out.counts.recordsIn;
    summary.counts.evaluated += out.counts.evaluated;
    summary.counts.recordErrors += out.counts.recordErrors;
    summary.counts.rejected += out.counts.rejected;
    for (LoadError &e : out.loadErrors)
      if (keepEveryLoadError || summary.loadErrors.size() < kLoadErrorsKept)
        summary.loadErrors.push_back(std::move(e));
    summary.stats.inputBytes = out.bytesRead;
    if (options.onProgress)
      options.onProgress(
          {summary.counts.recordsIn, out.bytesRead, reader->totalBytes(), secondsSince(start)});
    return true;
  };

  try {
    xr::driver::OrderedPipeline<Chunk, ChunkOutcome>::run(threads, 2 * threads + 2, produce, work,
                                                          consume, options.cancel);
  } catch (const std::exception &e) {
    files.abandon();
    summary.outcome = RunSummary::Outcome::Failed;
    summary.error = e.what();
    return summary;
  }

  auto finishStats = [&] {
    for (const auto &w : workers) {
      summary.stats.parseSeconds += w->parseSeconds;
      summary.stats.evaluateSeconds += w->evaluateSeconds;
      summary.stats.reportSeconds += w->reportSeconds;
      summary.stats.writeSeconds += w->formatSeconds;
    }
    summary.stats.wallSeconds = secondsSince(start);
    summary.stats.peakMemoryBytes = peakResidentBytes();
    const Evaluator::JitStatus jit = evaluator.jitStatus();
    summary.stats.jitCompiled = jit.compiled;
    summary.stats.jitCacheHit = jit.cached;
    summary.stats.jitFailed = jit.failed;
    summary.stats.compileSeconds = jit.compileSeconds;
    summary.stats.jitRecords = jit.records;
  };
  if (options.cancel && options.cancel->load())
    summary.outcome = RunSummary::Outcome::Cancelled;
  if (summary.outcome == RunSummary::Outcome::Cancelled ||
      summary.outcome == RunSummary::Outcome::StoppedAtBadRow || !failure.empty()) {
    files.abandon();
    if (!failure.empty()) {
      summary.outcome = RunSummary::Outcome::Failed;
      summary.error = failure;
    }
    finishStats();
    return summary;
  }

  {
    CpuTimer timer(summary.stats.reportSeconds);
    for (std::size_t w = 1; w < workers.size(); ++w)
      workers[0]->reports.merge(workers[w]->reports);
    summary.reports = workers[0]->reports.finish(*params);
  }
  if (!files.writeReport(xr::output::reportJson(program, summary.counts, summary.reports),
                         failure) ||
      !files.commit(failure)) {
    files.abandon();
    summary.outcome = RunSummary::Outcome::Failed;
    summary.error = failure;
    finishStats();
    return summary;
  }
  summary.outcome = RunSummary::Outcome::Completed;
  summary.resultsPath = options.outPath;
  summary.errorsPath = options.errorsPath;
  summary.reportPath = options.reportPath;
  finishStats();
  return summary;
}

} // namespace xuncha
