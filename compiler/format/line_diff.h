#pragma once
// A line diff (Myers' algorithm, in linear space) and its unified-diff text, for
// `xuncha fmt --diff`.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xr::format {

enum class DiffOp : unsigned char { Keep, Remove, Add };

/// The shortest edit turning `before` into `after`, one op per line kept, removed or added,
/// in order (removals before additions where both happen at one place).
std::vector<DiffOp> diffLines(const std::vector<std::string> &before,
                              const std::vector<std::string> &after);

/// A unified diff with three lines of context ("" when the texts are equal). Lines are
/// compared with their line ends, so a changed line end shows as a changed line, and a last
/// line without one is marked `\ No newline at end of file`.
std::string unifiedDiff(std::string_view before, std::string_view after,
                        std::string_view beforeName, std::string_view afterName);

} // namespace xr::format
