// `xuncha check FILE...`: compiles each rule file and reports every problem
// found, in one pass; optionally prints the syntax tree or the IR.
#include "cli/commands.h"
#include "compiler/ast/ast_dump.h"
#include "compiler/diag/render.h"
#include "compiler/driver/compilation.h"
#include "compiler/ir/ir.h"
#include "runtime/jit/compiled_program.h"

#include <ostream>

namespace xr::cli {
namespace {

ArgSpec checkArguments() {
  ArgSpec spec("xuncha check", "Check rule files: parse them and everything "
                               "they import or extend, resolve "
                               "names,\ncheck types, weights, checklists and "
                               "tables, and report every problem "
                               "found.");
  spec.positional({"FILE", "rule files (.xr) to check", true, true})
      .option({"format", "FORMAT", "how to print the diagnostics", {"text", "json"}, "text", false})
      .option({"emit",
               "WHAT",
               "also print the syntax tree (ast), or the IR (ir) or the optimised LLVM IR the "
               "JIT runs (llvm) when there is no error; the diagnostics then go to stderr",
               {"ast", "ir", "llvm"},
               {},
               false})
      .option(colorOption())
      .flag("werror", "treat warnings as errors")
      .epilog(std::string(exitCodesHelp()) + "\nWarnings alone exit 0 unless --werror is given.\n");
  return spec;
}

/// The diagnostics of one compilation as shown, with --werror applied.
std::vector<Diagnostic> shownDiagnostics(const Compilation &compilation, bool werror) {
  std::vector<Diagnostic> diagnostics = compilation.sortedDiagnostics();
  if (werror)
    for (Diagnostic &d : diagnostics)
      if (d.severity == Severity::Warning)
        d.severity = Severity::Error;
  return diagnostics;
}

int runCheck(const Args &args, CommandContext &context) {
  const std::string format = args.value("format");
  const std::string emit = args.value("emit");
  const bool werror = args.has("werror");
  if (format == "json" && !emit.empty())
    return reportUsageError(context, {"'--emit' prints text and cannot be combined with "
                                      "'--format=json'",
                                      "drop one of the two options"});
  const bool color = useColor(args.value("color"), context);
  // With --emit, stdout carries the dump alone so that it can be piped.
  std::ostream &diagnosticStream = emit.empty() ? context.out : context.err;
  const std::vector<std::string> &files = args.positionals();

  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool missingOutput = false;
  nlohmann::json json = nlohmann::json::array();
  for (const std::string &path : files) {
    std::unique_ptr<Compilation> compilation = compileFile(path);
    std::vector<Diagnostic> diagnostics = shownDiagnostics(*compilation, werror);
    std::size_t fileErrors = 0;
    for (const Diagnostic &d : diagnostics) {
      fileErrors += d.severity == Severity::Error;
      warnings += d.severity == Severity::Warning;
    }
    errors += fileErrors;

    if (files.size() > 1 && !emit.empty())
      context.out << "// " << path << "\n";
    if (emit == "ast") {
      if (const ast::Module *module = compilation->module(0))
        context.out << dumpAst(*module, compilation->sources.file(module->file));
    } else if (emit == "ir" && fileErrors == 0) {
      if (compilation->program)
        context.out << ir::dump(*compilation->program);
      else
        missingOutput = true;
    } else if (emit == "llvm" && fileErrors == 0) {
      std::string llvmIr;
      std::string error;
      if (compilation->program &&
          jit::CompiledProgram::optimisedIr(*compilation->program, llvmIr, error)) {
        context.out << llvmIr;
      } else {
        if (!error.empty())
          context.err << "xuncha: error: the JIT cannot compile " << path << ": " << error << "\n";
        missingOutput = true;
      }
    }

    if (format == "json") {
      for (nlohmann::json &item : renderJson(diagnostics, compilation->sources))
        json.push_back(std::move(item));
    } else {
      diagnosticStream << renderDiagnostics(diagnostics, compilation->sources, color);
    }
  }

  if (format == "json")
    context.out << json.dump(2) << "\n";
  else
    diagnosticStream << renderSummary(errors, warnings, color);
  if (missingOutput)
    context.err << "xuncha: error: no IR was produced although there is no error\n";
  return errors > 0 || missingOutput ? kExitProblems : kExitOk;
}

} // namespace

const Command &checkCommand() {
  static const Command command{"check", "check rule files and report every problem found",
                               checkArguments, runCheck};
  return command;
}

} // namespace xr::cli
