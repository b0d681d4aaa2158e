// compiler/query: prepareRename and rename plans, refusals with reasons.
#include "compiler/query/rename.h"

#include "query_testing.h"

namespace xr::testing {
namespace {

TEST(QueryRename, PrepareGivesRangeAndPlaceholder) {
  auto c = compileQueryFiles();
  auto target = query::prepareRename(*c, 0, offsetOf(kQueryUpdate, "tier", 1, 2));
  ASSERT_TRUE(target.ok()) << target.error;
  EXPECT_EQ(target.placeholder, "tier");
  EXPECT_EQ(target.range.begin, offsetOf(kQueryUpdate, "tier"));
}

TEST(QueryRename, PrepareRefusesBuiltinsAndEmptySpace) {
  auto c = compileQueryFiles();
  FileId base = query::fileNamed(*c, "base.xr");
  auto builtin = query::prepareRename(*c, base, offsetOf(kQueryBase, "weighted", 1, 1));
  EXPECT_FALSE(builtin.ok());
  auto nothing = query::prepareRename(*c, 0, offsetOf(kQueryUpdate, "ruleset", 1, 2));
  EXPECT_FALSE(nothing.ok());
  EXPECT_EQ(nothing.error, "there is no name here that can be renamed");
}

TEST(QueryRename, RenamesAcrossFilesIncludingOverrides) {
  auto c = compileQueryFiles();
  FileId base = query::fileNamed(*c, "base.xr");
  auto plan = query::planRename(*c, 0, offsetOf(kQueryUpdate, "C1 fails"), "资质");
  ASSERT_TRUE(plan.ok()) << plan.error;
  ASSERT_EQ(plan.edits.size(), 4u);
  EXPECT_EQ(plan.edits[0].range.file, 0u);
  EXPECT_EQ(plan.edits[3].range.file, base);
  for (const TextEdit &e : plan.edits)
    EXPECT_EQ(e.newText, "资质");
}

TEST(QueryRename, RenamesEnumMembersAndLets) {
  auto c = compileQueryFiles();
  FileId base = query::fileNamed(*c, "base.xr");
  auto member = query::planRename(*c, 0, offsetOf(kQueryUpdate, "red"), "high");
  ASSERT_TRUE(member.ok()) << member.error;
  EXPECT_EQ(member.edits.size(), 2u); // the table row and the rule
  auto let = query::planRename(*c, base, offsetOf(kQueryBase, "ratio >"), "r");
  ASSERT_TRUE(let.ok()) << let.error;
  EXPECT_EQ(let.edits.size(), 2u);
}

TEST(QueryRename, RefusesInvalidNamesAndKeywords) {
  auto c = compileQueryFiles();
  auto bad = query::planRename(*c, 0, offsetOf(kQueryUpdate, "tier"), "1tier");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.error.find("not a valid name"), std::string::npos) << bad.error;
  auto keyword = query::planRename(*c, 0, offsetOf(kQueryUpdate, "tier"), "when");
  EXPECT_NE(keyword.error.find("'when' is a keyword"), std::string::npos) << keyword.error;
  EXPECT_FALSE(query::planRename(*c, 0, offsetOf(kQueryUpdate, "tier"), "a b").ok());
}

TEST(QueryRename, RefusesAClashAndSaysWithWhat) {
  auto c = compileQueryFiles();
  auto clash = query::planRename(*c, 0, offsetOf(kQueryUpdate, "tier"), "total");
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error, "cannot rename table tier to total: the name is already taken by score "
                         "total (base.xr:24:7)");
  auto member = query::planRename(*c, 0, offsetOf(kQueryUpdate, "red"), "blue");
  EXPECT_NE(member.error.find("member blue of enum tier"), std::string::npos) << member.error;
  // A global renamed to the name of a let would be hidden inside that indicator.
  auto hidden = query::planRename(*c, 0, offsetOf(kQueryUpdate, "tier"), "ratio");
  EXPECT_NE(hidden.error.find("let ratio of indicator C2"), std::string::npos) << hidden.error;
}

} // namespace
} // namespace xr::testing
