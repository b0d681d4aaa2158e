#include "cli/assignments.h"

namespace xr::cli {

std::optional<std::pair<std::string, std::string>> splitAssignment(const std::string &text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0)
    return std::nullopt;
  return std::make_pair(text.substr(0, equals), text.substr(equals + 1));
}

std::optional<std::vector<std::pair<std::string, std::string>>>
assignmentsOf(const Args &args, const std::string &option, const std::string &what,
              UsageError &error) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string &value : args.values(option)) {
    auto assignment = splitAssignment(value);
    if (!assignment) {
      error = {"invalid value '" + value + "' for '--" + option + "'",
               "write it as --" + option + " " + what};
      return std::nullopt;
    }
    out.push_back(std::move(*assignment));
  }
  return out;
}

} // namespace xr::cli
