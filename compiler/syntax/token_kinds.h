#pragma once
// Token types by their literal text. The generated lexer names literal tokens T__0, T__1...,
// so the syntax layer looks them up by what they look like: kinds().type("=>").
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace xr::syntax {

class TokenKinds {
public:
  static const TokenKinds &get();

  /// The type of a literal token ("=>", "indicator"); 0 when there is none.
  std::size_t type(std::string_view literal) const;
  /// The literal text of a type, or "" for ID, STRING and the other named tokens.
  std::string_view literal(std::size_t type) const;
  std::size_t maxType() const { return literals_.size() - 1; }

private:
  TokenKinds();
  std::vector<std::string> literals_; // index = token type
  std::map<std::string, std::size_t, std::less<>> types_;
};

} // namespace xr::syntax
