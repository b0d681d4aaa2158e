// checkWeights: XR0201-0204, XR0209, XR0211, XR0212 and the rule set's weight kind.
#include "sema_passes_support.h"

namespace xr::passes_test {
namespace {

// Line 13 onwards of every file below.
const std::string kChecklist = "\nchecklist full for true { all }\n";

TEST(SemaPassesWeights, CleanSharesSetTheKindAndReportNothing) {
  const Checked c = check(kHead + R"(domain compliance weight 40%
domain safety weight 60%
indicator C1 in compliance weight 62.5% { pass when certified }
indicator C2 in compliance weight 37.5% { pass when incidents_3y == 0 }
indicator S1 in safety weight 100% { pass when overdue == 0 }
)" + kChecklist);
  EXPECT_EQ(c.model().weightKind, ast::WeightKind::Share) << c.dump();
  for (DiagCode code : {DiagCode::DomainWeightSum, DiagCode::IndicatorWeightSum,
                        DiagCode::MixedWeightKinds, DiagCode::WeightOutOfRange,
                        DiagCode::MissingWeight, DiagCode::MissingDomain, DiagCode::EmptyDomain})
    EXPECT_TRUE(c.of(code).empty()) << c.dump();
}

TEST(SemaPassesWeights, NoWeightsAtAllIsValid) {
  const Checked c = check(kHead + R"(domain compliance
indicator C1 in compliance { pass when certified }
indicator C2 in compliance { pass when overdue == 0 }
)" + kChecklist);
  EXPECT_FALSE(c.model().weightKind.has_value());
  EXPECT_TRUE(c.of(DiagCode::MissingWeight).empty()) << c.dump();
}

TEST(SemaPassesWeights, DomainSharesNotSummingTo100AreReportedWithNotesAndARebalancingFix) {
  const Checked c = check(kHead + R"(domain compliance weight 20%
domain safety weight 70%
indicator C1 in compliance weight 100% { pass when certified }
indicator S1 in safety weight 100% { pass when overdue == 0 }
)" + kChecklist);
  ASSERT_EQ(c.of(DiagCode::DomainWeightSum),
            (std::vector<std::string>{"13:19 domain weights sum to 90%, not 100%"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::DomainWeightSum).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"13:19 domain compliance declared here with 20%",
                                                  "14:15 domain safety declared here with 70%"}));
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].message, "scale the weights proportionally to sum to 100%: 22.22%, 77.78%");
  const std::string fixed = c.applied(d.fixes[0]);
  EXPECT_NE(fixed.find("domain compliance weight 22.22%\ndomain safety weight 77.78%\n"),
            std::string::npos)
      << fixed;
}

TEST(SemaPassesWeights, ExactRebalancingNeedsNoRounding) {
  const Checked c = check(kHead + R"(domain compliance weight 100%
indicator C1 in compliance weight 30% { pass when certified }
indicator C2 in compliance weight 10% { pass when overdue == 0 }
indicator C3 in compliance weight 10% { pass when incidents_3y == 0 }
)" + kChecklist);
  ASSERT_EQ(c.of(DiagCode::IndicatorWeightSum),
            (std::vector<std::string>{"14:28 weights in domain compliance sum to 50%, not 100%"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::IndicatorWeightSum).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"14:28 C1 declared here with 30%",
                                                  "15:28 C2 declared here with 10%",
                                                  "16:28 C3 declared here with 10%"}));
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].message, "scale the weights proportionally to sum to 100%: 60%, 20%, 20%");
  const std::string fixed = c.applied(d.fixes[0]);
  EXPECT_NE(fixed.find("C1 in compliance weight 60% {"), std::string::npos) << fixed;
  EXPECT_NE(fixed.find("C3 in compliance weight 20% {"), std::string::npos) << fixed;
}

TEST(SemaPassesWeights, SumsAreExactAndPrintedWithoutTrailingZeros) {
  const Checked c = check(kHead + R"(domain compliance weight 100%
indicator C1 in compliance weight 33.333333% { pass when certified }
indicator C2 in compliance weight 33.333333% { pass when overdue == 0 }
indicator C3 in compliance weight 33.333333% { pass when incidents_3y == 0 }
)" + kChecklist);
  EXPECT_EQ(
      c.of(DiagCode::IndicatorWeightSum),
      (std::vector<std::string>{"14:28 weights in domain compliance sum to 99.999999%, not 100%"}))
      << c.dump();
}

TEST(SemaPassesWeights, MixingSharesAndPointsPointsAtTheFirstOfTheOtherKind) {
  const Checked c = check(kHead + R"(domain compliance weight 100%
indicator C1 in compliance weight 8 points { pass when certified }
indicator C2 in compliance weight 4 points { pass when overdue == 0 }
)" + kChecklist);
  ASSERT_EQ(c.of(DiagCode::MixedWeightKinds),
            (std::vector<std::string>{"14:28 weight 8 points of indicator C1 is points, but this "
                                      "rule set uses shares; use one kind of weight throughout"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::MixedWeightKinds).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{
                            "13:19 the first weight, 100% of domain compliance, is a share"}));
  // No sum is checked once the kinds are mixed.
  EXPECT_TRUE(c.of(DiagCode::IndicatorWeightSum).empty());
  EXPECT_EQ(c.model().weightKind, ast::WeightKind::Share);
}

TEST(SemaPassesWeights, PointsWithADomainWeightAndAnIndicatorWithout) {
  const Checked c = check(kHead + R"(domain compliance
domain safety weight 10 points
indicator C1 in compliance weight 8 points { pass when certified }
indicator C2 in compliance { pass when overdue == 0 }
indicator S1 in safety weight 2 points { pass when incidents_3y == 0 }
)" + kChecklist);
  EXPECT_EQ(c.model().weightKind, ast::WeightKind::Points);
  ASSERT_EQ(c.of(DiagCode::MixedWeightKinds),
            (std::vector<std::string>{"14:15 domain safety has a weight, but with points a domain "
                                      "is worth the sum of its indicators' points"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::MixedWeightKinds).front();
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_NE(c.applied(d.fixes[0]).find("domain safety \nindicator"), std::string::npos);
  EXPECT_EQ(c.of(DiagCode::MissingWeight),
            (std::vector<std::string>{"16:11 indicator C2 has no points; with points every "
                                      "indicator needs some, as in `weight 5 points`"}));
}

TEST(SemaPassesWeights, WeightsOutOfRange) {
  const Checked c = check(kHead + R"(domain compliance
indicator C1 in compliance weight 8 points { pass when certified }
indicator C2 in compliance weight 0 points { pass when overdue == 0 }
)" + kChecklist);
  EXPECT_EQ(c.of(DiagCode::WeightOutOfRange),
            (std::vector<std::string>{"15:28 weight 0 points of indicator C2 must be more than 0; "
                                      "retire or leave out an indicator that should not count"}))
      << c.dump();

  const Checked over = check(kHead + R"(domain compliance weight 100%
indicator C1 in compliance weight 120% { pass when certified }
indicator C2 in compliance weight 1 points { pass when overdue == 0 }
)" + kChecklist);
  EXPECT_EQ(over.of(DiagCode::WeightOutOfRange),
            (std::vector<std::string>{"14:28 weight 120% of indicator C1 is more than 100%"}))
      << over.dump();
}

TEST(SemaPassesWeights, OutOfRangeShareSkipsTheSumOfItsDomain) {
  const Checked c = check(kHead + R"(domain compliance weight 100%
indicator C1 in compliance weight 120% { pass when certified }
indicator C2 in compliance weight 10% { pass when overdue == 0 }
)" + kChecklist);
  EXPECT_EQ(c.of(DiagCode::WeightOutOfRange).size(), 1u) << c.dump();
  EXPECT_TRUE(c.of(DiagCode::IndicatorWeightSum).empty()) << c.dump();
}

TEST(SemaPassesWeights, MissingShareGetsTheRemainderAsAFix) {
  const Checked c = check(kHead + R"(domain compliance weight 100%
indicator C1 "证照" in compliance weight 70% { pass when certified }
indicator C2 "演练" in compliance { pass when overdue == 0 }
)" + kChecklist);
  ASSERT_EQ(c.of(DiagCode::MissingWeight),
            (std::vector<std::string>{"15:11 indicator C2 has no weight; with shares every "
                                      "indicator needs one"}))
      << c.dump();
  EXPECT_TRUE(c.of(DiagCode::IndicatorWeightSum).empty());
  const Diagnostic d = c.all(DiagCode::MissingWeight).front();
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].message, "add weight 30%");
  EXPECT_NE(c.applied(d.fixes[0]).find("indicator C2 \"演练\" in compliance weight 30% {"),
            std::string::npos);
}

TEST(SemaPassesWeights, DomainWithoutShareUnderShares) {
  const Checked c = check(kHead + R"(domain compliance "合规" weight 75%
domain safety "安全"
indicator C1 in compliance weight 100% { pass when certified }
indicator S1 in safety weight 100% { pass when overdue == 0 }
)" + kChecklist);
  ASSERT_EQ(c.of(DiagCode::MissingWeight),
            (std::vector<std::string>{
                "14:8 domain safety has no weight; with shares every domain needs one"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::MissingWeight).front();
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_NE(c.applied(d.fixes[0]).find("domain safety \"安全\" weight 25%\n"), std::string::npos);
  EXPECT_TRUE(c.of(DiagCode::DomainWeightSum).empty());
}

TEST(SemaPassesWeights, IndicatorWithoutDomain) {
  const Checked c = check(kHead + R"(domain compliance weight 100%
indicator C1 in compliance weight 100% { pass when certified }
indicator C2 "演练" { pass when overdue == 0 }
)" + kChecklist);
  ASSERT_EQ(c.of(DiagCode::MissingDomain),
            (std::vector<std::string>{
                "15:11 indicator C2 has no domain; write `in DOMAIN` after its name"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::MissingDomain).front();
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_NE(c.applied(d.fixes[0]).find("indicator C2 \"演练\" in compliance {"), std::string::npos);
  // An unknown domain is XR0103 only.
  const Checked unknown = check(kHead + R"(domain compliance weight 100%
indicator C1 in complience weight 100% { pass when certified }
)" + kChecklist);
  EXPECT_EQ(unknown.of(DiagCode::UnknownDomain).size(), 1u) << unknown.dump();
  EXPECT_TRUE(unknown.of(DiagCode::MissingDomain).empty()) << unknown.dump();
}

TEST(SemaPassesWeights, SumsAreCheckedAfterOverridesAndRetirements) {
  const std::string base = kHead + R"(domain compliance weight 100%
indicator C1 in compliance weight 60% { pass when certified }
indicator C2 in compliance weight 30% { pass when overdue == 0 }
indicator C3 in compliance weight 10% { pass when incidents_3y == 0 }
)" + kChecklist;
  const Checked c = check(R"(ruleset "t" version 2025 extends "base.xr"
retire indicator C3
override indicator C1 { weight 50% }
)",
                          {{"/t/base.xr", base}});
  ASSERT_EQ(c.of(DiagCode::IndicatorWeightSum),
            (std::vector<std::string>{"3:25 weights in domain compliance sum to 80%, not 100%"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::IndicatorWeightSum).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"3:25 C1 declared here with 50%",
                                                  "15:28 C2 declared here with 30%"}));
}

TEST(SemaPassesWeights, EmptyDomainIsAWarning) {
  const Checked c = check(kHead + R"(domain compliance weight 60%
domain safety weight 40%
indicator C1 in compliance weight 100% { pass when certified }
)" + kChecklist);
  const auto diags = c.all(DiagCode::EmptyDomain);
  ASSERT_EQ(diags.size(), 1u) << c.dump();
  EXPECT_EQ(diags[0].severity, Severity::Warning);
  EXPECT_EQ(c.of(DiagCode::EmptyDomain),
            (std::vector<std::string>{
                "14:8 domain safety has no indicator; put indicators in it with `in safety` or "
                "remove it"}));
}

} // namespace
} // namespace xr::passes_test
