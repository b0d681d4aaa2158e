// Runs `xuncha check` on every golden case and compares its output and exit code with the
// case's .expected file. A case is tests/golden/<area>/<name>.xr; files under a folder named
// `lib` are helpers that cases import, not cases. The command runs from tests/golden so the
// paths in its output are relative to it, with NO_COLOR set.
//
// usage: xuncha_golden_runner [--update] XUNCHA GOLDEN_DIR [CASE-SUBSTRING...]
//   --update  write the .expected files instead of comparing (scripts/update-golden.sh)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string shellQuote(const std::string &text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct RunResult {
  std::string output;
  int exitCode = -1;
};

RunResult runCheck(const std::string &xuncha, const std::string &casePath) {
  std::string command = shellQuote(xuncha) + " check " + shellQuote(casePath) + " 2>&1";
  RunResult result;
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe) {
    result.output = "cannot start: " + command + "\n";
    return result;
  }
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    result.output.append(buffer, n);
  int status = pclose(pipe);
  if (WIFEXITED(status))
    result.exitCode = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    result.output += "killed by signal " + std::to_string(WTERMSIG(status)) + "\n";
  return result;
}

std::vector<std::string> splitLines(const std::string &text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    lines.push_back(line);
  return lines;
}

/// A unified diff (3 lines of context) of two texts, from the longest common subsequence of
/// their lines. Golden outputs are small, so the quadratic table is fine.
std::string unifiedDiff(const std::string &expected, const std::string &actual,
                        const std::string &name) {
  std::vector<std::string> a = splitLines(expected);
  std::vector<std::string> b = splitLines(actual);
  std::vector<std::vector<std::uint32_t>> lcs(a.size() + 1,
                                              std::vector<std::uint32_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

  struct Op {
    char kind;                    // ' ', '-', '+'
    std::size_t oldLine, newLine; // 0-based positions before this op
    const std::string *text;
  };
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ops.push_back({' ', i, j, &a[i]});
      ++i, ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', i, j, &a[i]});
      ++i;
    } else {
      ops.push_back({'+', i, j, &b[j]});
      ++j;
    }
  }

  constexpr std::size_t kContext = 3;
  std::string out = "--- " + name + " (expected)\n+++ " + name + " (actual)\n";
  std::vector<std::size_t> changes;
  for (std::size_t m = 0; m < ops.size(); ++m)
    if (ops[m].kind != ' ')
      changes.push_back(m);
  for (std::size_t c = 0; c < changes.size(); ++c) {
    std::size_t first = changes[c];
    std::size_t last = first;
    // Changes closer than twice the context share one hunk.
    while (c + 1 < changes.size() && changes[c + 1] - last <= 2 * kContext + 1)
      last = changes[++c];
    std::size_t start = first >= kContext ? first - kContext : 0;
    std::size_t end = std::min(ops.size(), last + 1 + kContext);
    std::size_t oldCount = 0, newCount = 0;
    for (std::size_t m = start; m < end; ++m) {
      oldCount += ops[m].kind != '+';
      newCount += ops[m].kind != '-';
    }
    out += "@@ -" + std::to_string(ops[start].oldLine + (oldCount ? 1 : 0)) + "," +
           std::to_string(oldCount) + " +" +
           std::to_string(ops[start].newLine + (newCount ? 1 : 0)) + "," +
           std::to_string(newCount) + " @@\n";
    for (std::size_t m = start; m < end; ++m)
      out += std::string(1, ops[m].kind) + *ops[m].text + "\n";
  }
  return out;
}

std::string readFile(const fs::path &path, bool &found) {
  std::ifstream in(path, std::ios::binary);
  found = static_cast<bool>(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool isHelper(const fs::path &relative) {
  for (const fs::path &part : relative.parent_path())
    if (part == "lib")
      return true;
  return false;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool update = !args.empty() && args.front() == "--update";
  if (update)
    args.erase(args.begin());
  if (args.size() < 2) {
    std::cerr << "usage: xuncha_golden_runner [--update] XUNCHA GOLDEN_DIR [CASE-SUBSTRING...]\n";
    return 2;
  }
  std::string xuncha = fs::absolute(args[0]).string();
  fs::path root = fs::absolute(args[1]);
  std::vector<std::string> filters(args.begin() + 2, args.end());

  std::vector<std::string> cases;
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".xr")
      continue;
    fs::path relative = fs::relative(entry.path(), root);
    if (isHelper(relative))
      continue;
    std::string name = relative.generic_string();
    if (!filters.empty() && std::none_of(filters.begin(), filters.end(), [&](const std::string &f) {
          return name.find(f) != std::string::npos;
        }))
      continue;
    cases.push_back(name);
  }
  std::sort(cases.begin(), cases.end());

  fs::current_path(root);
  setenv("NO_COLOR", "1", 1);
  std::size_t passed = 0, failed = 0;
  for (const std::string &name : cases) {
    RunResult run = runCheck(xuncha, name);
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
      std::string diff = unifiedDiff(expected, actual, name);
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
