// `xuncha gen --rows N --seed S --out FILE`: writes a synthetic population of enterprises for
// a rule set's record (the national one by default), the same bytes for a seed on any machine.
#include "cli/assignments.h"
#include "cli/commands.h"
#include "cli/interrupt.h"
#include "cli/progress_bar.h"
#include "compiler/diag/render.h"
#include "compiler/driver/compilation.h"
#include "runtime/load/value_text.h"
#include "runtime/output/output.h"
#include "runtime/synth/generator.h"
#include "runtime/synth/population_writer.h"

#include <charconv>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <ostream>

namespace xr::cli {
namespace {

constexpr std::string_view kDefaultRuleSet = "rulesets/national/2023.xr";

ArgSpec genArguments() {
  ArgSpec spec("xuncha gen",
               "Write a synthetic population of enterprises for a rule set's record: one row per "
               "enterprise,\nwith the sizes, credit grades, lapses, complaints and data "
               "mismatches of the industry\n(18.7% above designated size, 62% of SMEs and 89% "
               "of large firms compliant under the\nnational rule set). A seed gives the same "
               "file on every machine.");
  spec.option(
          {"rows", "N", "how many enterprises to write (0: just the CSV header)", {}, {}, false})
      .option({"seed", "S", "the seed (an integer from 0 to 2^64 - 1)", {}, "1", false})
      .option({"out", "FILE", "where the population goes ('-': standard output)", {}, {}, false})
      .option({"ruleset",
               "FILE",
               "the rule set whose record to fill (relative to the current folder)",
               {},
               std::string(kDefaultRuleSet),
               false})
      .option({"format",
               "FORMAT",
               "csv or jsonl (default: jsonl for .jsonl/.ndjson, else csv)",
               {"csv", "jsonl"},
               {},
               false})
      .option({"param",
               "NAME=VALUE",
               "a param of the rule set the population is drawn for (inspection_date, "
               "kwh_per_ton, tce_per_kwh); give the same values to xuncha run",
               {},
               {},
               true})
      .option({"threads",
               "N",
               "worker threads (default: every core; the file is the same)",
               {},
               "0",
               false})
      .flag("quiet", "print nothing but errors")
      .option(colorOption())
      .epilog("exit codes:\n"
              "  0  the population was written\n"
              "  1  the rule set cannot be read, has errors or a record field the generator "
              "cannot fill,\n     or the file cannot be written (nothing is written then)\n"
              "  2  usage error (unknown option, missing or invalid value)\n"
              "  130, 143  interrupted (Ctrl-C, SIGTERM): nothing written\n"
              "\n"
              "The file is written whole or not at all. Row i depends only on the seed and i, so "
              "the first\n10,000 rows of a larger population are the 10,000-row population of "
              "the same seed.\n"
              "\n"
              "example (from the repository root):\n"
              "  xuncha gen --rows 10000 --seed 2024 --out examples/population.csv\n"
              "  xuncha run rulesets/national/2023.xr --data examples/population.csv "
              "--out results.csv\n");
  return spec;
}

/// A decimal integer of digits only (no sign, no spaces) that fits in 64 bits.
std::optional<std::uint64_t> unsignedNumber(const std::string &text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

/// The params given with --param, typed as the rule set declares them; nullopt after reporting
/// a problem.
std::optional<batch::ParamValues> paramsOf(const Args &args, const ir::Program &program,
                                           CommandContext &context, int &exit) {
  UsageError usage;
  auto assignments = assignmentsOf(args, "param", "NAME=VALUE", usage);
  if (!assignments) {
    exit = reportUsageError(context, usage);
    return std::nullopt;
  }
  std::vector<batch::ParamOverride> overrides;
  std::vector<std::string> names;
  for (const ir::ParamInfo &param : program.params)
    names.push_back(param.name);
  for (const auto &[name, text] : *assignments) {
    const ir::ParamInfo *param = nullptr;
    for (const ir::ParamInfo &candidate : program.params)
      if (candidate.name == name)
        param = &candidate;
    if (!param) {
      auto match = closestMatch(name, names);
      exit = reportUsageError(context, {"the rule set has no param '" + name + "'",
                                        match ? "did you mean '" + *match + "'?"
                                              : "see the rule set's `param` declarations"});
      return std::nullopt;
    }
    std::string reason;
    auto value = load::parseValue(program, param->type.required(), text, reason);
    if (!value || !value->valid) {
      exit = reportUsageError(context, {"invalid value for param '" + name + "': " +
                                            (reason.empty() ? "a value is required" : reason),
                                        "give it as --param " + name + "=VALUE"});
      return std::nullopt;
    }
    overrides.push_back({name, *value});
  }
  std::vector<std::string> errors;
  auto params = batch::ParamValues::bind(program, overrides, errors);
  if (!params) {
    for (const std::string &error : errors)
      context.err << "xuncha: error: " << error << "\n";
    exit = kExitProblems;
  }
  return params;
}

bool readable(const std::string &path) { return std::ifstream(path).good(); }

int runGen(const Args &args, CommandContext &context) {
  if (!args.has("rows"))
    return reportUsageError(context, {"missing --rows N", "say how many enterprises to write"});
  if (!args.has("out"))
    return reportUsageError(
        context, {"missing --out FILE", "name the file to write ('-': standard output)"});
  const auto rows = unsignedNumber(args.value("rows"));
  if (!rows || *rows > synth::maxRows())
    return reportUsageError(context, {"invalid value '" + args.value("rows") + "' for '--rows'",
                                      fmt::format("give a whole number of rows from 0 to {}",
                                                  groupedNumber(synth::maxRows()))});
  const auto seed = unsignedNumber(args.value("seed"));
  if (!seed)
    return reportUsageError(context, {"invalid value '" + args.value("seed") + "' for '--seed'",
                                      "give a whole number from 0 to 18446744073709551615"});
  const auto threads = unsignedNumber(args.value("threads"));
  if (!threads || *threads > 1024)
    return reportUsageError(context,
                            {"invalid value '" + args.value("threads") + "' for '--threads'",
                             "give a number of threads from 1 to 1024, or 0 for every core"});
  const std::string out = args.value("out");
  output::OutputFormat format = output::OutputFormat::Csv;
  if (args.has("format"))
    format = *output::parseOutputFormat(args.value("format"));
  else if (auto implied = output::outputFormatFromPath(out))
    format = *implied;
  const bool quiet = args.has("quiet");

  const std::string rulesetPath = args.value("ruleset");
  if (!readable(rulesetPath)) {
    if (args.has("ruleset"))
      context.err << "xuncha: error: cannot read the rule set '" << rulesetPath
                  << "' given with --ruleset\n";
    else
      context.err << "xuncha: error: cannot read the default rule set '" << rulesetPath
                  << "' (relative to the current folder)\n"
                  << "help: run xuncha gen from the repository root, or name the rule set with "
                     "--ruleset FILE\n";
    return kExitProblems;
  }
  const auto compilation = compileFile(rulesetPath);
  const std::vector<Diagnostic> diagnostics = compilation->sortedDiagnostics();
  if (!compilation->program) {
    std::size_t errors = 0, warnings = 0;
    for (const Diagnostic &d : diagnostics) {
      errors += d.severity == Severity::Error;
      warnings += d.severity == Severity::Warning;
    }
    const bool color = useColor(args.value("color"), context);
    context.err << renderDiagnostics(diagnostics, compilation->sources, color)
                << renderSummary(errors, warnings, color);
    return kExitProblems;
  }
  const ir::Program &program = *compilation->program;

  int exit = kExitOk;
  const auto params = paramsOf(args, program, context, exit);
  if (!params)
    return exit;
  std::vector<std::string> problems;
  const auto generator = synth::Generator::make(program, *seed, *params, problems);
  if (!generator) {
    for (const std::string &problem : problems)
      context.err << "xuncha: error: " << rulesetPath << ": " << problem << "\n";
    return kExitProblems;
  }

  InterruptGuard interrupt;
  ProgressBar progress(context.err);
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  synth::WriteOptions options;
  options.format = format;
  options.threads = static_cast<unsigned>(*threads);
  options.cancel = &interrupt.requested();
  if (context.errIsTerminal && !quiet)
    options.onProgress = [&](std::uint64_t done) { progress.update(done, 0, 0, seconds()); };
  const synth::WriteOutcome outcome = synth::writePopulation(*generator, *rows, out, options);
  progress.clear();

  switch (outcome.status) {
  case synth::WriteOutcome::Status::Failed:
    context.err << "xuncha: error: " << outcome.error << "\n";
    return kExitProblems;
  case synth::WriteOutcome::Status::Cancelled:
    context.err << "xuncha: interrupted; no output was written\n";
    return 128 + (interrupt.signal() ? interrupt.signal() : 2);
  case synth::WriteOutcome::Status::Written:
    break;
  }
  if (!quiet)
    context.err << fmt::format("xuncha: wrote {} enterprises (seed {}) to {} in {:.2f} s\n",
                               groupedNumber(outcome.rows), *seed, out == "-" ? "stdout" : out,
                               seconds());
  return kExitOk;
}

} // namespace

const Command &genCommand() {
  static const Command command{"gen", "write a synthetic population of enterprises", genArguments,
                               runGen};
  return command;
}

} // namespace xr::cli
