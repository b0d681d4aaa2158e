#pragma once
// Punctuation that Chinese input methods type in place of ASCII: `：` for `:`, `（` for `(`.
// The lexer reports each as XR0003 with a fix and hands the parser the ASCII token, so one
// slip does not cascade into syntax errors.
#include <optional>
#include <string_view>

namespace xr::syntax {

/// The ASCII text a user most likely meant, or nullopt for a character with no such
/// meaning. An empty string means "nothing": the character should be removed (`；`).
std::optional<std::string_view> asciiForWidePunctuation(char32_t codePoint);

/// Opening or closing quotation marks that were meant as `"`.
bool isWideQuote(char32_t codePoint);

} // namespace xr::syntax
