// Runs `xuncha check` on every golden case and compares its output and exit code with the
// case's .expected file. A case is tests/golden/<area>/<name>.xr; files under a folder named
// `lib` are helpers that cases import, not cases. The command runs from tests/golden so the
// paths in its output are relative to it, with NO_COLOR set.
//
// usage: xuncha_golden_runner [--update] XUNCHA GOLDEN_DIR [CASE-SUBSTRING...]
//   --update  write the .expected files instead of comparing (scripts/update-golden.sh)
#include "compiler/format/line_diff.h"
#include "tests/golden/golden_support.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using xr::golden::readFile;

namespace {

bool isHelper(const fs::path &relative) {
  for (const fs::path &part : relative.parent_path())
    if (part == "lib")
      return true;
  return false;
}

} // namespace

int main(int argc, char **argv) {
  const std::optional<xr::golden::RunnerArgs> args = xr::golden::parseRunnerArgs(argc, argv);
  if (!args) {
    std::cerr << "usage: xuncha_golden_runner [--update] XUNCHA GOLDEN_DIR [CASE-SUBSTRING...]\n";
    return 2;
  }
  const auto &[update, xuncha, root, filters] = *args;

  std::vector<std::string> cases;
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".xr")
      continue;
    fs::path relative = fs::relative(entry.path(), root);
    if (isHelper(relative))
      continue;
    std::string name = relative.generic_string();
    if (!xr::golden::selected(name, filters))
      continue;
    cases.push_back(name);
  }
  std::sort(cases.begin(), cases.end());

  fs::current_path(root);
  setenv("NO_COLOR", "1", 1);
  std::size_t passed = 0, failed = 0;
  for (const std::string &name : cases) {
    const xr::golden::CommandResult run = xr::golden::runCommand(
        xr::golden::shellQuote(xuncha) + " check " + xr::golden::shellQuote(name));
    std::string actual = run.output + "exit: " + std::to_string(run.exitCode) + "\n";
    fs::path expectedPath = fs::path(name).replace_extension(".expected");
    bool found = false;
    std::string expected = readFile(expectedPath, found);
    if (update) {
      if (!found || expected != actual) {
        std::ofstream(expectedPath, std::ios::binary) << actual;
        std::cout << (found ? "updated " : "created ") << expectedPath.generic_string() << "\n";
      }
      continue;
    }
    if (!found) {
      ++failed;
      std::cout << "FAIL " << name << ": no " << expectedPath.generic_string()
                << " (scripts/update-golden.sh writes it)\n";
    } else if (expected != actual) {
      ++failed;
      std::string diff =
          xr::format::unifiedDiff(expected, actual, name + " (expected)", name + " (actual)");
      if (diff.find("\n@@ ") == std::string::npos)
        diff += "(the texts differ only in line endings or the final newline)\n";
      std::cout << "FAIL " << name << "\n" << diff;
    } else {
      ++passed;
    }
  }
  if (update)
    return 0;
  if (cases.empty()) {
    std::cout << "no golden case found under " << root.string() << "\n";
    return 1;
  }
  std::cout << "golden: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
