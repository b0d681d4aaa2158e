// `xuncha run RULESET --data FILE --out FILE`: evaluates a whole population and writes one
// result row per record, the unreadable rows, and the report figures.
#include "cli/assignments.h"
#include "cli/commands.h"
#include "cli/interrupt.h"
#include "cli/progress_bar.h"
#include "runtime/output/output.h"
#include "xuncha/run.h"

#include <chrono>
#include <fmt/format.h>
#include <ostream>

namespace xr::cli {
namespace {

ArgSpec runArguments() {
  ArgSpec spec("xuncha run",
               "Evaluate every record of a population file against a rule set: write one "
               "result row per\nrecord (in input order), the rows that could not be read, and "
               "the rule set's report figures.");
  spec.positional({"RULESET", "the rule file (.xr) to evaluate", true, false})
      .option({"data", "FILE", "the population: CSV or JSON Lines ('-': standard input)",
               {}, {}, false})
      .option({"out", "FILE", "where the results go (.csv or .jsonl; '-': standard output)",
               {}, {}, false})
      .option({"report", "FILE", "also write the report figures as JSON", {}, {}, false})
      .option({"errors", "FILE",
               "where rows that cannot be read go (CSV; default: <out>.errors.csv next to "
               "--out)",
               {}, {}, false})
      .option({"param", "NAME=VALUE", "set a param of the rule set", {}, {}, true})
      .option({"map", "FIELD=COLUMN",
               "read record field FIELD from input column COLUMN", {}, {}, true})
      .option({"format", "FORMAT", "results format (default: from --out's extension)",
               {"csv", "jsonl"}, {}, false})
      .option({"input-format", "FORMAT", "input format (default: from --data's extension)",
               {"csv", "jsonl"}, {}, false})
      .option({"encoding", "ENCODING", "the input's encoding (gb18030 also reads gbk, gb2312)",
               {"utf-8", "gb18030", "gbk", "gb2312"}, "utf-8", false})
      .option({"threads", "N", "worker threads (default: every core)", {}, "0", false})
      .option({"engine", "ENGINE",
               "the back end that evaluates records: the interpreter, native code compiled with "
               "LLVM, or auto (the interpreter for small populations, then the JIT)",
               {"auto", "interp", "jit"}, "auto", false})
      .option({"cache-dir", "DIR",
               "where the JIT keeps compiled rule sets between runs (default: "
               "$XDG_CACHE_HOME/xuncha/jit or ~/.cache/xuncha/jit)",
               {}, {}, false})
      .flag("no-cache", "compile the rule set afresh and keep no compiled code on disk")
      .option({"batch-bytes", "BYTES",
               "input bytes per batch (outputs do not depend on it)", {}, "1048576", false})
      .flag("indicators", "add each indicator's status and score to the results")
      .flag("strict", "stop at the first row that cannot be read, and write nothing")
      .flag("stats", "print phase timings and throughput as JSON on stderr at the end")
      .flag("quiet", "print nothing but errors (no progress, report table or summary)")
      .option(colorOption())
      .epilog(
          "Every input row ends up in exactly one place: a row of the results (status ok, or\n"
          "error with the record's error) or a row of the errors file (could not be read).\n"
          "Outputs are written whole or not at all, and are the same for any --threads.\n"
          "\n"
          "exit codes:\n"
          "  0  every record was read and evaluated without error\n"
          "  1  the rule set has errors, the run failed, or some rows could not be read or\n"
          "     evaluated (the outputs are still written)\n"
          "  2  usage error (unknown option, missing argument)\n"
          "  130, 143  interrupted (Ctrl-C, SIGTERM): nothing written\n"
          "\n"
          "example:\n"
          "  xuncha run rulesets/national/2023.xr --data examples/population.csv \\\n"
          "      --out results.csv --report report.json --param inspection_date=2023-06-30\n");
  return spec;
}

std::optional<std::size_t> positiveNumber(const std::string &text, bool allowZero) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const std::size_t n = std::stoull(text);
  if (n == 0 && !allowZero)
    return std::nullopt;
  return n;
}

/// Fills the run options from the command line; false after reporting a usage error.
bool runOptionsOf(const Args &args, CommandContext &context, xuncha::RunOptions &options,
                  int &exit) {
  auto usage = [&](UsageError error) {
    exit = reportUsageError(context, error);
    return false;
  };
  if (!args.has("data"))
    return usage({"missing --data FILE", "name the population file to evaluate"});
  if (!args.has("out"))
    return usage({"missing --out FILE", "name the file the results go to"});
  options.dataPath = args.value("data");
  options.outPath = args.value("out");
  options.reportPath = args.value("report");
  options.errorsPath = args.value("errors");
  options.encoding = args.value("encoding");
  options.indicators = args.has("indicators");
  options.strict = args.has("strict");
  if (args.has("format"))
    options.outputFormat = output::parseOutputFormat(args.value("format"));
  if (args.has("input-format"))
    options.inputFormat = load::parseInputFormat(args.value("input-format"));
  options.engine = *xuncha::parseEngine(args.value("engine"));

  const auto threads = positiveNumber(args.value("threads"), true);
  if (!threads || *threads > 1024)
    return usage({"invalid value '" + args.value("threads") + "' for '--threads'",
                  "give a number of threads from 1 to 1024, or 0 for every core"});
  options.threads = static_cast<unsigned>(*threads);
  const auto batchBytes = positiveNumber(args.value("batch-bytes"), false);
  if (!batchBytes)
    return usage({"invalid value '" + args.value("batch-bytes") + "' for '--batch-bytes'",
                  "give a positive number of bytes"});
  options.chunkBytes = *batchBytes;

  UsageError error;
  auto params = assignmentsOf(args, "param", "NAME=VALUE", error);
  if (!params)
    return usage(error);
  for (auto &[name, value] : *params)
    options.params.push_back({name, value});
  auto map = assignmentsOf(args, "map", "FIELD=COLUMN", error);
  if (!map)
    return usage(error);
  options.columnOfField = std::move(*map);
  return true;
}

void printFailure(CommandContext &context, const xuncha::RunSummary &summary) {
  context.err << "xuncha: error: " << summary.error << "\n";
  for (const std::string &help : summary.help)
    context.err << "help: " << help << "\n";
}

void printLoadError(CommandContext &context, const std::string &dataPath,
                    const xuncha::LoadError &e) {
  context.err << "  " << dataPath << ":" << e.line << ": ";
  if (!e.column.empty())
    context.err << "column '" << e.column << "': ";
  context.err << e.reason << "\n";
}

void printSummary(CommandContext &context, const xuncha::RunOptions &options,
                  const xuncha::RunSummary &summary) {
  const auto &c = summary.counts;
  context.err << fmt::format("xuncha: {} records read from {} in {:.2f} s: {} evaluated",
                             groupedNumber(c.recordsIn), options.dataPath,
                             summary.stats.wallSeconds, groupedNumber(c.evaluated));
  if (c.recordErrors > 0)
    context.err << " (" << groupedNumber(c.recordErrors) << " with a record error)";
  context.err << ", " << groupedNumber(c.rejected) << " could not be read\n";
  context.err << "  results: " << summary.resultsPath << "\n";
  if (!summary.errorsPath.empty())
    context.err << "  unreadable rows: " << summary.errorsPath << "\n";
  if (!summary.reportPath.empty())
    context.err << "  report: " << summary.reportPath << "\n";
  if (!summary.loadErrors.empty()) {
    context.err << (summary.errorsPath.empty() ? "rows that could not be read:\n"
                                               : "first rows that could not be read:\n");
    for (const xuncha::LoadError &e : summary.loadErrors)
      printLoadError(context, options.dataPath, e);
    if (c.rejected > summary.loadErrors.size())
      context.err << "  ... and " << groupedNumber(c.rejected - summary.loadErrors.size())
                  << " more" << (summary.errorsPath.empty() ? "" : " in " + summary.errorsPath)
                  << "\n";
  }
}

int runRun(const Args &args, CommandContext &context) {
  xuncha::RunOptions options;
  int exit = kExitOk;
  if (!runOptionsOf(args, context, options, exit))
    return exit;
  const bool quiet = args.has("quiet");
  const bool color = useColor(args.value("color"), context);

  const auto compileStart = std::chrono::steady_clock::now();
  xuncha::LoadResult loaded = xuncha::RuleSet::load(args.positionals().front());
  if (!loaded.ok() || (!quiet && loaded.warningCount() > 0))
    context.err << loaded.renderDiagnostics(color);
  if (!loaded.ok())
    return kExitProblems;
  xuncha::EngineOptions engineOptions;
  if (!args.has("no-cache"))
    engineOptions.cacheDir =
        args.has("cache-dir") ? args.value("cache-dir") : xuncha::defaultJitCacheDir();
  // Only what the outputs read: the JIT keeps the rest in registers.
  engineOptions.keptSlots = xuncha::slotsReadByRun(loaded.ruleSet->program(), options);
  xuncha::Evaluator evaluator(loaded.ruleSet, options.engine, engineOptions);
  const double prepareSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - compileStart).count();

  InterruptGuard interrupt;
  options.cancel = &interrupt.requested();
  ProgressBar progress(context.err);
  if (context.errIsTerminal && !quiet)
    options.onProgress = [&](const xuncha::Progress &p) {
      progress.update(p.records, p.bytesRead, p.totalBytes, p.seconds);
    };
  xuncha::RunSummary summary = xuncha::run(evaluator, options);
  summary.stats.prepareSeconds = prepareSeconds;
  progress.clear();

  for (const std::string &note : summary.notes)
    if (!quiet)
      context.err << "note: " << note << "\n";
  for (const std::string &warning : evaluator.warnings())
    context.err << "warning: " << warning << "\n";
  switch (summary.outcome) {
  case xuncha::RunSummary::Outcome::Failed:
    printFailure(context, summary);
    return kExitProblems;
  case xuncha::RunSummary::Outcome::Cancelled:
    context.err << "xuncha: interrupted; no output was written\n";
    return 128 + (interrupt.signal() ? interrupt.signal() : 2);
  case xuncha::RunSummary::Outcome::StoppedAtBadRow:
    context.err << "xuncha: error: a row could not be read (--strict); no output was written\n";
    printLoadError(context, options.dataPath, summary.loadErrors.front());
    return kExitProblems;
  case xuncha::RunSummary::Outcome::Completed:
    break;
  }
  if (!quiet) {
    std::ostream &reportStream = options.outPath == "-" ? context.err : context.out;
    reportStream << output::reportText(evaluator.ruleSet().program(), summary.reports);
    printSummary(context, options, summary);
  } else if (summary.errorsPath.empty()) {
    // No errors file: stderr is the only place these rows are reported.
    for (const xuncha::LoadError &e : summary.loadErrors)
      printLoadError(context, options.dataPath, e);
  }
  if (args.has("stats"))
    context.err << xuncha::statsJson(summary) << "\n";
  return summary.counts.rejected > 0 || summary.counts.recordErrors > 0 ? kExitProblems
                                                                        : kExitOk;
}

} // namespace

const Command &runCommand() {
  static const Command command{"run", "evaluate a population file and write results and report",
                               runArguments, runRun};
  return command;
}

} // namespace xr::cli
