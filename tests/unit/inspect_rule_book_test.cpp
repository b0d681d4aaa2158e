#include "compiler/inspect/rule_book.h"
#include "inspect_testing.h"

#include <gtest/gtest.h>

namespace xr::inspect {
namespace {

using testing::ruleSet;
using testing::VirtualFiles;

const std::string kBody = "domain core \"核心\" weight 60%\n"
                          "domain extra \"附加\" weight 40%\n"
                          "indicator K1 \"一\" in core weight 75% critical {\n"
                          "  basis \"法一\"\n"
                          "  basis \"法二\"\n"
                          "  let doubled = a * 2\n"
                          "  score = min(doubled, 100)\n"
                          "  pass when a > 1\n"
                          "}\n"
                          "indicator K2 \"二\" in core weight 25% {\n"
                          "  pass when c > 1\n"
                          "  missing => score 40\n"
                          "}\n"
                          "indicator X1 \"三\" in extra weight 100% minor { pass when b == 0 }\n"
                          "checklist full \"全面\" for big { all }\n"
                          "checklist lite \"简化\" for not big { all except K2 }\n"
                          "score total \"综合得分\" = weighted(checklist)\n"
                          "table level \"等级\" {\n"
                          "  K1 fails => high\n"
                          "  otherwise => low\n"
                          "}\n"
                          "frequency \"频次\" by level { high: 4, low: 1 }\n";

TEST(InspectRuleBook, IndicatorsAsWrittenWithEffectiveWeights) {
  auto c = VirtualFiles().add("r.xr", ruleSet("规则", kBody)).compile("r.xr");
  const RuleBook book = describe(*c);
  EXPECT_EQ(book.title, "规则");
  EXPECT_EQ(book.file, "r.xr");
  EXPECT_EQ(book.weightKind, "shares");
  ASSERT_EQ(book.indicators.size(), 3u);
  const IndicatorEntry &k1 = book.indicators[0];
  EXPECT_EQ(k1.domain, "core");
  EXPECT_EQ(k1.weight, "75%");
  EXPECT_EQ(k1.severity, "critical");
  EXPECT_EQ(k1.basis, (std::vector<std::string>{"法一", "法二"}));
  ASSERT_EQ(k1.lets.size(), 1u);
  EXPECT_EQ(k1.lets[0].name, "doubled");
  EXPECT_EQ(k1.lets[0].code.text, "a * 2");
  EXPECT_EQ(k1.score.text, "min(doubled, 100)");
  EXPECT_EQ(k1.pass.text, "a > 1");
  EXPECT_FALSE(k1.missingWritten);
  EXPECT_EQ(book.indicators[1].missing, "score 40");
  EXPECT_TRUE(book.indicators[1].missingWritten);
  EXPECT_FALSE(book.indicators[2].score.present());

  // full: core 60% (K1 75%, K2 25%), extra 40%; lite has no K2: K1 is all of core.
  ASSERT_EQ(k1.effective.size(), 2u);
  EXPECT_DOUBLE_EQ(k1.effective[0], 0.45);
  EXPECT_DOUBLE_EQ(k1.effective[1], 0.6);
  EXPECT_DOUBLE_EQ(book.indicators[1].effective[0], 0.15);
  EXPECT_EQ(book.indicators[1].effective[1], 0.0);
}

TEST(InspectRuleBook, ChecklistsTablesFrequencyAndTheTier) {
  auto c = VirtualFiles().add("r.xr", ruleSet("规则", kBody)).compile("r.xr");
  const RuleBook book = describe(*c);
  ASSERT_EQ(book.checklists.size(), 2u);
  EXPECT_EQ(book.checklists[0].listing, "all");
  EXPECT_EQ(book.checklists[1].listing, "all except K2");
  EXPECT_EQ(book.checklists[1].selector.text, "not big");
  EXPECT_EQ(book.checklists[1].members, (std::vector<std::string>{"K1", "X1"}));
  ASSERT_EQ(book.tables.size(), 1u);
  ASSERT_EQ(book.tables[0].rows.size(), 2u);
  EXPECT_EQ(book.tables[0].rows[0].condition.text, "K1 fails");
  EXPECT_FALSE(book.tables[0].rows[1].condition.present());
  EXPECT_EQ(book.tables[0].rows[1].outcome.text, "low");
  EXPECT_EQ(book.tables[0].hit, "first");
  ASSERT_TRUE(book.frequency);
  EXPECT_EQ(book.frequency->table, "level");
  ASSERT_EQ(book.frequency->values.size(), 2u);
  EXPECT_EQ(book.frequency->values[0].name, "high");
  EXPECT_EQ(book.frequency->values[0].code.text, "4");
  // The tier is the table the frequency is given by, whatever its name.
  EXPECT_EQ(book.tierTable, "level");
  EXPECT_EQ(book.totalScore, "total");
}

TEST(InspectRuleBook, OverridesAndTheBasePath) {
  VirtualFiles files;
  files.add("rules/base.xr", ruleSet("规则", kBody))
      .add("rules/next.xr", "ruleset \"规则\" version 2 extends \"base.xr\"\n"
                            "override indicator K1 { weight 50% }\n"
                            "override indicator K2 { weight 50% }\n");
  auto c = files.compile("rules/next.xr");
  const RuleBook book = describe(*c);
  EXPECT_EQ(book.extends, "base.xr");
  EXPECT_EQ(basePath(*c), "rules/base.xr");
  const IndicatorEntry *k1 = book.indicator("K1");
  ASSERT_NE(k1, nullptr);
  EXPECT_EQ(k1->weight, "50%");
  EXPECT_EQ(k1->where, "base.xr:11");
  EXPECT_EQ(k1->overriddenAt, (std::vector<std::string>{"next.xr:2"}));
  EXPECT_EQ(basePath(*files.compile("rules/base.xr")), "");
}

TEST(InspectRuleBook, WeightsInPointsAndNone) {
  auto points =
      VirtualFiles()
          .add("p.xr", ruleSet("t", "domain d \"D\"\n"
                                    "indicator P1 in d weight 8 points { pass when a > 1 }\n"
                                    "indicator P2 in d weight 2 points { pass when b > 1 }\n"
                                    "checklist all_firms for true { all }\n"))
          .compile("p.xr");
  const RuleBook book = describe(*points);
  EXPECT_EQ(book.weightKind, "points");
  EXPECT_EQ(book.indicators[0].weight, "8 points");
  EXPECT_DOUBLE_EQ(book.indicators[0].effective[0], 0.8);
  EXPECT_EQ(book.tierTable, "");
  EXPECT_EQ(book.domains[0].weight, "");
}

} // namespace
} // namespace xr::inspect
