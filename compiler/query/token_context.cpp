#include "compiler/query/token_context.h"

#include <algorithm>
#include <array>

namespace xr::query {

namespace {

using syntax::ConcreteToken;
using syntax::TokenClass;

constexpr std::array<std::string_view, 22> kStarters = {
    "record", "enum",    "param",  "domain",    "indicator", "check",    "checklist", "let",
    "score",  "table",   "output", "frequency", "rule",      "escalate", "deadline",  "calendar",
    "report", "example", "test",   "retire",    "override",  "import"};

bool isStarter(const ConcreteToken &t) {
  return t.kind == TokenClass::Literal &&
         std::find(kStarters.begin(), kStarters.end(), t.text) != kStarters.end();
}

bool isLiteral(const ConcreteToken &t, std::string_view text) {
  return t.kind == TokenClass::Literal && t.text == text;
}

} // namespace

bool isWord(const ConcreteToken &t) {
  if (t.text.empty())
    return false;
  auto c = static_cast<unsigned char>(t.text[0]);
  return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool endsExpression(const ConcreteToken &t) {
  switch (t.kind) {
  case TokenClass::Name:
  case TokenClass::String:
  case TokenClass::Integer:
  case TokenClass::Number:
  case TokenClass::Date:
    return true;
  case TokenClass::Literal:
    return t.text == ")" || t.text == "]" || t.text == "true" || t.text == "false" ||
           t.text == "%" || t.text == "passes" || t.text == "fails" || t.text == "unassessed" ||
           t.text == "missing" || t.text == "days" || t.text == "day";
  }
  return false;
}

TokenContext tokenContext(std::string_view text, std::uint32_t offset) {
  TokenContext cx;
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  syntax::ScannedTokens scanned = syntax::scanTokens(text);
  cx.tokens = std::move(scanned.tokens);
  cx.wordBegin = offset;

  for (const ast::Comment &comment : scanned.comments) {
    bool line = comment.text.rfind("//", 0) == 0;
    if (comment.range.begin < offset &&
        (offset < comment.range.end || (line && offset == comment.range.end)))
      cx.quiet = true;
  }

  std::size_t k = 0;
  while (k < cx.tokens.size() && cx.tokens[k].end < offset)
    ++k;
  // The token touching the offset: the word being typed, or a string the offset is in.
  if (k < cx.tokens.size() && cx.tokens[k].begin < offset) {
    const ConcreteToken &t = cx.tokens[k];
    if (t.kind == TokenClass::String) {
      bool closed = t.text.size() >= 2 && t.text.back() == '"';
      if (offset < t.end || !closed)
        cx.quiet = true;
    } else if (isWord(t)) {
      cx.wordBegin = t.begin;
      cx.word = std::string(text.substr(t.begin, offset - t.begin));
    }
  }
  cx.before = k;
  if (k < cx.tokens.size() && cx.tokens[k].end <= offset && cx.wordBegin == offset)
    cx.before = k + 1; // a token ending exactly here that is not a word (`==`, `(`)

  // Brackets and the enclosing declaration, from the start of the text.
  for (std::size_t i = 0; i < cx.before; ++i) {
    const ConcreteToken &t = cx.tokens[i];
    if (isLiteral(t, "(") || isLiteral(t, "[") || isLiteral(t, "{")) {
      cx.open.push_back(i);
      continue;
    }
    if (isLiteral(t, ")") || isLiteral(t, "]") || isLiteral(t, "}")) {
      if (!cx.open.empty())
        cx.open.pop_back();
      continue;
    }
    if (!cx.open.empty() || !isStarter(t))
      continue;
    const ConcreteToken *prev = i > 0 ? &cx.tokens[i - 1] : nullptr;
    if (prev && isLiteral(*prev, "retire"))
      continue; // the kind of what is retired
    if (prev && !isLiteral(*prev, "override") && !isLiteral(*prev, "}") && !endsExpression(*prev))
      continue; // a soft keyword used as a name inside an expression (`= score + 1`)
    if (isLiteral(t, "override")) {
      cx.declKind = "override";
      cx.declName.clear();
      continue;
    }
    cx.declKind = t.text;
    cx.declName.clear();
    if (i + 1 < cx.before && isWord(cx.tokens[i + 1]))
      cx.declName = cx.tokens[i + 1].text;
  }
  return cx;
}

} // namespace xr::query
