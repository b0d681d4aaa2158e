#pragma once
// The formatted file as lines before rendering: each line's indentation, its code in
// alignment cells, its trailing comment, and what the renderer needs to add blank lines
// and align columns.
#include "compiler/format/layout_plan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace xr::format {

struct Line {
  std::uint32_t indent = 0;
  /// Starts inside a multi-line block comment: printed as it was written, not indented.
  bool raw = false;
  /// Code, split where alignment columns end; cells are joined by one space when the line
  /// is not aligned (empty cells are dropped).
  std::vector<std::string> cells{std::string()};
  std::string trailingComment;
  bool commentOnly = false; // holds only comment text (own-line comments)
  bool blankBefore = false;
  AlignKind align = AlignKind::None; // an aligned item that stayed on this one line
  std::uint32_t alignScope = 0;
};

/// The lines of one top-level declaration.
struct DeclarationLines {
  std::uint32_t boundary = 0;  // its first line: its leading comments or its first token
  std::uint32_t firstCode = 0; // the line of its first token
  std::uint32_t lastCode = 0;  // the line of its last token
};

struct LaidOutFile {
  std::vector<Line> lines;
  std::vector<DeclarationLines> declarations;
};

} // namespace xr::format
