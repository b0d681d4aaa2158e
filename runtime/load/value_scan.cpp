#include "runtime/load/value_scan.h"

#include "compiler/syntax/literals.h"
#include "runtime/builtins/dates.h"

#include <fmt/format.h>

#include <charconv>
#include <cstring>
#include <limits>
#include <system_error>

namespace xr::load {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// A decimal number in from_chars' syntax: digits, '.', an exponent. Letters other than e/E
/// (which from_chars would read as "inf" or "nan") and every other character are refused.
bool decimalCharsOnly(std::string_view text) {
  for (char c : text)
    if (!isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-')
      return false;
  return true;
}

/// from_chars over all of `text` (no leading '+', which from_chars refuses).
bool readDouble(std::string_view text, double &value) {
  const char *end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
  return ec == std::errc() && ptr == end;
}

/// `text` (no leading '+') divided by 100, rounded once, as percentage literals are read.
bool readPercent(std::string_view text, double &value) {
  const std::optional<double> percent = syntax::parsePercent(text);
  if (percent)
    value = *percent;
  return percent.has_value();
}

bool asciiEqualNoCase(std::string_view a, std::string_view lowerB) {
  if (a.size() != lowerB.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    if (c != lowerB[i])
      return false;
  }
  return true;
}

int twoDigits(const char *p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

bool dateShape(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-')
    return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!isDigit(t[i]))
      return false;
  return true;
}

/// Length of the well-formed UTF-8 sequence at `p` (Unicode table 3-7), 0 when it is not one.
std::size_t sequenceAt(const unsigned char *p, const unsigned char *end) {
  const unsigned char c = p[0];
  const std::size_t left = static_cast<std::size_t>(end - p);
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < left && p[i] >= lo && p[i] <= hi;
  };
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return cont(1) ? 2 : 0;
  if (c == 0xE0)
    return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
    return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED)
    return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0)
    return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3)
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4)
    return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

std::string typeNoun(const Type &type) {
  switch (type.kind) {
  case TypeKind::Int:
    return "a whole number like 42";
  case TypeKind::Number:
    return "a number like 3.5, -0.25, 1e6 or 85%";
  case TypeKind::Bool:
    return "true/false, 1/0 or 是/否";
  case TypeKind::Date:
    return "a date like 2024-06-30";
  case TypeKind::Text:
    return "text";
  default:
    return "a value of type " + typeName(type);
  }
}

std::string dateDetail(std::string_view t) {
  if (!dateShape(t))
    return {};
  const int year = twoDigits(t.data()) * 100 + twoDigits(t.data() + 2);
  const int month = twoDigits(t.data() + 5);
  if (year < dates::kMinYear)
    return " (years run from 0001 to 9999)";
  if (month < 1 || month > 12)
    return fmt::format(" (there is no month {})", month);
  return fmt::format(" ({}-{:02} has {} days)", year, month, dates::daysInMonth(year, month));
}

} // namespace

bool scanInt(std::string_view text, std::int64_t &value) {
  const bool plus = !text.empty() && text.front() == '+';
  if (plus)
    text.remove_prefix(1);
  if (text.empty() ||
      (text.front() == '-' ? plus || text.size() < 2 || !isDigit(text[1]) : !isDigit(text.front())))
    return false;
  const char *end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end;
}

bool scanNumber(std::string_view text, double &value) {
  const bool percent = !text.empty() && text.back() == '%';
  if (percent)
    text.remove_suffix(1);
  const bool plus = !text.empty() && text.front() == '+';
  if (plus)
    text.remove_prefix(1);
  if (text.empty() || text.front() == '+' || (plus && text.front() == '-') ||
      !decimalCharsOnly(text))
    return false;
  if (!(percent ? readPercent(text, value) : readDouble(text, value)))
    return false;
  if (value == 0)
    value = 0; // "-0" reads as 0: one zero in every output
  return true;
}

bool scanBool(std::string_view text, bool &value) {
  switch (text.size()) {
  case 1:
    if (text[0] == '1' || text[0] == '0') {
      value = text[0] == '1';
      return true;
    }
    return false;
  case 3:
    if (text == "是" || text == "否") {
      value = text == "是";
      return true;
    }
    return false;
  case 4:
    value = true;
    return asciiEqualNoCase(text, "true");
  case 5:
    value = false;
    return asciiEqualNoCase(text, "false");
  default:
    return false;
  }
}

bool scanDate(std::string_view text, std::int32_t &days) {
  if (!dateShape(text))
    return false;
  const int year = twoDigits(text.data()) * 100 + twoDigits(text.data() + 2);
  const auto date = dates::makeDate(year, twoDigits(text.data() + 5), twoDigits(text.data() + 8));
  if (!date)
    return false;
  days = *date;
  return true;
}

std::size_t invalidUtf8At(std::string_view text) {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  const auto *begin = p;
  const auto *end = p + text.size();
  while (p < end) {
    // Eight ASCII bytes at a time: the common case of identifiers, numbers and dates.
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        p += 8;
        continue;
      }
    }
    const std::size_t n = sequenceAt(p, end);
    if (n == 0)
      return static_cast<std::size_t>(p - begin);
    p += n;
  }
  return kValidUtf8;
}

EnumMatcher::EnumMatcher(const EnumInfo &info) {
  for (std::size_t i = 0; i < info.members.size(); ++i)
    keys_.emplace_back(info.members[i].name, static_cast<int>(i));
  for (std::size_t i = 0; i < info.members.size(); ++i) {
    const EnumMemberInfo &m = info.members[i];
    if (m.label != m.name && !m.label.empty())
      keys_.emplace_back(m.label, static_cast<int>(i));
  }
  constexpr std::size_t kShown = 12;
  for (std::size_t i = 0; i < info.members.size() && i < kShown; ++i) {
    const EnumMemberInfo &m = info.members[i];
    choices_ += i ? ", " : "";
    choices_ += m.name;
    if (m.label != m.name && !m.label.empty())
      choices_ += " (" + m.label + ")";
  }
  if (info.members.size() > kShown)
    choices_ += fmt::format(", ... ({} in all)", info.members.size());
}

std::string quoteText(std::string_view text) {
  constexpr std::size_t kMaxCodePoints = 40;
  std::string out = "'";
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  const auto *end = p + text.size();
  for (std::size_t shown = 0; p < end; ++shown) {
    if (shown == kMaxCodePoints) {
      out += "…";
      break;
    }
    const std::size_t n = sequenceAt(p, end);
    if (n == 0) {
      out += fmt::format("\\x{:02X}", *p++);
      continue;
    }
    if (*p == '\n')
      out += "\\n";
    else if (*p == '\r')
      out += "\\r";
    else if (*p == '\t')
      out += "\\t";
    else if (*p < 0x20 || *p == 0x7F)
      out += fmt::format("\\x{:02X}", *p);
    else
      out.append(reinterpret_cast<const char *>(p), n);
    p += n;
  }
  return out + "'";
}

std::string expectedValue(const Type &type, const EnumMatcher *matcher) {
  if (type.kind == TypeKind::Enum && matcher)
    return "expected one of " + matcher->choices();
  return "expected " + typeNoun(type);
}

std::string badValueReason(const Type &type, const EnumMatcher *matcher, std::string_view text) {
  std::string reason = expectedValue(type, matcher) + ", got " + quoteText(text);
  switch (type.kind) {
  case TypeKind::Int: {
    std::string_view digits = text;
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+'))
      digits.remove_prefix(1);
    const bool allDigits =
        !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
    if (allDigits)
      reason += " (beyond the range of whole numbers, ±9223372036854775807)";
    else if (double d; scanNumber(text, d))
      reason += " (not a whole number)";
    break;
  }
  case TypeKind::Number:
    if (!text.empty() &&
        decimalCharsOnly(text.back() == '%' ? text.substr(0, text.size() - 1) : text)) {
      double d;
      const char *end = text.data() + text.size() - (text.back() == '%' ? 1 : 0);
      const char *first = text.data() + (text.front() == '+' ? 1 : 0);
      if (std::from_chars(first, end, d).ec == std::errc::result_out_of_range)
        reason += " (beyond the range of numbers)";
    }
    break;
  case TypeKind::Date:
    reason += dateDetail(text);
    break;
  default:
    break;
  }
  return reason;
}

std::string invalidUtf8Reason(std::string_view text, std::size_t at, bool fromGb18030) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (fromGb18030)
    return fmt::format("not valid gb18030: byte 0x{:02X} at position {} could not be decoded, "
                       "got {}",
                       byte, at + 1, quoteText(text));
  return fmt::format("not valid utf-8: byte 0x{:02X} at position {}, got {} (a file saved as "
                     "gb18030 or gbk is read with --encoding gb18030)",
                     byte, at + 1, quoteText(text));
}

} // namespace xr::load
