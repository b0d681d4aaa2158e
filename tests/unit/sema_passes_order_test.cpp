// orderEvaluation: a topological per-record order (Model::order) and XR0501 cycles.
#include "sema_passes_support.h"

#include <algorithm>

namespace xr::passes_test {
namespace {

const std::string kIndicators = kHead + R"(domain compliance
indicator C1 in compliance critical { pass when certified }
indicator C2 in compliance { score = if overdue == 0 then 100 else 40 }
checklist full for true { all }
)";

/// The order as "kind name" strings.
std::vector<std::string> steps(const Checked &c) {
  std::vector<std::string> out;
  for (const sema::EvalStep &step : c.model().order) {
    if (step.what.kind == sema::SymbolKind::Checklist) {
      out.push_back("checklist");
      continue;
    }
    out.push_back(std::string(sema::symbolKindName(step.what.kind)) + " " +
                  c.model().nameOf(step.what));
  }
  return out;
}

std::size_t position(const std::vector<std::string> &order, const std::string &step) {
  auto it = std::find(order.begin(), order.end(), step);
  EXPECT_NE(it, order.end()) << step;
  return static_cast<std::size_t>(it - order.begin());
}

TEST(SemaPassesOrder, DependenciesComeFirstTiesInSourceOrder) {
  const Checked c = check(kIndicators + R"(output mode: enum { normal, notify } = normal
rule quiet when tier == blue { mode = notify }
table tier hit first {
  total < 60 => red
  late => yellow
  otherwise => blue
}
score total = weighted(checklist)
let late = overdue > days_over
let days_over = 3
rule loud when mode == normal and tier == red { mode = normal }
deadline next_visit = if mode == notify then 2025-06-30 else 2024-12-31
)");
  ASSERT_FALSE(c.compilation().diagnostics.hasErrors()) << c.dump();
  EXPECT_EQ(steps(c),
            (std::vector<std::string>{"checklist", "indicator C1", "indicator C2", "output mode",
                                      "score total", "let days_over", "let late", "table tier",
                                      "rule quiet", "rule loud", "deadline next_visit"}));
}

TEST(SemaPassesOrder, ChecksEscalationsAndReportsAreOrdered) {
  const Checked c =
      check(kIndicators + R"(check odd { when total_reported > 100 and late flag odd_data }
let late = overdue > 0
escalate refer when odd and C1 fails { action refer_enforcement }
report by region { red_share = rate(odd) }
)");
  ASSERT_FALSE(c.compilation().diagnostics.hasErrors()) << c.dump();
  const std::vector<std::string> order = steps(c);
  EXPECT_LT(position(order, "let late"), position(order, "check odd"));
  EXPECT_LT(position(order, "check odd"), position(order, "escalation refer"));
  EXPECT_LT(position(order, "indicator C1"), position(order, "escalation refer"));
  EXPECT_LT(position(order, "check odd"), position(order, "report item by_region.red_share"));
  EXPECT_LT(position(order, "checklist"), position(order, "indicator C1"));
  // The report's group-by value is a step of its own.
  const auto &steps_ = c.model().order;
  EXPECT_TRUE(std::any_of(steps_.begin(), steps_.end(), [](const sema::EvalStep &s) {
    return s.what.kind == sema::SymbolKind::Report;
  }));
}

TEST(SemaPassesOrder, CycleIsReportedAtItsFirstMemberWithANotePerStep) {
  const Checked c =
      check(kIndicators + R"(score adjusted = (C2.score ?? 0) - (if tier == red then 10 else 0)
table tier hit first {
  adjusted < 60 => red
  otherwise => blue
}
)");
  ASSERT_EQ(c.of(DiagCode::DependencyCycle),
            (std::vector<std::string>{"17:7 dependency cycle: adjusted -> tier -> adjusted; every "
                                      "value must be computable from the record, the params and "
                                      "values computed before it"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::DependencyCycle).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"17:40 score adjusted uses tier here",
                                                  "19:3 table tier uses adjusted here"}));
}

TEST(SemaPassesOrder, CycleThroughARuleAndAnOutput) {
  const Checked c = check(kIndicators + R"(output mode: enum { normal, notify } = normal
table tier hit first {
  mode == notify => blue
  otherwise => red
}
rule quiet when tier == blue { mode = notify }
)");
  ASSERT_EQ(c.of(DiagCode::DependencyCycle),
            (std::vector<std::string>{"17:8 dependency cycle: mode -> quiet -> tier -> mode; every "
                                      "value must be computable from the record, the params and "
                                      "values computed before it"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::DependencyCycle).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"22:32 rule quiet changes mode here",
                                                  "22:17 rule quiet uses tier here",
                                                  "19:3 table tier uses mode here"}));
}

TEST(SemaPassesOrder, RulesApplyInSourceOrder) {
  // quiet (first) would need late, which reads whether loud (second) applied.
  const Checked c = check(kIndicators + R"(output mode: enum { normal, notify } = normal
rule quiet when late { mode = notify }
let late = loud
rule loud when overdue > 3 { mode = normal }
)");
  ASSERT_EQ(c.of(DiagCode::DependencyCycle).size(), 1u) << c.dump();
  EXPECT_NE(c.of(DiagCode::DependencyCycle)[0].find("quiet -> late -> loud -> quiet"),
            std::string::npos)
      << c.dump();
  const Diagnostic d = c.all(DiagCode::DependencyCycle).front();
  EXPECT_EQ(c.notes(d).back(),
            "20:6 rule loud applies after rule quiet (rules apply in source order)");
}

TEST(SemaPassesOrder, ChecklistSelectorReadingAnIndicatorIsACycle) {
  const Checked c = check(kHead + R"(domain compliance
indicator C1 in compliance { pass when certified }
checklist full for C1 passes { all }
)");
  ASSERT_EQ(c.of(DiagCode::DependencyCycle).size(), 1u) << c.dump();
  EXPECT_NE(c.of(DiagCode::DependencyCycle)[0].find("C1 -> checklist choice -> C1"),
            std::string::npos)
      << c.dump();
}

TEST(SemaPassesOrder, CycleThroughAQuantifier) {
  const Checked c = check(kHead + R"(domain compliance
indicator C1 in compliance critical { pass when not alarm }
indicator C2 in compliance { pass when certified }
checklist full for true { all }
let alarm = any critical fails
)");
  ASSERT_EQ(c.of(DiagCode::DependencyCycle).size(), 1u) << c.dump();
  EXPECT_NE(
      c.of(DiagCode::DependencyCycle)[0].find("C1 -> alarm -> the critical indicators -> C1;"),
      std::string::npos)
      << c.dump();
  EXPECT_EQ(c.notes(c.all(DiagCode::DependencyCycle).front()),
            (std::vector<std::string>{"14:53 indicator C1 uses alarm here",
                                      "17:13 let alarm ranges over the critical indicators",
                                      "14:11 the critical indicators include C1"}));
}

TEST(SemaPassesOrder, WeightedScoreAndQuantifiersWaitForTheirIndicators) {
  const Checked c = check(kIndicators + R"(let alarm = any critical fails
score total = weighted(checklist)
indicator C3 in compliance { pass when overdue < 5 }
)");
  ASSERT_FALSE(c.compilation().diagnostics.hasErrors()) << c.dump();
  const std::vector<std::string> order = steps(c);
  EXPECT_LT(position(order, "indicator C1"), position(order, "let alarm"));
  EXPECT_LT(position(order, "indicator C3"), position(order, "score total"));
  EXPECT_LT(position(order, "indicator C2"), position(order, "score total"));
}

} // namespace
} // namespace xr::passes_test
