#include "compiler/syntax/token_kinds.h"

#include "XrLexer.h"

namespace xr::syntax {

TokenKinds::TokenKinds() {
  antlr4::ANTLRInputStream empty(std::string{});
  grammar::XrLexer lexer(&empty);
  const antlr4::dfa::Vocabulary &vocabulary = lexer.getVocabulary();
  literals_.resize(vocabulary.getMaxTokenType() + 1);
  for (std::size_t t = 1; t < literals_.size(); ++t) {
    std::string name = vocabulary.getLiteralName(t);
    if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') {
      literals_[t] = name.substr(1, name.size() - 2);
      types_.emplace(literals_[t], t);
    }
  }
}

const TokenKinds &TokenKinds::get() {
  static const TokenKinds kinds;
  return kinds;
}

std::size_t TokenKinds::type(std::string_view literal) const {
  auto it = types_.find(literal);
  return it == types_.end() ? 0 : it->second;
}

std::string_view TokenKinds::literal(std::size_t type) const {
  return type < literals_.size() ? std::string_view(literals_[type]) : std::string_view{};
}

} // namespace xr::syntax
