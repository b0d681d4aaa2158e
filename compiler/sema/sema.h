#pragma once
// The checker's entry point: the parsed modules of one compilation in, the checked model out.
//
// Order of declarations in the model. Files are taken in "dependency order": for each file,
// first its base (`extends`, recursively), then its imports (recursively, in the order
// written), then the file itself; a file reached twice is taken once, the first time. So
// for `2025.xr extends 2024.xr` with `2024.xr extends 2023.xr` and `2025.xr import "cal.xr"`
// the order is 2023, 2024, cal, 2025. Within a file, declarations keep their source order.
// Every Info vector of the Model lists declarations in that order, by where each was first
// declared (an `override` changes a declaration in place; it does not move it).
//
// Tests are taken from the root file only: a base's tests check the base, and after the
// yearly update changed weights and rules they may no longer hold (check the base itself to
// run them).
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/sema/model.h"
#include "compiler/source/source.h"

#include <memory>
#include <optional>
#include <vector>

namespace xr::sema {

/// One loaded file and the files it refers to (those that could be loaded).
struct LoadedModule {
  const ast::Module *module = nullptr;
  std::optional<FileId> base;  // the file named by `extends`
  std::vector<FileId> imports; // the files named by `import`, in the order written
};

/// What the loader found: every file of the compilation, indexed by FileId.
struct LoadGraph {
  FileId root = kNoFile;
  std::vector<LoadedModule> modules; // index = FileId; a null module was not loaded
};

/// The files of the graph in dependency order (see above), each once.
std::vector<FileId> dependencyOrder(const LoadGraph &graph);

/// Collects, merges, resolves and type-checks the modules, then runs the structural passes
/// (compiler/sema/passes.h). Always returns a model; problems become diagnostics, and
/// Model::hasErrors says whether any error was reported.
std::unique_ptr<Model> analyze(const LoadGraph &graph, const SourceManager &sources,
                               Diagnostics &diagnostics);

} // namespace xr::sema
