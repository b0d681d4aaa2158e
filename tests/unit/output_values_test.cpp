// How values appear in every output: formatValue for each type, numbers that read back
// exactly, and the CSV and JSON escaping underneath the writers.
#include "interp_test_support.h"
#include "runtime/output/output.h"
#include "runtime/output/text_out.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>

namespace xr::testing {
namespace {

using output::formatValue;

class OutputValues : public ::testing::Test {
protected:
  ProgramBuilder pb;
  EnumId tier = pb.enumeration("Tier", {"red", "yellow", "blue"});
  EnumId size = [this] {
    EnumInfo info;
    info.name = "Enterprise.size";
    info.members = {{"above_scale", "规模以上"}, {"sme", "中小企业"}};
    return pb.p.enums.add(std::move(info));
  }();

  std::string show(const ir::Constant &c) const { return formatValue(pb.p, c); }
  std::string number(double d) const { return show(N(d)); }
  static ir::Constant set(EnumId id, std::uint64_t bits) {
    return {Type::set(id), true, static_cast<std::int64_t>(bits), 0, {}};
  }
  static ir::Constant status(ir::Status s) {
    return {Type::status(), true, static_cast<std::int64_t>(s), 0, {}};
  }
};

TEST_F(OutputValues, IntsAndBools) {
  EXPECT_EQ(show(I(0)), "0");
  EXPECT_EQ(show(I(-42)), "-42");
  EXPECT_EQ(show(I(std::numeric_limits<std::int64_t>::min())), "-9223372036854775808");
  EXPECT_EQ(show(I(std::numeric_limits<std::int64_t>::max())), "9223372036854775807");
  EXPECT_EQ(show(B(true)), "true");
  EXPECT_EQ(show(B(false)), "false");
}

TEST_F(OutputValues, NumbersInTheShortestFormThatReadsBackExactly) {
  EXPECT_EQ(number(1), "1");
  EXPECT_EQ(number(100), "100");
  EXPECT_EQ(number(0.3), "0.3");
  EXPECT_EQ(number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(number(-1.5), "-1.5");
  EXPECT_EQ(number(91.3), "91.3");
  EXPECT_EQ(number(1e15), "1000000000000000");
  EXPECT_EQ(number(1e16), "1e+16");
  EXPECT_EQ(number(1e21), "1e+21");
  EXPECT_EQ(number(123456789012345680000.0), "1.2345678901234568e+20");
  EXPECT_EQ(number(0.0001), "0.0001");
  EXPECT_EQ(number(1e-7), "1e-07");
  EXPECT_EQ(number(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
  EXPECT_EQ(number(std::numeric_limits<double>::denorm_min()), "5e-324");
  EXPECT_EQ(number(std::numeric_limits<double>::min()), "2.2250738585072014e-308");
}

TEST_F(OutputValues, NegativeZeroIsWrittenAsZero) {
  EXPECT_EQ(number(-0.0), "0");
  EXPECT_EQ(number(0.0), "0");
  std::string json;
  output::detail::appendJsonNumber(json, -0.0);
  EXPECT_EQ(json, "0");
}

TEST_F(OutputValues, EveryFiniteDoubleReadsBackBitForBit) {
  std::mt19937_64 rng(2024);
  for (int i = 0; i < 20000; ++i) {
    const double d = std::bit_cast<double>(rng());
    if (!std::isfinite(d) || d == 0)
      continue;
    const std::string text = number(d);
    ASSERT_EQ(std::bit_cast<std::uint64_t>(std::strtod(text.c_str(), nullptr)),
              std::bit_cast<std::uint64_t>(d))
        << text;
  }
}

TEST_F(OutputValues, WholeNumbersTakeTheFastPathWithTheSameDigits) {
  // Whole numbers below 1e15 skip the shortest-digits search; the text must not change.
  std::mt19937_64 rng(7);
  std::vector<double> values = {
      1e15 - 1, -(1e15 - 1), 1e15, 123456789012345, 4503599627370497, 9007199254740993.0,
      1e16,     0.5,         -2.0};
  for (int i = 0; i < 5000; ++i) {
    values.push_back(static_cast<double>(static_cast<std::int64_t>(rng() % 2'000'000'000'000'000) -
                                         1'000'000'000'000'000));
    values.push_back(static_cast<double>(static_cast<std::int64_t>(rng() % 2001) - 1000));
  }
  for (double d : values)
    ASSERT_EQ(number(d), fmt::format("{}", d)) << d;
}

TEST_F(OutputValues, NonFiniteNumbersAreNullInJson) {
  // The language never produces them; a writer must still not emit invalid JSON.
  std::string json;
  output::detail::appendJsonNumber(json, std::numeric_limits<double>::infinity());
  json += ',';
  output::detail::appendJsonNumber(json, std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(json, "null,null");
}

TEST_F(OutputValues, DatesAreIso) {
  EXPECT_EQ(show(D(2024, 6, 30)), "2024-06-30");
  EXPECT_EQ(show(D(1970, 1, 1)), "1970-01-01");
  EXPECT_EQ(show(D(1, 1, 1)), "0001-01-01");
  EXPECT_EQ(show(D(9999, 12, 31)), "9999-12-31");
  EXPECT_EQ(show(D(2024, 2, 29)), "2024-02-29");
}

TEST_F(OutputValues, TextIsUnchanged) {
  EXPECT_EQ(show(T("杭州, \"西湖\"\n")), "杭州, \"西湖\"\n"); // quoting is the writers' job
  EXPECT_EQ(show(T("")), "");
}

TEST_F(OutputValues, EnumsByMemberNameNotLabel) {
  EXPECT_EQ(show(E(tier, 0)), "red");
  EXPECT_EQ(show(E(tier, 2)), "blue");
  EXPECT_EQ(show(E(size, 0)), "above_scale");
  EXPECT_EQ(show(E(size, 1)), "sme");
}

TEST_F(OutputValues, SetsAsMemberNamesInEnumOrder) {
  EXPECT_EQ(show(set(tier, 0b101)), "red;blue");
  EXPECT_EQ(show(set(tier, 0b010)), "yellow");
  EXPECT_EQ(show(set(tier, 0)), "");
}

TEST_F(OutputValues, Statuses) {
  EXPECT_EQ(show(status(ir::Status::Pass)), "pass");
  EXPECT_EQ(show(status(ir::Status::Fail)), "fail");
  EXPECT_EQ(show(status(ir::Status::NotAssessed)), "not_assessed");
  EXPECT_EQ(show(status(ir::Status::NotApplicable)), "not_applicable");
}

TEST_F(OutputValues, MissingIsEmptyForEveryType) {
  for (const Type &t : {Type::boolean(), Type::integer(), Type::number(), Type::text(),
                        Type::date(), Type::enumeration(tier), Type::set(tier), Type::status()})
    EXPECT_EQ(show(Missing(t)), "") << typeName(t);
  ir::Constant stale = I(7); // a missing value's leftovers are never shown
  stale.valid = false;
  EXPECT_EQ(show(stale), "");
}

TEST(OutputFormats, ByExtensionAndByName) {
  using output::OutputFormat;
  EXPECT_EQ(output::outputFormatFromPath("out/results.csv"), OutputFormat::Csv);
  EXPECT_EQ(output::outputFormatFromPath("RESULTS.CSV"), OutputFormat::Csv);
  EXPECT_EQ(output::outputFormatFromPath("r.jsonl"), OutputFormat::JsonLines);
  EXPECT_EQ(output::outputFormatFromPath("r.NDJSON"), OutputFormat::JsonLines);
  EXPECT_EQ(output::outputFormatFromPath("r.json"), std::nullopt);
  EXPECT_EQ(output::outputFormatFromPath("results"), std::nullopt);
  EXPECT_EQ(output::outputFormatFromPath("out.csv/results"), std::nullopt);
  EXPECT_EQ(output::outputFormatFromPath(".csv"), std::nullopt);
  EXPECT_EQ(output::outputFormatFromPath("-"), std::nullopt);
  EXPECT_EQ(output::parseOutputFormat("csv"), OutputFormat::Csv);
  EXPECT_EQ(output::parseOutputFormat("jsonl"), OutputFormat::JsonLines);
  EXPECT_EQ(output::parseOutputFormat("json"), std::nullopt);
}

TEST(OutputFormats, ProvenanceNamesTheRuleSet) {
  ir::Program p;
  p.title = "national";
  p.version = 2024;
  p.contentHash = std::string(64, 'a');
  const output::Provenance prov = output::provenanceOf(p);
  EXPECT_EQ(prov.ruleset, "national");
  EXPECT_EQ(prov.version, 2024);
  EXPECT_EQ(prov.sha256, p.contentHash);
}

std::string csvCell(std::string_view text) {
  std::string out;
  output::detail::appendCsvCell(out, text);
  return out;
}

TEST(OutputCsvCells, QuotedOnlyWhenTheyMustBe) {
  EXPECT_EQ(csvCell("plain"), "plain");
  EXPECT_EQ(csvCell("杭州 西湖区"), "杭州 西湖区");
  EXPECT_EQ(csvCell(" spaces kept "), " spaces kept ");
  EXPECT_EQ(csvCell(""), "");
  EXPECT_EQ(csvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvCell("\""), "\"\"\"\"");
  EXPECT_EQ(csvCell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csvCell("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csvCell("1#楼"), "\"1#楼\""); // pandas' comment='#' would cut it otherwise
}

std::string jsonString(std::string_view text) {
  std::string out;
  output::detail::appendJsonString(out, text);
  return out;
}

TEST(OutputJsonStrings, EscapesWhatJsonRequires) {
  EXPECT_EQ(jsonString("plain"), "\"plain\"");
  EXPECT_EQ(jsonString(""), "\"\"");
  EXPECT_EQ(jsonString("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"");
  EXPECT_EQ(jsonString("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(jsonString(std::string_view("\x00\x01\x1f", 3)), "\"\\u0000\\u0001\\u001f\"");
  EXPECT_EQ(jsonString("\x7f"), "\"\x7f\""); // DEL is allowed as it is
}

TEST(OutputJsonStrings, KeepsUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(jsonString("杭州（示例）😀"), "\"杭州（示例）😀\"");
  EXPECT_EQ(jsonString("a\xff"
                       "b"),
            "\"a\\ufffdb\"");
  EXPECT_EQ(jsonString("\xe6\x9d"), "\"\\ufffd\\ufffd\"");                       // truncated 杭
  EXPECT_EQ(jsonString("\xc0\xaf"), "\"\\ufffd\\ufffd\"");                       // overlong '/'
  EXPECT_EQ(jsonString("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");            // a surrogate
  EXPECT_EQ(jsonString("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); // > U+10FFFF
}

} // namespace
} // namespace xr::testing
