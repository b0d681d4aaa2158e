// Terminal columns of UTF-8 text, for aligned tables.
#include "compiler/diag/render.h"
#include "runtime/output/output.h"

#include <utility>

namespace xr::output {

namespace {

/// Code points a terminal draws on top of the previous one or not at all: the common combining
/// blocks (Latin, Hebrew, Arabic, Thai, kana voicing marks, variation selectors), zero-width
/// spaces, joiners and direction marks. Sorted; compact rather than complete.
bool zeroWidth(char32_t cp) {
  static constexpr std::pair<char32_t, char32_t> kZero[] = {
      {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},   {0x05C1, 0x05C2},
      {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},   {0x0670, 0x0670},
      {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},   {0x0E31, 0x0E31},
      {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},   {0x200B, 0x200F},
      {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},   {0x3099, 0x309A},
      {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
  };
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
    return true; // control characters draw nothing
  for (const auto &[low, high] : kZero) {
    if (cp < low)
      return false;
    if (cp <= high)
      return true;
  }
  return false;
}

/// Decodes the code point at `i` and advances past it; an invalid byte is U+FFFD, one byte.
char32_t decode(std::string_view s, std::size_t &i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = b(i);
  auto tail = [&](std::size_t n, char32_t lead, char32_t min) -> char32_t {
    char32_t cp = lead;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size() || (b(i + k) & 0xC0) != 0x80)
        return 0;
      cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return 0;
    i += n + 1;
    return cp;
  };
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0)
    cp = tail(1, b0 & 0x1F, 0x80);
  else if ((b0 & 0xF0) == 0xE0)
    cp = tail(2, b0 & 0x0F, 0x800);
  else if ((b0 & 0xF8) == 0xF0)
    cp = tail(3, b0 & 0x07, 0x10000);
  if (cp == 0) {
    ++i;
    return 0xFFFD;
  }
  return cp;
}

} // namespace

std::size_t displayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = decode(utf8, i);
    if (!zeroWidth(cp))
      width += terminalWidth(cp);
  }
  return width;
}

} // namespace xr::output
