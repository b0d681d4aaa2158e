// The progress line of `xuncha run` and the NAME=VALUE options.
#include "cli/assignments.h"
#include "cli/progress_bar.h"

#include <gtest/gtest.h>

#include <sstream>

namespace xr::cli {
namespace {

TEST(CliProgress, GroupsThousands) {
  EXPECT_EQ(groupedNumber(0), "0");
  EXPECT_EQ(groupedNumber(999), "999");
  EXPECT_EQ(groupedNumber(1000), "1,000");
  EXPECT_EQ(groupedNumber(1234567), "1,234,567");
}

TEST(CliProgress, ShowsRowsRateAndTimeLeftWhenTheSizeIsKnown) {
  const std::string half = ProgressBar::line(500000, 50, 100, 2.0, 78);
  EXPECT_NE(half.find(" 50% "), std::string::npos) << half;
  EXPECT_NE(half.find("500,000 rows  250,000 rows/s  ETA 2s"), std::string::npos) << half;
  EXPECT_LE(half.size(), 78u);
  EXPECT_EQ(half.front(), '[');
  EXPECT_NE(ProgressBar::line(10, 1, 100, 10.0, 78).find("ETA 16m30s"), std::string::npos);
}

TEST(CliProgress, ShowsOnlyRowsAndRateForAPipe) {
  EXPECT_EQ(ProgressBar::line(1200, 5000, 0, 2.0, 78), "1,200 rows  600 rows/s");
}

TEST(CliProgress, DrawsAtMostTenTimesASecondAndClearsItsLine) {
  std::ostringstream out;
  ProgressBar bar(out);
  bar.update(1, 1, 10, 0.00);
  bar.update(2, 2, 10, 0.05); // too soon: not drawn
  bar.update(3, 3, 10, 0.20);
  bar.clear();
  const std::string text = out.str();
  EXPECT_NE(text.find("1 rows"), std::string::npos);
  EXPECT_EQ(text.find("2 rows"), std::string::npos);
  EXPECT_NE(text.find("3 rows"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 5), "\r\x1b[2K");
}

TEST(CliAssignments, SplitsAtTheFirstEqualsSign) {
  EXPECT_EQ(splitAssignment("a=b"), std::make_pair(std::string("a"), std::string("b")));
  EXPECT_EQ(splitAssignment("a=b=c"), std::make_pair(std::string("a"), std::string("b=c")));
  EXPECT_EQ(splitAssignment("a="), std::make_pair(std::string("a"), std::string()));
  EXPECT_FALSE(splitAssignment("=b"));
  EXPECT_FALSE(splitAssignment("ab"));
}

TEST(CliAssignments, NamesTheMalformedValue) {
  ArgSpec spec("xuncha x", "x");
  spec.option({"param", "NAME=VALUE", "a param", {}, {}, true});
  ParseResult parsed = spec.parse({"--param", "a=1", "--param", "oops"});
  ASSERT_TRUE(parsed.ok());
  UsageError error;
  EXPECT_FALSE(assignmentsOf(*parsed.args, "param", "NAME=VALUE", error));
  EXPECT_EQ(error.message, "invalid value 'oops' for '--param'");
  EXPECT_EQ(error.hint, "write it as --param NAME=VALUE");
  parsed = spec.parse({"--param", "a=1", "--param", "b=2"});
  auto both = assignmentsOf(*parsed.args, "param", "NAME=VALUE", error);
  ASSERT_TRUE(both);
  EXPECT_EQ(both->size(), 2u);
}

} // namespace
} // namespace xr::cli
