#pragma once
// The fixture of the command tests (cli_*_test.cpp): a temporary folder of the test's own,
// files written into it, and a command run as main.cpp runs it, its output and errors kept.
#include "cli/commands.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace xr::cli::testing {

/// What run() does with arguments the command's table refuses.
enum class UsageErrors {
  Fail,   // the test fails and run returns -1: the arguments were meant to be right
  Report, // reported and returned (kExitUsage) as main.cpp does: the usage errors are tested
};

class CommandTest : public ::testing::Test {
protected:
  /// `name` keeps the commands' folders apart: <temp>/xuncha-cli-<name>-<pid>-<test>.
  CommandTest(const Command &command, std::string_view name, UsageErrors usage = UsageErrors::Fail)
      : command_(command), usage_(usage) {
    // The process id keeps concurrent runs (several build folders, ctest -j) apart.
    dir_ = std::filesystem::temp_directory_path() /
           ("xuncha-cli-" + std::string(name) + "-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~CommandTest() override {
    std::error_code ignored; // a destructor must not throw; the folder is temporary
    if (!previous_.empty())
      std::filesystem::current_path(previous_, ignored);
    std::filesystem::remove_all(dir_, ignored);
  }

  /// Writes `text` to `name` in the test's folder (creating the folders it names); returns
  /// its path.
  std::string write(const std::string &name, const std::string &text) {
    std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  static std::string read(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  /// Makes `folder` the current folder until the test ends.
  void enterFolder(const std::filesystem::path &folder) {
    if (previous_.empty())
      previous_ = std::filesystem::current_path();
    std::filesystem::current_path(folder);
  }
  void enterFolder() { enterFolder(dir_); }

  /// Runs the command with `arguments` as main.cpp would, into out_ and err_.
  int run(const std::vector<std::string> &arguments, bool terminal = false) {
    out_.str({});
    err_.str({});
    CommandContext context{out_, err_, terminal, false};
    ArgSpec spec = command_.arguments();
    ParseResult parsed = spec.parse(arguments);
    if (!parsed.ok()) {
      if (usage_ == UsageErrors::Report)
        return reportUsageError(context, parsed.error);
      ADD_FAILURE() << parsed.error.message;
      return -1;
    }
    return command_.run(*parsed.args, context);
  }

  std::filesystem::path dir_;
  std::ostringstream out_;
  std::ostringstream err_;

private:
  const Command &command_;
  UsageErrors usage_;
  std::filesystem::path previous_;
};

} // namespace xr::cli::testing
