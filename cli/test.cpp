// `xuncha test [PATH...]`: runs the `test` blocks of rule files and reports every case, with
// what failed and why; exit 1 when a case fails or a file does not compile.
#include "cli/commands.h"
#include "compiler/diag/render.h"
#include "compiler/driver/compilation.h"
#include "runtime/testing/format.h"
#include "runtime/testing/runner.h"
#include "xuncha/evaluate.h"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

ArgSpec testArguments() {
  ArgSpec spec("xuncha test", "Run the test blocks of rule files: each case evaluates its "
                              "record and checks its\nexpectations. Prints a line per case, "
                              "and for a failed case the expectations that\nfailed with the "
                              "values they compared, the record and the params.");
  spec.positional({"PATH",
                   "rule files (.xr) or folders to search for them, recursively (default: the "
                   "current folder)",
                   false, true})
      .option({"filter", "TEXT", "run only the cases whose title contains TEXT", {}, {}, false})
      .option({"format", "FORMAT", "how to print the results", {"text", "json"}, "text", false})
      .option({"engine", "ENGINE",
               "the back end that evaluates the cases' records: the interpreter, native code "
               "compiled with LLVM, or auto (the JIT when the rule set's code is cached, else "
               "the interpreter)",
               {"auto", "interp", "jit"}, "auto", false})
      .option({"cache-dir", "DIR",
               "where the JIT keeps compiled rule sets between runs (default: "
               "$XDG_CACHE_HOME/xuncha/jit or ~/.cache/xuncha/jit)",
               {}, {}, false})
      .flag("no-cache", "compile rule sets afresh and keep no compiled code on disk")
      .option(colorOption())
      .epilog("Files found in a folder are tested when they are rule sets (they start with a\n"
              "`ruleset` header); libraries such as calendars are skipped there, since they are\n"
              "compiled with the rule sets that import them. A file named on the command line\n"
              "is always compiled. Hidden folders and build folders (holding a CMakeCache.txt)\n"
              "are not searched. Files are tested in path order.\n"
              "\n"
              "A file that does not compile prints its diagnostics and counts as failed. The\n"
              "last line counts the cases: `12 passed, 1 failed in 3 files`.\n"
              "\n"
              "Both engines give the same results bit for bit; --engine=jit checks that the\n"
              "native code passes every case too. A rule set the JIT cannot compile counts\n"
              "as not compiled under --engine=jit. The expectations themselves are always\n"
              "evaluated by the interpreter, over the results the engine wrote.\n"
              "\n"
              "--format=json prints one object: {\"files\": [{\"path\", \"compiled\",\n"
              "\"diagnostics\", \"engine\", \"engine_error\"}], \"cases\": [{\"file\",\n"
              "\"line\", \"title\", \"passed\",\n"
              "\"problem\", \"failures\": [{\"expectation\", \"line\", \"outcome\", \"error\",\n"
              "\"shown\": [{\"expression\", \"value\", \"error\"}]}], \"record\", \"params\"}],\n"
              "\"summary\": {\"passed\", \"failed\", \"files\", \"not_compiled\"}}.\n"
              "\n" +
              std::string(exitCodesHelp()) +
              "\nExit 1 when a case fails, a file does not compile, or no rule file is found.\n");
  return spec;
}

/// A rule file to test; `found` when it came from searching a folder.
struct Candidate {
  std::string path;
  bool found = false;
};

bool skippedFolder(const fs::path &folder) {
  const std::string name = folder.filename().string();
  std::error_code ec;
  return (name.size() > 1 && name[0] == '.' && name != "..") ||
         fs::exists(folder / "CMakeCache.txt", ec);
}

/// The .xr files under `folder`, sorted; a folder that cannot be read adds to `problems`.
void searchFolder(const fs::path &folder, std::vector<Candidate> &out,
                  std::vector<std::string> &problems) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, ec), end;
  if (ec)
    problems.push_back("cannot read folder '" + folder.string() + "': " + ec.message());
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry &entry = *it;
    std::error_code typeError;
    if (entry.is_directory(typeError)) {
      if (skippedFolder(entry.path()))
        it.disable_recursion_pending();
      continue;
    }
    if (entry.path().extension() == ".xr" && entry.is_regular_file(typeError))
      found.push_back(entry.path().lexically_normal().generic_string());
  }
  if (ec)
    problems.push_back("cannot read folder '" + folder.string() + "': " + ec.message());
  std::sort(found.begin(), found.end());
  for (std::string &path : found)
    out.push_back({std::move(path), true});
}

struct Totals {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t files = 0;
  std::size_t notCompiled = 0;
};

std::string summaryLine(const Totals &t, bool color) {
  std::string line = std::to_string(t.passed) + " passed, " + std::to_string(t.failed) +
                     " failed in " + std::to_string(t.files) + (t.files == 1 ? " file" : " files");
  if (t.notCompiled > 0)
    line += " (" + std::to_string(t.notCompiled) + " did not compile)";
  const bool ok = t.failed == 0 && t.notCompiled == 0;
  return testrun::paint(color, ok ? "1;32" : "1;31", line) + "\n";
}

int runTest(const Args &args, CommandContext &context) {
  const bool json = args.value("format") == "json";
  const bool color = !json && useColor(args.value("color"), context);
  testrun::TestOptions testOptions;
  testOptions.filter = args.value("filter");
  const std::string engine = args.value("engine");
  testOptions.engine = engine == "jit"      ? testrun::TestEngine::Jit
                       : engine == "interp" ? testrun::TestEngine::Interpreter
                                            : testrun::TestEngine::Auto;
  if (!args.has("no-cache"))
    testOptions.cacheDir =
        args.has("cache-dir") ? args.value("cache-dir") : xuncha::defaultJitCacheDir();
  std::vector<std::string> paths = args.positionals();
  if (paths.empty())
    paths.push_back(".");

  std::vector<Candidate> candidates;
  std::vector<std::string> problems;
  for (const std::string &path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
      searchFolder(path, candidates, problems);
    else
      candidates.push_back({path, false}); // a missing file is reported by the compiler
  }
  for (const std::string &problem : problems)
    context.err << "xuncha: error: " << problem << "\n";

  Totals totals;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  nlohmann::ordered_json cases = nlohmann::ordered_json::array();
  std::set<std::string> seen;
  for (const Candidate &candidate : candidates) {
    if (!seen.insert(fs::path(candidate.path).lexically_normal().generic_string()).second)
      continue;
    std::unique_ptr<Compilation> compilation = compileFile(candidate.path);
    const ast::Module *root = compilation->module(0);
    if (candidate.found && root && !root->header)
      continue; // a library: tested through the rule sets that import it
    ++totals.files;
    const bool compiled = compilation->program != nullptr;
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    if (!compiled) {
      ++totals.notCompiled;
      const std::vector<Diagnostic> sorted = compilation->sortedDiagnostics();
      if (json) {
        diagnostics = renderJson(sorted, compilation->sources);
      } else {
        context.out << renderDiagnostics(sorted, compilation->sources, color);
        context.out << testrun::paint(color, "1;31", "FAIL") << "  " << candidate.path
                    << "  does not compile\n";
      }
    }
    testrun::TestRun tested;
    if (compiled) {
      tested = testrun::runTests(*compilation, testOptions);
      if (!tested.error.empty()) {
        ++totals.notCompiled;
        if (!json)
          context.out << testrun::paint(color, "1;31", "FAIL") << "  " << candidate.path
                      << "  the JIT cannot compile it: " << tested.error << "\n";
      }
    }
    if (json)
      files.push_back({{"path", candidate.path},
                       {"compiled", compiled},
                       {"diagnostics", std::move(diagnostics)},
                       {"engine", tested.engine.empty() ? nlohmann::ordered_json()
                                                        : nlohmann::ordered_json(tested.engine)},
                       {"engine_error", tested.error}});
    for (const testrun::CaseResult &result : tested.cases) {
      ++(result.passed ? totals.passed : totals.failed);
      if (json)
        cases.push_back(testrun::caseJson(*compilation->program, result));
      else
        context.out << testrun::caseText(*compilation->program, result, color);
    }
  }

  const bool nothingFound = totals.files == 0;
  if (json) {
    nlohmann::ordered_json out = {{"files", std::move(files)},
                                  {"cases", std::move(cases)},
                                  {"summary",
                                   {{"passed", totals.passed},
                                    {"failed", totals.failed},
                                    {"files", totals.files},
                                    {"not_compiled", totals.notCompiled}}}};
    context.out << out.dump(2) << "\n";
  } else {
    context.out << summaryLine(totals, color);
  }
  if (nothingFound)
    context.err << "xuncha: error: no rule set found in "
                << (args.positionals().empty() ? "the current folder" : "the paths given") << "\n";
  const bool failed = totals.failed > 0 || totals.notCompiled > 0 || !problems.empty();
  return failed || nothingFound ? kExitProblems : kExitOk;
}

} // namespace

const Command &testCommand() {
  static const Command command{"test", "run the test blocks of rule files", testArguments, runTest};
  return command;
}

} // namespace xr::cli
