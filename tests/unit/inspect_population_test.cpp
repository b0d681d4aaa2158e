#include "runtime/compare/population.h"
#include "runtime/compare/population_report.h"
#include "xuncha/ruleset.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace xr::compare {
namespace {

namespace fs = std::filesystem;

const char *kRecord = "record Firm {\n"
                      "  id: text key\n"
                      "  a: int\n"
                      "  b: int\n"
                      "}\n"
                      "domain d \"D\" weight 100%\n";

/// v1 fails A1 below 2; v2 below 3, adds an indicator on b and a row for b.
const std::string kOld = std::string("ruleset \"t\" version 1\n") + kRecord +
                         "indicator A1 in d weight 100% { pass when a >= 2 }\n"
                         "checklist all_firms for true { all }\n"
                         "score total = weighted(checklist)\n"
                         "table tier {\n"
                         "  A1 fails => red\n"
                         "  otherwise => blue\n"
                         "}\n";
const std::string kNew = std::string("ruleset \"t\" version 2\n") + kRecord +
                         "indicator A1 in d weight 50% { pass when a >= 3 }\n"
                         "indicator B1 in d weight 50% { score = 100 / b }\n"
                         "checklist all_firms for true { all }\n"
                         "score total = weighted(checklist)\n"
                         "table tier {\n"
                         "  A1 fails => red\n"
                         "  B1 fails => yellow\n"
                         "  otherwise => blue\n"
                         "}\n";

class InspectPopulation : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("xuncha-population-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string &name, const std::string &text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  std::optional<PopulationComparison> run(const std::string &oldText, const std::string &newText,
                                          const std::string &csv) {
    auto before = xuncha::RuleSet::fromText(write("old.xr", oldText), oldText);
    auto after = xuncha::RuleSet::fromText(write("new.xr", newText), newText);
    EXPECT_TRUE(before.ok() && after.ok());
    if (!before.ok() || !after.ok())
      return std::nullopt;
    xuncha::Evaluator b(before.ruleSet), a(after.ruleSet);
    PopulationOptions options;
    options.dataPath = write("data.csv", csv);
    error_.clear();
    help_.clear();
    return comparePopulation(b, a, options, error_, help_);
  }

  fs::path dir_;
  std::string error_;
  std::vector<std::string> help_;
};

TEST_F(InspectPopulation, TierMatrixDirectionsAndFlips) {
  const auto p = run(kOld, kNew,
                     "id,a,b\n"
                     "f1,5,1\n"   // blue -> blue
                     "f2,2,1\n"   // A1 passes, then fails: blue -> red
                     "f3,1,1\n"   // red -> red
                     "f4,5,200\n" // B1 scores 0.5: blue -> yellow
                     "f5,x,1\n"   // unreadable in both
                     "f6,5,0\n"); // division by zero in the new rule set only
  ASSERT_TRUE(p) << error_;
  EXPECT_EQ(p->records, 6u);
  EXPECT_EQ(p->compared, 4u);
  EXPECT_EQ(p->unreadableBefore, 1u);
  EXPECT_EQ(p->unreadableAfter, 1u);
  EXPECT_EQ(p->errorsBefore, 0u);
  EXPECT_EQ(p->errorsAfter, 1u);
  ASSERT_EQ(p->tiersBefore.size(), 2u);
  ASSERT_EQ(p->tiersAfter.size(), 3u);
  EXPECT_EQ(p->tiersAfter[1].name, "yellow");
  // rows: red, blue; columns: red, yellow, blue
  EXPECT_EQ(p->matrix, (std::vector<std::vector<std::uint64_t>>{{1, 0, 0}, {1, 1, 1}}));
  EXPECT_EQ(p->moreSevere, 2u);
  EXPECT_EQ(p->lessSevere, 0u);
  EXPECT_EQ(p->sameTier, 2u);
  ASSERT_EQ(p->moved.size(), 2u);
  EXPECT_EQ(p->moved[0].key, "f2");
  EXPECT_EQ(p->moved[1].after.tier, "yellow");
  ASSERT_EQ(p->failsInOne.size(), 1u);
  EXPECT_EQ(p->failsInOne[0].key, "f6");
  EXPECT_EQ(p->failsInOne[0].record, 5u);
  EXPECT_EQ(p->failsInOne[0].after.kind, RecordOutcome::Kind::Error);
  EXPECT_NE(p->failsInOne[0].after.detail.find("division by zero"), std::string::npos);
  ASSERT_EQ(p->flips.size(), 1u);
  EXPECT_EQ(p->flips[0].indicator, "A1");
  EXPECT_EQ(p->flips[0].newlyFailing, 1u);
  ASSERT_TRUE(p->meanTotalBefore && p->meanTotalAfter);
  EXPECT_DOUBLE_EQ(*p->meanTotalBefore, 75.0);   // 100, 100, 0, 100
  EXPECT_DOUBLE_EQ(*p->meanTotalAfter, 62.5625); // 100, 50, 50, 50.25

  const nlohmann::ordered_json json = populationJson(*p);
  EXPECT_EQ(json["tier"]["matrix"], nlohmann::json::parse("[[1,0,0],[1,1,1]]"));
  EXPECT_EQ(json["fails_in_one"]["records"][0]["after"]["status"], "error");
  EXPECT_EQ(json["fails_in_one"]["records"][0]["record"], 6);
}

TEST_F(InspectPopulation, EachRuleSetReadsWithItsOwnRecord) {
  // The new rule set needs column c; the file has it, the old rule set ignores it.
  std::string newer = kNew;
  newer.replace(newer.find("  b: int\n"), 9, "  b: int\n  c: int\n");
  newer.replace(newer.find("100 / b"), 7, "100 / b + c");
  const auto p = run(kOld, newer, "id,a,b,c\nf1,5,1,0\nf2,5,1,oops\n");
  ASSERT_TRUE(p) << error_;
  EXPECT_EQ(p->compared, 1u);
  ASSERT_EQ(p->failsInOne.size(), 1u);
  EXPECT_EQ(p->failsInOne[0].after.kind, RecordOutcome::Kind::Unreadable);
  EXPECT_NE(p->failsInOne[0].after.detail.find("column 'c'"), std::string::npos);
}

TEST_F(InspectPopulation, ColumnsThatFitNeitherRecordStopIt) {
  const auto p = run(kOld, kNew, "id,a\nf1,5\n");
  EXPECT_FALSE(p);
  EXPECT_NE(error_.find("cannot be read with the record of the old rule set"), std::string::npos)
      << error_;
  ASSERT_FALSE(help_.empty());
  EXPECT_NE(help_[0].find("'b'"), std::string::npos);
}

} // namespace
} // namespace xr::compare
