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

bool startsWithStarter(std::string_view line) {
  for (std::string_view starter : kStarters)
    if (line.substr(0, starter.size()) == starter &&
        (line.size() == starter.size() || line[starter.size()] == ' ' ||
         line[starter.size()] == '\t' || line[starter.size()] == '\r' ||
         line[starter.size()] == '\n'))
      return true;
  return false;
}

/// Where to start lexing for a context at `offset`: the start of the last line before it
/// that begins (in column 0, outside comments and strings) with a declaration keyword, as
/// top-level declarations are written; 0 when there is none. Lexing a whole 3,000-line file
/// for each keystroke would cost more than everything else completion does.
std::uint32_t windowStart(std::string_view text, std::uint32_t offset) {
  enum class State { Code, LineComment, BlockComment, String } state = State::Code;
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i < offset; ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (state) {
    case State::Code:
      if ((i == 0 || text[i - 1] == '\n') && startsWithStarter(text.substr(i)))
        start = i;
      if (c == '/' && next == '/')
        state = State::LineComment;
      else if (c == '/' && next == '*') {
        state = State::BlockComment;
        ++i;
      } else if (c == '"')
        state = State::String;
      break;
    case State::LineComment:
      if (c == '\n')
        state = State::Code;
      break;
    case State::BlockComment:
      if (c == '*' && next == '/') {
        state = State::Code;
        ++i;
      }
      break;
    case State::String:
      if (c == '\\')
        ++i;
      else if (c == '"' || c == '\n')
        state = State::Code;
      break;
    }
  }
  return start;
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
  // Lex from the start of the enclosing declaration to the end of the offset's line.
  const std::uint32_t from = windowStart(text, offset);
  std::size_t lineEnd = text.find('\n', offset);
  const std::uint32_t to =
      static_cast<std::uint32_t>(lineEnd == std::string_view::npos ? text.size() : lineEnd);
  syntax::ScannedTokens scanned = syntax::scanTokens(text.substr(from, to - from));
  cx.tokens = std::move(scanned.tokens);
  for (syntax::ConcreteToken &t : cx.tokens) {
    t.begin += from;
    t.end += from;
  }
  for (ast::Comment &comment : scanned.comments) {
    comment.range.begin += from;
    comment.range.end += from;
  }
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
