#pragma once
// Quick fixes for the diagnostics in a range: every Fix the compiler attached to them (the
// same help `xuncha check` prints: did-you-mean, a missing `otherwise`, rebalanced weights,
// ...), plus declaring an unknown name as a field of the record, which needs the editor's
// context to pick a type.
#include "compiler/driver/compilation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xr::query {

struct CodeAction {
  std::string title;
  std::optional<Diagnostic> diagnostic; // the diagnostic it fixes, if any
  std::vector<TextEdit> edits;          // possibly in several files
  bool preferred = false;               // the one obvious fix
};

/// Actions for the diagnostics of `file` that overlap [begin, end], in diagnostic order;
/// then, in a table without `otherwise` that no diagnostic already fixes, adding one.
std::vector<CodeAction> codeActionsIn(const Compilation &compilation, FileId file,
                                      std::uint32_t begin, std::uint32_t end);

/// "declare field NAME in record R": an edit adding `NAME: TYPE` to the record, with TYPE
/// guessed from how the name is used; none when there is no record to add to.
std::optional<CodeAction> declareFieldAction(const Compilation &compilation,
                                             const Diagnostic &unknownName);

/// "add `otherwise => OUTCOME`" for the table of `file` under `offset` when it has none
/// (the outcome of its last row, as a starting point).
std::optional<CodeAction> addOtherwiseAction(const Compilation &compilation, FileId file,
                                             std::uint32_t offset);

} // namespace xr::query
