#include "compiler/syntax/concrete_token.h"

#include "XrLexer.h"

namespace xr::syntax {

namespace {

TokenClass classOf(std::size_t type) {
  switch (type) {
  case grammar::XrLexer::ID:
    return TokenClass::Name;
  case grammar::XrLexer::STRING:
    return TokenClass::String;
  case grammar::XrLexer::INT:
    return TokenClass::Integer;
  case grammar::XrLexer::NUMBER:
    return TokenClass::Number;
  case grammar::XrLexer::DATE:
    return TokenClass::Date;
  default:
    return TokenClass::Literal;
  }
}

} // namespace

ConcreteToken concreteToken(const antlr4::Token &token, const TokenPositions &positions,
                            const SourceFile &file) {
  SourceRange range = positions.range(&token);
  return {classOf(token.getType()), file.text().substr(range.begin, range.end - range.begin),
          range.begin, range.end};
}

} // namespace xr::syntax
