// Byte offsets <-> LSP positions in each encoding: Chinese text, characters outside the BMP
// (a surrogate pair in UTF-16), every line end, and out-of-range input.
#include "lsp/protocol/position_encoding.h"

#include <gtest/gtest.h>

using xr::lsp::negotiateEncoding;
using xr::lsp::Position;
using xr::lsp::PositionConverter;
using xr::lsp::PositionEncoding;

namespace {

// "检查" is 2 characters, 6 bytes; "😀" (U+1F600) 4 bytes, 2 UTF-16 units, 1 UTF-32 unit.
const std::string kText = "a检查b\n😀x\r\ny\rz";
// Byte offsets: a=0 检=1 查=4 b=7 \n=8 | 😀=9 x=13 \r=14 \n=15 | y=16 \r=17 | z=18, end 19.

TEST(LspPositionEncoding, Utf16CountsChineseAsOneUnitAndAstralAsTwo) {
  PositionConverter c(kText, PositionEncoding::Utf16);
  EXPECT_EQ(c.position(7), (Position{0, 3}));  // b
  EXPECT_EQ(c.position(13), (Position{1, 2})); // x after the surrogate pair
  EXPECT_EQ(c.offset({0, 3}), 7u);
  EXPECT_EQ(c.offset({1, 2}), 13u);
}

TEST(LspPositionEncoding, Utf8CountsBytes) {
  PositionConverter c(kText, PositionEncoding::Utf8);
  EXPECT_EQ(c.position(7), (Position{0, 7}));
  EXPECT_EQ(c.position(13), (Position{1, 4}));
  EXPECT_EQ(c.offset({0, 7}), 7u);
  EXPECT_EQ(c.offset({1, 4}), 13u);
}

TEST(LspPositionEncoding, Utf32CountsCodePoints) {
  PositionConverter c(kText, PositionEncoding::Utf32);
  EXPECT_EQ(c.position(7), (Position{0, 3}));
  EXPECT_EQ(c.position(13), (Position{1, 1}));
  EXPECT_EQ(c.offset({1, 1}), 13u);
}

TEST(LspPositionEncoding, RoundTripsEveryCharacterStartInEveryEncoding) {
  for (PositionEncoding e :
       {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    PositionConverter c(kText, e);
    for (std::uint32_t offset : {0u, 1u, 4u, 7u, 8u, 9u, 13u, 14u, 16u, 17u, 18u, 19u})
      EXPECT_EQ(c.offset(c.position(offset)), offset) << offset << " in " << encodingName(e);
  }
}

TEST(LspPositionEncoding, LineEndsLfCrlfAndCr) {
  PositionConverter c(kText, PositionEncoding::Utf16);
  EXPECT_EQ(c.lineCount(), 4u);
  EXPECT_EQ(c.position(9), (Position{1, 0}));
  EXPECT_EQ(c.position(16), (Position{2, 0}));
  EXPECT_EQ(c.position(18), (Position{3, 0}));
  EXPECT_EQ(c.offset({2, 0}), 16u);
  EXPECT_EQ(c.offset({3, 1}), 19u);
  // Between \r and \n of a CRLF is still the end of line 1.
  EXPECT_EQ(c.position(15), (Position{1, 3}));
  EXPECT_EQ(c.lineEnd(1), 14u);
}

TEST(LspPositionEncoding, OutOfRangeClamps) {
  PositionConverter c(kText, PositionEncoding::Utf16);
  EXPECT_EQ(c.offset({0, 999}), 8u);  // the end of line 0, before its \n
  EXPECT_EQ(c.offset({1, 999}), 14u); // before \r\n
  EXPECT_EQ(c.offset({99, 0}), 19u);  // past the last line: the end
  EXPECT_EQ(c.offset({UINT32_MAX, UINT32_MAX}), 19u);
  EXPECT_EQ(c.position(1000), (Position{3, 1}));
}

TEST(LspPositionEncoding, InsideACharacterMovesToItsStart) {
  PositionConverter utf16(kText, PositionEncoding::Utf16);
  EXPECT_EQ(utf16.offset({1, 1}), 9u); // between the two halves of the surrogate pair
  PositionConverter utf8(kText, PositionEncoding::Utf8);
  EXPECT_EQ(utf8.offset({0, 2}), 1u); // the second byte of 检
  EXPECT_EQ(utf8.position(2), (Position{0, 1}));
  EXPECT_EQ(utf16.position(11), (Position{1, 0}));
}

TEST(LspPositionEncoding, InvalidUtf8BytesCountOneUnitEach) {
  const std::string text = "a\xff\xfe"
                           "b";
  PositionConverter c(text, PositionEncoding::Utf16);
  EXPECT_EQ(c.position(3), (Position{0, 3}));
  EXPECT_EQ(c.offset({0, 3}), 3u);
  const std::string truncated = "\xe6\xa3"; // two bytes of a three-byte sequence
  PositionConverter t(truncated, PositionEncoding::Utf16);
  EXPECT_EQ(t.position(2), (Position{0, 2}));
}

TEST(LspPositionEncoding, EmptyText) {
  PositionConverter c("", PositionEncoding::Utf16);
  EXPECT_EQ(c.position(5), (Position{0, 0}));
  EXPECT_EQ(c.offset({3, 3}), 0u);
}

TEST(LspPositionEncoding, NegotiationPrefersUtf8ThenUtf32AndDefaultsToUtf16) {
  using nlohmann::json;
  EXPECT_EQ(negotiateEncoding(json::object()), PositionEncoding::Utf16);
  EXPECT_EQ(negotiateEncoding(json{{"general", {{"positionEncodings", {"utf-16"}}}}}),
            PositionEncoding::Utf16);
  EXPECT_EQ(negotiateEncoding(json{{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}}),
            PositionEncoding::Utf8);
  EXPECT_EQ(negotiateEncoding(json{{"general", {{"positionEncodings", {"utf-32", "utf-16"}}}}}),
            PositionEncoding::Utf32);
  EXPECT_EQ(negotiateEncoding(json{{"general", {{"positionEncodings", "utf-8"}}}}),
            PositionEncoding::Utf16); // not an array: ignored
  EXPECT_EQ(negotiateEncoding(json("nonsense")), PositionEncoding::Utf16);
}

} // namespace
