// The JIT from the command line: `xuncha check --emit=llvm` prints the optimised LLVM IR of a
// rule set (the code `--engine jit` runs), and nothing for a file with errors; `xuncha test
// --engine` runs the test blocks on the engine asked for.
#include "cli/commands.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

class JitCli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xuncha-jit-cli-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string &name, const std::string &text) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  int check(const std::vector<std::string> &arguments) {
    out_.str({});
    err_.str({});
    CommandContext context{out_, err_, false, false};
    ParseResult parsed = checkCommand().arguments().parse(arguments);
    EXPECT_TRUE(parsed.ok()) << parsed.error.message;
    return parsed.ok() ? checkCommand().run(*parsed.args, context) : -1;
  }

  int test(const std::vector<std::string> &arguments) {
    out_.str({});
    err_.str({});
    CommandContext context{out_, err_, false, false};
    ParseResult parsed = testCommand().arguments().parse(arguments);
    EXPECT_TRUE(parsed.ok()) << parsed.error.message;
    return parsed.ok() ? testCommand().run(*parsed.args, context) : -1;
  }

  /// A rule set with a passing case, a failing one and one that expects a record error; the
  /// marker's value (names do not count) keeps its code out of the process's cache of compiled
  /// code until a test compiles it.
  std::string testedRuleSet(const std::string &name, int marker) {
    return write(
        name + ".xr",
        "ruleset \"t\" version 1\n"
        "record R {\n  id: text key\n  x: number\n  y: number\n}\n"
        "let marker = " +
            std::to_string(getpid()) + std::to_string(marker) + std::to_string(++runs_) +
            "\n"
            "output q: number = x / y\n"
            "test \"a quotient\" {\n  given R { id: \"a\", x: 6, y: 3 }\n  expect q == 2\n}\n"
            "test \"a wrong quotient\" {\n  given R { id: \"b\", x: 6, y: 2 }\n"
            "  expect q == 2\n}\n"
            "test \"by zero\" {\n  given R { id: \"c\", x: 6, y: 0 }\n"
            "  expect error \"division by zero\"\n}\n");
  }

  static inline int runs_ = 0; // a new marker for each rule set, also under --gtest_repeat
  fs::path dir_;
  std::ostringstream out_, err_;
};

TEST_F(JitCli, EmitLlvmPrintsTheOptimisedCodeOfTheRowLoop) {
  const std::string path = write("t.xr", "ruleset \"t\" version 1\n"
                                         "record R {\n  id: text key\n  x: number\n}\n"
                                         "output y: number = x / 3 + 1\n");
  EXPECT_EQ(check({"--emit=llvm", path}), kExitOk) << err_.str();
  const std::string text = out_.str();
  EXPECT_NE(text.find("define void @xr_eval(ptr"), std::string::npos) << text;
  EXPECT_NE(text.find("@xr_statements_0"), std::string::npos);
  EXPECT_NE(text.find(" x double> "), std::string::npos); // the loop is vectorised
  EXPECT_NE(text.find("fdiv <"), std::string::npos);      // x / 3: no inexact reciprocal
  EXPECT_EQ(text.find("contract"), std::string::npos);    // never a fused multiply-add
  EXPECT_NE(text.find("target triple"), std::string::npos);
}

TEST_F(JitCli, EmitLlvmPrintsNothingForAFileWithErrors) {
  const std::string path = write("bad.xr", "ruleset \"t\" version 1\n"
                                           "record R {\n  id: text key\n}\n"
                                           "output y: number = nosuch + 1\n");
  EXPECT_EQ(check({"--emit=llvm", path}), kExitProblems);
  EXPECT_EQ(out_.str(), "");
  EXPECT_NE(err_.str().find("nosuch"), std::string::npos);
}

TEST_F(JitCli, TestRunsTheCasesOnTheEngineAskedFor) {
  const std::string path = testedRuleSet("engines", 1);
  for (const std::string engine : {"interp", "jit"}) {
    SCOPED_TRACE(engine);
    EXPECT_EQ(test({"--engine=" + engine, "--no-cache", "--format=json", path}), kExitProblems);
    const nlohmann::json json = nlohmann::json::parse(out_.str());
    EXPECT_EQ(json["files"][0]["engine"], engine);
    EXPECT_EQ(json["files"][0]["engine_error"], "");
    ASSERT_EQ(json["cases"].size(), 3u);
    EXPECT_EQ(json["cases"][0]["passed"], true);
    EXPECT_EQ(json["cases"][1]["passed"], false);
    EXPECT_EQ(json["cases"][1]["failures"][0]["outcome"], "false");
    EXPECT_EQ(json["cases"][2]["passed"], true); // the JIT raises the expected error
    EXPECT_EQ(json["summary"]["passed"], 2);
  }
}

TEST_F(JitCli, TestUnderAutoCompilesNothingButUsesCachedCode) {
  const std::string path = testedRuleSet("auto", 2);
  const std::string cache = (dir_ / "cache").string();
  EXPECT_EQ(test({"--format=json", "--cache-dir=" + cache, path}), kExitProblems);
  EXPECT_EQ(nlohmann::json::parse(out_.str())["files"][0]["engine"], "interp");
  EXPECT_FALSE(fs::exists(cache)); // auto never compiled, so nothing was written
  EXPECT_EQ(test({"--engine=jit", "--format=json", "--cache-dir=" + cache, path}), kExitProblems);
  EXPECT_TRUE(fs::exists(cache));
  EXPECT_EQ(test({"--format=json", "--cache-dir=" + cache, path}), kExitProblems);
  EXPECT_EQ(nlohmann::json::parse(out_.str())["files"][0]["engine"], "jit");
  EXPECT_EQ(nlohmann::json::parse(out_.str())["summary"]["passed"], 2);
}

TEST_F(JitCli, TestHelpNamesTheEngines) {
  const std::string help = testCommand().arguments().help();
  EXPECT_NE(help.find("--engine"), std::string::npos) << help;
  EXPECT_NE(help.find("auto|interp|jit"), std::string::npos) << help;
}

} // namespace
} // namespace xr::cli
