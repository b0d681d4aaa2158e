#include "compiler/syntax/lexing.h"

#include "compiler/syntax/literals.h"
#include "compiler/syntax/token_kinds.h"
#include "compiler/syntax/wide_punctuation.h"

#include <fmt/format.h>

namespace xr::syntax {

namespace {

using antlr4::Token;
using grammar::XrLexer;

std::string codePointName(char32_t c) { return fmt::format("U+{:04X}", static_cast<unsigned>(c)); }

bool isVisible(char32_t c) {
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
    return false;
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || c == 0xFFFD)
    return false;
  return true;
}

std::string utf8(char32_t c) {
  std::string out;
  appendUtf8(out, c);
  return out;
}

/// A short reason after "character 'x' is not allowed here" for ASCII slips.
std::string_view hintFor(char32_t c) {
  switch (c) {
  case '#':
    return "; comments start with //";
  case '\'':
    return "; strings are written in double quotes";
  case '&':
    return "; write 'and'";
  case '!':
    return "; write 'not', or '!=' for not equal";
  case '\\':
    return "; a backslash is only allowed inside a string";
  default:
    return "";
  }
}

class LexPass {
public:
  LexPass(XrLexer &lexer, const DecodedText &text, const TokenPositions &positions,
          const SourceFile &file, const Limits &limits, Diagnostics &diagnostics)
      : lexer_(lexer), text_(text), positions_(positions), file_(file), limits_(limits),
        diagnostics_(diagnostics), kinds_(TokenKinds::get()) {}

  LexedTokens run() {
    for (;;) {
      std::unique_ptr<Token> token = lexer_.nextToken();
      bool eof = token->getType() == Token::EOF;
      raw_.push_back(std::move(token));
      if (eof)
        break;
    }
    for (std::size_t i = 0; i < raw_.size(); ++i)
      handle(i);
    return std::move(out_);
  }

private:
  void handle(std::size_t &i) {
    Token &token = *raw_[i];
    switch (token.getType()) {
    case XrLexer::WS:
      return;
    case XrLexer::LINE_COMMENT:
    case XrLexer::BLOCK_COMMENT:
      addComment(token);
      return;
    case XrLexer::UNTERMINATED_COMMENT:
      reportUnterminatedComment(token);
      addComment(token);
      return;
    case XrLexer::UNTERMINATED_STRING:
      reportUnterminatedString(token);
      checkString(token, false);
      static_cast<antlr4::CommonToken &>(token).setType(XrLexer::STRING);
      push(std::move(raw_[i]), false);
      return;
    case XrLexer::STRING:
      checkString(token, true);
      push(std::move(raw_[i]), false);
      return;
    case XrLexer::ID:
      checkIdentifier(token);
      push(std::move(raw_[i]), false);
      return;
    case XrLexer::BAD_CHAR:
      handleBadCharacter(i);
      return;
    default:
      push(std::move(raw_[i]), false);
      return;
    }
  }

  char32_t codePointOf(const Token &token) const { return text_.codePoints[token.getStartIndex()]; }
  bool isReplacedByte(const Token &token) const { return text_.replaced[token.getStartIndex()]; }

  void addComment(const Token &token) {
    out_.comments.push_back({positions_.range(&token), token.getText()});
  }

  void reportUnterminatedComment(const Token &token) {
    SourceRange opener = positions_.subRange(&token, "/*", 0, 2);
    SourceRange end{file_.id(), static_cast<std::uint32_t>(file_.text().size()),
                    static_cast<std::uint32_t>(file_.text().size())};
    diagnostics_
        .report(DiagCode::UnterminatedComment, opener,
                "unterminated block comment: it runs to the end of the file; close it with '*/'")
        .fix("insert '*/' at the end of the file", end, "*/");
  }

  void reportUnterminatedString(const Token &token) {
    SourceRange range = positions_.range(&token);
    diagnostics_
        .report(DiagCode::UnterminatedString, range,
                "unterminated string: a string must end with '\"' on the line where it starts")
        .fix("insert the closing quote at the end of the line",
             SourceRange{range.file, range.end, range.end}, "\"");
  }

  void checkString(const Token &token, bool terminated) {
    std::string text = token.getText();
    UnescapedString unescaped = unescapeString(text, terminated);
    for (const EscapeError &error : unescaped.errors)
      diagnostics_.report(DiagCode::InvalidEscape,
                          positions_.subRange(&token, text, error.offset, error.length),
                          error.message);
    SourceRange range = positions_.range(&token);
    std::size_t quotes = terminated ? 2 : 1;
    std::size_t written = range.end - range.begin;
    std::size_t bytes = written > quotes ? written - quotes : 0;
    if (bytes > limits_.maxStringBytes)
      diagnostics_.report(DiagCode::LimitExceeded, range,
                          fmt::format("string of {} bytes is too long: the limit is {} bytes",
                                      bytes, limits_.maxStringBytes));
  }

  void checkIdentifier(const Token &token) {
    SourceRange range = positions_.range(&token);
    std::size_t bytes = range.end - range.begin;
    if (bytes > limits_.maxIdentifierBytes)
      diagnostics_.report(DiagCode::LimitExceeded, range,
                          fmt::format("identifier of {} bytes is too long: the limit is {} bytes",
                                      bytes, limits_.maxIdentifierBytes));
  }

  void reportWide(const Token &token, char32_t c, std::string_view ascii) {
    SourceRange range = positions_.range(&token);
    std::string shown = utf8(c);
    if (ascii.empty()) {
      diagnostics_
          .report(DiagCode::BadCharacter, range,
                  fmt::format("full-width '{}' ({}) is not allowed here; remove it: no "
                              "separator is needed",
                              shown, codePointName(c)))
          .fix(fmt::format("remove '{}'", shown), range, "");
      return;
    }
    diagnostics_
        .report(DiagCode::BadCharacter, range,
                fmt::format("full-width '{}' ({}) is not allowed here; did you mean '{}'?", shown,
                            codePointName(c), ascii))
        .fix(fmt::format("replace '{}' with '{}'", shown, ascii), range, std::string(ascii));
  }

  std::unique_ptr<Token> makeToken(std::size_t type, std::size_t start, std::size_t stop,
                                   const std::string &text, const Token &like) {
    auto token = std::make_unique<antlr4::CommonToken>(
        std::make_pair<antlr4::TokenSource *, antlr4::CharStream *>(&lexer_,
                                                                    lexer_.getInputStream()),
        type, Token::DEFAULT_CHANNEL, start, stop);
    token->setText(text);
    token->setLine(like.getLine());
    token->setCharPositionInLine(like.getCharPositionInLine());
    return token;
  }

  /// “合规经营” becomes the string "合规经营" when both quotes are on one line.
  bool joinWideQuotedString(std::size_t &i) {
    const Token &open = *raw_[i];
    for (std::size_t j = i + 1; j < raw_.size(); ++j) {
      const Token &token = *raw_[j];
      std::size_t type = token.getType();
      if (type == Token::EOF || type == XrLexer::STRING || type == XrLexer::UNTERMINATED_STRING ||
          type == XrLexer::LINE_COMMENT || type == XrLexer::BLOCK_COMMENT ||
          type == XrLexer::UNTERMINATED_COMMENT)
        return false;
      std::string text = token.getText();
      if (text.find_first_of("\r\n") != std::string::npos)
        return false;
      if (type != XrLexer::BAD_CHAR || isReplacedByte(token) || !isWideQuote(codePointOf(token)))
        continue;
      reportWide(open, codePointOf(open), "\"");
      reportWide(token, codePointOf(token), "\"");
      std::string inner;
      if (token.getStartIndex() > open.getStartIndex() + 1)
        inner = lexer_.getInputStream()->getText(
            antlr4::misc::Interval(open.getStartIndex() + 1, token.getStartIndex() - 1));
      push(makeToken(XrLexer::STRING, open.getStartIndex(), token.getStopIndex(),
                     "\"" + inner + "\"", open),
           false);
      i = j;
      return true;
    }
    return false;
  }

  bool isPlainBadCharacter(const Token &token) const {
    if (token.getType() != XrLexer::BAD_CHAR || isReplacedByte(token))
      return false;
    char32_t c = codePointOf(token);
    return c != ';' && !isWideQuote(c) && !asciiForWidePunctuation(c);
  }

  void handleBadCharacter(std::size_t &i) {
    const Token &token = *raw_[i];
    if (isReplacedByte(token))
      return; // an invalid UTF-8 byte, already reported as XR0009
    char32_t c = codePointOf(token);
    if (isWideQuote(c) && joinWideQuotedString(i))
      return;
    if (auto ascii = asciiForWidePunctuation(c)) {
      reportWide(token, c, *ascii);
      if (std::size_t type = ascii->empty() ? 0 : kinds_.type(*ascii))
        push(makeToken(type, token.getStartIndex(), token.getStopIndex(), std::string(*ascii),
                       token),
             true);
      return;
    }
    SourceRange range = positions_.range(&token);
    if (c == ';') {
      diagnostics_
          .report(DiagCode::BadCharacter, range,
                  "character ';' is not allowed here: declarations and items need no separator")
          .fix("remove ';'", range, "");
      return;
    }
    // A run of stray characters is one mistake, reported once.
    std::size_t last = i;
    while (last + 1 < raw_.size() && isPlainBadCharacter(*raw_[last + 1]) &&
           raw_[last + 1]->getStartIndex() == raw_[last]->getStopIndex() + 1)
      ++last;
    range = cover(range, positions_.range(raw_[last].get()));
    if (!isVisible(c)) {
      diagnostics_
          .report(DiagCode::BadCharacter, range,
                  fmt::format("invisible character {} is not allowed here", codePointName(c)))
          .fix("remove the invisible character", range, "");
    } else if (last == i) {
      diagnostics_.report(DiagCode::BadCharacter, range,
                          fmt::format("character '{}' ({}) is not allowed here{}", utf8(c),
                                      codePointName(c), hintFor(c)));
    } else {
      std::string run;
      for (std::size_t k = i; k <= last; ++k)
        appendUtf8(run, codePointOf(*raw_[k]));
      diagnostics_.report(DiagCode::BadCharacter, range,
                          fmt::format("characters '{}' are not allowed here{}", run, hintFor(c)));
    }
    i = last;
  }

  /// Appends a token for the parser. A substituted `＝` right before `>` becomes `=>`.
  void push(std::unique_ptr<Token> token, bool substituted) {
    if ((substituted || lastSubstituted_) && !out_.tokens.empty()) {
      const Token &previous = *out_.tokens.back();
      if (previous.getStopIndex() + 1 == token->getStartIndex()) {
        std::string_view first = kinds_.literal(previous.getType());
        std::string_view second = kinds_.literal(token->getType());
        std::string joined = std::string(first) + std::string(second);
        std::size_t type = first.empty() || second.empty() ? 0 : kinds_.type(joined);
        if (type != 0) {
          out_.tokens.back() =
              makeToken(type, previous.getStartIndex(), token->getStopIndex(), joined, previous);
          lastSubstituted_ = false;
          return;
        }
      }
    }
    out_.tokens.push_back(std::move(token));
    lastSubstituted_ = substituted;
  }

  XrLexer &lexer_;
  const DecodedText &text_;
  const TokenPositions &positions_;
  const SourceFile &file_;
  const Limits &limits_;
  Diagnostics &diagnostics_;
  const TokenKinds &kinds_;
  std::vector<std::unique_ptr<Token>> raw_;
  LexedTokens out_;
  bool lastSubstituted_ = false;
};

} // namespace

LexedTokens lexTokens(XrLexer &lexer, const DecodedText &text, const TokenPositions &positions,
                      const SourceFile &file, const Limits &limits, Diagnostics &diagnostics) {
  return LexPass(lexer, text, positions, file, limits, diagnostics).run();
}

} // namespace xr::syntax
