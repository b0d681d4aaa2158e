#pragma once
// Limits on what an input controls. Exceeding one is a diagnostic (XR0007), never a crash,
// a stack overflow or a hang: rule files may come from people we do not trust.
#include <cstddef>

namespace xr {

struct Limits {
  std::size_t maxFileBytes = 8u << 20;       // one rule file
  std::size_t maxNestingDepth = 200;         // expression and block nesting
  std::size_t maxIdentifierBytes = 256;
  std::size_t maxStringBytes = 64u << 10;
  std::size_t maxDeclarations = 100'000;     // per file
  std::size_t maxFiles = 1'000;              // imports and extends, transitively
};

} // namespace xr
