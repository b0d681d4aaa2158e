#pragma once
// `--param name=value` and `--map field=column`: options whose value is an assignment.
#include "cli/args.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace xr::cli {

/// "inspection_date=2024-09-30" -> {"inspection_date", "2024-09-30"}; the value may be empty
/// and may contain '='. nullopt when there is no '=' or nothing before it.
std::optional<std::pair<std::string, std::string>> splitAssignment(const std::string &text);

/// Every value of a repeatable option split as above; nullopt with `error` describing the
/// first malformed one (`what` names the two parts: "NAME=VALUE").
std::optional<std::vector<std::pair<std::string, std::string>>>
assignmentsOf(const Args &args, const std::string &option, const std::string &what,
              UsageError &error);

} // namespace xr::cli
