// `xuncha test`: finding rule files (folders searched, libraries skipped there), one line per
// case, compile errors, the summary line, exit codes, JSON and color.
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

std::string ruleSet(const std::string &tests) {
  return "ruleset \"t\" version 2024\n"
         "record Enterprise {\n"
         "  id: text key\n"
         "  drills: int\n"
         "}\n"
         "domain safety \"安全生产\" weight 100%\n"
         "indicator S1 \"应急演练\" in safety weight 100% {\n"
         "  pass when drills >= 2\n"
         "}\n"
         "checklist full for true { all }\n" +
         tests;
}

const std::string kPassing = "test \"two drills pass\" {\n" // 11
                             "  given Enterprise { id: \"a\", drills: 2, ... }\n"
                             "  expect S1 passes\n"
                             "}\n";
const std::string kFailing = "test \"one drill passes\" {\n" // 11
                             "  given Enterprise { id: \"b\", drills: 1, ... }\n"
                             "  expect S1 passes\n"
                             "}\n";

class CliTest : public testing::CommandTest {
protected:
  CliTest() : CommandTest(testCommand(), "test") {
    enterFolder(); // paths in the output are relative, as a user types them
  }
};

TEST_F(CliTest, AFolderIsSearchedInPathOrderSkippingLibrariesHiddenAndBuildFolders) {
  write("rules/b/second.xr", ruleSet(kFailing));
  write("rules/a.xr", ruleSet(kPassing));
  write("rules/lib/calendar.xr", "param not_a_rule_set: int = 1\n");
  write("rules/.hidden/broken.xr", "ruleset \"x\" version 1\nnonsense\n");
  write("rules/build/CMakeCache.txt", "");
  write("rules/build/copy.xr", "ruleset \"x\" version 1\nnonsense\n");
  EXPECT_EQ(run({"rules"}), kExitProblems);
  EXPECT_EQ(out_.str(), "PASS  rules/a.xr:11  two drills pass\n"
                        "FAIL  rules/b/second.xr:11  one drill passes\n"
                        "      expect S1 passes  (rules/b/second.xr:13): false\n"
                        "        S1.status = fail\n"
                        "      record: id: b, drills: 1\n"
                        "1 passed, 1 failed in 2 files\n");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(CliTest, AllPassingExitsZeroAndTheCurrentFolderIsTheDefault) {
  write("a.xr", ruleSet(kPassing));
  EXPECT_EQ(run({}), kExitOk);
  EXPECT_EQ(out_.str(), "PASS  a.xr:11  two drills pass\n"
                        "1 passed, 0 failed in 1 file\n");
}

TEST_F(CliTest, ALibraryNamedOnTheCommandLineIsCompiled) {
  write("calendar.xr", "param not_a_rule_set: int = \"text\"\n");
  EXPECT_EQ(run({"calendar.xr"}), kExitProblems);
  EXPECT_NE(out_.str().find("calendar.xr:1:"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("FAIL  calendar.xr  does not compile\n"), std::string::npos)
      << out_.str();
}

TEST_F(CliTest, AFileThatDoesNotCompilePrintsItsDiagnosticsAndCountsAsFailed) {
  write("bad.xr", ruleSet(kPassing + "let x = nosuch + 1\n"));
  write("good.xr", ruleSet(kPassing));
  EXPECT_EQ(run({"bad.xr", "good.xr"}), kExitProblems);
  const std::string out = out_.str();
  EXPECT_NE(out.find("bad.xr:15:9: error[XR0101]: unknown name 'nosuch'"), std::string::npos)
      << out;
  EXPECT_NE(out.find("FAIL  bad.xr  does not compile\nPASS  good.xr:11  two drills pass\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.substr(out.find("1 passed")),
            "1 passed, 0 failed in 2 files (1 did not compile)\n");
}

TEST_F(CliTest, AMissingFileIsAProblem) {
  EXPECT_EQ(run({"missing.xr"}), kExitProblems);
  EXPECT_NE(out_.str().find("error[XR0008]"), std::string::npos) << out_.str();
}

TEST_F(CliTest, NoRuleSetFoundIsAProblem) {
  write("lib/calendar.xr", "param p: int = 1\n");
  EXPECT_EQ(run({"lib"}), kExitProblems);
  EXPECT_EQ(out_.str(), "0 passed, 0 failed in 0 files\n");
  EXPECT_EQ(err_.str(), "xuncha: error: no rule set found in the paths given\n");
}

TEST_F(CliTest, TheFilterRunsMatchingCasesOnly) {
  write("a.xr", ruleSet(kPassing + kFailing));
  EXPECT_EQ(run({"a.xr", "--filter", "two"}), kExitOk);
  EXPECT_EQ(out_.str(), "PASS  a.xr:11  two drills pass\n"
                        "1 passed, 0 failed in 1 file\n");
}

TEST_F(CliTest, JsonHasFilesCasesAndASummary) {
  write("a.xr", ruleSet(kPassing + kFailing));
  write("bad.xr", "ruleset \"x\" version 1\nnonsense\n");
  EXPECT_EQ(run({"--format=json", "a.xr", "bad.xr"}), kExitProblems);
  nlohmann::json json = nlohmann::json::parse(out_.str());
  ASSERT_EQ(json["files"].size(), 2u);
  EXPECT_EQ(json["files"][0]["path"], "a.xr");
  EXPECT_EQ(json["files"][0]["compiled"], true);
  EXPECT_EQ(json["files"][1]["compiled"], false);
  EXPECT_FALSE(json["files"][1]["diagnostics"].empty());
  ASSERT_EQ(json["cases"].size(), 2u);
  EXPECT_EQ(json["cases"][0]["passed"], true);
  EXPECT_EQ(json["cases"][1]["failures"][0]["shown"][0]["value"], "fail");
  EXPECT_EQ(json["summary"],
            nlohmann::json::parse(R"({"passed":1,"failed":1,"files":2,"not_compiled":1})"));
  // Keys come in the documented order.
  EXPECT_LT(out_.str().find("\"files\""), out_.str().find("\"cases\""));
  EXPECT_LT(out_.str().find("\"cases\""), out_.str().find("\"summary\""));
}

TEST_F(CliTest, ColorFollowsTheOptionAndTheTerminal) {
  write("a.xr", ruleSet(kPassing));
  run({"a.xr"}, /*terminal=*/true);
  EXPECT_NE(out_.str().find("\x1b[1;32mPASS\x1b[0m"), std::string::npos);
  run({"a.xr", "--color=never"}, /*terminal=*/true);
  EXPECT_EQ(out_.str().find('\x1b'), std::string::npos);
  run({"a.xr"});
  EXPECT_EQ(out_.str().find('\x1b'), std::string::npos);
}

TEST_F(CliTest, UsageErrors) {
  ArgSpec spec = testCommand().arguments();
  EXPECT_FALSE(spec.parse({"--format=xml"}).ok());
  EXPECT_FALSE(spec.parse({"--bogus"}).ok());
  EXPECT_FALSE(spec.parse({"--filter"}).ok());
  EXPECT_NE(spec.help().find("usage: xuncha test"), std::string::npos);
}

} // namespace
} // namespace xr::cli
