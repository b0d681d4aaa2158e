// `xuncha doc RULESET --out DIR`: writes the indicator handbook of a rule set, as one Markdown
// file and one self-contained HTML page named after the rule file.
#include "cli/commands.h"
#include "compiler/inspect/comparison.h"
#include "compiler/inspect/handbook.h"
#include "compiler/inspect/rule_book.h"
#include "runtime/output/atomic_file.h"
#include "xuncha/ruleset.h"

#include <filesystem>
#include <optional>
#include <ostream>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

ArgSpec docArguments() {
  ArgSpec spec("xuncha doc",
               "Write the indicator handbook of a rule set: its domains; every indicator with\n"
               "its title, weight, effective weight in each checklist, logic as written, basis,\n"
               "missing-data policy and severity; the checklists; scores and decision tables\n"
               "(tiers); frequency, rules, escalations, deadlines, cross-checks, reports, params,\n"
               "the record and the calendars; and the change log against the rule set it\n"
               "extends. Written in the rule set's language (Chinese when its title is).");
  spec.positional({"RULESET", "the rule file (.xr)", true, false})
      .option({"out", "DIR", "the folder to write into (created when missing)", {}, {}, false})
      .option({"format",
               "FORMAT",
               "what to write: DIR/<name>.html, DIR/<name>.md, or both",
               {"html", "markdown", "both"},
               "both",
               false})
      .option(colorOption())
      .epilog("<name> is the rule file's name without .xr. The output is the same for the same\n"
              "rule files (no dates, no paths but file names), and each file appears whole or\n"
              "not at all. The HTML page holds its CSS and needs no script or network.\n"
              "\n"
              "exit codes:\n"
              "  0  the handbook was written\n"
              "  1  the rule set does not compile, or a file cannot be written\n"
              "  2  usage error (unknown option, missing argument)\n"
              "\n"
              "example:\n"
              "  xuncha doc rulesets/national/2024.xr --out handbook\n");
  return spec;
}

bool writeFile(const std::string &path, const std::string &text, CommandContext &context) {
  output::AtomicFile file;
  std::string error;
  if (!file.open(path, error) || !file.write(text, error) || !file.commit(error)) {
    context.err << "xuncha: error: " << error << "\n";
    return false;
  }
  context.out << "wrote " << path << "\n";
  return true;
}

int runDoc(const Args &args, CommandContext &context) {
  if (!args.has("out"))
    return reportUsageError(context, {"missing --out DIR", "name the folder to write the "
                                                           "handbook into: --out handbook"});
  const bool color = useColor(args.value("color"), context);
  const std::string rulesetPath = args.positionals().front();
  const xuncha::LoadResult loaded = xuncha::RuleSet::load(rulesetPath);
  if (!loaded.ok()) {
    context.err << loaded.renderDiagnostics(color);
    return kExitProblems;
  }
  const inspect::RuleBook book = inspect::describe(loaded.ruleSet->compilation());

  // The base compiled on its own, as its own readers see it.
  std::optional<inspect::Comparison> changes;
  if (const std::string base = inspect::basePath(loaded.ruleSet->compilation()); !base.empty()) {
    const xuncha::LoadResult baseLoaded = xuncha::RuleSet::load(base);
    if (!baseLoaded.ok()) {
      context.err << baseLoaded.renderDiagnostics(color);
      return kExitProblems;
    }
    changes = inspect::compare(inspect::describe(baseLoaded.ruleSet->compilation()), book);
  }
  const inspect::Document document = inspect::handbookDocument(book, changes ? &*changes : nullptr);

  const fs::path folder = args.value("out");
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    context.err << "xuncha: error: cannot create folder '" << folder.string()
                << "': " << ec.message() << "\n";
    return kExitProblems;
  }
  const std::string stem = fs::path(rulesetPath).stem().string();
  const std::string format = args.value("format");
  if (format != "markdown" &&
      !writeFile((folder / (stem + ".html")).string(), inspect::renderHtml(document), context))
    return kExitProblems;
  if (format != "html" &&
      !writeFile((folder / (stem + ".md")).string(), inspect::renderMarkdown(document), context))
    return kExitProblems;
  return kExitOk;
}

} // namespace

const Command &docCommand() {
  static const Command command{"doc", "write the indicator handbook of a rule set", docArguments,
                               runDoc};
  return command;
}

} // namespace xr::cli
