#pragma once
// The tokens of a text as typed, for tools that need the token context at a position
// without a parse (completion and signature help in the language server): the same lexer
// as the parser, with the same repairs, but no diagnostics and no parse tree.
#include "compiler/ast/ast.h"
#include "compiler/syntax/concrete_syntax.h"

#include <string_view>
#include <vector>

namespace xr::syntax {

struct ScannedTokens {
  std::vector<ConcreteToken> tokens; // default-channel tokens in source order, no end of file
  std::vector<ast::Comment> comments;
};

/// Lexes `text` (any content: unterminated strings become strings, bad characters are left
/// out). Positions are byte offsets into `text`.
ScannedTokens scanTokens(std::string_view text);

} // namespace xr::syntax
