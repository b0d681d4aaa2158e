#pragma once
// What a `xuncha` command is: a name, a one-line summary for `xuncha --help`, its argument
// table and the function that runs it. main.cpp keeps the table of commands; each command
// lives in its own file and writes only to the streams it is given, so tests can run it.
#include "cli/args.h"

#include <cstdlib>
#include <iosfwd>
#include <string_view>

namespace xr::cli {

/// Exit codes, the same for every command (and listed in --help).
enum ExitCode : int {
  kExitOk = 0,       // nothing wrong
  kExitProblems = 1, // the input has problems (errors, failed tests, ...)
  kExitUsage = 2,    // the command line is wrong
};

struct CommandContext {
  std::ostream &out;
  std::ostream &err;
  bool outIsTerminal = false;
  bool noColorSet = false; // the NO_COLOR environment variable is set and not empty
  bool errIsTerminal = false; // progress lines go to a terminal's stderr only
};

struct Command {
  std::string_view name;
  std::string_view summary;
  ArgSpec (*arguments)();
  int (*run)(const Args &args, CommandContext &context);
};

/// The `--color` option every command that prints diagnostics takes.
OptionSpec colorOption();
/// Whether to color output for `--color=auto|always|never`: auto colors a terminal unless
/// NO_COLOR is set.
bool useColor(const std::string &mode, const CommandContext &context);

/// Prints `xuncha: error: ...` and the hint to the error stream; returns kExitUsage.
int reportUsageError(CommandContext &context, const UsageError &error);

/// The text that ends every command's --help.
std::string_view exitCodesHelp();

} // namespace xr::cli
