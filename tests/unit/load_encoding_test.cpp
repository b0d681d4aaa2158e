// Input encodings: gb18030 (and its gbk/gb2312 names) decoded to UTF-8 as the file is read,
// bytes it cannot decode reported on their record and column, and UTF-8 input that is not.
#include "load_testing.h"

#include <gtest/gtest.h>

#include <iconv.h>

namespace xr::load {
namespace {

using testing::enterprise;
using testing::loadText;

/// `utf8` in gb18030, converted by iconv (the tests' own conversion, not the loader's).
std::string toGb18030(const std::string &utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 8, '\0');
  char *in = const_cast<char *>(utf8.data());
  std::size_t inLeft = utf8.size();
  char *o = out.data();
  std::size_t outLeft = out.size();
  EXPECT_NE(iconv(cd, &in, &inLeft, &o, &outLeft), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - outLeft);
  return out;
}

InputOptions gb18030(std::string name = "gb18030") {
  InputOptions o;
  o.encoding = std::move(name);
  return o;
}

TEST(LoadEncoding, Gb18030IsDecoded) {
  const ir::Program p = enterprise();
  // "编号,规模,..." and "规模以上", "是", "北京" as gb18030 bytes, written out.
  const std::string text = "\xB1\xE0\xBA\xC5,\xB9\xE6\xC4\xA3,license_expiry,drills,ratio,"
                           "checked,note\n"
                           "e1,\xB9\xE6\xC4\xA3\xD2\xD4\xC9\xCF,2025-01-31,3,0.5,\xCA\xC7,"
                           "\xB1\xB1\xBE\xA9\n";
  InputOptions options = gb18030();
  options.columnOfField = {{"id", "编号"}, {"size", "规模"}};
  const auto loaded = loadText(p, text, options);
  EXPECT_EQ(loaded.openError, "");
  EXPECT_EQ(loaded.columns.front(), "编号");
  EXPECT_TRUE(loaded.problems.empty());
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e1|above_scale|2025-01-31|3|0.5|true|-|北京"}));
}

TEST(LoadEncoding, GbkAndGb2312AreReadAsGb18030) {
  const ir::Program p = enterprise();
  const std::string text = std::string(testing::kEnterpriseHeader) +
                           toGb18030("e1,中小企业,2025-01-31,3,0.5,否,,𠀀 企业\n");
  for (const char *name : {"gbk", "GB2312", "Gb18030"}) {
    const auto loaded = loadText(p, text, gb18030(name));
    EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e1|sme|2025-01-31|3|0.5|false|-|𠀀 企业"}))
        << name;
  }
}

TEST(LoadEncoding, UndecodableBytesAreReportedOnTheirRecordAndColumn) {
  const ir::Program p = enterprise();
  const std::string text =
      std::string(testing::kEnterpriseHeader) + toGb18030("e1,sme,2025-01-31,3,0.5,true,,北京") +
      "\x80\n" + toGb18030("e2,sme,2025-01-31,3,0.5,true,,好\n") +
      "e3,sme,2025-01-31,3\xFF,0.5,true,,\n" + "e4,sme,2025-01-31,3,0.5,true,,\xB1\x20\n" +
      toGb18030("e5,sme,2025-01-31,3,0.5,true,,末") + "\xB1";
  const auto loaded = loadText(p, text, gb18030());
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e2|sme|2025-01-31|3|0.5|true|-|好"}));
  EXPECT_EQ(loaded.errorLines(),
            (std::vector<std::string>{
                "record 0 line 2 [note] not valid gb18030: byte 0x80 at position 7 could not be "
                "decoded, got '北京\\x80'",
                "record 2 line 4 [drills] not valid gb18030: byte 0xFF at position 2 could not "
                "be decoded, got '3\\xFF'",
                "record 3 line 5 [note] not valid gb18030: byte 0xB1 at position 1 could not be "
                "decoded, got '\\xB1 '",
                "record 4 line 6 [note] not valid gb18030: byte 0xB1 at position 4 could not be "
                "decoded, got '末\\xB1'"}));
}

TEST(LoadEncoding, Gb18030JsonLines) {
  const ir::Program p = enterprise();
  InputOptions options = gb18030();
  options.format = InputFormat::JsonLines;
  const std::string good = "\"id\":\"e\",\"license_expiry\":\"2025-01-31\",\"drills\":3,"
                           "\"ratio\":0.5,\"checked\":true,";
  const std::string text = toGb18030("{" + good + "\"size\":\"规模以上\",\"note\":\"北京\"}\n") +
                           toGb18030("{" + good + "\"size\":\"sme\",\"note\":\"北") + "\x80\"}\n";
  const auto loaded = loadText(p, text, options);
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e|above_scale|2025-01-31|3|0.5|true|-|北京"}));
  EXPECT_EQ(loaded.errorLines(),
            (std::vector<std::string>{"record 1 line 2 [note] not valid gb18030: byte 0x80 at "
                                      "position 4 could not be decoded, got '北\\x80'"}));
}

TEST(LoadEncoding, Gb18030ByteOrderMarkIsSkipped) {
  const ir::Program p = enterprise();
  const std::string text = "\x84\x31\x95\x33" + std::string(testing::kEnterpriseHeader) +
                           "e1,sme,2025-01-31,3,0.5,true,,\n";
  const auto loaded = loadText(p, text, gb18030());
  EXPECT_EQ(loaded.columns.front(), "id");
  EXPECT_EQ(loaded.rows.size(), 1u);
}

TEST(LoadEncoding, Gb18030ReadAsUtf8SaysWhatToDo) {
  const ir::Program p = enterprise();
  const testing::TempFile file(toGb18030("编号,规模\n"));
  const auto loaded = testing::loadFile(p, file.path());
  EXPECT_EQ(loaded.openError, "the header of " + file.path() +
                                  " is not valid utf-8 (byte 0xB1 at position 1); a file saved "
                                  "as gb18030 or gbk is read with --encoding gb18030");
}

TEST(LoadEncoding, UnknownEncoding) {
  const ir::Program p = enterprise();
  const testing::TempFile file(testing::kEnterpriseHeader);
  const auto loaded = testing::loadFile(p, file.path(), gb18030("latin1"));
  EXPECT_EQ(loaded.openError, "cannot read " + file.path() +
                                  ": unknown encoding 'latin1' (use utf-8, or gb18030 for "
                                  "gb18030, gbk and gb2312 files)");
}

/// Rows of two-byte characters over several read blocks: wherever a block ends inside a
/// character, the character is decoded whole.
TEST(LoadEncoding, CharactersCutByReadBlocks) {
  const ir::Program p = enterprise();
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::string padding;
  std::string text;
  std::vector<std::string> expected;
  for (int attempt = 0; attempt < 2; ++attempt) {
    text = testing::kEnterpriseHeader;
    expected.clear();
    for (int i = 0; text.size() < 2 * kBlock + 5000; ++i) {
      const std::string note = (i == 0 ? padding : "") + "北京市朝阳区" + std::to_string(i);
      text +=
          toGb18030(fmt::format("e{},规模以上,2025-01-31,{},0.5,是,,\"{}\n第二行\"\n", i, i, note));
      expected.push_back(
          fmt::format("e{}|above_scale|2025-01-31|{}|0.5|true|-|{}\n第二行", i, i, note));
    }
    // Is the first block's last byte the first of a two-byte character?
    std::size_t at = 0;
    while (at < kBlock - 1)
      at += static_cast<unsigned char>(text[at]) < 0x80 ? 1 : 2;
    if (at == kBlock - 1)
      break;
    padding = "x"; // shift everything by one byte
  }
  text += "e_last,sme,2025-01-31,3,0.5,true,,\x80\n";
  const auto loaded = loadText(p, text, gb18030(), 100000);
  EXPECT_GT(loaded.chunks, 20u);
  ASSERT_EQ(loaded.rows.size(), expected.size());
  EXPECT_EQ(loaded.rows, expected);
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_EQ(loaded.errors[0].line, 2 + 2 * expected.size()) << "two lines per record before it";
  EXPECT_EQ(loaded.errors[0].record, expected.size());
}

} // namespace
} // namespace xr::load
