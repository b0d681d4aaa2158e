#include "compiler/syntax/literals.h"

#include "compiler/syntax/source_text.h"
#include "runtime/builtins/dates.h"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <system_error>

namespace xr::syntax {

namespace {

std::uint32_t utf8Length(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if ((lead & 0xE0) == 0xC0)
    return 2;
  if ((lead & 0xF0) == 0xE0)
    return 3;
  if ((lead & 0xF8) == 0xF0)
    return 4;
  return 1;
}

bool isHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return c - 'A' + 10;
}

constexpr std::string_view kValidEscapes =
    "valid escapes are \\\", \\\\, \\n, \\t, \\r and \\u{XXXX}";

/// Reads `\u{XXXX}` starting at the backslash; appends the code point or records an error.
std::size_t readUnicodeEscape(std::string_view raw, std::size_t at, std::size_t end,
                              UnescapedString &out) {
  std::size_t i = at + 2; // past "\u"
  if (i >= end || raw[i] != '{') {
    out.errors.push_back({static_cast<std::uint32_t>(at), 2,
                          "invalid escape '\\u' in string: write \\u{4E2D} with the code "
                          "point in hexadecimal between braces"});
    return i;
  }
  std::size_t digitsBegin = ++i;
  while (i < end && isHexDigit(raw[i]))
    ++i;
  std::size_t digits = i - digitsBegin;
  bool closed = i < end && raw[i] == '}';
  std::size_t stop = closed ? i + 1 : i;
  auto length = static_cast<std::uint32_t>(stop - at);
  std::string written(raw.substr(at, stop - at));
  if (!closed || digits == 0 || digits > 6) {
    out.errors.push_back({static_cast<std::uint32_t>(at), length,
                          fmt::format("invalid escape '{}' in string: write \\u{{4E2D}} with "
                                      "1 to 6 hexadecimal digits between braces",
                                      written)});
    return stop;
  }
  char32_t codePoint = 0;
  for (std::size_t k = digitsBegin; k < digitsBegin + digits; ++k)
    codePoint = codePoint * 16 + static_cast<char32_t>(hexValue(raw[k]));
  if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
    out.errors.push_back({static_cast<std::uint32_t>(at), length,
                          fmt::format("invalid escape '{}' in string: not a Unicode scalar "
                                      "value",
                                      written)});
    return stop;
  }
  appendUtf8(out.value, codePoint);
  return stop;
}

constexpr std::string_view kMonthNames[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

bool allDigits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text)
    if (c < '0' || c > '9')
      return false;
  return true;
}

int toInt(std::string_view digits) {
  int value = 0;
  for (char c : digits)
    value = value * 10 + (c - '0');
  return value;
}

} // namespace

UnescapedString unescapeString(std::string_view raw, bool terminated) {
  UnescapedString out;
  std::size_t begin = raw.empty() ? 0 : 1;
  std::size_t end = raw.size();
  if (terminated && end > begin)
    --end;
  out.value.reserve(end - begin);
  std::size_t i = begin;
  while (i < end) {
    char c = raw[i];
    if (c != '\\') {
      out.value += c;
      ++i;
      continue;
    }
    if (i + 1 >= end) {
      out.errors.push_back(
          {static_cast<std::uint32_t>(i), 1,
           fmt::format("a string cannot end with a lone '\\'; {}", kValidEscapes)});
      ++i;
      continue;
    }
    char next = raw[i + 1];
    switch (next) {
    case '"':
      out.value += '"';
      i += 2;
      continue;
    case '\\':
      out.value += '\\';
      i += 2;
      continue;
    case 'n':
      out.value += '\n';
      i += 2;
      continue;
    case 't':
      out.value += '\t';
      i += 2;
      continue;
    case 'r':
      out.value += '\r';
      i += 2;
      continue;
    case 'u':
      i = readUnicodeEscape(raw, i, end, out);
      continue;
    default:
      break;
    }
    std::uint32_t charLength = utf8Length(static_cast<unsigned char>(next));
    if (i + 1 + charLength > end)
      charLength = static_cast<std::uint32_t>(end - i - 1);
    std::string_view escaped = raw.substr(i + 1, charLength);
    out.errors.push_back({static_cast<std::uint32_t>(i), 1 + charLength,
                          fmt::format("invalid escape '\\{}' in string: write \\\\ for a "
                                      "backslash; {}",
                                      escaped, kValidEscapes)});
    out.value += escaped;
    i += 1 + charLength;
  }
  return out;
}

bool isTerminatedString(std::string_view raw) {
  for (std::size_t i = 1; i < raw.size(); ++i) {
    if (raw[i] == '\\')
      ++i;
    else if (raw[i] == '"')
      return i + 1 == raw.size();
  }
  return false;
}

std::optional<std::int64_t> parseInt64(std::string_view digits) {
  if (!allDigits(digits))
    return std::nullopt;
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size())
    return std::nullopt;
  return value;
}

std::optional<double> parseFiniteDouble(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Underflow rounds to zero; only an overflow makes the literal unrepresentable.
    auto e = text.find_first_of("eE");
    if (e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-')
      return 0.0;
    return std::nullopt;
  }
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<double> parsePercent(std::string_view number) {
  std::string_view mantissa = number;
  long exponent = 0;
  if (std::size_t e = number.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = number.substr(0, e);
    std::string_view digits = number.substr(e + 1);
    if (!digits.empty() && digits.front() == '+')
      digits.remove_prefix(1);
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() ||
        exponent < -100000 || exponent > 100000)
      return std::nullopt;
  }
  std::string shifted(mantissa);
  shifted += 'e';
  shifted += std::to_string(exponent - 2);
  return parseFiniteDouble(shifted);
}

MicroResult parseMicro(std::string_view text) {
  std::string_view mantissa = text;
  long long exponent = 0;
  if (auto e = text.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = text.substr(0, e);
    std::string_view exp = text.substr(e + 1);
    bool negative = !exp.empty() && exp.front() == '-';
    if (!exp.empty() && (exp.front() == '-' || exp.front() == '+'))
      exp.remove_prefix(1);
    if (!allDigits(exp))
      return {0, MicroError::TooLarge};
    if (exp.size() > 6)
      exponent = 1'000'000; // far beyond anything representable either way
    else
      exponent = toInt(exp);
    if (negative)
      exponent = -exponent;
  }
  std::string digits(mantissa);
  long long scale = 0; // decimal places of `digits`
  if (auto dot = mantissa.find('.'); dot != std::string_view::npos) {
    digits.erase(dot, 1);
    scale = static_cast<long long>(mantissa.size() - dot - 1);
  }
  scale -= exponent;
  // Drop leading zeros, then trailing zeros that only add decimal places.
  std::size_t firstNonZero = digits.find_first_not_of('0');
  if (firstNonZero == std::string::npos)
    return {0, MicroError::None};
  digits.erase(0, firstNonZero);
  while (scale > 6 && !digits.empty() && digits.back() == '0') {
    digits.pop_back();
    --scale;
  }
  if (scale > 6)
    return {0, MicroError::TooManyDecimals};
  long long zerosToAppend = 6 - scale;
  if (static_cast<long long>(digits.size()) + zerosToAppend > 18)
    return {0, MicroError::TooLarge};
  digits.append(static_cast<std::size_t>(zerosToAppend), '0');
  auto value = parseInt64(digits);
  if (!value)
    return {0, MicroError::TooLarge};
  return {*value, MicroError::None};
}

DateResult parseDateLiteral(std::string_view text) {
  DateResult result;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !allDigits(text.substr(0, 4)) ||
      !allDigits(text.substr(5, 2)) || !allDigits(text.substr(8, 2))) {
    result.problem = "a date is written YYYY-MM-DD";
    return result;
  }
  int year = toInt(text.substr(0, 4));
  int month = toInt(text.substr(5, 2));
  int day = toInt(text.substr(8, 2));
  if (year < dates::kMinYear || year > dates::kMaxYear) {
    result.problem = fmt::format("years run from {} to {}", dates::kMinYear, dates::kMaxYear);
    return result;
  }
  if (month < 1 || month > 12) {
    result.problem = fmt::format("there is no month {}", month);
    return result;
  }
  result.days = dates::makeDate(year, month, day);
  if (!result.days) {
    if (day == 0)
      result.problem = "there is no day 0";
    else
      result.problem = fmt::format("{} {} has {} days", kMonthNames[month - 1], year,
                                   dates::daysInMonth(year, month));
  }
  return result;
}

} // namespace xr::syntax
