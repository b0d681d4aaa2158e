#include "runtime/load/csv_syntax.h"

#include <array>
#include <cstring>

namespace xr::load::csv {

namespace {

/// The bytes that end an unquoted cell's plain run.
constexpr std::array<bool, 256> kCellStop = [] {
  std::array<bool, 256> stop{};
  stop[static_cast<unsigned char>(',')] = true;
  stop[static_cast<unsigned char>('\n')] = true;
  stop[static_cast<unsigned char>('"')] = true;
  return stop;
}();

/// The position of the quote that closes the quoted cell whose text starts at `from`, or npos.
std::size_t closingQuote(const char *data, std::size_t size, std::size_t from, bool &escaped) {
  for (std::size_t q = from;;) {
    const void *hit = std::memchr(data + q, '"', size - q);
    if (!hit)
      return std::string_view::npos;
    const std::size_t c = static_cast<std::size_t>(static_cast<const char *>(hit) - data);
    if (c + 1 < size && data[c + 1] == '"') {
      escaped = true;
      q = c + 2;
      continue;
    }
    return c;
  }
}

} // namespace

RecordEnd findRecordEnd(std::string_view text, std::size_t pos) {
  const char *d = text.data();
  const std::size_t n = text.size();
  std::size_t p = pos;
  for (;;) {
    const void *lf = std::memchr(d + p, '\n', n - p);
    const std::size_t nl = lf ? static_cast<std::size_t>(static_cast<const char *>(lf) - d) : n;
    const void *quote = std::memchr(d + p, '"', nl - p);
    if (!quote)
      return nl < n ? RecordEnd{nl + 1, true} : RecordEnd{n, false};
    const std::size_t q = static_cast<std::size_t>(static_cast<const char *>(quote) - d);
    // Past the record's start, every byte before `p` is a quote (a closed cell or a stray
    // one), so only a comma before the quote makes it the start of a quoted cell.
    const bool opens = q == pos || d[q - 1] == ',';
    if (!opens) {
      p = q + 1;
      continue;
    }
    bool escaped = false;
    const std::size_t close = closingQuote(d, n, q + 1, escaped);
    if (close == std::string_view::npos)
      return {n, false};
    p = close + 1;
  }
}

CellStatus readCell(std::string_view text, std::size_t &pos, Cell &cell, std::string &scratch) {
  const char *d = text.data();
  const std::size_t n = text.size();
  std::size_t p = pos;
  if (p < n && d[p] == '"') {
    cell.quoted = true;
    bool escaped = false;
    const std::size_t close = closingQuote(d, n, p + 1, escaped);
    if (close == std::string_view::npos) {
      pos = n;
      cell.last = true;
      return CellStatus::Unterminated;
    }
    if (escaped) {
      scratch.clear();
      for (std::size_t i = p + 1; i < close; ++i) {
        scratch += d[i];
        if (d[i] == '"')
          ++i; // the second quote of ""
      }
      cell.text = scratch;
    } else {
      cell.text = text.substr(p + 1, close - p - 1);
    }
    p = close + 1;
    if (p == n || d[p] == '\n' || (d[p] == '\r' && (p + 1 == n || d[p + 1] == '\n'))) {
      cell.last = true;
      pos = p == n ? n : (d[p] == '\n' ? p + 1 : std::min(p + 2, n));
      return CellStatus::Ok;
    }
    if (d[p] == ',') {
      cell.last = false;
      pos = p + 1;
      return CellStatus::Ok;
    }
    pos = p;
    return CellStatus::TextAfterQuote;
  }
  cell.quoted = false;
  std::size_t s = p;
  while (s < n && !kCellStop[static_cast<unsigned char>(d[s])])
    ++s;
  if (s < n && d[s] == '"') {
    pos = s;
    return CellStatus::StrayQuote;
  }
  if (s < n && d[s] == ',') {
    cell.text = text.substr(p, s - p);
    cell.last = false;
    pos = s + 1;
    return CellStatus::Ok;
  }
  std::size_t e = s;
  if (e > p && d[e - 1] == '\r')
    --e;
  cell.text = text.substr(p, e - p);
  cell.last = true;
  pos = s == n ? n : s + 1;
  return CellStatus::Ok;
}

const char *describe(CellStatus status) {
  switch (status) {
  case CellStatus::Ok:
    return "a well-formed cell";
  case CellStatus::Unterminated:
    return "a quoted cell is not closed: its closing quote is missing before the end of the "
           "input";
  case CellStatus::StrayQuote:
    return "a quote inside an unquoted cell: quote the whole cell and double the quotes in it "
           "(\"say \"\"hi\"\"\")";
  case CellStatus::TextAfterQuote:
    return "text after the closing quote of a cell: a quoted cell must end at a comma or the "
           "end of the line (double the quotes inside it)";
  }
  return "a malformed cell";
}

} // namespace xr::load::csv
