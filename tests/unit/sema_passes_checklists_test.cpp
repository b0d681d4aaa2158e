// buildChecklists: members, effective weights, XR0205-0207.
#include "sema_passes_support.h"

namespace xr::passes_test {
namespace {

// Two domains with shares: compliance 40% (C1 60%, C2 40%), safety 60% (S1 50%, S2 50%).
const std::string kTwoDomains = kHead + R"(domain compliance weight 40%
domain safety weight 60%
indicator C1 in compliance weight 60% { pass when certified }
indicator S1 in safety weight 50% { pass when incidents_3y == 0 }
indicator C2 in compliance weight 40% { pass when overdue == 0 }
indicator S2 in safety weight 50% { pass when total_reported > 10 }
)";

const sema::ChecklistInfo &checklist(const Checked &c, const std::string &name) {
  for (const sema::ChecklistInfo &list : c.model().checklists)
    if (list.name == name)
      return list;
  ADD_FAILURE() << "no checklist " << name << "\n" << c.dump();
  static const sema::ChecklistInfo none;
  return none;
}

/// Indicator names of a checklist's members.
std::vector<std::string> members(const Checked &c, const sema::ChecklistInfo &list) {
  std::vector<std::string> out;
  for (std::uint32_t i : list.indicators)
    out.push_back(c.model().indicators[i].name);
  return out;
}

TEST(SemaPassesChecklists, EffectiveWeightsOfACleanTwoDomainRuleSet) {
  const Checked c = check(kTwoDomains + R"(
checklist full for size == above_scale { all }
checklist sme for size == sme { S1, C1 }
checklist paper for true { compliance }
)");
  ASSERT_FALSE(c.compilation().diagnostics.hasErrors()) << c.dump();
  // Indicators in rule-set order: C1, S1, C2, S2.
  const auto &full = checklist(c, "full");
  EXPECT_EQ(members(c, full), (std::vector<std::string>{"C1", "S1", "C2", "S2"}));
  EXPECT_DOUBLE_EQ(full.effectiveWeights[0], 0.24);
  EXPECT_DOUBLE_EQ(full.effectiveWeights[1], 0.30);
  EXPECT_DOUBLE_EQ(full.effectiveWeights[2], 0.16);
  EXPECT_DOUBLE_EQ(full.effectiveWeights[3], 0.30);
  // Both domains present, one indicator each: the domain weights alone.
  const auto &sme = checklist(c, "sme");
  EXPECT_EQ(members(c, sme), (std::vector<std::string>{"C1", "S1"}));
  EXPECT_EQ(sme.effectiveWeights, (std::vector<double>{0.4, 0.6, 0.0, 0.0}));
  // Only compliance: its indicators' shares re-normalised to the whole.
  const auto &paper = checklist(c, "paper");
  EXPECT_EQ(members(c, paper), (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(paper.effectiveWeights, (std::vector<double>{0.6, 0.0, 0.4, 0.0}));
}

TEST(SemaPassesChecklists, EffectiveWeightsUnderPointsAndWithoutWeights) {
  const Checked points = check(kHead + R"(domain compliance
domain safety
indicator C1 in compliance weight 6 points { pass when certified }
indicator S1 in safety weight 3 points { pass when incidents_3y == 0 }
indicator C2 in compliance weight 1 points { pass when overdue == 0 }
checklist full for true { all }
checklist some for true { all except C2 }
)");
  ASSERT_FALSE(points.compilation().diagnostics.hasErrors()) << points.dump();
  EXPECT_EQ(checklist(points, "full").effectiveWeights, (std::vector<double>{0.6, 0.3, 0.1}));
  EXPECT_EQ(checklist(points, "some").effectiveWeights,
            (std::vector<double>{6.0 / 9.0, 3.0 / 9.0, 0.0}));

  const Checked equal = check(kHead + R"(domain compliance
domain safety
indicator C1 in compliance { pass when certified }
indicator S1 in safety { pass when incidents_3y == 0 }
indicator C2 in compliance { pass when overdue == 0 }
indicator C3 in compliance { pass when overdue < 3 }
checklist full for true { all }
)");
  ASSERT_FALSE(equal.compilation().diagnostics.hasErrors()) << equal.dump();
  EXPECT_EQ(checklist(equal, "full").effectiveWeights,
            (std::vector<double>{0.25, 0.25, 0.25, 0.25}));
}

TEST(SemaPassesChecklists, AllExceptADomain) {
  const Checked c = check(kTwoDomains + R"(
checklist nosafety for true { all except safety }
)");
  ASSERT_FALSE(c.compilation().diagnostics.hasErrors()) << c.dump();
  EXPECT_EQ(members(c, checklist(c, "nosafety")), (std::vector<std::string>{"C1", "C2"}));
}

TEST(SemaPassesChecklists, IndicatorListedTwice) {
  const Checked c = check(kTwoDomains + R"(
checklist sme for true { C1, S1, C1 }
)");
  ASSERT_EQ(c.of(DiagCode::DuplicateInChecklist),
            (std::vector<std::string>{"20:34 indicator C1 is listed twice in checklist sme"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::DuplicateInChecklist).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"20:26 first listed here"}));
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_NE(c.applied(d.fixes[0]).find("checklist sme for true { C1, S1 }"), std::string::npos);
  EXPECT_EQ(members(c, checklist(c, "sme")), (std::vector<std::string>{"C1", "S1"}));
}

TEST(SemaPassesChecklists, IndicatorAlreadyListedThroughItsDomain) {
  const Checked c = check(kTwoDomains + R"(
checklist sme for true { compliance, S1, C2 }
checklist other for true { C1, compliance }
)");
  EXPECT_EQ(c.of(DiagCode::DuplicateInChecklist),
            (std::vector<std::string>{
                "20:42 indicator C2 is listed twice in checklist sme: domain compliance already "
                "includes it",
                "21:32 domain compliance lists indicator C1 again in checklist other"}))
      << c.dump();
  const auto diags = c.all(DiagCode::DuplicateInChecklist);
  EXPECT_EQ(c.notes(diags[0]), (std::vector<std::string>{"20:26 domain compliance listed here"}));
  EXPECT_EQ(c.notes(diags[1]), (std::vector<std::string>{"21:28 indicator C1 listed here"}));
}

TEST(SemaPassesChecklists, EmptyChecklist) {
  const Checked c = check(kTwoDomains + R"(
checklist none for true { all except compliance, safety }
)");
  EXPECT_EQ(c.of(DiagCode::EmptyChecklist),
            (std::vector<std::string>{"20:11 checklist none has no indicator: `all except` "
                                      "leaves none out"}))
      << c.dump();
}

TEST(SemaPassesChecklists, UnknownNamesAreReportedOnceAndDoNotMakeTheChecklistEmpty) {
  const Checked c = check(kTwoDomains + R"(
checklist sme for true { C9 }
)");
  EXPECT_EQ(c.of(DiagCode::UnknownIndicator).size(), 1u) << c.dump();
  EXPECT_TRUE(c.of(DiagCode::EmptyChecklist).empty()) << c.dump();
}

TEST(SemaPassesChecklists, RetiredIndicatorsLeaveTheBaseChecklist) {
  const std::string base = kTwoDomains + R"(
checklist sme for true { C1, S2 }
)";
  const Checked c = check(R"(ruleset "t" version 2025 extends "base.xr"
retire indicator S2
override indicator S1 { weight 100% }
)",
                          {{"/t/base.xr", base}});
  EXPECT_TRUE(c.of(DiagCode::UnknownIndicator).empty()) << c.dump();
  EXPECT_EQ(members(c, checklist(c, "sme")), (std::vector<std::string>{"C1"}));
  EXPECT_EQ(checklist(c, "sme").effectiveWeights, (std::vector<double>{1.0, 0.0, 0.0}));
}

TEST(SemaPassesChecklists, IndicatorsWithoutAnyChecklist) {
  const Checked c = check(kTwoDomains);
  ASSERT_EQ(c.of(DiagCode::NoChecklist),
            (std::vector<std::string>{
                "15:11 the rule set has indicators but no checklist saying which apply to a "
                "record; add a checklist such as `checklist full for true { all }`"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::NoChecklist).front();
  ASSERT_EQ(d.fixes.size(), 1u);
  const Checked fixed = check(c.applied(d.fixes[0]));
  EXPECT_FALSE(fixed.compilation().diagnostics.hasErrors()) << fixed.dump();
}

TEST(SemaPassesChecklists, ALibraryNeedsNoChecklist) {
  const Checked c = check(R"(domain compliance
indicator C1 in compliance { pass when true }
)");
  EXPECT_TRUE(c.of(DiagCode::NoChecklist).empty()) << c.dump();
}

} // namespace
} // namespace xr::passes_test
