// Golden outputs of `xuncha explain`: every tests/golden/explain/<name>.args (the arguments
// after `explain`, one per line) is run from the source folder, so paths in the output are
// relative, and its stdout, stderr and exit code are compared with <name>.expected.
// XUNCHA_UPDATE_GOLDEN=1 rewrites the .expected files instead (review them with git diff).
#include "cli/commands.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = XUNCHA_SOURCE_DIR;
const fs::path kCases = kSource / "tests" / "golden" / "explain";

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(kCases))
    if (entry.path().extension() == ".args")
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// What `xuncha explain ARGS` prints, as the .expected file holds it.
std::string runCase(const std::string &name) {
  std::vector<std::string> arguments;
  std::istringstream lines(readFile(kCases / (name + ".args")));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty())
      arguments.push_back(line);
  const fs::path previous = fs::current_path();
  fs::current_path(kSource);
  std::ostringstream out, err;
  CommandContext context{out, err, false, false};
  ArgSpec spec = explainCommand().arguments();
  ParseResult parsed = spec.parse(arguments);
  int code = kExitUsage;
  if (parsed.ok())
    code = explainCommand().run(*parsed.args, context);
  else
    err << "usage error: " << parsed.error.message << "\n";
  fs::current_path(previous);
  std::string actual = out.str();
  if (!err.str().empty())
    actual += "--- stderr\n" + err.str();
  return actual + "exit: " + std::to_string(code) + "\n";
}

class ExplainGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ExplainGolden, MatchesItsExpectedOutput) {
  const std::string actual = runCase(GetParam());
  const fs::path expectedPath = kCases / (GetParam() + ".expected");
  const char *update = std::getenv("XUNCHA_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(expectedPath, std::ios::binary) << actual;
    GTEST_SKIP() << "wrote " << expectedPath;
  }
  ASSERT_TRUE(fs::exists(expectedPath))
      << "no " << expectedPath << "; run with XUNCHA_UPDATE_GOLDEN=1 to write it";
  EXPECT_EQ(actual, readFile(expectedPath));
}

INSTANTIATE_TEST_SUITE_P(Cases, ExplainGolden, ::testing::ValuesIn(caseNames()),
                         [](const ::testing::TestParamInfo<std::string> &param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(ExplainGoldenCases, EveryCaseHasItsExpectedFileAndNothingIsLeftOver) {
  const std::vector<std::string> names = caseNames();
  EXPECT_GE(names.size(), 10u);
  for (const auto &entry : fs::directory_iterator(kCases))
    if (entry.path().extension() == ".expected") {
      EXPECT_TRUE(std::binary_search(names.begin(), names.end(), entry.path().stem().string()))
          << entry.path() << " has no .args";
    }
}

} // namespace
} // namespace xr::cli
