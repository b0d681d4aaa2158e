#pragma once
// The byte-level writers every output shares: numbers, dates, CSV cells and JSON strings,
// appended to a std::string without a temporary per value (the result writers format millions
// of rows).
#include <cstdint>
#include <string>
#include <string_view>

namespace xr::output::detail {

/// The shortest decimal that reads back as the same double (fmt's "{}": 1, 0.3, 1e+21). Negative
/// zero is written "0": it equals zero in every comparison of the language, and a signed zero in
/// a results table only puzzles its reader.
void appendNumber(std::string &out, double value);
void appendInt(std::string &out, std::int64_t value);
/// YYYY-MM-DD (days since 1970-01-01).
void appendDate(std::string &out, std::int32_t days);

/// True when a CSV cell must be quoted: it holds a comma, a double quote, CR or LF (RFC 4180),
/// or '#' (pandas' read_csv(comment='#'), which reads our provenance line away, would also cut
/// an unquoted cell at a '#').
bool csvNeedsQuotes(std::string_view cell);
/// The cell, quoted (inner quotes doubled) when csvNeedsQuotes.
void appendCsvCell(std::string &out, std::string_view cell);

/// A JSON string literal with its quotes: '"', '\\' and control characters escaped (\n, \t,
/// \u001f ...), valid UTF-8 kept as it is, every byte of an invalid UTF-8 sequence replaced by
/// \ufffd so the line stays valid JSON.
void appendJsonString(std::string &out, std::string_view text);
/// A JSON number: appendNumber's digits, or null for a NaN or an infinity (JSON has neither;
/// the language never produces them).
void appendJsonNumber(std::string &out, double value);

} // namespace xr::output::detail
