#pragma once
// The layout decided for each token from the grammar rule it belongs to: whether it starts
// a line, continues one (with or without a space), opens an indented block, and which
// alignment column it starts. The line builder turns these into lines.
#include "compiler/syntax/concrete_syntax.h"

#include <cstdint>
#include <vector>

namespace xr::format {

enum class Break : std::uint8_t {
  Flow,         // continues the line, unless the author broke the line before it: then it
                // starts a continuation line
  Glue,         // continues the line (only a line comment before it can move it)
  Line,         // starts a line of the enclosing block: an item or a declaration
  LineIfBroken, // an element of a list laid out one element per line: starts a line when
                // the author started one there, else flows
  Close,        // the `}` or `)` of a block or broken list, on a line of its own
};

/// Items whose lines align in columns when they stand on consecutive lines.
enum class AlignKind : std::uint8_t {
  None,
  Field,    // record fields: name, type, modifiers, title
  TableRow, // condition => outcome
  CasesRow, // | cell | cell |
  Calendar, // holiday/workday date .. date "label"
  Domain,   // domain name "title" weight
};

struct TokenLayout {
  Break brk = Break::Flow;
  bool space = true;                 // one space before it when it continues a line
  std::uint8_t cellsBefore = 0;      // alignment columns that end before it
  bool opens = false;                // the lines after it are indented until its Close
  AlignKind align = AlignKind::None; // on the first token of an aligned item
  std::uint32_t alignScope = 0;      // items align only within one scope (their block)
  bool alignEnd = false;             // the last token of an aligned item
  bool declarationStart = false;     // first token of a top-level declaration
  bool declarationEnd = false;       // its last token
};

/// One entry per token of `syntax`.
std::vector<TokenLayout> planLayout(const syntax::ConcreteSyntax &syntax,
                                    const std::vector<std::uint32_t> &tokenLines);

} // namespace xr::format
