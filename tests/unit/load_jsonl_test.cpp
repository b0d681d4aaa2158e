// JSON Lines input: one object per line, JSON types checked against the record's, every bad
// line reported with its line, key and reason.
#include "load_testing.h"

#include <gtest/gtest.h>

namespace xr::load {
namespace {

using testing::enterprise;
using testing::jsonLines;
using testing::loadText;

TEST(LoadJsonLines, ReadsJsonTypesAndStrings) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(
      p,
      "{\"id\":\"e1\",\"size\":\"sme\",\"license_expiry\":\"2025-01-31\",\"drills\":3,"
      "\"ratio\":0.5,\"checked\":true,\"revenue\":1200,\"note\":\"北京\"}\n"
      "{\"note\":null,\"checked\":\"否\",\"ratio\":\"85%\",\"drills\":\"-4\","
      "\"license_expiry\":\"2024-02-29\",\"size\":\"规模以上\",\"id\":\"e2\",\"extra\":[1,{}]}\n"
      "  {\"id\":\"e3\",\"size\":\"sme\",\"license_expiry\":\"2025-01-31\",\"drills\":0,"
      "\"ratio\":1e3,\"checked\":1,\"revenue\":-2.5}  \r\n",
      jsonLines());
  EXPECT_EQ(loaded.openError, "");
  EXPECT_TRUE(loaded.problems.empty());
  ASSERT_EQ(loaded.rows.size(), 3u) << ::testing::PrintToString(loaded.errorLines());
  EXPECT_EQ(loaded.rows[0], "e1|sme|2025-01-31|3|0.5|true|1200|北京");
  EXPECT_EQ(loaded.rows[1], "e2|above_scale|2024-02-29|-4|0.85|false|-|-");
  EXPECT_EQ(loaded.rows[2], "e3|sme|2025-01-31|0|1000|true|-2.5|-");
}

const std::string good = "\"id\":\"e\",\"size\":\"sme\",\"license_expiry\":\"2025-01-31\","
                         "\"drills\":3,\"ratio\":0.5,\"checked\":true";

/// One object per bad case, with the good fields around the bad one.
std::string object(const std::string &extra) { return "{" + good + "," + extra + "}\n"; }

TEST(LoadJsonLines, EveryBadLineIsReportedWithLineKeyAndReason) {
  const ir::Program p = enterprise();
  const std::string noDrills = "{\"id\":\"e\",\"size\":\"sme\",\"license_expiry\":\"2025-01-31\","
                               "\"ratio\":0.5,\"checked\":true}\n";
  const std::string text = object("\"note\":\"ok\"") +               // 1
                           "{\"id\":\"e\",\"drills\":1.5}\n" +       // 2
                           "\n" +                                    // 3
                           "{\"drills\":99999999999999999999}\n" +   // 4
                           "{\"drills\":9223372036854775808}\n" +    // 5
                           "{\"license_expiry\":\"2024-02-30\"}\n" + // 6
                           "{\"license_expiry\":20240630}\n" +       // 7
                           "{\"size\":\"大型\"}\n" +                 // 8
                           "{\"checked\":\"yes\"}\n" +               // 9
                           "{\"checked\":2}\n" +                     // 10
                           "{\"ratio\":\"abc\"}\n" +                 // 11
                           "{\"ratio\":true}\n" +                    // 12
                           "{\"id\":{\"a\":1}}\n" +                  // 13
                           "{\"note\":[\"a\"]}\n" +                  // 14
                           "{\"id\":null}\n" +                       // 15
                           noDrills +                                // 16
                           "[1,2]\n" +                               // 17
                           "\"text\"\n" +                            // 18
                           "{\"id\":\"e\",\n" +                      // 19
                           "{\"id\":\"a\"} x\n" +                    // 20
                           "{\"id\":\"a\",\"id\":\"b\"}\n" +         // 21
                           "{\"note\":\"a\xFF"
                           "b\"}\n" +                                             // 22
                           "{\"id\":\"\"}\n" +                                    // 23
                           "{\"id\":5}\n" +                                       // 24
                           object("\"revenue\":null,\"unknown\":{\"deep\":[1]}"); // 25
  const auto loaded = loadText(p, text, jsonLines());
  // Each bad line holds only its bad key: the good keys come after it where order matters.
  const std::vector<std::string> expected = {
      "record 1 line 2 [drills] expected a whole number like 42, got '1.5' (not a whole number)",
      "record 2 line 4 [drills] expected a whole number like 42, got '99999999999999999999' "
      "(beyond the range of whole numbers, ±9223372036854775807)",
      "record 3 line 5 [drills] expected a whole number like 42, got '9223372036854775808' "
      "(beyond the range of whole numbers, ±9223372036854775807)",
      "record 4 line 6 [license_expiry] expected a date like 2024-06-30, got '2024-02-30' "
      "(2024-02 has 29 days)",
      "record 5 line 7 [license_expiry] expected a date like 2024-06-30, got the number "
      "20240630 (write it as a json string)",
      "record 6 line 8 [size] expected one of above_scale (规模以上), sme (中小企业), got '大型'",
      "record 7 line 9 [checked] expected true/false, 1/0 or 是/否, got 'yes'",
      "record 8 line 10 [checked] expected true/false, 1/0 or 是/否, got the number 2",
      "record 9 line 11 [ratio] expected a number like 3.5, -0.25, 1e6 or 85%, got 'abc'",
      "record 10 line 12 [ratio] expected a number like 3.5, -0.25, 1e6 or 85%, got true",
      "record 11 line 13 [id] expected text, got an object",
      "record 12 line 14 [note] expected text, got an array",
      "record 13 line 15 [id] expected text, got null (field id is not optional)",
      "record 14 line 16 [drills] expected a whole number like 42, got no key 'drills' (field "
      "drills is not optional)",
      "record 15 line 17 [] expected a json object on each line, got an array",
      "record 16 line 18 [] expected a json object on each line, got a string",
      "record 17 line 19 [] not valid json at character 12: syntax error while parsing object "
      "key - unexpected end of input; expected string literal",
      "record 18 line 20 [] not valid json at character 12: syntax error while parsing value - "
      "invalid literal; last read: '\"a\"} x'; expected end of input",
      "record 19 line 21 [id] the key 'id' appears twice in the object",
      "record 20 line 22 [note] not valid utf-8: byte 0xFF at position 2, got 'a\\xFFb' (a file "
      "saved as gb18030 or gbk is read with --encoding gb18030)",
      "record 21 line 23 [id] expected text, got an empty string (field id is not optional)",
      "record 22 line 24 [id] expected text, got the number 5 (write it as a json string)",
  };
  std::vector<std::string> actual = loaded.errorLines();
  EXPECT_EQ(actual, expected);
  for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i)
    EXPECT_EQ(actual[i], expected[i]);
  EXPECT_EQ(loaded.records, (std::vector<std::uint64_t>{0, 23}));
  EXPECT_EQ(loaded.rows.size() + loaded.errors.size(), 24u) << "rows in = rows + errors";
}

TEST(LoadJsonLines, EveryChunkSizeGivesTheSameResult) {
  const ir::Program p = enterprise();
  const std::string text = object("\"note\":\"a\"") + "\n   \n" + "{\"drills\":1.5}\n" +
                           object("\"revenue\":7") + "\r\n" + object("\"note\":\"end\"");
  const testing::TempFile file(text, ".jsonl");
  const auto whole = testing::loadFile(p, file.path(), jsonLines());
  EXPECT_EQ(whole.rows.size(), 3u);
  EXPECT_EQ(whole.errorLines(),
            (std::vector<std::string>{"record 1 line 4 [drills] expected a whole number like 42, "
                                      "got '1.5' (not a whole number)"}));
  for (std::size_t target = 1; target <= text.size(); ++target)
    EXPECT_EQ(testing::loadFile(p, file.path(), jsonLines(), target).all(), whole.all())
        << "target " << target;
}

TEST(LoadJsonLines, KeysFollowMap) {
  const ir::Program p = enterprise();
  InputOptions options = jsonLines();
  options.columnOfField = {{"id", "企业编号"}, {"note", "备注"}};
  const auto loaded =
      loadText(p,
               "{\"企业编号\":\"e1\",\"size\":\"sme\",\"license_expiry\":\"2025-01-31\","
               "\"drills\":3,\"ratio\":0.5,\"checked\":true,\"备注\":\"x\",\"id\":\"ignored\"}\n"
               "{\"size\":\"sme\",\"license_expiry\":\"2025-01-31\",\"drills\":3,\"ratio\":0.5,"
               "\"checked\":true,\"id\":\"e2\"}\n",
               options);
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e1|sme|2025-01-31|3|0.5|true|-|x"}));
  EXPECT_EQ(loaded.errorLines(),
            (std::vector<std::string>{"record 1 line 2 [企业编号] expected text, got no key "
                                      "'企业编号' (field id is not optional)"}));
}

} // namespace
} // namespace xr::load
