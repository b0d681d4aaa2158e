// `xuncha gen`: the file it writes, its usage errors, and what it says when the rule set is
// missing, broken or has a record field the generator cannot fill.
#include "cli/commands.h"
#include "tests/unit/cli_testing.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

const std::string kNational = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/national/2023.xr";

class CliGen : public testing::CommandTest {
protected:
  CliGen() : CommandTest(genCommand(), "gen") {}

  std::string path(const std::string &name) const { return (dir_ / name).string(); }
};

std::size_t lines(const std::string &text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST_F(CliGen, WritesTheRowsAfterAHeaderAndSaysSo) {
  ASSERT_EQ(run({"--rows", "50", "--seed", "3", "--out", path("p.csv"), "--ruleset", kNational}),
            kExitOk)
      << err_.str();
  const std::string text = read(path("p.csv"));
  EXPECT_EQ(lines(text), 51u);
  EXPECT_EQ(text.rfind("id,region,size,credit,", 0), 0u) << text.substr(0, 80);
  EXPECT_EQ(err_.str().rfind("xuncha: wrote 50 enterprises (seed 3) to " + path("p.csv"), 0), 0u)
      << err_.str();
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CliGen, QuietSaysNothingAndTheSameSeedGivesTheSameFile) {
  ASSERT_EQ(run({"--rows=200", "--seed=9", "--out", path("a.csv"), "--ruleset", kNational,
                 "--quiet", "--threads", "1"}),
            kExitOk);
  EXPECT_EQ(err_.str(), "");
  ASSERT_EQ(run({"--rows=200", "--seed=9", "--out", path("b.csv"), "--ruleset", kNational,
                 "--quiet", "--threads", "2"}),
            kExitOk);
  EXPECT_EQ(read(path("a.csv")), read(path("b.csv")));
  ASSERT_EQ(
      run({"--rows=200", "--seed=10", "--out", path("c.csv"), "--ruleset", kNational, "--quiet"}),
      kExitOk);
  EXPECT_NE(read(path("a.csv")), read(path("c.csv")));
}

TEST_F(CliGen, ZeroRowsWriteJustTheHeader) {
  ASSERT_EQ(run({"--rows", "0", "--out", path("empty.csv"), "--ruleset", kNational}), kExitOk);
  const std::string text = read(path("empty.csv"));
  EXPECT_EQ(lines(text), 1u);
  EXPECT_NE(text.find(",cooperated\n"), std::string::npos) << text;
}

TEST_F(CliGen, TheFormatFollowsTheExtensionUnlessGiven) {
  ASSERT_EQ(run({"--rows", "3", "--out", path("p.jsonl"), "--ruleset", kNational}), kExitOk);
  EXPECT_EQ(lines(read(path("p.jsonl"))), 3u);
  EXPECT_EQ(read(path("p.jsonl")).rfind("{\"id\":\"91", 0), 0u);
  ASSERT_EQ(
      run({"--rows", "3", "--out", path("p.txt"), "--format", "jsonl", "--ruleset", kNational}),
      kExitOk);
  EXPECT_EQ(read(path("p.txt")), read(path("p.jsonl")));
  ASSERT_EQ(run({"--rows", "3", "--out", path("q.txt"), "--ruleset", kNational}), kExitOk);
  EXPECT_EQ(read(path("q.txt")).rfind("id,region,", 0), 0u);
}

TEST_F(CliGen, ParamsMoveTheDatesAndUnknownParamsAreUsageErrors) {
  ASSERT_EQ(run({"--rows", "20", "--out", path("a.csv"), "--ruleset", kNational}), kExitOk);
  ASSERT_EQ(run({"--rows", "20", "--out", path("b.csv"), "--ruleset", kNational, "--param",
                 "inspection_date=2024-09-30"}),
            kExitOk)
      << err_.str();
  EXPECT_NE(read(path("a.csv")), read(path("b.csv")));
  EXPECT_NE(read(path("b.csv")).find(",2024-"), std::string::npos);

  EXPECT_EQ(run({"--rows", "20", "--out", path("c.csv"), "--ruleset", kNational, "--param",
                 "inspection_dat=2024-09-30"}),
            kExitUsage);
  EXPECT_NE(err_.str().find("the rule set has no param 'inspection_dat'"), std::string::npos)
      << err_.str();
  EXPECT_NE(err_.str().find("did you mean 'inspection_date'?"), std::string::npos);
  EXPECT_EQ(run({"--rows", "20", "--out", path("c.csv"), "--ruleset", kNational, "--param",
                 "inspection_date=2024-02-30"}),
            kExitUsage);
  EXPECT_NE(err_.str().find("invalid value for param 'inspection_date'"), std::string::npos)
      << err_.str();
  EXPECT_FALSE(fs::exists(dir_ / "c.csv"));
}

TEST_F(CliGen, BadNumbersAreUsageErrors) {
  struct Case {
    std::vector<std::string> arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--out", path("x.csv")}, "missing --rows N"},
      {{"--rows", "10"}, "missing --out FILE"},
      {{"--rows", "-5", "--out", path("x.csv")}, "invalid value '-5' for '--rows'"},
      {{"--rows", "ten", "--out", path("x.csv")}, "invalid value 'ten' for '--rows'"},
      {{"--rows", "1e3", "--out", path("x.csv")}, "invalid value '1e3' for '--rows'"},
      {{"--rows", " 10", "--out", path("x.csv")}, "invalid value ' 10' for '--rows'"},
      {{"--rows", "", "--out", path("x.csv")}, "invalid value '' for '--rows'"},
      {{"--rows", "68719476737", "--out", path("x.csv")},
       "invalid value '68719476737' for '--rows'"},
      {{"--rows", "10", "--seed", "-1", "--out", path("x.csv")}, "invalid value '-1' for '--seed'"},
      {{"--rows", "10", "--seed", "18446744073709551616", "--out", path("x.csv")},
       "invalid value '18446744073709551616' for '--seed'"},
      {{"--rows", "10", "--threads", "many", "--out", path("x.csv")},
       "invalid value 'many' for '--threads'"},
  };
  for (const Case &c : cases) {
    std::vector<std::string> arguments = c.arguments;
    arguments.insert(arguments.end(), {"--ruleset", kNational});
    EXPECT_EQ(run(arguments), kExitUsage) << c.message;
    EXPECT_EQ(err_.str().rfind("xuncha: error: " + c.message + "\nhint: ", 0), 0u) << err_.str();
  }
  EXPECT_FALSE(fs::exists(dir_ / "x.csv"));
  // The largest seed is fine.
  EXPECT_EQ(run({"--rows", "1", "--seed", "18446744073709551615", "--out", path("x.csv"),
                 "--ruleset", kNational}),
            kExitOk)
      << err_.str();
  // An unknown format is refused by the parser with the choices.
  EXPECT_FALSE(genCommand().arguments().parse({"--rows", "1", "--format", "xml"}).ok());
}

TEST_F(CliGen, AMissingDefaultRuleSetNamesTheOption) {
  enterFolder();
  EXPECT_EQ(run({"--rows", "5", "--out", "p.csv"}), kExitProblems);
  EXPECT_EQ(err_.str(), "xuncha: error: cannot read the default rule set "
                        "'rulesets/national/2023.xr' (relative to the current folder)\n"
                        "help: run xuncha gen from the repository root, or name the rule set "
                        "with --ruleset FILE\n");
  EXPECT_FALSE(fs::exists(dir_ / "p.csv"));
  EXPECT_EQ(run({"--rows", "5", "--out", "p.csv", "--ruleset", "nowhere.xr"}), kExitProblems);
  EXPECT_EQ(err_.str(),
            "xuncha: error: cannot read the rule set 'nowhere.xr' given with --ruleset\n");
}

TEST_F(CliGen, TheDefaultRuleSetIsFoundFromTheRepositoryRoot) {
  enterFolder(XUNCHA_SOURCE_DIR);
  EXPECT_EQ(run({"--rows", "5", "--out", path("p.csv"), "--quiet"}), kExitOk) << err_.str();
  EXPECT_EQ(lines(read(path("p.csv"))), 6u);
}

TEST_F(CliGen, ARuleSetWithErrorsOrAnUnknownFieldWritesNothing) {
  std::ofstream(dir_ / "broken.xr") << "ruleset \"t\" version 1\nrecord Enterprise {\n  id: text "
                                       "key\n  drills: nosuchtype\n}\n";
  EXPECT_EQ(run({"--rows", "5", "--out", path("p.csv"), "--ruleset", path("broken.xr")}),
            kExitProblems);
  EXPECT_NE(err_.str().find("error["), std::string::npos) << err_.str();

  std::ofstream(dir_ / "other.xr")
      << "ruleset \"t\" version 1\nrecord Enterprise {\n  id: text key\n  licence_number: text\n"
         "}\ndomain d weight 100%\nindicator I in d weight 100% { pass when true }\n"
         "checklist all for true { all }\n";
  EXPECT_EQ(run({"--rows", "5", "--out", path("p.csv"), "--ruleset", path("other.xr")}),
            kExitProblems);
  EXPECT_EQ(err_.str().rfind("xuncha: error: " + path("other.xr") +
                                 ": field 'licence_number' (text) has no distribution in the "
                                 "generator",
                             0),
            0u)
      << err_.str();
  EXPECT_FALSE(fs::exists(dir_ / "p.csv"));
}

TEST_F(CliGen, HelpShowsAnExample) {
  const std::string help = genCommand().arguments().help();
  EXPECT_NE(help.find("xuncha gen --rows 10000 --seed 2024 --out examples/population.csv"),
            std::string::npos)
      << help;
  EXPECT_NE(help.find("--ruleset=FILE"), std::string::npos);
}

} // namespace
} // namespace xr::cli
