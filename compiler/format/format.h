#pragma once
// `xuncha fmt`: one canonical layout for rule files (docs/formatting.md). Only whitespace
// changes: the formatted text has the same tokens, in the same order and spelling, and the
// same comments; the formatter re-reads its own output and checks this before handing it
// out, so a layout bug can never change what a rule file means.
#include "compiler/diag/diagnostic.h"
#include "compiler/limits.h"
#include "compiler/source/source.h"

#include <optional>
#include <string>

namespace xr::format {

struct FormatResult {
  /// The formatted text; not set when the file has errors (it is not formatted then).
  std::optional<std::string> text;
  /// Why there is no text: the file's syntax errors, or an internal error.
  Diagnostics diagnostics;
};

FormatResult formatFile(const SourceFile &file, const Limits &limits = {});

} // namespace xr::format
