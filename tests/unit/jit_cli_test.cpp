// The JIT from the command line: `xuncha check --emit=llvm` prints the optimised LLVM IR of a
// rule set (the code `--engine jit` runs), and nothing for a file with errors.
#include "cli/commands.h"

#include <gtest/gtest.h>

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

} // namespace
} // namespace xr::cli
