#pragma once
// Renaming a declared name everywhere it is written, across the files of the compilation
// (imports and the `extends` chain, `override` and uses included). A rename is refused with
// a reason rather than producing a rule set that means something else or does not compile.
#include "compiler/driver/compilation.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xr::query {

/// What prepareRename answers: the name's range and current text, or why it cannot be
/// renamed (`error` not empty).
struct RenameTarget {
  SourceRange range;
  std::string placeholder;
  std::string error;
  bool ok() const { return error.empty(); }
};

RenameTarget prepareRename(const Compilation &compilation, FileId file, std::uint32_t offset);

/// The edits of a rename, sorted by file and offset, or why it is refused (`error`).
struct RenamePlan {
  std::vector<TextEdit> edits;
  std::string error;
  bool ok() const { return error.empty(); }
};

RenamePlan planRename(const Compilation &compilation, FileId file, std::uint32_t offset,
                      std::string_view newName);

/// Empty when `name` is a valid identifier that is not a keyword; otherwise why not.
std::string identifierProblem(std::string_view name);

} // namespace xr::query
