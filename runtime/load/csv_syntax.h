#pragma once
// The syntax of CSV records (RFC 4180), in the one form the reader (cutting the input into
// chunks of whole records) and the parser (reading cells) both follow, so they always agree on
// where a record ends:
//  - a record ends at a line feed outside quotes ("\r\n" ends it too, the "\r" is dropped);
//  - a cell is quoted when its first character is '"'; inside, "" is one quote and line feeds
//    and commas are text; the closing quote must be followed by ',' or the end of the record;
//  - a quote anywhere else is a stray quote: an error of its record, which still ends at the
//    next line feed outside quotes;
//  - a line with nothing on it is blank: not a record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace xr::load::csv {

/// The length of the blank line at `pos` ("\n", "\r\n", or "\r" at the very end of `text`), 0
/// when the line there has something on it (or `pos` is the end of `text`).
inline std::size_t blankLineLength(std::string_view text, std::size_t pos) {
  if (pos >= text.size())
    return 0;
  if (text[pos] == '\n')
    return 1;
  if (text[pos] == '\r' && (pos + 1 == text.size() || text[pos + 1] == '\n'))
    return pos + 1 == text.size() ? 1 : 2;
  return 0;
}

struct RecordEnd {
  std::size_t end = 0;     // just past the record's line feed, or text.size()
  bool terminated = false; // false: the record runs to the end of `text` (it may go on)
};

/// Where the record that starts at `pos` ends.
RecordEnd findRecordEnd(std::string_view text, std::size_t pos);

enum class CellStatus : std::uint8_t {
  Ok,
  Unterminated,   // a quoted cell runs to the end of the text
  StrayQuote,     // a quote inside an unquoted cell
  TextAfterQuote, // something other than ',' or the end of the record after a closing quote
};

struct Cell {
  std::string_view text; // the cell's value, unquoted
  bool quoted = false;
  bool last = false; // the record ends after this cell
};

/// Reads the cell that starts at `pos` and moves `pos` past it (and its ',' or line end). A
/// quoted cell with doubled quotes is unescaped into `scratch` (cell.text then points there).
/// On an error `pos` is left somewhere inside the record: find its end with findRecordEnd.
CellStatus readCell(std::string_view text, std::size_t &pos, Cell &cell, std::string &scratch);

/// "a quoted cell is not closed", for a reason.
const char *describe(CellStatus status);

} // namespace xr::load::csv
