#include "compiler/syntax/source_text.h"

namespace xr::syntax {

namespace {

bool inRange(unsigned char c, unsigned char low, unsigned char high) {
  return c >= low && c <= high;
}

/// Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not
/// start one (Unicode table 3-7, well-formed byte sequences).
std::size_t sequenceLength(std::string_view text, std::size_t i, char32_t &codePoint) {
  auto byte = [&](std::size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    codePoint = b0;
    return 1;
  }
  unsigned char b1 = byte(1), b2 = byte(2), b3 = byte(3);
  auto cont = [](unsigned char c) { return inRange(c, 0x80, 0xBF); };
  if (inRange(b0, 0xC2, 0xDF) && cont(b1)) {
    codePoint = (char32_t(b0 & 0x1F) << 6) | (b1 & 0x3F);
    return 2;
  }
  bool three = (b0 == 0xE0 && inRange(b1, 0xA0, 0xBF)) ||
               ((inRange(b0, 0xE1, 0xEC) || inRange(b0, 0xEE, 0xEF)) && cont(b1)) ||
               (b0 == 0xED && inRange(b1, 0x80, 0x9F));
  if (three && cont(b2)) {
    codePoint = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
    return 3;
  }
  bool four = (b0 == 0xF0 && inRange(b1, 0x90, 0xBF)) || (inRange(b0, 0xF1, 0xF3) && cont(b1)) ||
              (b0 == 0xF4 && inRange(b1, 0x80, 0x8F));
  if (four && cont(b2) && cont(b3)) {
    codePoint = (char32_t(b0 & 0x07) << 18) | (char32_t(b1 & 0x3F) << 12) |
                (char32_t(b2 & 0x3F) << 6) | (b3 & 0x3F);
    return 4;
  }
  return 0;
}

} // namespace

DecodedText decodeUtf8(std::string_view text) {
  DecodedText out;
  out.codePoints.reserve(text.size());
  out.byteOffsets.reserve(text.size() + 1);
  out.replaced.reserve(text.size());
  out.lineStarts.push_back(0);
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t codePoint = 0;
    std::size_t length = sequenceLength(text, i, codePoint);
    bool bad = length == 0;
    if (bad) {
      codePoint = kReplacementCharacter;
      length = 1;
      auto offset = static_cast<std::uint32_t>(i);
      if (!out.invalid.empty() && out.invalid.back().offset + out.invalid.back().length == offset)
        ++out.invalid.back().length;
      else
        out.invalid.push_back({offset, 1});
    }
    out.byteOffsets.push_back(static_cast<std::uint32_t>(i));
    out.codePoints.push_back(codePoint);
    out.replaced.push_back(bad);
    if (codePoint == U'\n')
      out.lineStarts.push_back(static_cast<std::uint32_t>(out.codePoints.size()));
    i += length;
  }
  out.byteOffsets.push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

void appendUtf8(std::string &out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

} // namespace xr::syntax
