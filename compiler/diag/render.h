#pragma once
// Diagnostics shown to people (compiler-style text with the source line and an underline)
// and to programs (JSON). Both take positions from the SourceManager; columns are Unicode
// code points, 1-based, as everywhere a position is shown.
#include "compiler/diag/diagnostic.h"
#include "compiler/source/source.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace xr {

/// Every diagnostic as text, then the summary line (nothing when the list is empty):
///   rulesets/x.xr:14:23: error[XR0203]: weights in domain safety sum to 90%, not 100%
///      14 |   weight 40%
///         |   ^~~~~~~~~~
/// followed by its notes (`path:line:col: note: ...`) and fixes (`help: ...`).
/// `color` adds ANSI colors; the caller decides (terminal, NO_COLOR, --color).
std::string renderText(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                       bool color);

/// The diagnostics alone, without the summary line: for output that gathers diagnostics of
/// several compilations under one summary.
std::string renderDiagnostics(const std::vector<Diagnostic> &diagnostics,
                              const SourceManager &sources, bool color);

/// "2 errors, 1 warning"; "1 error"; "" when both are zero. Ends with a newline.
std::string renderSummary(std::size_t errors, std::size_t warnings, bool color);

/// A JSON array with one object per diagnostic:
///   {file, range: {start: {line, column}, end: {line, column}}, byteRange: {start, end},
///    severity, code, message, notes: [{file, range, byteRange, message}],
///    fixes: [{message, edits: [{file, range, byteRange, newText}]}]}
/// Lines and columns are 1-based, columns in code points, `end` exclusive. A diagnostic or
/// note that points nowhere has null file, range and byteRange.
nlohmann::json renderJson(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources);

/// Terminal cells a code point takes: 2 for East Asian wide and full-width characters, 1
/// otherwise. Tabs are the renderer's business (expanded to kTabWidth stops).
unsigned terminalWidth(char32_t codePoint);

inline constexpr unsigned kTabWidth = 4;

} // namespace xr
