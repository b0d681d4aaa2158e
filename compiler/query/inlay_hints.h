#pragma once
// Inlay hints: each indicator's effective weight in each checklist, shown after its weight
// (or its name) where the indicator is declared or its weight overridden.
#include "compiler/driver/compilation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace xr::query {

struct InlayHint {
  std::uint32_t offset = 0; // byte offset the hint follows
  std::string label;        // "full 8% · sme 12.5%"
  std::string tooltip;
};

/// Hints in `file` whose offset lies in [begin, end], in offset order.
std::vector<InlayHint> inlayHintsIn(const Compilation &compilation, FileId file,
                                    std::uint32_t begin, std::uint32_t end);

} // namespace xr::query
