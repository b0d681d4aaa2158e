#pragma once
// Generated enterprises as text, exactly as the loader reads them back (runtime/load/
// value_text.h): numbers in the shortest form that reads back exactly, dates ISO, bools
// true/false, enums by member name, a missing value as an empty CSV cell or a JSON null.
//  - CSV: a header line of the record's field names, then one line per enterprise; a cell is
//    quoted (RFC 4180) only when it holds a comma, a quote or a line break.
//  - JSON Lines: one object per enterprise, the fields in record order.
#include "runtime/output/output.h"
#include "runtime/synth/generator.h"

#include <string>

namespace xr::synth {

class PopulationFormatter {
public:
  PopulationFormatter(const Generator &generator, output::OutputFormat format);

  /// CSV: the header line (with '\n'); JSON Lines: nothing.
  std::string header() const;
  /// Appends one line for `enterprise`.
  void appendRow(const Enterprise &enterprise, std::string &out) const;

private:
  void appendValue(std::size_t field, const FieldValue &value, std::string &out) const;

  const Generator *generator_;
  output::OutputFormat format_;
  std::vector<std::string> jsonKeys_; // `"name":` per field
};

/// Appends `text` as a CSV cell, quoted when it must be.
void appendCsvCell(std::string_view text, std::string &out);
/// Appends `text` as a JSON string (quotes, backslashes and control characters escaped).
void appendJsonString(std::string_view text, std::string &out);

} // namespace xr::synth
