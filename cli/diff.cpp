// `xuncha diff OLD NEW [--data FILE]`: what a new rule set (a yearly update, usually) changes,
// semantically: indicators added, retired and changed, effective weights before and after,
// checklist membership, table rows, rules, escalations, deadlines; and, with a population, how
// its records move between tiers.
#include "cli/assignments.h"
#include "cli/commands.h"
#include "compiler/inspect/comparison_document.h"
#include "compiler/inspect/comparison_json.h"
#include "compiler/inspect/rule_book.h"
#include "runtime/compare/population_report.h"
#include "xuncha/evaluate.h"
#include "xuncha/ruleset.h"

#include <ostream>

namespace xr::cli {
namespace {

ArgSpec diffArguments() {
  ArgSpec spec("xuncha diff",
               "Explain what changes from rule set OLD to rule set NEW: indicators added,\n"
               "retired and changed (with the parts that changed), effective weights per\n"
               "checklist before and after, checklist membership, decision-table rows, domain\n"
               "weights, rules, escalations, deadlines, frequency, checks, params and fields.\n"
               "With --data, both rule sets evaluate the same records, and the records that\n"
               "change tier are counted, from which tier to which.");
  spec.positional({"OLD", "the earlier rule file (.xr)", true, false})
      .positional({"NEW", "the later rule file (.xr)", true, false})
      .option({"format", "FORMAT", "how to print the comparison", {"text", "json"}, "text", false})
      .option({"data",
               "FILE",
               "a population (CSV or JSON Lines) to evaluate with both rule sets",
               {},
               {},
               false})
      .option({"param",
               "NAME=VALUE",
               "with --data: set a param of both rule sets",
               {},
               {},
               true})
      .option({"map",
               "FIELD=COLUMN",
               "with --data: read record field FIELD from column COLUMN",
               {},
               {},
               true})
      .option({"input-format",
               "FORMAT",
               "with --data: its format (default: from its extension)",
               {"csv", "jsonl"},
               {},
               false})
      .option({"encoding",
               "ENCODING",
               "with --data: its encoding (gb18030 also reads gbk, gb2312)",
               {"utf-8", "gb18030", "gbk", "gb2312"},
               "utf-8",
               false})
      .option(colorOption())
      .epilog("Logic is compared by its structure, so layout and comments never count as a\n"
              "change; changed logic is shown as written, old lines with '-', new with '+'.\n"
              "An effective weight is the weight an indicator has in a checklist's total: its\n"
              "domain's weight times its weight in the domain, re-normalised over the domains\n"
              "and indicators the checklist holds.\n"
              "\n"
              "With --data each rule set reads the records with its own record (a new year may\n"
              "add fields) and its own param defaults, unless --param sets them for both.\n"
              "Tiers are the decision table the frequency is given by (or the table `tier`);\n"
              "a tier listed earlier in its enum is the more severe.\n"
              "\n"
              "--format=json prints one object; its keys are listed in\n"
              "compiler/inspect/comparison_json.h and runtime/compare/population_report.h.\n"
              "\n"
              "exit codes:\n"
              "  0  the comparison was printed (differences are not errors)\n"
              "  1  a rule file does not compile, or --data cannot be read\n"
              "  2  usage error (unknown option, missing argument)\n"
              "\n"
              "example:\n"
              "  xuncha diff rulesets/national/2023.xr rulesets/national/2024.xr\n");
  return spec;
}

bool dataOptions(const Args &args, CommandContext &context, compare::PopulationOptions &options,
                 int &exit) {
  auto usage = [&](UsageError error) {
    exit = reportUsageError(context, error);
    return false;
  };
  if (!args.has("data")) {
    for (const char *option : {"param", "map", "input-format", "encoding"})
      if (args.has(option))
        return usage({std::string("'--") + option + "' applies to the records of --data",
                      "give --data FILE, or drop --" + std::string(option)});
    return true;
  }
  options.dataPath = args.value("data");
  auto format = args.has("input-format") ? load::parseInputFormat(args.value("input-format"))
                                         : load::inputFormatFromPath(options.dataPath);
  if (!format)
    return usage({"cannot tell the format of '" + options.dataPath + "' from its extension",
                  "name it .csv or .jsonl, or give --input-format csv|jsonl"});
  options.input.format = *format;
  options.input.encoding = args.value("encoding");
  UsageError error;
  auto map = assignmentsOf(args, "map", "FIELD=COLUMN", error);
  if (!map)
    return usage(error);
  options.input.columnOfField = std::move(*map);
  auto params = assignmentsOf(args, "param", "NAME=VALUE", error);
  if (!params)
    return usage(error);
  for (auto &[name, value] : *params)
    options.params.push_back({name, value});
  return true;
}

int runDiff(const Args &args, CommandContext &context) {
  compare::PopulationOptions population;
  int exit = kExitOk;
  if (!dataOptions(args, context, population, exit))
    return exit;
  const bool color = useColor(args.value("color"), context);

  // Diagnostics go to stderr: stdout carries the comparison alone.
  const xuncha::LoadResult before = xuncha::RuleSet::load(args.positionals()[0]);
  const xuncha::LoadResult after = xuncha::RuleSet::load(args.positionals()[1]);
  for (const xuncha::LoadResult *loaded : {&before, &after})
    if (!loaded->ok())
      context.err << loaded->renderDiagnostics(color);
  if (!before.ok() || !after.ok())
    return kExitProblems;

  const inspect::Comparison comparison =
      inspect::compare(inspect::describe(before.ruleSet->compilation()),
                       inspect::describe(after.ruleSet->compilation()));
  std::optional<compare::PopulationComparison> records;
  if (!population.dataPath.empty()) {
    xuncha::Evaluator old(before.ruleSet), now(after.ruleSet);
    std::string error;
    std::vector<std::string> help;
    records = compare::comparePopulation(old, now, population, error, help);
    if (!records) {
      context.err << "xuncha: error: " << error << "\n";
      for (const std::string &line : help)
        context.err << (line.rfind("  ", 0) == 0 ? "" : "help: ") << line << "\n";
      return kExitProblems;
    }
  }

  if (args.value("format") == "json") {
    nlohmann::ordered_json json = inspect::comparisonJson(comparison);
    if (records)
      json["population"] = compare::populationJson(*records);
    context.out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  const inspect::Labels &labels =
      inspect::labelsFor(inspect::languageOf(after.ruleSet->program().title));
  inspect::Document document = inspect::comparisonDocument(comparison, labels);
  if (records)
    document.append(compare::populationDocument(*records, labels));
  context.out << inspect::renderText(document);
  return kExitOk;
}

} // namespace

const Command &diffCommand() {
  static const Command command{"diff", "explain what changes from one rule set to another",
                               diffArguments, runDiff};
  return command;
}

} // namespace xr::cli
