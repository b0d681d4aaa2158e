// checkTables: XR0404 (otherwise not last), XR0402 (unreachable rows), XR0403 (uncovered case).
#include "sema_passes_support.h"

namespace xr::passes_test {
namespace {

// Line 13 onwards of every file below; the tables start on line 18.
const std::string kIndicators = kHead + R"(domain compliance
indicator C1 in compliance critical { pass when certified }
indicator C2 in compliance { pass when overdue == 0 }
checklist full for true { all }
score total = weighted(checklist)
)";

TEST(SemaPassesTables, OtherwiseBeforeAnotherRowWithAFixMovingIt) {
  const Checked c = check(kIndicators + R"(table tier hit first {
  C1 fails => red
  otherwise => blue
  incidents_3y > 2 => yellow
}
)");
  ASSERT_EQ(c.of(DiagCode::OtherwiseNotLast),
            (std::vector<std::string>{"20:3 `otherwise` must be the last row of table tier; the "
                                      "rows after it can never match"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::OtherwiseNotLast).front();
  ASSERT_EQ(d.fixes.size(), 1u);
  const std::string fixed = c.applied(d.fixes[0]);
  EXPECT_NE(fixed.find("  C1 fails => red\n  incidents_3y > 2 => yellow\n  otherwise => blue\n}"),
            std::string::npos)
      << fixed;
  EXPECT_TRUE(check(fixed).of(DiagCode::OtherwiseNotLast).empty());
  // The rows after the otherwise are not reported again as unreachable.
  EXPECT_TRUE(c.of(DiagCode::UnreachableRow).empty()) << c.dump();
}

TEST(SemaPassesTables, RowImpliedByAnEarlierRow) {
  const Checked c = check(kIndicators + R"(table tier hit first {
  incidents_3y > 0 => red
  incidents_3y > 2 and C1 fails => yellow
  otherwise => blue
}
)");
  ASSERT_EQ(c.of(DiagCode::UnreachableRow),
            (std::vector<std::string>{"20:3 row 2 of table tier can never match: an earlier row "
                                      "matches first in every case it matches"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::UnreachableRow).front();
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"19:3 row 1 matches first"}));
}

TEST(SemaPassesTables, RowCoveredByTheUnionOfEarlierRows) {
  const Checked c = check(kIndicators + R"(table band hit first {
  total < 60 => low
  total >= 60 and total <= 80 => mid
  total > 80 => high
  total between 70 and 90 => odd
}
)");
  ASSERT_EQ(c.of(DiagCode::UnreachableRow),
            (std::vector<std::string>{"22:3 row 4 of table band can never match: earlier rows "
                                      "match first in every case it matches"}))
      << c.dump();
  EXPECT_EQ(c.notes(c.all(DiagCode::UnreachableRow).front()),
            (std::vector<std::string>{"20:3 row 2 matches first", "21:3 row 3 matches first"}));
  EXPECT_TRUE(c.of(DiagCode::UncoveredCase).empty()) << c.dump();
}

TEST(SemaPassesTables, EnumsAndContradictions) {
  const Checked c = check(kIndicators + R"(table t hit first {
  size == sme => a
  size != sme => b
  size in [above_scale] => c
  overdue > 3 and overdue < 2 => d
}
)");
  EXPECT_EQ(c.of(DiagCode::UnreachableRow),
            (std::vector<std::string>{
                "21:3 row 3 of table t can never match: an earlier row matches first in every "
                "case it matches",
                "22:3 row 4 of table t can never match: its condition is never true"}))
      << c.dump();
  EXPECT_TRUE(c.of(DiagCode::UncoveredCase).empty()) << c.dump();
}

TEST(SemaPassesTables, OnlyFirstTablesHaveUnreachableRows) {
  const Checked c = check(kIndicators + R"(table t hit collect {
  incidents_3y > 0 => a
  incidents_3y > 2 => b
}
)");
  EXPECT_TRUE(c.of(DiagCode::UnreachableRow).empty()) << c.dump();
  EXPECT_TRUE(c.of(DiagCode::UncoveredCase).empty()) << c.dump();
}

TEST(SemaPassesTables, ConditionsWeCannotReadKeepTheAnalysisSilent) {
  const Checked c = check(kIndicators + R"(table t hit first {
  incidents_3y + overdue > 0 => a
  incidents_3y > 2 => b
  abs(overdue) > 0 => c
}
)");
  EXPECT_TRUE(c.of(DiagCode::UnreachableRow).empty()) << c.dump();
  EXPECT_TRUE(c.of(DiagCode::UncoveredCase).empty()) << c.dump();
}

TEST(SemaPassesTables, UncoveredCaseNamesAConcreteAssignmentAndOffersAnOtherwise) {
  const Checked c = check(kIndicators + R"(table tier hit first {
  incidents_3y > 0 => red
  any critical fails => red
  total_reported < 60 => red
  total_reported < 80 or overdue > 0 => yellow
}
)");
  ASSERT_EQ(c.of(DiagCode::UncoveredCase),
            (std::vector<std::string>{
                "18:7 no row of table tier matches when incidents_3y = 0, any critical fails = "
                "false, total_reported = 80 and overdue = 0; add `otherwise => ...`"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::UncoveredCase).front();
  EXPECT_EQ(d.severity, Severity::Warning);
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].message, "add `otherwise => yellow` as the last row");
  const std::string fixed = c.applied(d.fixes[0]);
  EXPECT_NE(fixed.find("overdue > 0 => yellow\n  otherwise => yellow\n}"), std::string::npos)
      << fixed;
  EXPECT_TRUE(check(fixed).of(DiagCode::UncoveredCase).empty());
}

TEST(SemaPassesTables, CoveredTablesWithoutOtherwiseAreFine) {
  const Checked c = check(kIndicators + R"(table a hit first {
  incidents_3y > 0 => red
  incidents_3y <= 0 => blue
}
table b hit unique {
  C1 fails and certified => red
  not C1 fails => blue
  C1 fails and not certified => yellow
}
table c hit first {
  license_expiry < 2024-01-01 => old
  license_expiry >= 2024-01-01 => new
}
table d hit first {
  output_t > 5.5 => high
  output_t <= 5.5 => low
}
)");
  EXPECT_TRUE(c.of(DiagCode::UncoveredCase).empty()) << c.dump();
  EXPECT_TRUE(c.of(DiagCode::UnreachableRow).empty()) << c.dump();
}

TEST(SemaPassesTables, ATableOfConstantRows) {
  const Checked c = check(kIndicators + R"(table t hit first {
  false => a
  false => b
}
)");
  EXPECT_EQ(
      c.of(DiagCode::UncoveredCase),
      (std::vector<std::string>{"18:7 no row of table t ever matches; add `otherwise => ...`"}))
      << c.dump();
  EXPECT_EQ(c.of(DiagCode::UnreachableRow).size(), 2u) << c.dump();
}

TEST(SemaPassesTables, IntegerGapsAndDatesAreFound) {
  const Checked c = check(kIndicators + R"(table a hit first {
  overdue < 2 => low
  overdue > 2 => high
}
table b hit first {
  license_expiry < 2024-01-01 => old
  license_expiry > 2024-01-01 => new
}
table n hit first {
  total_reported < 2.5 => low
  total_reported > 2.5 => high
}
)");
  EXPECT_EQ(c.of(DiagCode::UncoveredCase),
            (std::vector<std::string>{
                "18:7 no row of table a matches when overdue = 2; add `otherwise => ...`",
                "22:7 no row of table b matches when license_expiry = 2024-01-01; add "
                "`otherwise => ...`",
                "26:7 no row of table n matches when total_reported = 2.5; add `otherwise => "
                "...`"}))
      << c.dump();
}

} // namespace
} // namespace xr::passes_test
