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

const std::string kMessy = "let a=1\nrule r when a>0{frequency=2\nmode=x}\n";
const std::string kFormatted = "let a = 1\n\nrule r when a > 0 {\n  frequency = 2\n  mode = x\n}\n";

class CliFmt : public testing::CommandTest {
protected:
  CliFmt() : CommandTest(fmtCommand(), "fmt") {}
};

TEST_F(CliFmt, RewritesEachFileInPlace) {
  std::string a = write("a.xr", kMessy);
  std::string b = write("b.xr", "let   b =2\n");
  EXPECT_EQ(run({a, b}), kExitOk) << err_.str();
  EXPECT_EQ(read(a), kFormatted);
  EXPECT_EQ(read(b), "let b = 2\n");
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(err_.str(), "");
  // No temporary file is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 2);
}

TEST_F(CliFmt, AFormattedFileIsLeftAlone) {
  std::string a = write("a.xr", kFormatted);
  auto old = fs::file_time_type::clock::now() - std::chrono::hours(24);
  fs::last_write_time(a, old);
  EXPECT_EQ(run({a}), kExitOk);
  EXPECT_EQ(fs::last_write_time(a), old);
}

TEST_F(CliFmt, KeepsTheFilesPermissions) {
  std::string a = write("a.xr", kMessy);
  fs::permissions(a, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(run({a}), kExitOk);
  EXPECT_EQ(read(a), kFormatted);
  EXPECT_EQ(fs::status(a).permissions(), fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(CliFmt, CheckNamesTheFilesThatWouldChangeAndWritesNothing) {
  std::string messy = write("messy.xr", kMessy);
  std::string clean = write("clean.xr", kFormatted);
  EXPECT_EQ(run({"--check", messy, clean}), kExitProblems);
  EXPECT_EQ(out_.str(), messy + "\n");
  EXPECT_NE(err_.str().find("1 file is not formatted"), std::string::npos) << err_.str();
  EXPECT_EQ(read(messy), kMessy);

  EXPECT_EQ(run({"--check", clean}), kExitOk);
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(CliFmt, DiffShowsTheChangesAndWritesNothing) {
  std::string a = write("a.xr", "let a=1\nlet b = 2\n");
  EXPECT_EQ(run({"--diff", a}), kExitOk);
  EXPECT_EQ(out_.str(), "--- " + a + ".orig\n+++ " + a +
                            "\n@@ -1,2 +1,2 @@\n-let a=1\n+let a = 1\n"
                            " let b = 2\n");
  EXPECT_EQ(read(a), "let a=1\nlet b = 2\n");
  // With --check as well, the exit code says whether anything would change.
  EXPECT_EQ(run({"--diff", "--check", a}), kExitProblems);
  EXPECT_NE(out_.str().find("+let a = 1\n"), std::string::npos);
  EXPECT_EQ(run({"--diff", write("b.xr", kFormatted)}), kExitOk);
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CliFmt, AFileWithSyntaxErrorsIsReportedAndUntouched) {
  const std::string broken = "let a = (1 +\nlet   b = 2\n";
  std::string bad = write("bad.xr", broken);
  std::string good = write("good.xr", kMessy);
  EXPECT_EQ(run({bad, good}), kExitProblems);
  EXPECT_NE(out_.str().find(bad + ":2:1: error[XR0001]"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("1 error"), std::string::npos) << out_.str();
  EXPECT_EQ(read(bad), broken);
  EXPECT_EQ(read(good), kFormatted); // the other files are still formatted

  EXPECT_EQ(run({"--check", bad}), kExitProblems);
  EXPECT_EQ(run({"--diff", bad}), kExitProblems);
  EXPECT_EQ(read(bad), broken);
}

TEST_F(CliFmt, FoldersAreSearchedForRuleFiles) {
  std::string inner = write("rules/sub/x.xr", kMessy);
  std::string text = write("rules/notes.txt", kMessy);
  std::string hidden = write("rules/.cache/y.xr", kMessy);
  std::string build = write("rules/build/z.xr", kMessy);
  write("rules/build/CMakeCache.txt", "");
  EXPECT_EQ(run({"--check", (dir_ / "rules").string()}), kExitProblems);
  EXPECT_EQ(out_.str(), fs::path(inner).lexically_normal().generic_string() + "\n");
  EXPECT_EQ(run({(dir_ / "rules").string()}), kExitOk);
  EXPECT_EQ(read(inner), kFormatted);
  EXPECT_EQ(read(text), kMessy);
  EXPECT_EQ(read(hidden), kMessy);
  EXPECT_EQ(read(build), kMessy);
}

TEST_F(CliFmt, AFileThatCannotBeReadIsAnError) {
  std::string missing = (dir_ / "missing.xr").string();
  EXPECT_EQ(run({missing}), kExitProblems);
  EXPECT_NE(err_.str().find("cannot read '" + missing + "'"), std::string::npos) << err_.str();
}

TEST_F(CliFmt, HelpDescribesTheOptions) {
  std::string help = fmtCommand().arguments().help();
  EXPECT_NE(help.find("--check"), std::string::npos);
  EXPECT_NE(help.find("--diff"), std::string::npos);
  EXPECT_EQ(fmtCommand().name, "fmt");
}

} // namespace
} // namespace xr::cli
