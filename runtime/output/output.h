#pragma once
// Writing what a run produces: the result rows, the rows that could not be read, and the
// report figures. Formatters are immutable and thread safe, so worker threads format their
// batch into a string and one thread writes the strings in input order (byte-identical output
// for any thread count).
//
// Every output names the rule set it came from (Provenance):
//  - CSV files start with one comment line, `# xuncha results: ruleset="…" version=2023
//    sha256=<64 hex>` (pandas: read_csv(comment='#')), then the header line;
//  - JSON Lines files start with one object {"xuncha":"results","ruleset":…,"version":…,
//    "sha256":…}; every later line is a record;
//  - the report JSON has a "ruleset" object.
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/interp/report.h"
#include "runtime/load/input.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xr::output {

enum class OutputFormat : std::uint8_t { Csv, JsonLines };

/// .csv -> Csv; .jsonl, .ndjson -> JsonLines (case-insensitive); nullopt otherwise.
std::optional<OutputFormat> outputFormatFromPath(std::string_view path);
/// "csv" / "jsonl" (as --format takes them).
std::optional<OutputFormat> parseOutputFormat(std::string_view name);

struct Provenance {
  std::string ruleset; // the rule set's title
  std::int64_t version = 0;
  std::string sha256; // ir::Program::contentHash
};
Provenance provenanceOf(const ir::Program &program);
/// The provenance comment that starts a CSV output, without its line end:
/// # xuncha <what>: ruleset="<title>" version=<version> sha256=<hash>
void appendProvenanceComment(std::string &out, std::string_view what, const Provenance &p);

/// How a value appears in every output (results, errors, explain, test failures): ints and
/// numbers in the shortest form that reads back exactly (1, 0.3, 1e+21), dates ISO
/// (2024-06-30), bools true/false, enums by member name, statuses pass / fail / not_assessed /
/// not_applicable, sets as member names joined by ';'. Missing is the empty string (callers
/// that need `null` check Constant::valid first). Negative zero is written "0" (it equals 0 in
/// every comparison of the language; a signed zero in a results table only puzzles).
std::string formatValue(const ir::Program &program, const ir::Constant &value);

/// The result rows. Columns, in order: the record's key field (when it has one, under its
/// field name), `status` (ok / error), `error` (the message of an error row), then every
/// ir::Program::results column (per-indicator ones only with `indicators`), then `flags` (the
/// names of the raised flags, ';'-joined, in declaration order) and `actions` (the fired
/// escalations' actions as escalation.action or escalation.action=argument, ';'-joined, in
/// declaration order). An error row has every value column empty. JSON Lines: one object per
/// row with the same keys in the same order; missing values are null; flags and actions are
/// arrays.
/// Details: the `checklist` column shows the applied checklist's name; an action whose argument
/// is missing is written escalation.action= ; a CSV cell is quoted (RFC 4180, quotes doubled)
/// when it holds a comma, a quote, CR, LF or '#' (the last for read_csv(comment='#')); in JSON
/// Lines an error row's flags and actions are null like its other values, and sets are arrays
/// of member names.
class ResultFormatter {
public:
  ResultFormatter(const ir::Program &program, OutputFormat format, bool indicators);
  /// The provenance line and (CSV) the header line, each ending with '\n'.
  std::string preamble() const;
  /// Appends one line per row of `results` (made by a back end for `program`).
  void format(const batch::Results &results, std::string &out) const;
  OutputFormat format() const { return format_; }
  /// The slots format() reads (the results must keep them).
  ir::SlotSelection slotsRead() const;

private:
  const ir::Program *program_;
  OutputFormat format_;
  bool indicators_;
};

/// The rows that could not be read, always CSV: columns file, line, record (1-based), column,
/// reason. `inputPath` is the data file as the user named it.
class ErrorFormatter {
public:
  ErrorFormatter(const ir::Program &program, std::string inputPath);
  std::string preamble() const;
  void format(const std::vector<load::LoadError> &errors, std::string &out) const;

private:
  const ir::Program *program_;
  std::string inputPath_;
};

/// Counts of a run, for the report and the summary line.
struct RunCounts {
  std::uint64_t recordsIn = 0;     // data records in the input
  std::uint64_t evaluated = 0;     // records evaluated (result rows)
  std::uint64_t recordErrors = 0;  // of those, records whose evaluation raised an error
  std::uint64_t rejected = 0;      // records that could not be read (error rows)
};

/// The report file: {"xuncha":"report","ruleset":{name,version,sha256},"records":{in,
/// evaluated,record_errors,rejected},"reports":[{name,title,records,errored_records,groups:[{
/// key,records,items:[{name,title,value,target,target_met,error}]}]}]}. Keys in that order,
/// two-space indentation, values as formatValue gives them but typed (numbers as JSON numbers,
/// key lists as arrays, missing as null). Deterministic byte for byte. A title that was not
/// given, a target that was not set and an error that did not happen are null.
std::string reportJson(const ir::Program &program, const RunCounts &counts,
                       const std::vector<interp::ReportResult> &reports);

/// The report figures as readable tables for a terminal: one table per report (a row per
/// group, a column per item, titles as headers), rates as percentages, targets marked met or
/// missed; columns aligned by display width (CJK characters are two columns wide). An item is a
/// rate when its whole expression is one rate(...) aggregate; the display rules are spelled out
/// in report_text.cpp.
std::string reportText(const ir::Program &program, const std::vector<interp::ReportResult> &reports);

/// The display width of UTF-8 text in a terminal (East Asian wide and full-width characters
/// count 2, combining marks 0).
std::size_t displayWidth(std::string_view utf8);

} // namespace xr::output
