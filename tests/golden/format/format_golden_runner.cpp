// Runs `xuncha fmt` on every formatter golden case and compares the result with the case's
// expected file. A case is tests/golden/format/<name>.input (messy on purpose) with
// <name>.expected (the canonical layout); the input is copied to a temporary folder as
// <name>.xr, formatted there in place, compared, then checked with `xuncha fmt --check`
// (formatting formatted output changes nothing).
//
// usage: xuncha_format_golden_runner [--update] XUNCHA CASE_DIR [CASE-SUBSTRING...]
//   --update  write the .expected files instead of comparing
#include "compiler/format/line_diff.h"
#include "tests/golden/golden_support.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using xr::golden::readFile;
using xr::golden::runCommand;
using xr::golden::shellQuote;

int main(int argc, char **argv) {
  const std::optional<xr::golden::RunnerArgs> args = xr::golden::parseRunnerArgs(argc, argv);
  if (!args) {
    std::cerr << "usage: xuncha_format_golden_runner [--update] XUNCHA CASE_DIR "
                 "[CASE-SUBSTRING...]\n";
    return 2;
  }
  const auto &[update, xuncha, root, filters] = *args;

  std::vector<std::string> cases;
  for (const auto &entry : fs::directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".input")
      continue;
    std::string name = entry.path().stem().string();
    if (xr::golden::selected(name, filters))
      cases.push_back(name);
  }
  std::sort(cases.begin(), cases.end());

  fs::path scratch =
      fs::temp_directory_path() / ("xuncha-format-golden-" + std::to_string(getpid()));
  fs::create_directories(scratch);
  setenv("NO_COLOR", "1", 1);
  std::size_t passed = 0, failed = 0;
  for (const std::string &name : cases) {
    bool found = false;
    std::string input = readFile(root / (name + ".input"), found);
    fs::path file = scratch / (name + ".xr");
    std::ofstream(file, std::ios::binary) << input;
    const xr::golden::CommandResult formatted =
        runCommand(shellQuote(xuncha) + " fmt " + shellQuote(file.string()));
    const int code = formatted.exitCode;
    const std::string &output = formatted.output;
    std::string actual = readFile(file, found);
    fs::path expectedPath = root / (name + ".expected");
    std::string expected = readFile(expectedPath, found);
    if (code != 0) {
      ++failed;
      std::cout << "FAIL " << name << ": xuncha fmt exited " << code << "\n" << output;
      continue;
    }
    if (update) {
      if (!found || expected != actual) {
        std::ofstream(expectedPath, std::ios::binary) << actual;
        std::cout << (found ? "updated " : "created ") << expectedPath.filename().string() << "\n";
      }
      continue;
    }
    if (!found) {
      ++failed;
      std::cout << "FAIL " << name << ": no " << expectedPath.filename().string()
                << " (run with --update to write it)\n";
      continue;
    }
    if (expected != actual) {
      ++failed;
      std::cout << "FAIL " << name << "\n"
                << xr::format::unifiedDiff(expected, actual, name + ".expected",
                                           name + " (formatted)");
      continue;
    }
    const xr::golden::CommandResult again =
        runCommand(shellQuote(xuncha) + " fmt --check " + shellQuote(file.string()));
    if (again.exitCode != 0) {
      ++failed;
      std::cout << "FAIL " << name << ": formatting the formatted file changes it\n"
                << again.output;
      continue;
    }
    ++passed;
  }
  fs::remove_all(scratch);
  if (!update)
    std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
