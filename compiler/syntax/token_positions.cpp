#include "compiler/syntax/token_positions.h"

namespace xr::syntax {

bool TokenPositions::isConjured(const antlr4::Token *token) {
  return token == nullptr || token->getStartIndex() == INVALID_INDEX;
}

SourceRange TokenPositions::atCodePoint(std::size_t codePoint) const {
  std::uint32_t offset = text_.byteOffset(codePoint);
  return {file_, offset, offset};
}

SourceRange TokenPositions::at(std::size_t line, std::size_t column) const {
  if (line == 0 || line > text_.lineStarts.size())
    return atCodePoint(text_.codePoints.size());
  std::size_t start = text_.lineStarts[line - 1];
  return atCodePoint(start + column);
}

SourceRange TokenPositions::range(const antlr4::Token *token) const {
  if (token == nullptr)
    return {};
  if (isConjured(token))
    return at(token->getLine(), token->getCharPositionInLine());
  std::size_t start = token->getStartIndex();
  std::size_t stop = token->getStopIndex();
  std::uint32_t begin = text_.byteOffset(start);
  if (stop == INVALID_INDEX || stop + 1 <= start) // EOF, or an empty token
    return {file_, begin, begin};
  return {file_, begin, text_.byteOffset(stop + 1)};
}

SourceRange TokenPositions::range(const antlr4::ParserRuleContext *context) const {
  if (context == nullptr || context->start == nullptr)
    return {};
  SourceRange first = range(context->start);
  const antlr4::Token *stop = context->stop;
  if (stop == nullptr || isConjured(stop) || isConjured(context->start) ||
      stop->getTokenIndex() < context->start->getTokenIndex())
    return {file_, first.begin, first.begin};
  SourceRange last = range(stop);
  return {file_, first.begin, std::max(first.begin, last.end)};
}

SourceRange TokenPositions::range(antlr4::tree::TerminalNode *node) const {
  return node == nullptr ? SourceRange{} : range(node->getSymbol());
}

SourceRange TokenPositions::subRange(const antlr4::Token *token, std::string_view tokenText,
                                     std::uint32_t byteOffset, std::uint32_t length) const {
  if (isConjured(token))
    return range(token);
  std::size_t start = token->getStartIndex();
  std::size_t first = start + codePointCount(tokenText.substr(0, byteOffset));
  std::size_t last = start + codePointCount(tokenText.substr(0, byteOffset + length));
  return {file_, text_.byteOffset(first), text_.byteOffset(last)};
}

} // namespace xr::syntax
