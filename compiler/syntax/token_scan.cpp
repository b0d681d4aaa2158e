#include "compiler/syntax/token_scan.h"

#include "compiler/syntax/antlr_lock.h"
#include "compiler/syntax/concrete_token.h"
#include "compiler/syntax/lexing.h"
#include "compiler/syntax/source_text.h"

#include "XrLexer.h"

#include <string>

namespace xr::syntax {

ScannedTokens scanTokens(std::string_view text) {
  SourceFile file(0, "", std::string(text));
  DecodedText decoded = decodeUtf8(file.text());
  TokenPositions positions(file.id(), decoded);
  Diagnostics ignored; // completion works on text with errors; `check` reports them
  Limits limits;
  limits.maxFileBytes = static_cast<std::size_t>(-1);

  std::lock_guard<std::mutex> lock(antlrMutex());
  CodePointStream input(decoded.codePoints);
  grammar::XrLexer lexer(&input);
  lexer.removeErrorListeners();
  LexedTokens lexed = lexTokens(lexer, decoded, positions, file, limits, ignored);

  ScannedTokens out;
  out.comments = std::move(lexed.comments);
  out.tokens.reserve(lexed.tokens.size());
  for (const auto &token : lexed.tokens) {
    if (token->getType() == antlr4::Token::EOF)
      break;
    out.tokens.push_back(concreteToken(*token, positions, file));
  }
  return out;
}

} // namespace xr::syntax
