// Text to typed values (value_text.h): what each type accepts, what it refuses and why.
#include "runtime/load/value_text.h"

#include "load_testing.h"
#include "runtime/builtins/dates.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace xr::load {
namespace {

class ParseValueTest : public ::testing::Test {
protected:
  ir::Program program = testing::enterprise();
  Type sizeType = program.fields[1].type;

  ir::Constant ok(const Type &type, std::string_view text) {
    std::string reason;
    auto value = parseValue(program, type, text, reason);
    EXPECT_TRUE(value) << "'" << text << "': " << reason;
    EXPECT_EQ(reason, "");
    return value ? *value : ir::Constant{};
  }
  std::string bad(const Type &type, std::string_view text) {
    std::string reason;
    auto value = parseValue(program, type, text, reason);
    EXPECT_FALSE(value) << "'" << text << "' should be refused";
    EXPECT_FALSE(reason.empty());
    return reason;
  }
};

TEST_F(ParseValueTest, EmptyTextIsMissingOfEveryType) {
  for (const Type &t :
       {Type::integer(), Type::number(), Type::boolean(), Type::date(), Type::text(), sizeType}) {
    const ir::Constant c = ok(t, "");
    EXPECT_FALSE(c.valid) << typeName(t);
    EXPECT_EQ(c.type, t.required());
  }
  EXPECT_FALSE(ok(Type::integer(), "   ").valid) << "only spaces: missing for non-text";
  const ir::Constant spaces = ok(Type::text(), "  ");
  EXPECT_TRUE(spaces.valid) << "text keeps its spaces";
  EXPECT_EQ(spaces.text, "  ");
}

TEST_F(ParseValueTest, Ints) {
  EXPECT_EQ(ok(Type::integer(), "42").i, 42);
  EXPECT_EQ(ok(Type::integer(), "-7").i, -7);
  EXPECT_EQ(ok(Type::integer(), "+7").i, 7);
  EXPECT_EQ(ok(Type::integer(), " 12 ").i, 12) << "spaces around are ignored";
  EXPECT_EQ(ok(Type::integer(), "007").i, 7);
  EXPECT_EQ(ok(Type::integer(), "9223372036854775807").i, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(ok(Type::integer(), "-9223372036854775808").i,
            std::numeric_limits<std::int64_t>::min());
  EXPECT_TRUE(ok(Type::integer(), "5").type == Type::integer());

  EXPECT_EQ(bad(Type::integer(), "1,000"), "expected a whole number like 42, got '1,000'");
  EXPECT_EQ(bad(Type::integer(), "1.5"),
            "expected a whole number like 42, got '1.5' (not a whole number)");
  EXPECT_EQ(bad(Type::integer(), "9223372036854775808"),
            "expected a whole number like 42, got '9223372036854775808' (beyond the range of "
            "whole numbers, ±9223372036854775807)");
  for (const char *text : {"1 000", "+-5", "-", "+", "--5", "5-", "0x10", "1e3", "abc", "１２"})
    bad(Type::integer(), text);
}

TEST_F(ParseValueTest, Numbers) {
  EXPECT_EQ(ok(Type::number(), "3").d, 3.0);
  EXPECT_EQ(ok(Type::number(), "-0.25").d, -0.25);
  EXPECT_EQ(ok(Type::number(), "1e6").d, 1e6);
  EXPECT_EQ(ok(Type::number(), "2.5E-3").d, 2.5e-3);
  EXPECT_EQ(ok(Type::number(), "+1.5").d, 1.5);
  EXPECT_EQ(ok(Type::number(), ".5").d, 0.5);
  EXPECT_EQ(ok(Type::number(), "0.1").d, 0.1) << "correctly rounded";
  EXPECT_EQ(ok(Type::number(), "85%").d, 0.85);
  EXPECT_EQ(ok(Type::number(), "85.3%").d, 0.853) << "one rounding, as if written 0.853";
  EXPECT_EQ(ok(Type::number(), "1e2%").d, 1.0);
  EXPECT_EQ(ok(Type::number(), " 62% ").d, 0.62);
  const ir::Constant zero = ok(Type::number(), "-0");
  EXPECT_EQ(zero.d, 0.0);
  EXPECT_FALSE(std::signbit(zero.d)) << "one zero";

  EXPECT_EQ(bad(Type::number(), "abc"), "expected a number like 3.5, -0.25, 1e6 or 85%, got 'abc'");
  EXPECT_EQ(bad(Type::number(), "1e999"),
            "expected a number like 3.5, -0.25, 1e6 or 85%, got '1e999' (beyond the range of "
            "numbers)");
  for (const char *text : {"inf", "-inf", "nan", "NaN", "infinity", "1,5", "85 %", "%", "1e", "+-1",
                           "--1", "0x1p3", "1.2.3", "85%%", "½"})
    bad(Type::number(), text);
}

TEST_F(ParseValueTest, Bools) {
  for (const char *yes : {"true", "TRUE", "True", "1", "是", " true "})
    EXPECT_EQ(ok(Type::boolean(), yes).i, 1) << yes;
  for (const char *no : {"false", "FALSE", "fAlSe", "0", "否"})
    EXPECT_EQ(ok(Type::boolean(), no).i, 0) << no;
  EXPECT_EQ(bad(Type::boolean(), "yes"), "expected true/false, 1/0 or 是/否, got 'yes'");
  for (const char *text : {"2", "t", "f", "truee", "10", "对", "-1"})
    bad(Type::boolean(), text);
}

TEST_F(ParseValueTest, DatesAreRealCalendarDates) {
  EXPECT_EQ(ok(Type::date(), "2024-06-30").i, *dates::makeDate(2024, 6, 30));
  EXPECT_EQ(ok(Type::date(), "2024-02-29").i, *dates::makeDate(2024, 2, 29));
  EXPECT_EQ(ok(Type::date(), "0001-01-01").i, dates::kMinDays);
  EXPECT_EQ(ok(Type::date(), "9999-12-31").i, dates::kMaxDays);
  EXPECT_EQ(ok(Type::date(), " 1970-01-01 ").i, 0);

  EXPECT_EQ(bad(Type::date(), "2024-02-30"),
            "expected a date like 2024-06-30, got '2024-02-30' (2024-02 has 29 days)");
  EXPECT_EQ(bad(Type::date(), "2023-02-29"),
            "expected a date like 2024-06-30, got '2023-02-29' (2023-02 has 28 days)");
  EXPECT_EQ(bad(Type::date(), "2024-13-01"),
            "expected a date like 2024-06-30, got '2024-13-01' (there is no month 13)");
  EXPECT_EQ(bad(Type::date(), "0000-01-01"),
            "expected a date like 2024-06-30, got '0000-01-01' (years run from 0001 to 9999)");
  EXPECT_EQ(bad(Type::date(), "2024/06/30"), "expected a date like 2024-06-30, got '2024/06/30'");
  for (const char *text : {"2024-6-30", "24-06-30", "2024-06-30T00:00", "20240630", "2024-06-00",
                           "2024-04-31", "2024-06-3a", "１９７０-01-01"})
    bad(Type::date(), text);
}

TEST_F(ParseValueTest, EnumsByNameOrLabel) {
  EXPECT_EQ(ok(sizeType, "above_scale").i, 0);
  EXPECT_EQ(ok(sizeType, "sme").i, 1);
  EXPECT_EQ(ok(sizeType, "规模以上").i, 0);
  EXPECT_EQ(ok(sizeType, "中小企业").i, 1);
  EXPECT_EQ(ok(sizeType, " sme ").i, 1);
  EXPECT_EQ(ok(sizeType, "sme").type, sizeType);
  EXPECT_EQ(bad(sizeType, "大型"),
            "expected one of above_scale (规模以上), sme (中小企业), got '大型'");
  bad(sizeType, "SME"); // names are exact

  EnumInfo plain;
  plain.name = "Credit";
  plain.members = {{"A", "A"}, {"B", "B"}, {"C", "C"}};
  const Type credit = Type::enumeration(program.enums.add(plain));
  EXPECT_EQ(ok(credit, "B").i, 1);
  EXPECT_EQ(bad(credit, "D"), "expected one of A, B, C, got 'D'") << "no label when it is the name";
}

TEST_F(ParseValueTest, EnumWithManyMembersListsSome) {
  EnumInfo many;
  many.name = "Region";
  for (int i = 0; i < 30; ++i)
    many.members.push_back({fmt::format("r{}", i), fmt::format("r{}", i)});
  const Type region = Type::enumeration(program.enums.add(many));
  EXPECT_EQ(ok(region, "r29").i, 29);
  const std::string reason = bad(region, "r30");
  EXPECT_NE(reason.find("r11, ... (30 in all), got 'r30'"), std::string::npos) << reason;
}

TEST_F(ParseValueTest, TextMustBeUtf8) {
  EXPECT_EQ(ok(Type::text(), "北京 Beijing").text, "北京 Beijing");
  EXPECT_EQ(bad(Type::text(), "ab\xFF"
                              "cd"),
            "not valid utf-8: byte 0xFF at position 3, got 'ab\\xFFcd' (a file saved as gb18030 "
            "or gbk is read with --encoding gb18030)");
  bad(Type::text(), "\xC0\x80");         // overlong
  bad(Type::text(), "\xED\xA0\x80");     // surrogate
  bad(Type::text(), "\xF4\x90\x80\x80"); // beyond U+10FFFF
  bad(Type::text(), "\xE5\x8C");         // cut
  bad(Type::text(), "abcdefgh\x80");     // after a run of ASCII
}

TEST_F(ParseValueTest, LongTextIsShortenedInReasons) {
  const std::string text(100, '9');
  const std::string reason = bad(Type::date(), text);
  EXPECT_EQ(reason, "expected a date like 2024-06-30, got '" + std::string(40, '9') + "…'");
  EXPECT_EQ(bad(Type::integer(), "1\n2"), "expected a whole number like 42, got '1\\n2'");
}

TEST_F(ParseValueTest, TypesWithoutTextForm) {
  EXPECT_EQ(bad(Type::status(), "pass"), "values of type indicator status are not read from text");
  EXPECT_EQ(bad(Type::enumeration(99), "x"),
            "the type of this value names no enum of the rule set");
}

} // namespace
} // namespace xr::load
