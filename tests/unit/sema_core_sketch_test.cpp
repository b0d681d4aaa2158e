// The language sketch, completed (docs/design-decisions.md), checks without an error; so does
// its yearly update, which extends it. Then the model is inspected: types, resolutions,
// overrides, retirements.
#include "sema_core_support.h"

#include <functional>

namespace xr::testing {
namespace {

const char *kCalendar = R"(calendar cn2024 "2024年法定节假日" year 2024 {
  source "国务院办公厅关于2024年部分节假日安排的通知"
  holiday 2024-01-01 "元旦"
  holiday 2024-02-10 .. 2024-02-17 "春节"
  workday 2024-02-04
  workday 2024-02-18
}
)";

const char *kNational2024 = R"(// national-2024.xr
ruleset "XX行业巡查指标体系" version 2024
import "calendars/cn-2024.xr"

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

param inspection_date: date = 2024-06-30
param kwh_per_ton: number = 1200
param so2_limit: number unit "mg/m3" = 35

domain compliance "合规经营" weight 50%
domain safety     "安全生产" weight 50%

indicator C1 "资质证照有效性" in compliance weight 70% critical {
  basis "《行政许可法》"
  pass when license_expiry >= inspection_date
}

indicator C3 "财务数据真实性" in compliance weight 30% {
  let ratio = revenue / cost
  score = if ratio between 0.8 and 3.0 then 100 else 40
  pass when score >= 60
  missing => not_assessed
}

indicator S1 "设备设施安全" in safety weight 40% critical { pass when special_equipment_checked }
indicator S2 "应急预案完备性" in safety weight 30% { score = min(drills_per_year * 25, 100) }
indicator S3 "操作流程合规性" in safety weight 30% major {
  pass when certified_staff_ratio >= 90% and so2 <= so2_limit
}

check power_vs_output "用电量与产量不匹配" {
  when abs(electricity_kwh / reported_output - kwh_per_ton) / kwh_per_ton > 40%
  flag data_mismatch
  missing => skip
}

checklist full "全面巡查" for size == above_scale { all }
checklist sme "中小企业巡查简化清单" for size == "中小企业" { C1, C3, S1, S2, S3 }

score total = weighted(checklist)

table tier "风险等级" hit first {
  incidents_3y > 0                              => red
  any critical fails                            => red
  total < 60                                    => red
  total < 80 or overdue_rectifications > 0      => yellow
  otherwise                                     => blue
}

frequency by tier { red: 4, yellow: 2, blue: 1 }

output mode "巡查方式": enum { normal "常规", notify_only "告知式" } = normal
output surprise "飞行检查": bool = false

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

deadline feedback = inspection_date + 5 working days

report by region {
  enterprises = count
  red_share = rate(tier == red) target <= 20%
  mean_total = avg(total)
  inspectors_needed = ceil(count / 50)
}

example small_firm = Enterprise { size: sme, license_expiry: 2025-01-01, ... }

test "an expired licence makes a small firm red" {
  given Enterprise { size: sme, license_expiry: 2024-01-01, incidents_3y: 0, ... }
  expect C1 fails
  expect tier == red
}

test "tiers by incidents" {
  given small_firm with { credit: B }
  cases {
    | incidents_3y | expect tier |
    | 0            | blue        |
    | 2            | red         |
  }
}
)";

const char *kNational2025 = R"(ruleset "XX行业巡查指标体系" version 2025 extends "national-2024.xr"
retire indicator S3
override record Enterprise {
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
  data_encrypted: bool
}
override domain compliance weight 45%
override domain safety weight 45%
override indicator C1 { weight 60% }
override indicator C3 { weight 40% }
override indicator S2 { weight 60% }
domain data_security "数据安全" weight 10%
indicator D1 "数据加密" in data_security weight 100% { pass when data_encrypted }
)";

std::map<std::string, std::string> sketchFiles() {
  return {{"rules/national-2024.xr", kNational2024},
          {"rules/national-2025.xr", kNational2025},
          {"rules/calendars/cn-2024.xr", kCalendar}};
}

TEST(SemaCoreSketch, CompletedSketchChecksWithoutErrors) {
  auto c = compileFiles("rules/national-2024.xr", sketchFiles());
  ASSERT_TRUE(c->model);
  EXPECT_TRUE(clean(*c)); // not even a warning
  EXPECT_FALSE(c->model->hasErrors);
  EXPECT_EQ(c->model->title, "XX行业巡查指标体系");
  EXPECT_EQ(c->model->version, 2024);
  EXPECT_EQ(c->model->files.size(), 2u);
}

TEST(SemaCoreSketch, CompletedSketchLowersToIr) {
  auto c = compileFiles("rules/national-2024.xr", sketchFiles(), /*lower=*/true);
  EXPECT_TRUE(noErrors(*c));
  EXPECT_TRUE(c->program) << listDiagnostics(*c);
}

TEST(SemaCoreSketch, ModelTypesAndResolutions) {
  auto c = compileFiles("rules/national-2024.xr", sketchFiles());
  const sema::Model &m = *c->model;
  ASSERT_TRUE(noErrors(*c));

  // The implied enum of `tier`, in order of first appearance, and the table's type.
  auto tier = m.lookup("tier");
  ASSERT_TRUE(tier && tier->kind == sema::SymbolKind::Table);
  const sema::TableInfo &table = m.tables[tier->index];
  ASSERT_EQ(table.type.kind, TypeKind::Enum);
  EXPECT_FALSE(table.type.optional); // it has an otherwise row
  const EnumInfo &tiers = m.enums.get(table.type.enumId);
  EXPECT_EQ(tiers.name, "tier");
  ASSERT_EQ(tiers.members.size(), 3u);
  EXPECT_EQ(tiers.members[0].name, "red");
  EXPECT_EQ(tiers.members[1].name, "yellow");
  EXPECT_EQ(tiers.members[2].name, "blue");

  // Inline enums are named after their field or output.
  auto size = m.lookup("size");
  ASSERT_TRUE(size);
  EXPECT_EQ(m.enums.get(m.fields[size->index].type.enumId).name, "Enterprise.size");
  auto mode = m.lookup("mode");
  ASSERT_TRUE(mode && mode->kind == sema::SymbolKind::Output);
  EXPECT_EQ(m.enums.get(m.outputs[mode->index].type.enumId).name, "mode");

  // frequency: a number output mapped from the table, one value per member in enum order.
  auto frequency = m.lookup("frequency");
  ASSERT_TRUE(frequency && frequency->kind == sema::SymbolKind::Output);
  const sema::OutputInfo &freq = m.outputs[frequency->index];
  EXPECT_EQ(freq.type, Type::number());
  ASSERT_TRUE(freq.frequencyTable);
  EXPECT_EQ(*freq.frequencyTable, tier->index);
  ASSERT_EQ(freq.frequencyValues.size(), 3u);
  for (const ast::Expr *v : freq.frequencyValues)
    ASSERT_TRUE(v);
  EXPECT_EQ(std::get<std::int64_t>(ast::as<ast::LiteralExpr>(*freq.frequencyValues[1]).value), 2);

  // Rules assign outputs.
  auto creditA = m.lookup("credit_a");
  ASSERT_TRUE(creditA);
  const sema::RuleInfo &rule = m.rules[creditA->index];
  ASSERT_EQ(rule.assignments.size(), 2u);
  EXPECT_EQ(rule.assignments[0].output, frequency->index);
  EXPECT_EQ(rule.assignments[1].output, mode->index);
  // `notify_only` resolves against the enum of `mode`.
  auto member = m.resolution(*rule.assignments[1].value);
  ASSERT_TRUE(member);
  EXPECT_EQ(member->kind, sema::SymbolKind::EnumMember);
  EXPECT_EQ(m.nameOf(*member), "mode.notify_only");

  // The weighted score, the deadline and the optional indicator.
  auto total = m.lookup("total");
  ASSERT_TRUE(total);
  EXPECT_TRUE(m.scores[total->index].weighted);
  EXPECT_EQ(m.scores[total->index].type, Type::number());
  auto feedback = m.lookup("feedback");
  ASSERT_TRUE(feedback);
  EXPECT_EQ(m.deadlines[feedback->index].type, Type::date());
  auto c3 = m.lookup("C3");
  ASSERT_TRUE(c3);
  const sema::IndicatorInfo &ind = m.indicators[c3->index];
  EXPECT_TRUE(ind.mayBeMissing);
  EXPECT_EQ(ind.lets.at(0).type, Type::number(true));
  EXPECT_EQ(*m.typeOf(*ind.score), Type::integer(true));
  EXPECT_EQ(m.domains[ind.domain].name, "compliance");
  auto c1 = m.lookup("C1");
  ASSERT_TRUE(c1);
  EXPECT_FALSE(m.indicators[c1->index].mayBeMissing);
  auto check = m.lookup("power_vs_output");
  ASSERT_TRUE(check);
  EXPECT_TRUE(m.checks[check->index].mayBeMissing);
  EXPECT_EQ(m.checks[check->index].missing, ast::MissingPolicyKind::Skip);

  // The report: types of items; `count` is the aggregate.
  ASSERT_EQ(m.reports.size(), 1u);
  EXPECT_EQ(m.reports[0].name, "by_region");
  EXPECT_EQ(m.reports[0].items[0].type, Type::integer());
  EXPECT_EQ(m.reports[0].items[1].type, Type::number());
  EXPECT_EQ(m.reports[0].items[2].type, Type::number(true));
  EXPECT_EQ(m.reports[0].items[3].type, Type::integer());

  // Units combine and are recorded.
  bool sawSo2 = false;
  for (const auto &[id, unit] : m.exprUnits)
    sawSo2 = sawSo2 || unit == "mg/m3";
  EXPECT_TRUE(sawSo2);

  // The checklist items as written, resolved.
  auto sme = m.lookup("sme");
  ASSERT_TRUE(sme);
  EXPECT_EQ(m.checklists[sme->index].items.size(), 5u);
}

TEST(SemaCoreSketch, EveryExpressionIsTyped) {
  auto c = compileFiles("rules/national-2024.xr", sketchFiles());
  ASSERT_TRUE(noErrors(*c));
  // Every NodeId handed out to an expression of the root module has a type: walk the decls.
  std::size_t untyped = 0;
  std::function<void(const ast::Expr *)> walk = [&](const ast::Expr *e) {
    if (!e)
      return;
    if (!c->model->typeOf(*e))
      ++untyped;
    switch (e->kind) {
    case ast::ExprKind::Binary:
      walk(ast::as<ast::BinaryExpr>(*e).lhs.get());
      walk(ast::as<ast::BinaryExpr>(*e).rhs.get());
      break;
    case ast::ExprKind::Call:
      for (const auto &a : ast::as<ast::CallExpr>(*e).args)
        walk(a.get());
      break;
    case ast::ExprKind::If:
      walk(ast::as<ast::IfExpr>(*e).cond.get());
      walk(ast::as<ast::IfExpr>(*e).thenExpr.get());
      walk(ast::as<ast::IfExpr>(*e).elseExpr.get());
      break;
    case ast::ExprKind::Between:
      walk(ast::as<ast::BetweenExpr>(*e).operand.get());
      walk(ast::as<ast::BetweenExpr>(*e).low.get());
      walk(ast::as<ast::BetweenExpr>(*e).high.get());
      break;
    case ast::ExprKind::Unary:
      walk(ast::as<ast::UnaryExpr>(*e).operand.get());
      break;
    case ast::ExprKind::Duration:
      walk(ast::as<ast::DurationExpr>(*e).count.get());
      break;
    case ast::ExprKind::Status:
      walk(ast::as<ast::StatusExpr>(*e).operand.get());
      break;
    default:
      break;
    }
  };
  const sema::Model &m = *c->model;
  for (const auto &ind : m.indicators) {
    for (const auto &let : ind.lets)
      walk(let.value);
    walk(ind.score);
    walk(ind.pass);
  }
  for (const auto &t : m.tables)
    for (const auto &row : t.rows) {
      walk(row.condition);
      walk(row.outcome);
    }
  for (const auto &r : m.rules) {
    walk(r.when);
    for (const auto &a : r.assignments)
      walk(a.value);
  }
  for (const auto &d : m.deadlines)
    walk(d.value);
  for (const auto &r : m.reports)
    for (const auto &item : r.items) {
      walk(item.value);
      walk(item.target);
    }
  EXPECT_EQ(untyped, 0u);
}

TEST(SemaCoreSketch, YearlyUpdateChecksWithoutErrors) {
  auto c = compileFiles("rules/national-2025.xr", sketchFiles());
  ASSERT_TRUE(c->model);
  EXPECT_TRUE(noErrors(*c));
  const sema::Model &m = *c->model;
  EXPECT_EQ(m.version, 2025);
  EXPECT_EQ(m.files.size(), 3u);
  EXPECT_EQ(m.files.front(), m.rootFile);

  // Base declarations first, in their order; S3 is retired; D1 comes last.
  std::vector<std::string> names;
  for (const auto &ind : m.indicators)
    names.push_back(ind.name);
  EXPECT_EQ(names, (std::vector<std::string>{"C1", "C3", "S1", "S2", "D1"}));
  ASSERT_EQ(m.retired.size(), 1u);
  EXPECT_EQ(m.retired[0].name, "S3");
  EXPECT_FALSE(m.lookup("S3"));

  // The override changed the weight and kept every other clause.
  const sema::IndicatorInfo &c1 = m.indicators[m.lookup("C1")->index];
  ASSERT_TRUE(c1.weight);
  EXPECT_EQ(c1.weight->micro, 60'000'000);
  EXPECT_EQ(c1.severity, ast::Severity::Critical);
  EXPECT_EQ(c1.title, "资质证照有效性");
  EXPECT_EQ(c1.basis, std::vector<std::string>{"《行政许可法》"});
  EXPECT_TRUE(c1.pass);
  ASSERT_EQ(c1.overrides.size(), 1u);
  EXPECT_NE(c1.overrides[0]->range.file, c1.decl->range.file);

  // The domain override changed the weight, kept the title.
  const sema::DomainInfo &compliance = m.domains[m.lookup("compliance")->index];
  EXPECT_EQ(compliance.title, "合规经营");
  EXPECT_EQ(compliance.weight->micro, 45'000'000);

  // The retired indicator left checklist sme without an error.
  const sema::ChecklistInfo &sme = m.checklists[m.lookup("sme")->index];
  EXPECT_EQ(sme.items.size(), 4u);

  // The record override replaced the record: the new field exists.
  auto field = m.lookup("data_encrypted");
  ASSERT_TRUE(field);
  EXPECT_EQ(field->kind, sema::SymbolKind::Field);
}

} // namespace
} // namespace xr::testing
