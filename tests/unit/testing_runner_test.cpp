// The test runner behind `xuncha test`: cases evaluated on the interpreter, failed expectations
// with the values they compared, error expectations, cases tables and the title filter.
#include "compiler/driver/compilation.h"
#include "runtime/testing/format.h"
#include "runtime/testing/runner.h"

#include <gtest/gtest.h>

namespace xr::testrun {
namespace {

const std::string kRules = "ruleset \"t\" version 2024\n"                    // 1
                           "record Enterprise {\n"                           // 2
                           "  id: text key\n"                                // 3
                           "  drills: int\n"                                 // 4
                           "  revenue: number?\n"                            // 5
                           "  cost: number?\n"                               // 6
                           "}\n"                                             // 7
                           "param limit: int = 2\n"                          // 8
                           "domain safety \"安全\" weight 100%\n"            // 9
                           "indicator S1 \"演练\" in safety weight 100% {\n" // 10
                           "  pass when drills >= limit\n"                   // 11
                           "}\n"                                             // 12
                           "checklist full for true { all }\n"               // 13
                           "score total = weighted(checklist)\n"             // 14
                           "let ratio = revenue / cost\n"                    // 15
                           "table tier hit first {\n"                        // 16
                           "  total < 60 or ratio < 1 => red\n"              // 17
                           "  otherwise => blue\n"                           // 18
                           "}\n";                                            // 19

std::unique_ptr<Compilation> compile(const std::string &tests) {
  auto c = compileText("t.xr", kRules + tests);
  std::string problems;
  for (const Diagnostic &d : c->sortedDiagnostics())
    if (d.severity == Severity::Error)
      problems += d.message + "\n";
  EXPECT_TRUE(c->program) << problems;
  return c;
}

std::string textOf(const Compilation &c, const std::vector<CaseResult> &results) {
  std::string out;
  for (const CaseResult &r : results)
    out += caseText(*c.program, r, false);
  return out;
}

TEST(TestingRunner, APassingAndAFailingCase) {
  auto c = compile("test \"drills pass\" {\n" // 20
                   "  given Enterprise { id: \"a\", drills: 3, ... }\n"
                   "  expect S1 passes\n"
                   "  expect tier == blue\n"
                   "}\n"
                   "test \"too few drills\" {\n" // 25
                   "  given Enterprise { id: \"b\", drills: 1, revenue: 5, ... }\n"
                   "  given limit = 3\n"
                   "  expect S1 passes\n"
                   "  expect tier == blue\n"
                   "  expect total == 100\n" // 30
                   "  expect drills > 0\n"
                   "}\n");
  ASSERT_TRUE(c->program);
  auto results = runTests(*c);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(results[0].passed);
  EXPECT_FALSE(results[1].passed);
  EXPECT_EQ(results[1].failures.size(), 3u);
  EXPECT_EQ(textOf(*c, results), "PASS  t.xr:20  drills pass\n"
                                 "FAIL  t.xr:25  too few drills\n"
                                 "      expect S1 passes  (t.xr:28): false\n"
                                 "        S1.status = fail\n"
                                 "      expect tier == blue  (t.xr:29): false\n"
                                 "        tier = red\n"
                                 "      expect total == 100  (t.xr:30): false\n"
                                 "        total = 0\n"
                                 "      record: id: b, drills: 1, revenue: 5\n"
                                 "      params: limit = 3\n");
}

TEST(TestingRunner, AMissingConditionIsNotTrueAndSaysSo) {
  auto c = compile("test \"ratio\" {\n"
                   "  given Enterprise { id: \"a\", drills: 3, ... }\n"
                   "  expect ratio < 1\n"
                   "}\n");
  ASSERT_TRUE(c->program);
  auto results = runTests(*c);
  ASSERT_EQ(results.size(), 1u);
  ASSERT_EQ(results[0].failures.size(), 1u);
  EXPECT_EQ(results[0].failures[0].outcome, "missing");
  EXPECT_EQ(textOf(*c, results), "FAIL  t.xr:20  ratio\n"
                                 "      expect ratio < 1  (t.xr:22): missing\n"
                                 "        ratio = missing\n"
                                 "      record: id: a, drills: 3\n");
}

TEST(TestingRunner, ErrorExpectations) {
  auto c = compile("test \"zero cost fails\" {\n" // 20
                   "  given Enterprise { id: \"a\", drills: 3, revenue: 1, cost: 0, ... }\n"
                   "  expect error \"division by zero\"\n"
                   "}\n"
                   "test \"another message\" {\n" // 24
                   "  given Enterprise { id: \"a\", drills: 3, revenue: 1, cost: 0, ... }\n"
                   "  expect error \"overflow\"\n"
                   "}\n"
                   "test \"no error at all\" {\n" // 28
                   "  given Enterprise { id: \"a\", drills: 3, ... }\n"
                   "  expect error\n"
                   "}\n"
                   "test \"an unexpected error\" {\n" // 32
                   "  given Enterprise { id: \"a\", drills: 3, revenue: 1, cost: 0, ... }\n"
                   "  expect tier == red\n"
                   "}\n");
  ASSERT_TRUE(c->program);
  auto results = runTests(*c);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_TRUE(results[0].passed);
  EXPECT_EQ(textOf(*c, results),
            "PASS  t.xr:20  zero cost fails\n"
            "FAIL  t.xr:24  another message\n"
            "      expected a record error containing \"overflow\", got: division by zero in let "
            "ratio (t.xr:15:13)\n"
            "      record: id: a, drills: 3, revenue: 1, cost: 0\n"
            "FAIL  t.xr:28  no error at all\n"
            "      expected a record error, but the record has none\n"
            "      record: id: a, drills: 3\n"
            "FAIL  t.xr:32  an unexpected error\n"
            "      the record has an error: division by zero in let ratio (t.xr:15:13)\n"
            "      record: id: a, drills: 3, revenue: 1, cost: 0\n");
}

TEST(TestingRunner, EachCasesRowIsACaseOfItsOwn) {
  auto c = compile("test \"tiers\" {\n" // 20
                   "  given Enterprise { id: \"a\", ... }\n"
                   "  cases {\n"
                   "    | drills | limit | expect tier |\n"
                   "    | 3      | 2     | blue        |\n" // 24
                   "    | 1      | 2     | blue        |\n" // 25
                   "    | 1      | 1     | blue        |\n" // 26
                   "  }\n"
                   "}\n");
  ASSERT_TRUE(c->program);
  auto results = runTests(*c);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(textOf(*c, results), "PASS  t.xr:24  tiers [row 1]\n"
                                 "FAIL  t.xr:25  tiers [row 2]\n"
                                 "      expect tier == blue  (t.xr:25): false\n"
                                 "        tier = red\n"
                                 "      record: id: a, drills: 1\n"
                                 "      params: limit = 2\n"
                                 "PASS  t.xr:26  tiers [row 3]\n");
}

TEST(TestingRunner, TheFilterKeepsTheCasesWhoseTitleContainsIt) {
  auto c = compile("test \"alpha one\" {\n"
                   "  given Enterprise { id: \"a\", drills: 3, ... }\n"
                   "  expect S1 passes\n"
                   "}\n"
                   "test \"beta\" {\n"
                   "  given Enterprise { id: \"a\", drills: 3, ... }\n"
                   "  expect S1 fails\n"
                   "}\n"
                   "test \"alpha two\" {\n"
                   "  given Enterprise { id: \"a\", drills: 3, ... }\n"
                   "  expect S1 passes\n"
                   "}\n");
  ASSERT_TRUE(c->program);
  auto results = runTests(*c, "alpha");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].title, "alpha one");
  EXPECT_EQ(results[1].title, "alpha two");
  EXPECT_EQ(runTests(*c, "gamma").size(), 0u);
  EXPECT_EQ(runTests(*c).size(), 3u);
}

TEST(TestingRunner, JsonOfAFailedCaseIsTypedAndOrdered) {
  auto c = compile("test \"too few drills\" {\n"
                   "  given Enterprise { id: \"b\", drills: 1, revenue: 5, ... }\n"
                   "  expect total == 100\n"
                   "}\n");
  ASSERT_TRUE(c->program);
  auto results = runTests(*c);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(caseJson(*c->program, results[0]).dump(),
            "{\"file\":\"t.xr\",\"line\":20,\"title\":\"too few drills\",\"passed\":false,"
            "\"problem\":null,\"failures\":[{\"expectation\":\"total == 100\",\"line\":22,"
            "\"outcome\":\"false\",\"error\":null,\"shown\":[{\"expression\":\"total\","
            "\"value\":0.0,\"error\":null}]}],\"record\":{\"id\":\"b\",\"drills\":1,"
            "\"revenue\":5.0},\"params\":{}}");
}

TEST(TestingRunner, TheSketchsOwnTestsPass) {
  auto c = compileFile(std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr");
  ASSERT_TRUE(c->program);
  auto results = runTests(*c);
  EXPECT_GE(results.size(), 9u);
  for (const CaseResult &r : results)
    EXPECT_TRUE(r.passed) << caseText(*c->program, r, false);
}

} // namespace
} // namespace xr::testrun
