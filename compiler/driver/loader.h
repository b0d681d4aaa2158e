#pragma once
// Loads a rule file and every file it imports or extends, each parsed once (by normalised
// path), relative paths resolved against the referring file's folder. Cycles, unreadable
// files, `extends` of a library and too many files become diagnostics.
#include "compiler/driver/compilation.h"
#include "compiler/sema/sema.h"

#include <optional>
#include <string>

namespace xr {

/// `base/rel` made lexically normal ("a/./b/../c.xr" -> "a/c.xr").
std::string resolveRelative(const std::string &referringFile, const std::string &relative);

/// Parses the root (given as text, or read with the reader when `text` is null) and what it
/// refers to into `compilation` (sources, modules, diagnostics). Returns the load graph, or
/// nullopt when the root itself could not be read.
std::optional<sema::LoadGraph> loadModules(Compilation &compilation, const std::string &rootPath,
                                           const std::string *rootText,
                                           const CompileOptions &options);

} // namespace xr
