#pragma once
// The pieces of strict text-to-value conversion that the loaders call once per cell: each
// scanner works on a string_view, allocates nothing and only says yes or no; the reasons (which
// do allocate) are built only for a value that failed. parseValue (value_text.h) is these
// pieces put together for one value.
#include "compiler/types/type.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xr::load {

/// `text` without leading and trailing ASCII spaces.
inline std::string_view trimSpaces(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && text[b] == ' ')
    ++b;
  while (e > b && text[e - 1] == ' ')
    --e;
  return text.substr(b, e - b);
}

// Each scanner takes the trimmed, non-empty text of one value.
bool scanInt(std::string_view text, std::int64_t &value);
bool scanNumber(std::string_view text, double &value);
bool scanBool(std::string_view text, bool &value);
bool scanDate(std::string_view text, std::int32_t &days);

inline constexpr std::size_t kValidUtf8 = static_cast<std::size_t>(-1);
/// The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
/// forms, surrogates and code points above U+10FFFF are not well formed), or kValidUtf8.
std::size_t invalidUtf8At(std::string_view text);

/// The members of one enum by name and by label, for reading input text.
class EnumMatcher {
public:
  explicit EnumMatcher(const EnumInfo &info);
  /// The member whose name (first) or label is `text`, or -1.
  int find(std::string_view text) const {
    for (const auto &[key, member] : keys_)
      if (key.size() == text.size() && key == text)
        return member;
    return -1;
  }
  /// "above_scale (规模以上), sme (中小企业)", for reasons.
  const std::string &choices() const { return choices_; }

private:
  std::vector<std::pair<std::string, int>> keys_; // names first, then labels that differ
  std::string choices_;
};

/// `text` in single quotes for a reason: at most 40 code points (then "…"), bytes that are not
/// UTF-8 as \xHH and control characters escaped, so a reason is always one line of UTF-8.
std::string quoteText(std::string_view text);

/// Why the trimmed, non-empty `text` is not a value of `type` (a scanner said no): "expected a
/// date like 2024-06-30, got '2024-02-30' (2024-02 has 29 days)". `matcher` is the enum's
/// for an enum type.
std::string badValueReason(const Type &type, const EnumMatcher *matcher, std::string_view text);

/// Why `text` (of a cell, a JSON string...) is not text: its byte at `at` is not UTF-8. Input
/// converted from gb18030 says so, as the bytes there are those the conversion could not read.
std::string invalidUtf8Reason(std::string_view text, std::size_t at, bool fromGb18030);

/// "expected a date" / "expected one of a, b": what a value of `type` looks like, for a
/// required value that is missing.
std::string expectedValue(const Type &type, const EnumMatcher *matcher);

} // namespace xr::load
