#pragma once
// Where a position is in a text as typed, from its tokens alone: the word being typed, the
// tokens before it, the brackets still open and the top-level declaration it is in.
// Completion and signature help start here; the text may be half written.
#include "compiler/syntax/token_scan.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xr::query {

struct TokenContext {
  std::vector<syntax::ConcreteToken> tokens;
  std::size_t before = 0;        // tokens[0, before) end before the word being typed
  std::uint32_t wordBegin = 0;   // where the word being typed starts (the offset when none)
  std::string word;              // the part typed so far
  bool quiet = false;            // inside a comment or a string: nothing to complete
  std::string declKind;          // keyword of the enclosing top-level declaration ("" if none)
  std::string declName;          // its name as written ("" if none yet)
  std::vector<std::size_t> open; // indices of brackets still open, outermost first

  /// The `back`-th token before the word (1: the one just before), or null.
  const syntax::ConcreteToken *previous(std::size_t back = 1) const {
    return back <= before ? &tokens[before - back] : nullptr;
  }
  bool previousIs(std::string_view text, std::size_t back = 1) const {
    const syntax::ConcreteToken *t = previous(back);
    return t && t->kind == syntax::TokenClass::Literal && t->text == text;
  }
  /// The innermost open bracket's text ("{", "(", "["), or "".
  std::string_view innermost() const {
    return open.empty() ? std::string_view() : std::string_view(tokens[open.back()].text);
  }
};

TokenContext tokenContext(std::string_view text, std::uint32_t offset);

/// Whether a token can end an expression (a name, a literal, `)` or `]`): a name after it
/// starts a new item rather than continuing the expression.
bool endsExpression(const syntax::ConcreteToken &token);

/// Whether a token's text is a word (a name or a keyword), not punctuation.
bool isWord(const syntax::ConcreteToken &token);

} // namespace xr::query
