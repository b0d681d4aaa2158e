// The shipped rule sets on the JIT and the interpreter: random populations (missing values,
// edge values, record errors) and every test case of the rule files give the same results bit
// for bit.
#include "compiler/driver/compilation.h"
#include "jit_test_support.h"

#include <fmt/format.h>

namespace xr::testing {
namespace {

std::unique_ptr<Compilation> compileRuleSet(const std::string &relative) {
  auto c = compileFile(std::string(XUNCHA_SOURCE_DIR) + "/rulesets/" + relative);
  std::string problems;
  for (const Diagnostic &d : c->sortedDiagnostics())
    problems += d.message + "\n";
  EXPECT_TRUE(c->program) << relative << ": " << problems;
  return c;
}

class JitRuleSets : public ::testing::TestWithParam<const char *> {};

TEST_P(JitRuleSets, RandomPopulationsAgreeWithTheInterpreter) {
  auto c = compileRuleSet(GetParam());
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  auto jit = compileJit(p);
  ASSERT_TRUE(jit);
  const batch::ParamValues params = defaultParams(p);
  std::size_t rows = 0;
  std::size_t errors = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const batch::Batch population = randomRecords(p, 2500, seed);
    batch::Results r =
        expectEnginesAgree(p, *jit, population, params, fmt::format("seed {}", seed));
    rows += r.rows();
    errors += r.errorCount();
  }
  // Both outcomes must be exercised for the comparison to mean something.
  EXPECT_GT(errors, 0u);
  EXPECT_LT(errors, rows);
}

TEST_P(JitRuleSets, EveryTestCaseAgreesWithTheInterpreter) {
  auto c = compileRuleSet(GetParam());
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  auto jit = compileJit(p);
  ASSERT_TRUE(jit);
  ASSERT_FALSE(p.tests.empty());
  for (const ir::TestCase &tc : p.tests) {
    batch::Batch b(p);
    b.addRow();
    for (std::uint32_t f = 0; f < tc.record.size(); ++f)
      b.set(f, 0, tc.record[f]);
    std::vector<std::string> problems;
    auto params = batch::ParamValues::bind(p, tc.params, problems);
    ASSERT_TRUE(params) << tc.title;
    expectEnginesAgree(p, *jit, b, *params, tc.title);
  }
}

INSTANTIATE_TEST_SUITE_P(Shipped, JitRuleSets,
                         ::testing::Values("examples/sketch.xr", "national/2023.xr",
                                           "national/2024.xr", "regional/assessment.xr"));

} // namespace
} // namespace xr::testing
