// Text kernels: length in code points; contains, starts_with, ends_with exact on bytes.
#include "runtime/builtins/kernels.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string_view>

namespace {

using namespace std::string_view_literals;

std::int64_t length(std::string_view s) {
  return xr_length(s.data(), static_cast<std::int64_t>(s.size()));
}
bool contains(std::string_view s, std::string_view part) {
  return xr_contains(s.data(), static_cast<std::int64_t>(s.size()), part.data(),
                     static_cast<std::int64_t>(part.size()));
}
bool startsWith(std::string_view s, std::string_view prefix) {
  return xr_starts_with(s.data(), static_cast<std::int64_t>(s.size()), prefix.data(),
                        static_cast<std::int64_t>(prefix.size()));
}
bool endsWith(std::string_view s, std::string_view suffix) {
  return xr_ends_with(s.data(), static_cast<std::int64_t>(s.size()), suffix.data(),
                      static_cast<std::int64_t>(suffix.size()));
}

TEST(BuiltinsText, LengthCountsCodePointsNotBytes) {
  EXPECT_EQ(length(""), 0);
  EXPECT_EQ(length("abc"), 3);
  EXPECT_EQ(length("巡查"), 2); // 6 bytes
  EXPECT_EQ(length("资质证照有效性"), 7);
  EXPECT_EQ(length("a\u00e9\u20ac\U0001F600"), 4); // 1 + 2 + 3 + 4 bytes
  EXPECT_EQ(length("a\0b"sv), 3);                  // NUL is a code point; size, not NUL, ends text
}

TEST(BuiltinsText, ContainsIsExactOnBytes) {
  EXPECT_TRUE(contains("资质证照有效性", "证照"));
  EXPECT_FALSE(contains("资质证照有效性", "证件"));
  EXPECT_TRUE(contains("abc", ""));
  EXPECT_TRUE(contains("", ""));
  EXPECT_FALSE(contains("", "a"));
  EXPECT_FALSE(contains("ABC", "abc"));        // no case folding
  EXPECT_FALSE(contains("e\u0301", "\u00e9")); // no normalisation: é decomposed vs composed
  EXPECT_TRUE(contains("a\0bc"sv, "\0b"sv));
  EXPECT_FALSE(contains("ab", "abc"));
}

TEST(BuiltinsText, StartsWith) {
  EXPECT_TRUE(startsWith("规模以上企业", "规模以上"));
  EXPECT_FALSE(startsWith("规模以上企业", "企业"));
  EXPECT_TRUE(startsWith("abc", ""));
  EXPECT_TRUE(startsWith("abc", "abc"));
  EXPECT_FALSE(startsWith("ab", "abc"));
  EXPECT_FALSE(startsWith("Abc", "a"));
}

TEST(BuiltinsText, EndsWith) {
  EXPECT_TRUE(endsWith("规模以上企业", "企业"));
  EXPECT_FALSE(endsWith("规模以上企业", "规模"));
  EXPECT_TRUE(endsWith("abc", ""));
  EXPECT_TRUE(endsWith("abc", "abc"));
  EXPECT_FALSE(endsWith("bc", "abc"));
  EXPECT_FALSE(endsWith("abC", "c"));
}

} // namespace
