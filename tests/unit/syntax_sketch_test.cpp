// The two examples of /work/shared/docs/LANGUAGE-SKETCH.md parse without a diagnostic.
#include "syntax_testing.h"

namespace xr::testing {
namespace {

constexpr const char *kNational2024 = R"xr(// national-2024.xr
ruleset "XX行业巡查指标体系" version 2024
extends "national-2023.xr"            // yearly update: last year's rules plus changes
import "calendars/cn-2024.xr"

// One input record per enterprise. `?` marks a field that may be missing.
record Enterprise {
  id: text key
  region: text
  size: enum { above_scale "规模以上", sme "中小企业" }
  credit: enum { A, B, C }
  license_expiry: date
  special_equipment_checked: bool
  drills_per_year: int
  certified_staff_ratio: number
  so2: number unit "mg/m3"
  electricity_kwh: number?
  reported_output: number? unit "t"
  revenue: number?
  cost: number?
  incidents_3y: int
  overdue_rectifications: int
}

param inspection_date: date = 2024-06-30     // overridable at run time
param kwh_per_ton: number = 1200

domain compliance "合规经营" weight 20%
domain safety     "安全生产" weight 25%

indicator C1 "资质证照有效性" in compliance weight 40% critical {
  basis "《行政许可法》"
  pass when license_expiry >= inspection_date
}

indicator C3 "财务数据真实性" in compliance weight 30% {
  let ratio = revenue / cost
  score = if ratio between 0.8 and 3.0 then 100 else 40
  pass when score >= 60
  missing => not_assessed               // explicit policy for missing inputs
}

check power_vs_output "用电量与产量不匹配" {   // a cross-check: raises a flag, not a score
  when abs(electricity_kwh / reported_output - kwh_per_ton) / kwh_per_ton > 40%
  flag data_mismatch
}

checklist full "全面巡查" for size == above_scale { all }
checklist sme "中小企业巡查简化清单" for size == sme { C1, C3, S1, S2, S3, E1, E2, D1 }

score total = weighted(checklist)        // weights re-normalised over the applied checklist

table tier "风险等级" hit first {           // a decision table, first matching row wins
  incidents_3y > 0                              => red
  any critical fails                            => red
  total < 60                                    => red
  total < 80 or overdue_rectifications > 0      => yellow
  otherwise                                     => blue
}

frequency by tier { red: 4, yellow: 2, blue: 1 }   // inspections per year

rule credit_a "信用A级告知式巡查" when credit == A and tier == blue {
  frequency = 0
  mode = notify_only
}
rule credit_c "信用C级加密巡查" when credit == C {
  frequency = max(frequency, 2)
  surprise = true
}

escalate overdue "整改逾期移交执法" when overdue_rectifications > 0 {
  action refer_enforcement
  action credit_deduct 5
}

deadline feedback = inspection_date + 5 working days   // uses the imported calendar

report by region {                       // population-level figures
  enterprises = count
  red_share = rate(tier == red)
  mean_total = avg(total)
  inspectors_needed = ceil(count / 50)
}

test "an expired licence makes a small firm red" {
  given Enterprise { size: sme, license_expiry: 2024-01-01, incidents_3y: 0, ... }
  expect C1 fails
  expect tier == red
}
)xr";

constexpr const char *kNational2025 =
    R"xr(ruleset "XX行业巡查指标体系" version 2025 extends "national-2024.xr"
retire indicator C2
override indicator C1 { weight 35% }
domain data_security "数据安全" weight 10%
indicator D1 "数据加密" in data_security weight 20% { pass when data_encrypted }
)xr";

TEST(SyntaxSketch, FirstExampleParsesCleanly) {
  auto p = parse(kNational2024);
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const ast::Module &m = *p->module;
  ASSERT_TRUE(m.header);
  EXPECT_EQ(m.header->title.value, "XX行业巡查指标体系");
  EXPECT_EQ(m.header->version, 2024);
  ASSERT_TRUE(m.header->extends);
  EXPECT_EQ(m.header->extends->value, "national-2023.xr");
  ASSERT_EQ(m.imports.size(), 1u);
  EXPECT_EQ(m.imports[0].path.value, "calendars/cn-2024.xr");

  std::vector<ast::DeclKind> kinds;
  for (const ast::DeclPtr &d : m.decls)
    kinds.push_back(d->kind);
  using K = ast::DeclKind;
  EXPECT_EQ(kinds, (std::vector<K>{K::Record, K::Param, K::Param, K::Domain, K::Domain,
                                   K::Indicator, K::Indicator, K::Check, K::Checklist, K::Checklist,
                                   K::Score, K::Table, K::Frequency, K::Rule, K::Rule, K::Escalate,
                                   K::Deadline, K::Report, K::Test}));
  EXPECT_EQ(p->decl<ast::RecordDecl>(0).fields.size(), 15u);
  EXPECT_EQ(p->decl<ast::ReportDecl>(17).name.text, "by_region");
  EXPECT_EQ(m.comments.size(), 11u);

  // `credit == A and tier == blue` groups as (credit == A) and (tier == blue).
  const auto &rule = p->decl<ast::RuleDecl>(13);
  const auto &both = expr<ast::BinaryExpr>(rule.when);
  EXPECT_EQ(both.op, ast::BinaryOp::And);
  EXPECT_EQ(expr<ast::BinaryExpr>(both.lhs).op, ast::BinaryOp::Eq);
  EXPECT_EQ(expr<ast::BinaryExpr>(both.rhs).op, ast::BinaryOp::Eq);
}

TEST(SyntaxSketch, SecondExampleParsesCleanly) {
  auto p = parse(kNational2025);
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  ASSERT_EQ(p->module->decls.size(), 4u);
  EXPECT_EQ(p->decl<ast::RetireDecl>(0).target, ast::DeclKind::Indicator);
  const auto &c1 = p->decl<ast::IndicatorDecl>(1);
  EXPECT_TRUE(c1.isOverride);
  ASSERT_TRUE(c1.weight);
  EXPECT_EQ(c1.weight->micro, 35'000'000);
  EXPECT_EQ(p->text(c1.range), "override indicator C1 { weight 35% }");
}

} // namespace
} // namespace xr::testing
