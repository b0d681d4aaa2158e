// The differential fuzzer's comparison (tests/differential/engine_comparison): a rule text that
// does not compile is told apart from one that does, and one that does runs on both engines
// through xuncha::run, agreeing, with the counts of its records.
#include "tests/differential/engine_comparison.h"

#include <gtest/gtest.h>

namespace xr::differential {
namespace {

const char *kRules = R"(ruleset "comparison" version 1
record R {
  id: text key
  a: number
  b: number?
}
output ratio: number = a / (b ?? 1)
check big {
  when ratio > 10
  flag large
}
report overall {
  n = count
  mean = avg(ratio)
}
)";

TEST(DifferentialComparison, RunsBothEnginesAndCountsRecords) {
  ComparisonOptions options;
  options.jitThreads = 2;
  const Comparison c = compareEngines(kRules, "id,a,b\nr1,30,2\nr2,5,0\nr3,7,\nr4,x,1\n", options);
  ASSERT_TRUE(c.compiled) << c.diagnostics;
  EXPECT_FALSE(c.differ) << c.difference;
  EXPECT_EQ(c.records, 3u);      // r4 cannot be read
  EXPECT_EQ(c.recordErrors, 1u); // r2 divides by zero
  EXPECT_EQ(c.rejected, 1u);
}

TEST(DifferentialComparison, ATextThatDoesNotCompileIsNotRun) {
  const Comparison c = compareEngines(std::string(kRules) + "let z = nowhere + 1\n",
                                      "id,a,b\nr1,1,1\n", ComparisonOptions{});
  EXPECT_FALSE(c.compiled);
  EXPECT_FALSE(c.differ);
  EXPECT_NE(c.diagnostics.find("XR0101"), std::string::npos) << c.diagnostics;
}

} // namespace
} // namespace xr::differential
