#pragma once
// The file's text as the lexer reads it: Unicode code points, each with the byte offset it
// came from. ANTLR counts positions in code points; diagnostics and the AST use byte offsets,
// so every position leaving the lexer goes through this table.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xr::syntax {

/// One stretch of bytes that are not valid UTF-8.
struct InvalidUtf8Run {
  std::uint32_t offset = 0; // byte offset of the first bad byte
  std::uint32_t length = 0; // number of bad bytes in a row
};

struct DecodedText {
  std::u32string codePoints;              // each invalid byte became one U+FFFD
  std::vector<std::uint32_t> byteOffsets; // byteOffsets[i] = byte offset of code point i;
                                          // one more entry: the text size
  std::vector<std::uint32_t> lineStarts;  // code point index of each '\n'-separated line,
                                          // the way ANTLR counts lines
  std::vector<InvalidUtf8Run> invalid;
  std::vector<bool> replaced; // replaced[i]: code point i stands for a bad byte

  std::uint32_t byteOffset(std::size_t codePoint) const {
    return byteOffsets[codePoint < byteOffsets.size() ? codePoint : byteOffsets.size() - 1];
  }
};

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

/// Decodes strictly (no overlong forms, no surrogates, nothing above U+10FFFF).
DecodedText decodeUtf8(std::string_view text);

/// Appends the UTF-8 form of a code point.
void appendUtf8(std::string &out, char32_t codePoint);

} // namespace xr::syntax
