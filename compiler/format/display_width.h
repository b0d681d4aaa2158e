#pragma once
// How wide text looks in a fixed-width editor or terminal: Chinese characters (East Asian
// wide and full-width forms) take two columns, the rest one (xr::terminalWidth). The
// formatter aligns columns by this width, so a table of Chinese cells lines up on screen.
#include <cstddef>
#include <string_view>

namespace xr::format {

/// Columns taken by UTF-8 text (an invalid byte counts one column).
std::size_t displayWidth(std::string_view utf8);

} // namespace xr::format
