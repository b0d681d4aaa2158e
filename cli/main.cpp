// `xuncha`: the command-line front of the engine. This file only dispatches: the table below
// lists the commands, each implemented in its own file.
#include "cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace xr::cli {
namespace {

const std::vector<const Command *> &commandTable() {
  static const std::vector<const Command *> table = {
      &checkCommand(),
      &runCommand(),
      &testCommand(),
      &genCommand(),
      &diffCommand(),
      &docCommand(),
      &explainCommand(),
      &fmtCommand(),
      &lspCommand(),
  };
  return table;
}

std::string topLevelHelp() {
  std::string out = "usage: xuncha <command> [options] [arguments]\n"
                    "       xuncha --help | --version\n"
                    "\n"
                    "Xuncha checks and runs inspection rule sets written in the Xuncha Rule "
                    "Language (.xr).\n"
                    "\n"
                    "commands:\n";
  std::size_t width = 0;
  for (const Command *command : commandTable())
    width = std::max(width, command->name.size());
  for (const Command *command : commandTable())
    out += "  " + std::string(command->name) + std::string(width - command->name.size() + 2, ' ') +
           std::string(command->summary) + "\n";
  out += "\n"
         "options:\n"
         "  -h, --help  show this help\n"
         "  --version   show the version\n"
         "\n"
         "Run 'xuncha <command> --help' for a command's options.\n"
         "\n";
  out += exitCodesHelp();
  return out;
}

int dispatch(const std::vector<std::string> &arguments, CommandContext &context) {
  if (arguments.empty()) {
    context.err << topLevelHelp();
    return kExitUsage;
  }
  const std::string &first = arguments.front();
  if (first == "--help" || first == "-h") {
    context.out << topLevelHelp();
    return kExitOk;
  }
  if (first == "--version") {
    context.out << "xuncha " << XUNCHA_VERSION << "\n";
    return kExitOk;
  }

  std::vector<std::string> names;
  for (const Command *command : commandTable())
    names.push_back(std::string(command->name));
  if (first.rfind("-", 0) == 0) {
    return reportUsageError(context, {"unknown option '" + first + "'",
                                      "options go after the command; run 'xuncha --help'"});
  }
  const Command *chosen = nullptr;
  for (const Command *command : commandTable())
    if (command->name == first)
      chosen = command;
  if (!chosen) {
    auto match = closestMatch(first, names);
    return reportUsageError(context, {"unknown command '" + first + "'",
                                      match ? "did you mean '" + *match + "'?"
                                            : "run 'xuncha --help' to see the commands"});
  }

  ArgSpec spec = chosen->arguments();
  ParseResult parsed = spec.parse({arguments.begin() + 1, arguments.end()});
  if (!parsed.ok())
    return reportUsageError(context, parsed.error);
  if (parsed.args->helpRequested()) {
    context.out << spec.help();
    return kExitOk;
  }
  return chosen->run(*parsed.args, context);
}

} // namespace
} // namespace xr::cli

int main(int argc, char **argv) {
  std::ios::sync_with_stdio(false);
  const char *noColor = std::getenv("NO_COLOR");
  xr::cli::CommandContext context{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                  noColor != nullptr && *noColor != '\0',
                                  isatty(STDERR_FILENO) == 1};
  int code = xr::cli::dispatch({argv + 1, argv + argc}, context);
  std::cout.flush();
  return code;
}
