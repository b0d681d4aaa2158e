#pragma once
// Lays the tokens and comments of a file out in lines, following the plan of each token:
// items and declarations start lines indented by their block, the author's own line breaks
// inside an item are kept as continuation lines (aligned with the token they were aligned
// with, or indented as far past the item as before), comments stay where they were.
#include "compiler/format/layout_plan.h"
#include "compiler/format/lines.h"
#include "compiler/format/source_lines.h"
#include "compiler/syntax/concrete_syntax.h"

#include <string>
#include <string_view>
#include <vector>

namespace xr::format {

LaidOutFile buildLines(const syntax::ConcreteSyntax &syntax, const std::vector<TokenLayout> &plan,
                       const SourceLines &lines);

/// A comment as the formatter writes it: a line comment without trailing blanks, a block
/// comment split at its line ends.
std::vector<std::string> commentLines(std::string_view text);

} // namespace xr::format
