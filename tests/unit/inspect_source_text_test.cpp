#include "compiler/inspect/source_text.h"
#include "inspect_testing.h"

#include <gtest/gtest.h>

namespace xr::inspect {
namespace {

using testing::ruleSet;
using testing::VirtualFiles;

std::string indicators(const std::string &items) {
  return "domain d \"D\" weight 100%\n"
         "indicator I1 \"one\" in d weight 100% {\n" +
         items +
         "}\n"
         "checklist all_firms for true { all }\n";
}

TEST(InspectSourceText, OneLineExpressionAsWritten) {
  auto c = VirtualFiles()
               .add("r.xr", ruleSet("t", indicators("  pass when a >= 2   and   b == 0\n")))
               .compile("r.xr");
  const ast::Expr *pass = c->model->indicators[0].pass;
  EXPECT_EQ(sourceText(*c, pass->range), "a >= 2   and   b == 0");
  EXPECT_EQ(oneLine(sourceText(*c, pass->range)), "a >= 2 and b == 0");
}

TEST(InspectSourceText, ContinuationLinesKeepTheirLayoutWithoutComments) {
  auto c = VirtualFiles()
               .add("r.xr", ruleSet("t", indicators("  score = if a > 3 then 100   // best\n"
                                                    "          else if a > 1 then 60\n"
                                                    "          /* weak */ else 0\n")))
               .compile("r.xr");
  const ast::Expr *score = c->model->indicators[0].score;
  EXPECT_EQ(sourceText(*c, score->range), "if a > 3 then 100\n"
                                          "else if a > 1 then 60\n"
                                          "else 0");
}

TEST(InspectSourceText, LinesLeftOfTheFirstShiftItRight) {
  auto c = VirtualFiles()
               .add("r.xr", ruleSet("t", indicators("  score = (if a > 1 then 60 else 0)\n"
                                                    "        + (if b > 1 then 40 else 0)\n")))
               .compile("r.xr");
  EXPECT_EQ(sourceText(*c, c->model->indicators[0].score->range), "  (if a > 1 then 60 else 0)\n"
                                                                  "+ (if b > 1 then 40 else 0)");
}

TEST(InspectSourceText, OneLineKeepsSpacesInsideStrings) {
  EXPECT_EQ(oneLine("  region  ==\n   \"杭州  市\"  "), "region == \"杭州  市\"");
  EXPECT_EQ(oneLine("a == \"x\\\"  y\"   and b"), "a == \"x\\\"  y\" and b");
}

TEST(InspectSourceText, ShortLocationNamesTheFileWithoutItsFolder) {
  auto c = VirtualFiles()
               .add("rules/r.xr", ruleSet("t", indicators("  pass when a >= 2\n")))
               .compile("rules/r.xr");
  EXPECT_EQ(shortLocation(*c, c->model->indicators[0].where.name), "r.xr:10");
  EXPECT_EQ(shortLocation(*c, SourceRange{}), "");
  EXPECT_EQ(sourceText(*c, SourceRange{}), "");
}

} // namespace
} // namespace xr::inspect
