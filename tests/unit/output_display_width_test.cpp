// Terminal widths of UTF-8 text: what aligns the report tables.
#include "runtime/output/output.h"

#include <gtest/gtest.h>

namespace xr::output {
namespace {

TEST(OutputDisplayWidth, AsciiIsOneColumnACharacter) {
  EXPECT_EQ(displayWidth(""), 0u);
  EXPECT_EQ(displayWidth("by_region"), 9u);
  EXPECT_EQ(displayWidth("85.0% ✓"), 7u); // the check mark is narrow
}

TEST(OutputDisplayWidth, CjkAndFullWidthAreTwoColumns) {
  EXPECT_EQ(displayWidth("企业数"), 6u);
  EXPECT_EQ(displayWidth("红色等级占比"), 12u);
  EXPECT_EQ(displayWidth("杭州 A"), 6u);
  EXPECT_EQ(displayWidth("（示例）"), 8u);         // full-width parentheses
  EXPECT_EQ(displayWidth("ＡＢ"), 4u);             // full-width Latin
  EXPECT_EQ(displayWidth("한국"), 4u);             // Hangul syllables
  EXPECT_EQ(displayWidth("ひらがな"), 8u);         // kana
  EXPECT_EQ(displayWidth("\xF0\xA0\x80\x80"), 2u); // U+20000, CJK extension B
}

TEST(OutputDisplayWidth, CombiningMarksAndZeroWidthCharactersTakeNoColumn) {
  EXPECT_EQ(displayWidth("e\xCC\x81"), 1u); // e + U+0301 combining acute
  EXPECT_EQ(displayWidth("a\xE2\x80\x8B"
                         "b"),
            2u);                                           // U+200B zero width space
  EXPECT_EQ(displayWidth("\xE3\x81\x8B\xE3\x82\x99"), 2u); // か + U+3099 voicing mark
  EXPECT_EQ(displayWidth("\xEF\xBB\xBFid"), 2u);           // a BOM
}

TEST(OutputDisplayWidth, InvalidBytesCountOneColumnEach) {
  EXPECT_EQ(displayWidth("a\xFF"
                         "b"),
            3u);
  EXPECT_EQ(displayWidth("\xE4\xBC"), 2u);     // a truncated 3-byte sequence
  EXPECT_EQ(displayWidth("\xC0\xAF"), 2u);     // an overlong '/'
  EXPECT_EQ(displayWidth("\xED\xA0\x80"), 3u); // a UTF-16 surrogate
}

} // namespace
} // namespace xr::output
