#pragma once
// What the golden runners share: running the command under test through the shell with its
// output captured, reading a case's files, and choosing the cases the command line names.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace xr::golden {

inline std::string shellQuote(const std::string &text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CommandResult {
  std::string output; // stdout and stderr, interleaved as written
  int exitCode = -1;  // -1 when it could not start or did not exit by itself
};

/// Runs `command` through the shell.
inline CommandResult runCommand(const std::string &command) {
  CommandResult result;
  FILE *pipe = popen((command + " 2>&1").c_str(), "r");
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

/// The file's bytes; `found` says whether it could be opened.
inline std::string readFile(const std::filesystem::path &path, bool &found) {
  std::ifstream in(path, std::ios::binary);
  found = static_cast<bool>(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A runner's command line: [--update] XUNCHA CASE_DIR [CASE-SUBSTRING...].
struct RunnerArgs {
  bool update = false; // write the .expected files instead of comparing
  std::string xuncha;  // the command under test, absolute
  std::filesystem::path root;
  std::vector<std::string> filters;
};

/// The runner's arguments, or nothing when they are too few (the caller prints its usage).
inline std::optional<RunnerArgs> parseRunnerArgs(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  RunnerArgs out;
  out.update = !args.empty() && args.front() == "--update";
  if (out.update)
    args.erase(args.begin());
  if (args.size() < 2)
    return std::nullopt;
  out.xuncha = std::filesystem::absolute(args[0]).string();
  out.root = std::filesystem::absolute(args[1]);
  out.filters.assign(args.begin() + 2, args.end());
  return out;
}

/// Whether the case is one the command line asks for: any when it names none, else those
/// whose name contains one of the substrings.
inline bool selected(const std::string &name, const std::vector<std::string> &filters) {
  return filters.empty() || std::any_of(filters.begin(), filters.end(), [&](const std::string &f) {
           return name.find(f) != std::string::npos;
         });
}

} // namespace xr::golden
