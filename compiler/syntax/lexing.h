#pragma once
// The lexer pass: runs XrLexer over the whole file, reports what is wrong at the token level
// (XR0002, XR0003, XR0006, XR0007, XR0010), keeps the comments, and hands the parser a
// cleaned token list so a lexical slip does not also cascade into syntax errors.
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/limits.h"
#include "compiler/syntax/token_positions.h"

#include "XrLexer.h"

#include <memory>
#include <string>
#include <vector>

namespace xr::syntax {

/// Hands ANTLR the code points decoded (and repaired) by decodeUtf8, instead of letting it
/// convert UTF-8 itself, which throws on invalid input.
class CodePointStream : public antlr4::ANTLRInputStream {
public:
  explicit CodePointStream(std::u32string codePoints) {
    _data = std::move(codePoints);
    p = 0;
  }
};

struct LexedTokens {
  /// Default-channel tokens for the parser, ending with EOF. Unterminated strings are
  /// turned into strings; wide punctuation into the ASCII token meant; bad characters and
  /// unterminated comments are left out (after being reported).
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  std::vector<ast::Comment> comments;
};

LexedTokens lexTokens(grammar::XrLexer &lexer, const DecodedText &text,
                      const TokenPositions &positions, const SourceFile &file, const Limits &limits,
                      Diagnostics &diagnostics);

} // namespace xr::syntax
