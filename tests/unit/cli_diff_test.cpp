#include "cli/commands.h"
#include "tests/unit/cli_testing.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

std::string ruleSet(const std::string &version, const std::string &weightA,
                    const std::string &weightB) {
  return "ruleset \"Firms\" version " + version +
         "\n"
         "record Firm {\n"
         "  id: text key\n"
         "  a: int\n"
         "}\n"
         "domain d \"D\" weight 100%\n"
         "indicator A1 \"first\" in d weight " +
         weightA +
         " { pass when a > 1 }\n"
         "indicator A2 \"second\" in d weight " +
         weightB +
         " { pass when a > 2 }\n"
         "checklist all_firms for true { all }\n"
         "score total = weighted(checklist)\n"
         "table tier {\n"
         "  total < 50 => red\n"
         "  otherwise => blue\n"
         "}\n";
}

class CliDiff : public testing::CommandTest {
protected:
  CliDiff() : CommandTest(diffCommand(), "diff", testing::UsageErrors::Report) {}
  void SetUp() override {
    old_ = write("old.xr", ruleSet("1", "50%", "50%"));
    new_ = write("new.xr", ruleSet("2", "20%", "80%"));
  }

  std::string old_, new_;
};

TEST_F(CliDiff, DifferencesAreNotErrors) {
  EXPECT_EQ(run({old_, new_}), kExitOk) << err_.str();
  const std::string out = out_.str();
  EXPECT_NE(out.find("Firms -> Firms"), std::string::npos) << out;
  EXPECT_NE(out.find("weight: 50% -> 20%"), std::string::npos) << out;
  EXPECT_NE(out.find("A1    first   50.00%  20.00%  -30.00"), std::string::npos) << out;
  EXPECT_EQ(err_.str(), "");
}

TEST_F(CliDiff, JsonForPrograms) {
  EXPECT_EQ(run({old_, new_, "--format=json"}), kExitOk);
  const auto json = nlohmann::json::parse(out_.str());
  EXPECT_EQ(json["xuncha"], "diff");
  EXPECT_EQ(json["before"]["version"], 1);
  EXPECT_EQ(json["changes"]["indicator"]["changed"].size(), 2u);
  EXPECT_FALSE(json.contains("population"));
}

TEST_F(CliDiff, SameFileIsIdentical) {
  EXPECT_EQ(run({old_, old_, "--format=json"}), kExitOk);
  EXPECT_EQ(nlohmann::json::parse(out_.str())["identical"], true);
}

TEST_F(CliDiff, DataCountsTierMoves) {
  // a = 2: A1 passes, A2 fails: 50 (blue) before, 20 (red) after.
  const std::string data = write("firms.csv", "id,a\nf1,3\nf2,2\nf3,1\n");
  EXPECT_EQ(run({old_, new_, "--data", data}), kExitOk) << err_.str();
  const std::string out = out_.str();
  EXPECT_NE(out.find("to a more severe tier: 1"), std::string::npos) << out;
  EXPECT_NE(out.find("f2      blue    red"), std::string::npos) << out;
  EXPECT_EQ(run({old_, new_, "--data", data, "--format=json"}), kExitOk);
  const auto json = nlohmann::json::parse(out_.str());
  EXPECT_EQ(json["population"]["records"], 3);
  EXPECT_EQ(json["population"]["tier"]["more_severe"], 1);
}

TEST_F(CliDiff, ParamsGoToBothRuleSets) {
  const std::string data = write("firms.csv", "id,a\nf1,3\n");
  EXPECT_EQ(run({old_, new_, "--data", data, "--param", "nosuch=1"}), kExitProblems);
  EXPECT_NE(err_.str().find("nosuch"), std::string::npos) << err_.str();
}

TEST_F(CliDiff, RuleFileThatDoesNotCompile) {
  const std::string broken = write("broken.xr", "ruleset \"x\" version 1\nrecord {\n");
  EXPECT_EQ(run({old_, broken}), kExitProblems);
  EXPECT_NE(err_.str().find("error[XR"), std::string::npos) << err_.str();
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CliDiff, UsageErrors) {
  EXPECT_EQ(run({old_}), kExitUsage);
  EXPECT_NE(err_.str().find("missing NEW"), std::string::npos) << err_.str();
  EXPECT_EQ(run({old_, new_, "--map", "a=b"}), kExitUsage);
  EXPECT_NE(err_.str().find("'--map' applies to the records of --data"), std::string::npos);
  EXPECT_EQ(run({old_, new_, "--data", "firms.parquet"}), kExitUsage);
  EXPECT_NE(err_.str().find("cannot tell the format"), std::string::npos);
  EXPECT_EQ(run({old_, new_, "--format=html"}), kExitUsage);
  EXPECT_EQ(run({old_, new_, "--data", "x.csv", "--param", "novalue"}), kExitUsage);
}

TEST_F(CliDiff, DataThatCannotBeRead) {
  EXPECT_EQ(run({old_, new_, "--data", (dir_ / "absent.csv").string()}), kExitProblems);
  EXPECT_NE(err_.str().find("absent.csv"), std::string::npos) << err_.str();
}

} // namespace
} // namespace xr::cli
