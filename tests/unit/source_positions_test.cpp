#include "compiler/source/source.h"

#include <gtest/gtest.h>

namespace {

using xr::LineColumn;
using xr::SourceFile;

TEST(SourcePositions, ColumnsCountCodePointsOnChineseLines) {
  SourceFile file(0, "a.xr", "indicator C1 \"资质证照\" in x\n");
  const auto offset = static_cast<std::uint32_t>(file.text().find("in x"));
  LineColumn lc = file.position(offset);
  EXPECT_EQ(lc.line, 1u);
  EXPECT_EQ(lc.column, 21u); // 13 ASCII + quote + 4 characters + quote + space, then `in`
  EXPECT_EQ(file.offset(lc), offset);
}

TEST(SourcePositions, LineEndsLfCrlfAndCr) {
  SourceFile file(0, "a.xr", "one\r\ntwo\rthree\nfour");
  EXPECT_EQ(file.lineCount(), 4u);
  EXPECT_EQ(file.line(1), "one");
  EXPECT_EQ(file.line(2), "two");
  EXPECT_EQ(file.line(3), "three");
  EXPECT_EQ(file.line(4), "four");
  EXPECT_EQ(file.position(static_cast<std::uint32_t>(file.text().find("three"))).line, 3u);
  EXPECT_EQ(file.position(static_cast<std::uint32_t>(file.text().find("four"))).line, 4u);
}

TEST(SourcePositions, InvalidBytesCountOneColumnEach) {
  EXPECT_EQ(xr::codePointCount("a\x80\x80z"), 4u);        // two stray continuation bytes
  EXPECT_EQ(xr::codePointCount("\xE4\xB8"), 2u);          // a truncated sequence
  EXPECT_EQ(xr::codePointCount("中\xF0\x9F\x98\x80"), 2u); // U+4E2D and U+1F600
  SourceFile file(0, "a.xr", "\x80x");
  EXPECT_EQ(file.position(1).column, 2u);
  EXPECT_EQ(file.offset({1, 2}), 1u);
}

TEST(SourcePositions, OffsetsAreClampedToTheText) {
  SourceFile file(0, "a.xr", "ab\ncd");
  EXPECT_EQ(file.position(100).line, 2u);
  EXPECT_EQ(file.offset({9, 1}), 5u);
  EXPECT_EQ(file.offset({1, 99}), 2u);
  EXPECT_EQ(xr::cover({0, 3, 5}, {0, 1, 4}), (xr::SourceRange{0, 1, 5}));
}

} // namespace
