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

/// A rule set with no problem except what `condition` and `extra` bring.
std::string ruleSet(const std::string &extra, const std::string &condition = "drills_per_year") {
  return "ruleset \"t\" version 2024\n"
         "record Enterprise {\n"
         "  id: text key\n"
         "  drills_per_year: int\n"
         "}\n"
         "domain safety \"安全生产\" weight 100%\n"
         "indicator S1 \"应急演练\" in safety weight 100% {\n"
         "  pass when " +
         condition +
         " >= 2\n"
         "}\n"
         "checklist full for true { all }\n" +
         extra;
}

class CliCheck : public testing::CommandTest {
protected:
  CliCheck() : CommandTest(checkCommand(), "check") {}
};

TEST_F(CliCheck, CleanFileExitsZeroAndPrintsNothing) {
  std::string path = write("ok.xr", ruleSet(""));
  EXPECT_EQ(run({path}), kExitOk) << out_.str();
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CliCheck, ErrorsOfEveryFileInOnePassWithOneSummary) {
  std::string a = write("a.xr", ruleSet("", "nosuch1 + drills_per_year"));
  std::string b = write("b.xr", ruleSet("", "nosuch2 + drills_per_year"));
  EXPECT_EQ(run({a, b}), kExitProblems);
  std::string out = out_.str();
  EXPECT_NE(out.find(a + ":8:13: error[XR0101]: unknown name 'nosuch1'"), std::string::npos) << out;
  EXPECT_NE(out.find(b + ":8:13: error[XR0101]: unknown name 'nosuch2'"), std::string::npos) << out;
  EXPECT_LT(out.find(a), out.find(b));
  EXPECT_EQ(out.substr(out.size() - 9), "2 errors\n") << out;
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST_F(CliCheck, MissingFileIsAProblemNotACrash) {
  EXPECT_EQ(run({(dir_ / "missing.xr").string()}), kExitProblems);
  EXPECT_NE(out_.str().find("error[XR0008]"), std::string::npos) << out_.str();
}

TEST_F(CliCheck, WarningsExitZeroUnlessWerror) {
  std::string path = write("w.xr", ruleSet("param unused_param: int = 3\n"));
  EXPECT_EQ(run({path}), kExitOk);
  EXPECT_NE(out_.str().find("warning[XR0110]"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("1 warning\n"), std::string::npos);

  EXPECT_EQ(run({path, "--werror"}), kExitProblems);
  EXPECT_NE(out_.str().find("error[XR0110]"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("1 error\n"), std::string::npos);
}

TEST_F(CliCheck, JsonIsOneArrayOverAllFiles) {
  std::string a = write("a.xr", ruleSet("", "nosuch1 + drills_per_year"));
  std::string b = write("b.xr", ruleSet("", "nosuch2 + drills_per_year"));
  EXPECT_EQ(run({"--format=json", a, b}), kExitProblems);
  nlohmann::json json = nlohmann::json::parse(out_.str());
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 2u);
  EXPECT_EQ(json[0]["file"], a);
  EXPECT_EQ(json[0]["code"], "XR0101");
  EXPECT_EQ(json[1]["file"], b);
}

TEST_F(CliCheck, ColorFollowsTheOptionAndTheTerminal) {
  std::string path = write("a.xr", ruleSet("", "nosuch1 + drills_per_year"));
  run({path, "--color=always"});
  EXPECT_NE(out_.str().find('\x1b'), std::string::npos);
  run({path}, /*terminal=*/true);
  EXPECT_NE(out_.str().find('\x1b'), std::string::npos);
  run({path, "--color=never"}, /*terminal=*/true);
  EXPECT_EQ(out_.str().find('\x1b'), std::string::npos);

  std::ostringstream out, err;
  CommandContext noColor{out, err, true, true};
  EXPECT_FALSE(useColor("auto", noColor));
  EXPECT_TRUE(useColor("always", noColor));
}

TEST_F(CliCheck, EmitAstAndIr) {
  std::string path = write("ok.xr", ruleSet(""));
  EXPECT_EQ(run({path, "--emit=ast"}), kExitOk);
  EXPECT_NE(out_.str().find("Module"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("S1"), std::string::npos);

  EXPECT_EQ(run({path, "--emit=ir"}), kExitOk);
  EXPECT_NE(out_.str().find("program"), std::string::npos) << out_.str();

  // With errors there is no IR: the diagnostics (on stderr) and exit 1.
  std::string bad = write("bad.xr", ruleSet("", "nosuch1 + drills_per_year"));
  EXPECT_EQ(run({bad, "--emit=ir"}), kExitProblems);
  EXPECT_EQ(out_.str(), "");
  EXPECT_NE(err_.str().find("error[XR0101]"), std::string::npos) << err_.str();
}

TEST_F(CliCheck, EmitCannotBeCombinedWithJson) {
  std::string path = write("ok.xr", ruleSet(""));
  EXPECT_EQ(run({path, "--emit=ast", "--format=json"}), kExitUsage);
  EXPECT_NE(err_.str().find("cannot be combined"), std::string::npos) << err_.str();
}

TEST_F(CliCheck, HelpListsEveryOption) {
  std::string help = checkCommand().arguments().help();
  for (const char *option :
       {"--format=FORMAT", "--emit=WHAT", "--color=WHEN", "--werror", "--help", "exit codes:"})
    EXPECT_NE(help.find(option), std::string::npos) << option << "\n" << help;
}

} // namespace
} // namespace xr::cli
