#pragma once
// One compilation: a root rule file, the files it imports and extends, their ASTs, the
// diagnostics, the checked model and the IR. The CLI, the language server, the tests and the
// embedding API all start here.
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/ir/ir.h"
#include "compiler/limits.h"
#include "compiler/sema/model.h"
#include "compiler/syntax/parser.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xr {

/// Reads a file for the loader: returns its text, or nullopt when it cannot be read (the
/// language server answers from open editor buffers first).
using FileReader = std::function<std::optional<std::string>(const std::string &path)>;
FileReader diskFileReader();

struct Compilation {
  SourceManager sources;
  NodeIdAllocator ids;
  std::vector<std::unique_ptr<ast::Module>> modules; // index = FileId
  Diagnostics diagnostics;
  std::unique_ptr<sema::Model> model; // null when loading failed before sema could run
  std::unique_ptr<ir::Program> program; // null when there are errors

  const ast::Module *module(FileId id) const {
    return id < modules.size() ? modules[id].get() : nullptr;
  }
  /// The diagnostics sorted for display.
  std::vector<Diagnostic> sortedDiagnostics() const { return diagnostics.sorted(); }
};

struct CompileOptions {
  Limits limits;
  bool lower = true; // build the IR when there are no errors
  FileReader reader; // default: the disk
};

/// Loads `path` and everything it imports or extends, parses, checks and (with no errors)
/// lowers. Never throws for a problem in the input: it becomes a diagnostic.
std::unique_ptr<Compilation> compileFile(const std::string &path, const CompileOptions &options = {});

/// The same for text that is not (or not yet) on disk; `path` names it in diagnostics and
/// anchors relative imports.
std::unique_ptr<Compilation> compileText(const std::string &path, std::string text,
                                         const CompileOptions &options = {});

} // namespace xr
