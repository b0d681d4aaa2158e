#pragma once
// Byte ranges of tokens and parse-tree nodes. ANTLR indexes code points; the AST and the
// diagnostics use byte offsets into the file.
#include "compiler/source/source.h"
#include "compiler/syntax/source_text.h"

#include "antlr4-runtime.h"

#include <string_view>

namespace xr::syntax {

class TokenPositions {
public:
  TokenPositions(FileId file, const DecodedText &text) : file_(file), text_(text) {}

  FileId file() const { return file_; }

  /// A token conjured by error recovery ("missing ';'") has no place in the text.
  static bool isConjured(const antlr4::Token *token);

  /// The token's bytes; for a conjured token, an empty range where it was expected.
  SourceRange range(const antlr4::Token *token) const;
  /// From the first token of the node to its last; empty at its start when it matched
  /// nothing (error recovery); invalid for a null node.
  SourceRange range(const antlr4::ParserRuleContext *context) const;
  SourceRange range(antlr4::tree::TerminalNode *node) const;
  /// Part of a token: `byteOffset` and `length` count bytes of the token's text.
  SourceRange subRange(const antlr4::Token *token, std::string_view tokenText,
                       std::uint32_t byteOffset, std::uint32_t length) const;
  /// An empty range at an ANTLR line (1-based) and code-point column (0-based).
  SourceRange at(std::size_t line, std::size_t column) const;
  /// An empty range at a code-point index.
  SourceRange atCodePoint(std::size_t codePoint) const;

private:
  FileId file_;
  const DecodedText &text_;
};

} // namespace xr::syntax
