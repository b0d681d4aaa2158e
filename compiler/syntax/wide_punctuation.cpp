#include "compiler/syntax/wide_punctuation.h"

namespace xr::syntax {

namespace {

/// Only characters that mean something in the language are suggested; a full-width `~`
/// has no ASCII counterpart worth proposing.
constexpr std::string_view kLanguagePunctuation = ":,(){}[]=%<>?.|+-*/!\"";

struct Mapping {
  char32_t wide;
  std::string_view ascii;
};

constexpr Mapping kExtraMappings[] = {
    {U'\u3001', ","},  // 、 ideographic comma
    {U'\u3002', "."},  // 。 ideographic full stop
    {U'\u201C', "\""}, // “
    {U'\u201D', "\""}, // ”
    {U'\u2018', "\""}, // ‘
    {U'\u2019', "\""}, // ’
    {U'\u300C', "\""}, // 「
    {U'\u300D', "\""}, // 」
    {U'\u3010', "["},  // 【
    {U'\u3011', "]"},  // 】
    {U'\u3014', "["},  // 〔
    {U'\u3015', "]"},  // 〕
    {U'\uFF1B', ""},   // ； statements need no separator
};

} // namespace

std::optional<std::string_view> asciiForWidePunctuation(char32_t codePoint) {
  for (const Mapping &m : kExtraMappings)
    if (m.wide == codePoint)
      return m.ascii;
  // U+FF01..U+FF5E are the full-width forms of ASCII U+0021..U+007E.
  if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
    auto ascii = static_cast<char>(codePoint - 0xFEE0);
    auto at = kLanguagePunctuation.find(ascii);
    if (at != std::string_view::npos)
      return kLanguagePunctuation.substr(at, 1);
  }
  return std::nullopt;
}

bool isWideQuote(char32_t codePoint) {
  switch (codePoint) {
  case U'\u201C':
  case U'\u201D':
  case U'\u2018':
  case U'\u2019':
  case U'\u300C':
  case U'\u300D':
  case U'\uFF02':
    return true;
  default:
    return false;
  }
}

} // namespace xr::syntax
