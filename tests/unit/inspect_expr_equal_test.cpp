#include "compiler/inspect/expr_equal.h"
#include "inspect_testing.h"

#include <gtest/gtest.h>

namespace xr::inspect {
namespace {

using testing::ruleSet;
using testing::VirtualFiles;

/// Compiles a rule set whose indicators I1 and I2 pass when `one` and `two`.
std::unique_ptr<Compilation> pair(const std::string &one, const std::string &two) {
  return VirtualFiles()
      .add("r.xr", ruleSet("t", "domain d \"D\" weight 100%\n"
                                "indicator I1 in d weight 50% {\n"
                                "  pass when " +
                                    one +
                                    "\n"
                                    "  missing => fail\n"
                                    "}\n"
                                    "indicator I2 in d weight 50% {\n"
                                    "  pass when " +
                                    two +
                                    "\n"
                                    "  missing => fail\n"
                                    "}\n"
                                    "checklist all_firms for true { all }\n"))
      .compile("r.xr");
}

bool same(const std::string &one, const std::string &two) {
  auto c = pair(one, two);
  return sameExpr(c->model->indicators[0].pass, c->model->indicators[1].pass);
}

TEST(InspectExprEqual, LayoutCommentsAndParenthesesDoNotCount) {
  EXPECT_TRUE(same("a >= 2 and b == 0", "(a>=2)   and /* none */ (b == 0)"));
  EXPECT_TRUE(same("c ?? 0 > max(a, b)", "(c ?? 0) > max(a,\n b)"));
}

TEST(InspectExprEqual, OperatorsNamesAndLiteralsDo) {
  EXPECT_FALSE(same("a >= 2", "a > 2"));
  EXPECT_FALSE(same("a >= 2", "b >= 2"));
  EXPECT_FALSE(same("a >= 2", "a >= 3"));
  EXPECT_FALSE(same("max(a, b) > 1", "min(a, b) > 1"));
  EXPECT_FALSE(same("a >= 2 and b == 0", "b == 0 and a >= 2"));
  EXPECT_FALSE(same("c is missing", "c is not missing"));
  EXPECT_FALSE(same("a in [1, 2]", "a in [1, 2, 3]"));
}

TEST(InspectExprEqual, APercentIsItsNumber) {
  EXPECT_TRUE(same("c > 40%", "c > 0.4"));
  EXPECT_FALSE(same("c > 40%", "c > 0.41"));
}

TEST(InspectExprEqual, NullsAreEqualOnlyToNull) {
  auto c = pair("a > 1", "a > 1");
  EXPECT_TRUE(sameExpr(nullptr, nullptr));
  EXPECT_FALSE(sameExpr(c->model->indicators[0].pass, nullptr));
  EXPECT_FALSE(sameExpr(nullptr, c->model->indicators[0].pass));
}

} // namespace
} // namespace xr::inspect
