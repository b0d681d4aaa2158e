// Record fields to input columns: by name, by --map, and every problem found before any record
// is read (with its did-you-mean), and the notes about columns nobody reads.
#include "load_testing.h"

#include <gtest/gtest.h>

namespace xr::load {
namespace {

using testing::enterprise;
using testing::loadText;

std::vector<std::string> messages(const testing::Loaded &loaded) {
  std::vector<std::string> out;
  for (const MappingProblem &p : loaded.problems)
    out.push_back(p.message + " | " + p.help);
  return out;
}

std::string noPath(std::string text, const std::string &path) {
  for (std::size_t at; (at = text.find(path)) != std::string::npos;)
    text.replace(at, path.size(), "FILE");
  return text;
}

TEST(LoadMapping, ColumnsInAnyOrderExtraColumnsIgnored) {
  const ir::Program p = enterprise();
  const testing::TempFile file("checked,extra,ratio,drills,license_expiry,size,id,more\n"
                               "是,x,0.5,3,2025-01-31,sme,e1,y\n");
  const auto loaded = testing::loadFile(p, file.path());
  EXPECT_TRUE(loaded.problems.empty()) << ::testing::PrintToString(messages(loaded));
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e1|sme|2025-01-31|3|0.5|true|-|-"}));
  std::vector<std::string> notes;
  for (const std::string &n : loaded.notes)
    notes.push_back(noPath(n, file.path()));
  EXPECT_EQ(notes, (std::vector<std::string>{
                       "field revenue (number?) has no column 'revenue' in FILE: it is missing in "
                       "every record",
                       "field note (text?) has no column 'note' in FILE: it is missing in every "
                       "record",
                       "2 columns of FILE no field reads are ignored: 'extra', 'more'"}));
}

TEST(LoadMapping, MissingRequiredColumnWithDidYouMean) {
  const ir::Program p = enterprise();
  const testing::TempFile file("id,size,licence_expiry,drills,ratio,checked\n"
                               "e1,sme,2025-01-31,3,0.5,true\n");
  const auto loaded = testing::loadFile(p, file.path());
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_EQ(noPath(loaded.problems[0].message, file.path()),
            "column 'license_expiry' (field license_expiry: date) is missing in FILE");
  EXPECT_EQ(loaded.problems[0].help,
            "did you mean 'licence_expiry'? to read field license_expiry from it, use --map "
            "license_expiry=licence_expiry");
  EXPECT_TRUE(loaded.rows.empty()) << "nothing is read";
}

TEST(LoadMapping, MissingColumnWithoutSuggestionListsTheColumns) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(p, "id,size,license_expiry,ratio,checked\n");
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_NE(loaded.problems[0].message.find("column 'drills' (field drills: int) is missing"),
            std::string::npos);
  EXPECT_NE(loaded.problems[0].help.find("are: 'id', 'size', 'license_expiry', 'ratio', "
                                         "'checked'; add the column, or use --map "
                                         "drills=<column> if it has another name"),
            std::string::npos)
      << loaded.problems[0].help;
}

TEST(LoadMapping, MapRenamesColumns) {
  const ir::Program p = enterprise();
  InputOptions options;
  options.columnOfField = {{"id", "企业编号"}, {"size", "规模"}, {"revenue", "营业收入"}};
  const auto loaded = loadText(p,
                               "企业编号,规模,license_expiry,drills,ratio,checked,营业收入,id\n"
                               "e1,规模以上,2025-01-31,3,0.5,1,100,ignored\n",
                               options);
  EXPECT_TRUE(loaded.problems.empty()) << ::testing::PrintToString(messages(loaded));
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e1|above_scale|2025-01-31|3|0.5|true|100|-"}));
}

TEST(LoadMapping, MapProblems) {
  const ir::Program p = enterprise();
  InputOptions options;
  options.columnOfField = {{"licence_expiry", "x"}, {"id", "编号"}, {"id", "编码"}, {"size", ""},
                           {"note", "备注"},        {"zzz", "y"}};
  const auto loaded = loadText(p, "编号,size,license_expiry,drills,ratio,checked,备 注\n", options);
  const auto all = messages(loaded);
  ASSERT_EQ(all.size(), 5u) << ::testing::PrintToString(all);
  EXPECT_EQ(all[0], "--map licence_expiry=x names no field of the record | did you mean "
                    "'license_expiry'?");
  EXPECT_EQ(all[1], "--map gives field id twice (编号 and 编码) | keep the one that names the "
                    "right column");
  EXPECT_EQ(all[2], "--map size= names no column | write --map size=<column>");
  EXPECT_EQ(all[3].substr(0, all[3].find(" | ")), "--map zzz=y names no field of the record");
  EXPECT_NE(all[3].find("the record's fields are: id, size, license_expiry"), std::string::npos);
  EXPECT_NE(all[4].find("--map note=备注: "), std::string::npos) << all[4];
  EXPECT_NE(all[4].find("has no column '备注' | did you mean '备 注'? to read field note from it, "
                        "use --map note=备 注"),
            std::string::npos)
      << all[4];
}

TEST(LoadMapping, DuplicateHeaderNames) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(p, "id,size,license_expiry,drills,ratio,checked,drills,x,x\n");
  ASSERT_EQ(loaded.problems.size(), 1u) << ::testing::PrintToString(messages(loaded));
  EXPECT_NE(loaded.problems[0].message.find("column 'drills' appears 2 times in the header of"),
            std::string::npos);
  EXPECT_NE(loaded.problems[0].message.find("(columns 4 and 7): field drills cannot tell which "
                                            "to read"),
            std::string::npos);
  EXPECT_EQ(loaded.problems[0].help, "rename all but one of them, or use --map drills=<column>");
}

TEST(LoadMapping, DuplicateNamesNoFieldReadsAreIgnored) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(p, "id,size,license_expiry,drills,ratio,checked,,\n"
                                  "e1,sme,2025-01-31,3,0.5,true,,\n");
  EXPECT_TRUE(loaded.problems.empty());
  EXPECT_EQ(loaded.rows.size(), 1u);
  EXPECT_NE(loaded.notes.back().find("2 columns of"), std::string::npos);
}

TEST(LoadMapping, TwoFieldsOneColumn) {
  const ir::Program p = enterprise();
  InputOptions options;
  options.columnOfField = {{"note", "id"}};
  const auto loaded = loadText(p, "id,size,license_expiry,drills,ratio,checked\n", options);
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_NE(loaded.problems[0].message.find("fields id and note both read column 'id' of"),
            std::string::npos);

  InputOptions json = testing::jsonLines();
  json.columnOfField = {{"note", "id"}};
  const auto jsonLoaded = loadText(p, "", json);
  EXPECT_EQ(messages(jsonLoaded),
            (std::vector<std::string>{"fields id and note both read the key 'id' | use --map to "
                                      "give each field its own key"}));
}

TEST(LoadMapping, AnOptionalFieldMappedToAMissingColumnIsAProblem) {
  const ir::Program p = enterprise();
  InputOptions options;
  options.columnOfField = {{"revenue", "营业收入"}};
  const auto loaded = loadText(p, "id,size,license_expiry,drills,ratio,checked\n", options);
  ASSERT_EQ(loaded.problems.size(), 1u) << "--map promised the column";
}

} // namespace
} // namespace xr::load
