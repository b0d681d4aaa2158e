// `xuncha explain RULESET (--data FILE --id ID | --record JSON)`: why one record got its
// result, part by part, with the values each part read where it ran.
#include "runtime/explain/explain.h"
#include "cli/assignments.h"
#include "cli/commands.h"
#include "runtime/explain/record_source.h"
#include "runtime/explain/render.h"
#include "xuncha/evaluate.h"
#include "xuncha/ruleset.h"

#include <ostream>

namespace xr::cli {
namespace {

ArgSpec explainArguments() {
  ArgSpec spec("xuncha explain",
               "Explain why one record got its result: the checklist chosen and why, each "
               "indicator with\nthe values it read, its status, score and weight, each "
               "decision table's matching row and\nwhy the rows above it did not match, the "
               "rules applied and what they changed, the\nescalations, flags and deadlines.");
  spec.positional({"RULESET", "the rule file (.xr)", true, false})
      .option({"data",
               "FILE",
               "a population file (CSV or JSON Lines) holding the record",
               {},
               {},
               false})
      .option({"id", "ID", "the record's key in --data", {}, {}, false})
      .option(
          {"record",
           "JSON",
           "the record itself, as a JSON object: '{\"id\": \"9133...\", \"size\": \"sme\", ...}'",
           {},
           {},
           false})
      .option({"param", "NAME=VALUE", "set a param of the rule set (repeatable)", {}, {}, true})
      .option({"map",
               "FIELD=COLUMN",
               "read record field FIELD from input column (or JSON key) COLUMN (repeatable)",
               {},
               {},
               true})
      .option({"input-format",
               "FORMAT",
               "the format of --data (default: from its extension)",
               {"csv", "jsonl"},
               {},
               false})
      .option({"encoding",
               "ENCODING",
               "the encoding of --data (gb18030 also reads gbk, gb2312)",
               {"utf-8", "gb18030", "gbk", "gb2312"},
               "utf-8",
               false})
      .option({"format", "FORMAT", "how to print the explanation", {"text", "json"}, "text", false})
      .option(colorOption())
      .epilog("The record is read as `xuncha run` reads it (types parsed strictly; --map for\n"
              "renamed columns). Every value shown is the one the part read when it ran: a rule\n"
              "that changes `frequency` after a table read it shows both values. Weights are the\n"
              "weight in the applied checklist and the weight in the score after the indicators\n"
              "that could not be assessed are left out.\n"
              "\n"
              "--format=json prints one object; its keys and their meaning are listed in\n"
              "runtime/explain/render.h.\n"
              "\n"
              "exit codes:\n"
              "  0  the record was explained (also when its evaluation ends in a record error)\n"
              "  1  the rule set has errors, or the record cannot be found or read\n"
              "  2  usage error (unknown option, missing argument, a param that does not parse)\n"
              "\n"
              "examples:\n"
              "  xuncha explain rulesets/national/2023.xr --data examples/population.csv \\\n"
              "      --id 91330100MA0000001X\n"
              "  xuncha explain rulesets/examples/sketch.xr --record '{\"id\": \"e1\", ...}'\n");
  return spec;
}

/// The input options from the command line; false after reporting a usage error.
bool inputOptionsOf(const Args &args, CommandContext &context, load::InputOptions &options,
                    int &exit) {
  auto usage = [&](UsageError error) {
    exit = reportUsageError(context, error);
    return false;
  };
  const bool data = args.has("data");
  const bool record = args.has("record");
  if (data && record)
    return usage({"'--data' and '--record' cannot be combined",
                  "explain a record of a file (--data FILE --id ID) or one given as JSON "
                  "(--record JSON)"});
  if (!data && !record)
    return usage({"missing the record to explain", "give --data FILE --id ID, or --record JSON"});
  if (data && !args.has("id"))
    return usage(
        {"missing --id ID", "name the key of the record of " + args.value("data") + " to explain"});
  if (record && args.has("id"))
    return usage(
        {"'--id' finds a record of a --data file", "drop --id: --record is the record itself"});
  if (record && (args.has("input-format") || args.has("encoding")))
    return usage({std::string("'--") + (args.has("encoding") ? "encoding" : "input-format") +
                      "' applies to --data files",
                  "--record is always a JSON object in UTF-8"});
  UsageError error;
  auto map = assignmentsOf(args, "map", "FIELD=COLUMN", error);
  if (!map)
    return usage(error);
  options.columnOfField = std::move(*map);
  options.encoding = args.value("encoding");
  if (data) {
    const std::string path = args.value("data");
    auto format = args.has("input-format") ? load::parseInputFormat(args.value("input-format"))
                                           : load::inputFormatFromPath(path);
    if (!format)
      return usage({"cannot tell the format of '" + path + "' from its extension",
                    "name it .csv or .jsonl, or give --input-format csv|jsonl"});
    options.format = *format;
  }
  return true;
}

int runExplain(const Args &args, CommandContext &context) {
  load::InputOptions inputOptions;
  int exit = kExitOk;
  if (!inputOptionsOf(args, context, inputOptions, exit))
    return exit;
  UsageError usage;
  auto settings = assignmentsOf(args, "param", "NAME=VALUE", usage);
  if (!settings)
    return reportUsageError(context, usage);
  const bool json = args.value("format") == "json";
  const bool color = !json && useColor(args.value("color"), context);

  // Diagnostics go to stderr: stdout carries the explanation alone.
  xuncha::LoadResult loaded = xuncha::RuleSet::load(args.positionals().front());
  if (!loaded.ok()) {
    context.err << loaded.renderDiagnostics(color);
    return kExitProblems;
  }
  xuncha::Evaluator evaluator(loaded.ruleSet);
  const ir::Program &program = loaded.ruleSet->program();

  std::vector<xuncha::ParamSetting> params;
  for (auto &[name, value] : *settings)
    params.push_back({name, value});
  std::vector<std::string> problems;
  auto bound = evaluator.bindParams(params, problems);
  if (!bound)
    return reportUsageError(context, {problems.front(), "check --param NAME=VALUE"});

  batch::Batch record(program);
  const explain::RecordLookup lookup =
      args.has("record")
          ? explain::recordFromJson(program, args.value("record"), inputOptions, record)
          : explain::recordFromFile(program, args.value("data"), inputOptions, args.value("id"),
                                    record);
  if (!lookup.found) {
    context.err << "xuncha: error: " << lookup.problem << "\n";
    for (const std::string &line : lookup.help)
      context.err << (line.rfind("  ", 0) == 0 ? "" : "help: ") << line << "\n";
    return kExitProblems;
  }

  const explain::Explanation explanation = explain::explainRecord(
      loaded.ruleSet->compilation(), evaluator.interpreter(), record, *bound);
  if (json)
    context.out << explain::explanationJson(program, explanation).dump(2) << "\n";
  else
    context.out << explain::explanationText(program, explanation, color);
  return kExitOk;
}

} // namespace

const Command &explainCommand() {
  static const Command command{"explain", "explain why one record got its result", explainArguments,
                               runExplain};
  return command;
}

} // namespace xr::cli
