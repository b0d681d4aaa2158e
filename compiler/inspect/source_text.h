#pragma once
// Logic shown as its author wrote it: the source text of an expression, read from the files of
// a compilation through the expression's source range. `doc` and `diff` show pass and score
// logic this way rather than re-printing the AST, so readers see the text they can search for
// in the rule file.
#include "compiler/driver/compilation.h"

#include <string>
#include <string_view>

namespace xr::inspect {

/// The text of `range` without the comments inside it, trailing spaces removed and the
/// continuation lines shifted left together with the first, so that a multi-line expression
/// keeps its own layout:
///
///     score = if a then 100          ->   if a then 100
///             else 40                     else 40
///
/// Empty for an invalid range.
std::string sourceText(const Compilation &compilation, SourceRange range);

/// `text` on one line: line breaks and runs of spaces become one space, except inside string
/// literals.
std::string oneLine(std::string_view text);

/// "2023.xr:160": the file name (without its folder, so output does not depend on where the
/// tool runs) and the 1-based line of the range's start. Empty for an invalid range.
std::string shortLocation(const Compilation &compilation, SourceRange range);

} // namespace xr::inspect
