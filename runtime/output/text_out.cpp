#include "runtime/output/text_out.h"

#include "runtime/builtins/dates.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>
#include <iterator>

namespace xr::output::detail {

void appendNumber(std::string &out, double value) {
  // Whole numbers below 1e15 are written as their integer digits by "{}" too; most scores
  // and frequencies are, and this path skips the shortest-digits search. It also writes -0
  // as 0.
  if (value > -1e15 && value < 1e15) {
    const auto whole = static_cast<std::int64_t>(value);
    if (static_cast<double>(whole) == value) {
      appendInt(out, whole);
      return;
    }
  }
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), value);
}

void appendInt(std::string &out, std::int64_t value) {
  const fmt::format_int digits(value);
  out.append(digits.data(), digits.size());
}

void appendDate(std::string &out, std::int32_t days) {
  const dates::Civil c = dates::civilFromDays(days);
  if (c.year >= 0 && c.year <= 9999) {
    char text[10] = {static_cast<char>('0' + c.year / 1000),
                     static_cast<char>('0' + c.year / 100 % 10),
                     static_cast<char>('0' + c.year / 10 % 10),
                     static_cast<char>('0' + c.year % 10),
                     '-',
                     static_cast<char>('0' + c.month / 10),
                     static_cast<char>('0' + c.month % 10),
                     '-',
                     static_cast<char>('0' + c.day / 10),
                     static_cast<char>('0' + c.day % 10)};
    out.append(text, sizeof text);
    return;
  }
  // Outside the language's years (never stored in a result; kept readable all the same).
  fmt::format_to(std::back_inserter(out), "{}-{:02}-{:02}", c.year, c.month, c.day);
}

bool csvNeedsQuotes(std::string_view cell) {
  for (const char c : cell)
    if (c == ',' || c == '"' || c == '\r' || c == '\n' || c == '#')
      return true;
  return false;
}

void appendCsvCell(std::string &out, std::string_view cell) {
  if (!csvNeedsQuotes(cell)) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  std::size_t start = 0;
  for (std::size_t i = 0; i < cell.size(); ++i)
    if (cell[i] == '"') {
      out.append(cell.substr(start, i + 1 - start)); // the quote itself, then its double
      out.push_back('"');
      start = i + 1;
    }
  out.append(cell.substr(start));
  out.push_back('"');
}

namespace {

/// The length of the valid UTF-8 sequence at `i` (2..4), or 0 when it is not one (overlong
/// forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  const auto continuation = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF)
    return continuation(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2))
      return 0;
    const unsigned char b1 = byte(i + 1);
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0))
      return 0;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3))
      return 0;
    const unsigned char b1 = byte(i + 1);
    if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90))
      return 0;
    return 4;
  }
  return 0;
}

} // namespace

void appendJsonString(std::string &out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t start = 0; // the bytes from start to i go out unchanged
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (const std::size_t n = utf8SequenceLength(text, i)) {
        i += n;
        continue;
      }
    }
    out.append(text.substr(start, i - start));
    switch (c) {
    case '"':
      out.append("\\\"");
      break;
    case '\\':
      out.append("\\\\");
      break;
    case '\n':
      out.append("\\n");
      break;
    case '\r':
      out.append("\\r");
      break;
    case '\t':
      out.append("\\t");
      break;
    case '\b':
      out.append("\\b");
      break;
    case '\f':
      out.append("\\f");
      break;
    default:
      if (c < 0x20) {
        const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escape, sizeof escape);
      } else {
        out.append("\\ufffd"); // a byte of invalid UTF-8
      }
    }
    start = ++i;
  }
  out.append(text.substr(start));
  out.push_back('"');
}

void appendJsonNumber(std::string &out, double value) {
  if (!std::isfinite(value)) {
    out.append("null");
    return;
  }
  appendNumber(out, value);
}

} // namespace xr::output::detail
