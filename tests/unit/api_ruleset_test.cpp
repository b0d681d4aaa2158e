// The embedding API's rule sets and evaluator: diagnostics instead of exceptions, params bound
// from text, and records evaluated in memory.
#include "runtime/output/output.h"
#include "xuncha/xuncha.hpp"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

const std::string kSketch = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr";

TEST(ApiRuleSet, LoadsACleanRuleSetWithItsIdentity) {
  LoadResult loaded = RuleSet::load(kSketch);
  ASSERT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
  EXPECT_EQ(loaded.errorCount(), 0u);
  EXPECT_EQ(loaded.ruleSet->name(), "XX行业巡查指标体系（示例）");
  EXPECT_EQ(loaded.ruleSet->version(), 2024);
  EXPECT_EQ(loaded.ruleSet->sha256().size(), 64u);
}

TEST(ApiRuleSet, ABrokenRuleSetGivesPositionedDiagnosticsNotAnException) {
  LoadResult loaded = RuleSet::fromText("bad.xr", "ruleset \"x\" version 1\n"
                                                  "record R { id: text key }\n"
                                                  "param p: date = 2024-02-30\n");
  EXPECT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.errorCount(), 1u);
  auto error = std::find_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                            [](const Diagnostic &d) { return d.severity == Severity::Error; });
  ASSERT_NE(error, loaded.diagnostics.end());
  const Diagnostic &d = *error;
  EXPECT_EQ(d.file, "bad.xr");
  EXPECT_EQ(d.line, 3u);
  EXPECT_EQ(d.code.substr(0, 2), "XR");
  EXPECT_NE(loaded.renderDiagnostics(false).find("bad.xr:3:"), std::string::npos);

  LoadResult missing = RuleSet::load("/nonexistent/rules.xr");
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.diagnostics.front().code, "XR0008");
}

TEST(ApiEvaluator, BindsParamsFromTextByTheirType) {
  LoadResult loaded = RuleSet::load(kSketch);
  ASSERT_TRUE(loaded.ok());
  Evaluator evaluator(loaded.ruleSet);
  std::vector<std::string> problems;
  auto params = evaluator.bindParams({{"inspection_date", "2024-09-30"}, {"kwh_per_ton", "1100"}},
                                     problems);
  ASSERT_TRUE(params) << problems.front();
  EXPECT_EQ(xr::output::formatValue(loaded.ruleSet->program(), params->value(0)), "2024-09-30");
  EXPECT_EQ(params->value(1).d, 1100);

  problems.clear();
  EXPECT_FALSE(evaluator.bindParams({{"kwh_per_tonne", "1"}, {"inspection_date", "soon"}},
                                    problems));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "unknown param 'kwh_per_tonne'; did you mean 'kwh_per_ton'?");
  EXPECT_NE(problems[1].find("param 'inspection_date': expected a date"), std::string::npos)
      << problems[1];

  problems.clear();
  EXPECT_FALSE(evaluator.bindParams({{"inspection_date", ""}}, problems));
  EXPECT_EQ(problems.at(0), "param 'inspection_date' is given no value");
}

TEST(ApiEvaluator, EvaluatesRecordsHeldInMemory) {
  LoadResult loaded = RuleSet::load(kSketch);
  ASSERT_TRUE(loaded.ok());
  const xr::ir::Program &program = loaded.ruleSet->program();
  Evaluator evaluator(loaded.ruleSet);
  ASSERT_EQ(evaluator.engine(), Engine::Interpreter);
  std::vector<std::string> problems;
  auto params = evaluator.bindParams({}, problems);
  ASSERT_TRUE(params);

  // The record of the sketch's first test: a small firm whose licence has expired.
  const xr::ir::TestCase &typical = program.tests.at(0);
  Batch batch(program);
  batch.addRow();
  for (std::uint32_t f = 0; f < typical.record.size(); ++f)
    batch.set(f, 0, typical.record[f]);
  Results results;
  evaluator.evaluate(batch, *params, results);
  ASSERT_TRUE(results.ok(0));
  xr::ir::SlotId tier = xr::ir::kNoSlot;
  for (const xr::ir::ResultColumn &c : program.results)
    if (c.name == "tier")
      tier = c.slot;
  ASSERT_NE(tier, xr::ir::kNoSlot);
  EXPECT_EQ(xr::output::formatValue(program, results.value(tier, 0)), "red");
}

TEST(ApiEvaluator, NamesItsEngines) {
  EXPECT_EQ(parseEngine("interp"), Engine::Interpreter);
  EXPECT_FALSE(parseEngine("llvm"));
  EXPECT_STREQ(engineName(Engine::Interpreter), "interp");
}

} // namespace
} // namespace xuncha
