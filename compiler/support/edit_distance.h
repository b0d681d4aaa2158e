#pragma once
// The one edit distance behind every did-you-mean (names in rule files, keyword options, CLI
// options): over Unicode code points (one Chinese character is one edit), ASCII case ignored,
// and a swap of two neighbours counted as one edit ("firts" -> "first"), as typos go.
#include <cstddef>
#include <string_view>

namespace xr {

std::size_t editDistance(std::string_view a, std::string_view b);

} // namespace xr
