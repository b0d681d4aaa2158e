#include "cli/command.h"

#include <ostream>

namespace xr::cli {

OptionSpec colorOption() {
  return {"color",
          "WHEN",
          "color the output (auto: when writing to a terminal and NO_COLOR is unset)",
          {"auto", "always", "never"},
          "auto",
          false};
}

bool useColor(const std::string &mode, const CommandContext &context) {
  if (mode == "always")
    return true;
  if (mode == "never")
    return false;
  return context.outIsTerminal && !context.noColorSet;
}

int reportUsageError(CommandContext &context, const UsageError &error) {
  context.err << "xuncha: error: " << error.message << "\n";
  if (!error.hint.empty())
    context.err << "hint: " << error.hint << "\n";
  return kExitUsage;
}

std::string_view exitCodesHelp() {
  return "exit codes:\n"
         "  0  no problem found\n"
         "  1  problems found in the input\n"
         "  2  usage error (unknown command or option, missing argument)\n";
}

} // namespace xr::cli
