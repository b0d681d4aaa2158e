// Literal values and their checks: dates (XR0004), numbers and weights (XR0005), string
// escapes, UTF-8 decoding, the full-width punctuation table, did-you-mean.
#include "syntax_testing.h"

#include "compiler/syntax/literals.h"
#include "compiler/syntax/source_text.h"
#include "compiler/support/edit_distance.h"
#include "compiler/syntax/suggest.h"
#include "compiler/syntax/wide_punctuation.h"

#include <array>

namespace xr::testing {
namespace {

using namespace syntax;

TEST(SyntaxLiterals, MicroUnitsAreExact) {
  EXPECT_EQ(parseMicro("40").micro, 40'000'000);
  EXPECT_EQ(parseMicro("12.5").micro, 12'500'000);
  EXPECT_EQ(parseMicro("8").micro, 8'000'000);
  EXPECT_EQ(parseMicro("0.000001").micro, 1);
  EXPECT_EQ(parseMicro("33.333333").micro, 33'333'333);
  EXPECT_EQ(parseMicro("1.50000000").micro, 1'500'000); // trailing zeros are not places
  EXPECT_EQ(parseMicro("1.25e1").micro, 12'500'000);
  EXPECT_EQ(parseMicro("4E1").micro, 40'000'000);
  EXPECT_EQ(parseMicro("125e-1").micro, 12'500'000);
  EXPECT_EQ(parseMicro("0").micro, 0);
  EXPECT_EQ(parseMicro("0.0000001").error, MicroError::TooManyDecimals);
  EXPECT_EQ(parseMicro("1e-7").error, MicroError::TooManyDecimals);
  EXPECT_EQ(parseMicro("99999999999999").error, MicroError::TooLarge);
  EXPECT_EQ(parseMicro("1e30").error, MicroError::TooLarge);
  EXPECT_EQ(parseMicro("9999999999").micro, 9'999'999'999'000'000);
}

TEST(SyntaxLiterals, Integers) {
  EXPECT_EQ(parseInt64("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(parseInt64("9223372036854775808"));
  EXPECT_EQ(parseInt64("007"), 7);
  EXPECT_FALSE(parseInt64(""));
}

TEST(SyntaxLiterals, PercentagesAreDividedByAHundredAndRoundedOnce) {
  EXPECT_EQ(parsePercent("1.8"), 0.018); // 1.8 / 100.0 would be 0.018000000000000002
  EXPECT_NE(1.8 / 100.0, 0.018);
  EXPECT_EQ(parsePercent("85.3"), 0.853);
  EXPECT_EQ(parsePercent("100"), 1.0);
  EXPECT_EQ(parsePercent("12.5e-1"), 0.0125);
  EXPECT_EQ(parsePercent("1E+3"), 10.0);
  EXPECT_FALSE(parsePercent("1e"));
  EXPECT_FALSE(parsePercent("x"));
}

TEST(SyntaxLiterals, Doubles) {
  EXPECT_EQ(parseFiniteDouble("2.5"), 2.5);
  EXPECT_EQ(parseFiniteDouble("1e-999"), 0.0);
  EXPECT_FALSE(parseFiniteDouble("1e999"));
  EXPECT_FALSE(parseFiniteDouble("1.5e400"));
}

TEST(SyntaxLiterals, Dates) {
  EXPECT_EQ(parseDateLiteral("1970-01-01").days, 0);
  EXPECT_EQ(parseDateLiteral("2024-02-29").days, 19782);
  EXPECT_EQ(parseDateLiteral("2024-02-30").problem, "February 2024 has 29 days");
  EXPECT_EQ(parseDateLiteral("2023-02-29").problem, "February 2023 has 28 days");
  EXPECT_EQ(parseDateLiteral("2024-04-31").problem, "April 2024 has 30 days");
  EXPECT_EQ(parseDateLiteral("2024-13-01").problem, "there is no month 13");
  EXPECT_EQ(parseDateLiteral("2024-00-10").problem, "there is no month 0");
  EXPECT_EQ(parseDateLiteral("2024-01-00").problem, "there is no day 0");
  EXPECT_EQ(parseDateLiteral("0000-01-01").problem, "years run from 1 to 9999");
  EXPECT_FALSE(parseDateLiteral("2024-02-30").days);
}

TEST(SyntaxLiterals, Strings) {
  EXPECT_TRUE(isTerminatedString("\"abc\""));
  EXPECT_TRUE(isTerminatedString("\"a\\\"\""));
  EXPECT_FALSE(isTerminatedString("\"a\\\""));
  EXPECT_FALSE(isTerminatedString("\"abc"));
  EXPECT_EQ(unescapeString("\"abc", false).value, "abc");
  EXPECT_EQ(unescapeString("\"a\\tb\"", true).value, "a\tb");
  UnescapedString bad = unescapeString("\"中\\x\"", true);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].offset, 4u); // after the quote and the 3 bytes of 中
  EXPECT_EQ(bad.errors[0].length, 2u);
  EXPECT_EQ(bad.value, "中x");
  EXPECT_EQ(unescapeString("\"\\u{41}\\u{4e2d}\"", true).value, "A中");
  EXPECT_EQ(unescapeString("\"\\u{}\"", true).errors.size(), 1u);
  EXPECT_EQ(unescapeString("\"\\u{1234567}\"", true).errors.size(), 1u);
  EXPECT_EQ(unescapeString("\"\\u{12\"", true).errors.size(), 1u);
}

TEST(SyntaxLiterals, Utf8Decoding) {
  DecodedText ok = decodeUtf8("a中\n😀");
  EXPECT_EQ(ok.codePoints, U"a中\n😀");
  EXPECT_EQ(ok.byteOffsets, (std::vector<std::uint32_t>{0, 1, 4, 5, 9}));
  EXPECT_EQ(ok.lineStarts, (std::vector<std::uint32_t>{0, 3}));
  EXPECT_TRUE(ok.invalid.empty());

  // Overlong, surrogate, truncated and stray continuation bytes are all rejected.
  for (std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xE4\xB8", "\x80", "\xF4\x90\x80\x80"}) {
    DecodedText d = decodeUtf8("x" + bad + "y");
    ASSERT_EQ(d.invalid.size(), 1u);
    EXPECT_EQ(d.invalid[0].offset, 1u);
    EXPECT_EQ(d.invalid[0].length, bad.size());
    EXPECT_EQ(d.codePoints.size(), bad.size() + 2);
    EXPECT_EQ(d.codePoints.back(), U'y');
  }
}

TEST(SyntaxLiterals, WidePunctuationTable) {
  EXPECT_EQ(asciiForWidePunctuation(U'：'), ":");
  EXPECT_EQ(asciiForWidePunctuation(U'，'), ",");
  EXPECT_EQ(asciiForWidePunctuation(U'（'), "(");
  EXPECT_EQ(asciiForWidePunctuation(U'）'), ")");
  EXPECT_EQ(asciiForWidePunctuation(U'；'), "");
  EXPECT_EQ(asciiForWidePunctuation(U'“'), "\"");
  EXPECT_EQ(asciiForWidePunctuation(U'”'), "\"");
  EXPECT_EQ(asciiForWidePunctuation(U'｛'), "{");
  EXPECT_EQ(asciiForWidePunctuation(U'｝'), "}");
  EXPECT_EQ(asciiForWidePunctuation(U'【'), "[");
  EXPECT_EQ(asciiForWidePunctuation(U'】'), "]");
  EXPECT_EQ(asciiForWidePunctuation(U'＝'), "=");
  EXPECT_EQ(asciiForWidePunctuation(U'％'), "%");
  EXPECT_EQ(asciiForWidePunctuation(U'＞'), ">");
  EXPECT_EQ(asciiForWidePunctuation(U'＜'), "<");
  EXPECT_EQ(asciiForWidePunctuation(U'～'), std::nullopt);
  EXPECT_EQ(asciiForWidePunctuation(U'@'), std::nullopt);
  EXPECT_TRUE(isWideQuote(U'“'));
  EXPECT_FALSE(isWideQuote(U'"'));
}

TEST(SyntaxLiterals, DidYouMean) {
  constexpr std::array<std::string_view, 5> policies = {"first", "unique", "any", "priority",
                                                        "collect"};
  EXPECT_EQ(xr::editDistance("firts", "first"), 1u);
  EXPECT_EQ(xr::editDistance("", "abc"), 3u);
  EXPECT_EQ(closestMatch("firts", policies), "first");
  EXPECT_EQ(closestMatch("colect", policies), "collect");
  EXPECT_EQ(closestMatch("zzz", policies), std::nullopt);
}

TEST(SyntaxLiterals, InvalidDateLiteralIsXR0004) {
  auto p = parse("param d: date = 2024-02-30\nlet x = 2023-13-01 > d\n");
  std::vector<std::string> expected = {
      "XR0004 1:17 invalid date 2024-02-30: February 2024 has 29 days",
      "XR0004 2:9 invalid date 2023-13-01: there is no month 13",
  };
  EXPECT_EQ(p->messages(), expected);
  EXPECT_EQ(p->decl<ast::ParamDecl>(0).defaultValue->kind, ast::ExprKind::Error);
  EXPECT_EQ(expr<ast::BinaryExpr>(p->decl<ast::LetDecl>(1).value).lhs->kind, ast::ExprKind::Error);
}

TEST(SyntaxLiterals, InvalidCalendarDateSkipsTheEntry) {
  auto p = parse("calendar c year 2024 {\n  holiday 2024-02-30\n  holiday 2024-10-01 .. "
                 "2024-10-32\n  workday 2024-09-29\n}\n");
  std::vector<std::string> expected = {
      "XR0004 2:11 invalid date 2024-02-30: February 2024 has 29 days",
      "XR0004 3:25 invalid date 2024-10-32: October 2024 has 31 days",
  };
  EXPECT_EQ(p->messages(), expected);
  ASSERT_EQ(p->decl<ast::CalendarDecl>(0).entries.size(), 1u);
  EXPECT_FALSE(p->decl<ast::CalendarDecl>(0).entries[0].holiday);
}

TEST(SyntaxLiterals, NumbersThatDoNotFitAreXR0005) {
  auto p = parse("let a = 9223372036854775808\nlet b = 1e999\nlet c = 9223372036854775807\n");
  std::vector<std::string> messages = p->messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0], "XR0005 1:9 integer 9223372036854775808 is too large: the largest int "
                         "is 9223372036854775807");
  EXPECT_EQ(messages[1], "XR0005 2:9 number 1e999 is too large to represent");
  EXPECT_EQ(p->decl<ast::LetDecl>(0).value->kind, ast::ExprKind::Error);
  EXPECT_EQ(p->decl<ast::LetDecl>(1).value->kind, ast::ExprKind::Error);
  EXPECT_EQ(std::get<std::int64_t>(expr<ast::LiteralExpr>(p->decl<ast::LetDecl>(2).value).value),
            std::numeric_limits<std::int64_t>::max());
}

TEST(SyntaxLiterals, WeightsWithTooManyDecimalsAreXR0005) {
  auto p = parse("domain a weight 12.3456789%\ndomain b weight 1e30 points\ndomain c weight "
                 "33.333333%\n");
  std::vector<std::string> expected = {
      "XR0005 1:17 weight 12.3456789% has more than 6 decimal places",
      "XR0005 2:17 weight 1e30 points is too large",
  };
  EXPECT_EQ(p->messages(), expected);
  EXPECT_FALSE(p->decl<ast::DomainDecl>(0).weight);
  EXPECT_EQ(p->decl<ast::DomainDecl>(2).weight->micro, 33'333'333);
}

TEST(SyntaxLiterals, PercentLiterals) {
  auto p = parse("let a = 40%\nlet b = 0.5%\nlet c = 1e999%\n");
  EXPECT_EQ(
      std::get<ast::Percent>(expr<ast::LiteralExpr>(p->decl<ast::LetDecl>(0).value).value).value,
      0.4);
  EXPECT_EQ(
      std::get<ast::Percent>(expr<ast::LiteralExpr>(p->decl<ast::LetDecl>(1).value).value).value,
      0.005);
  EXPECT_EQ(p->messages(),
            std::vector<std::string>{"XR0005 3:9 number 1e999 is too large to represent"});
}

} // namespace
} // namespace xr::testing
