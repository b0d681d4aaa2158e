#pragma once
// A rule set of about 3,000 lines, like a large national one: a record of 80 fields, 12
// domains, 240 indicators of several lines each (Chinese titles and comments), checklists,
// tables, rules and tests; it compiles without errors. The language server's benchmarks
// time edits and requests on it (lsp_bench.cpp; completion in the semantic features).
#include <cstddef>
#include <cstdint>
#include <string>

namespace xr::bench {

struct LspWorkload {
  std::string text;
  /// A place inside an indicator's `pass when` where an edit keeps the file valid: the
  /// zero-based line and the UTF-16 (and UTF-8: the line is ASCII up to it) character of the
  /// digit in `>= 2`.
  std::uint32_t editLine = 0;
  std::uint32_t editCharacter = 0;
  std::size_t lines = 0;
};

/// The workload with about `indicators` indicators (340 gives about 3,000 lines).
LspWorkload lspWorkload(std::size_t indicators = 340);

} // namespace xr::bench
