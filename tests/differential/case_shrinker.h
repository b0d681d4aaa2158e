#pragma once
// Cuts a case on which the engines differ down to what still shows the difference: first the
// records (the one record the results name, else chunks of them), then the rule text, a piece
// at a time: whole declarations, lines of declarations (table rows, body items, report items),
// then parts of expressions (an operand of the same type in place of the operation, a literal
// in place of a value). A cut is kept when the text still compiles without errors and the
// engines still differ on it.
#include "tests/differential/engine_comparison.h"
#include "tests/differential/record_generator.h"
#include "tests/differential/source_model.h"

#include <functional>
#include <string>

namespace xr::differential {

struct FailingCase {
  RuleSource source;
  RecordTable records;
  std::string difference;
};

struct ShrinkOptions {
  ComparisonOptions comparison;
  double seconds = 300; // give up cutting after this long (what is cut by then is kept)
  /// Judges a candidate; empty: compareEngines with `comparison`. Tests give their own.
  std::function<Comparison(const std::string &ruleText, const std::string &csv)> compare;
};

FailingCase shrinkCase(FailingCase failing, const ShrinkOptions &options);

/// The case as files: DIR/rules.xr, DIR/records.csv, DIR/difference.txt (`note`, then what
/// differed) and DIR/args: the options of `xuncha run` that match `settings` (--indicators,
/// --threads, --batch-bytes), one a line, as tests/differential/replay_regressions.sh reads them.
void saveCase(const FailingCase &failing, const std::string &dir, const std::string &note,
              const ComparisonOptions &settings);

} // namespace xr::differential
