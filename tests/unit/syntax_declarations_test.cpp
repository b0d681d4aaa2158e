// Every declaration construct of the grammar mapped to its AST node, with ranges.
#include "syntax_testing.h"

namespace xr::testing {
namespace {

using namespace ast;

std::string nameOf(const ExprPtr &e) {
  return e && e->kind == ExprKind::Name ? as<NameExpr>(*e).name.text : "<not a name>";
}

TEST(SyntaxDeclarations, HeaderAndImports) {
  auto p = parse("ruleset \"规则\" version 2025 extends \"base.xr\"\nimport \"a.xr\"\nimport "
                 "\"cal/中国.xr\"\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const Module &m = *p->module;
  ASSERT_TRUE(m.header);
  EXPECT_EQ(m.header->title.value, "规则");
  EXPECT_EQ(p->text(m.header->title.range), "\"规则\"");
  EXPECT_EQ(m.header->version, 2025);
  ASSERT_TRUE(m.header->extends);
  EXPECT_EQ(m.header->extends->value, "base.xr");
  EXPECT_EQ(p->text(m.header->range), "ruleset \"规则\" version 2025 extends \"base.xr\"");
  ASSERT_EQ(m.imports.size(), 2u);
  EXPECT_EQ(m.imports[1].path.value, "cal/中国.xr");
  EXPECT_EQ(p->at(m.imports[1].range), "3:1");
  EXPECT_EQ(m.file, p->id);
  EXPECT_EQ(m.range.end, p->file().text().size());
}

TEST(SyntaxDeclarations, LibraryWithoutHeader) {
  auto p = parse("enum Tier \"风险\" { red \"红\", yellow, blue, }\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  EXPECT_FALSE(p->module->header);
  const auto &e = p->decl<EnumDecl>(0);
  EXPECT_EQ(e.name.text, "Tier");
  ASSERT_TRUE(e.title);
  EXPECT_EQ(e.title->value, "风险");
  ASSERT_EQ(e.members.size(), 3u);
  EXPECT_EQ(e.members[0].name.text, "red");
  ASSERT_TRUE(e.members[0].label);
  EXPECT_EQ(e.members[0].label->value, "红");
  EXPECT_FALSE(e.members[1].label);
  EXPECT_EQ(p->at(e.members[2].name.range), "1:35");
}

TEST(SyntaxDeclarations, RecordFields) {
  auto p = parse(R"(record 企业 {
  id: text key "编号"
  size: enum { above_scale "规模以上", sme }
  so2: number? unit "mg/m3"
  tier: Tier
  key: int
})");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &r = p->decl<RecordDecl>(0);
  EXPECT_EQ(r.name.text, "企业");
  ASSERT_EQ(r.fields.size(), 5u);
  const FieldDecl &id = r.fields[0];
  EXPECT_EQ(id.name.text, "id");
  EXPECT_EQ(id.type.name.text, "text");
  EXPECT_TRUE(id.key);
  ASSERT_TRUE(id.title);
  EXPECT_EQ(id.title->value, "编号");
  EXPECT_EQ(p->text(id.range), "id: text key \"编号\"");
  const FieldDecl &size = r.fields[1];
  EXPECT_TRUE(size.type.inlineEnum);
  EXPECT_TRUE(size.type.name.empty());
  ASSERT_EQ(size.type.members.size(), 2u);
  EXPECT_EQ(size.type.members[0].label->value, "规模以上");
  const FieldDecl &so2 = r.fields[2];
  EXPECT_TRUE(so2.type.optional);
  EXPECT_EQ(p->text(so2.type.range), "number?");
  ASSERT_TRUE(so2.unit);
  EXPECT_EQ(so2.unit->value, "mg/m3");
  EXPECT_EQ(r.fields[3].type.name.text, "Tier");
  EXPECT_EQ(r.fields[4].name.text, "key"); // a soft keyword as a field name
  EXPECT_FALSE(r.fields[4].key);
  std::vector<NodeId> ids;
  for (const FieldDecl &f : r.fields)
    ids.push_back(f.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_NE(ids.front(), 0u);
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
}

TEST(SyntaxDeclarations, FieldModifierGivenTwice) {
  auto p = parse("record R { x: number unit \"t\" unit \"kg\" }\n");
  ASSERT_EQ(p->diagnostics.items().size(), 1u);
  const Diagnostic &d = p->diagnostics.items()[0];
  EXPECT_EQ(d.code, DiagCode::DuplicateClause);
  EXPECT_EQ(d.message, "'unit' is given twice in field x");
  EXPECT_EQ(p->text(d.range), "unit \"kg\"");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(p->text(d.notes[0].range), "unit \"t\"");
  EXPECT_EQ(p->decl<RecordDecl>(0).fields[0].unit->value, "t");
}

TEST(SyntaxDeclarations, Params) {
  auto p = parse("param inspection_date \"巡查日\": date = 2024-06-30\nparam kwh: number unit "
                 "\"kWh/t\" = 1200\nparam region: text?\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &a = p->decl<ParamDecl>(0);
  EXPECT_EQ(a.name.text, "inspection_date");
  EXPECT_EQ(a.title->value, "巡查日");
  EXPECT_EQ(a.type.name.text, "date");
  ASSERT_TRUE(a.defaultValue);
  EXPECT_EQ(std::get<Date>(expr<LiteralExpr>(a.defaultValue).value).days, 19904);
  const auto &b = p->decl<ParamDecl>(1);
  EXPECT_EQ(b.unit->value, "kWh/t");
  const auto &c = p->decl<ParamDecl>(2);
  EXPECT_TRUE(c.type.optional);
  EXPECT_EQ(c.defaultValue, nullptr);
}

TEST(SyntaxDeclarations, DomainsAndWeights) {
  auto p = parse("domain compliance \"合规经营\" weight 20%\ndomain safety weight 12.5%\ndomain "
                 "env weight 8 points\ndomain other\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &a = p->decl<DomainDecl>(0);
  EXPECT_EQ(a.title->value, "合规经营");
  ASSERT_TRUE(a.weight);
  EXPECT_EQ(a.weight->kind, WeightKind::Share);
  EXPECT_EQ(a.weight->micro, 20'000'000);
  EXPECT_EQ(a.weight->text, "20%");
  EXPECT_EQ(p->text(a.weight->range), "weight 20%");
  EXPECT_EQ(p->decl<DomainDecl>(1).weight->micro, 12'500'000);
  const auto &c = p->decl<DomainDecl>(2);
  EXPECT_EQ(c.weight->kind, WeightKind::Points);
  EXPECT_EQ(c.weight->micro, 8'000'000);
  EXPECT_EQ(c.weight->text, "8 points");
  EXPECT_FALSE(p->decl<DomainDecl>(3).weight);
}

TEST(SyntaxDeclarations, IndicatorWithEveryClause) {
  auto p = parse(R"(indicator C3 "财务数据真实性" in compliance weight 30% major {
  basis "《会计法》"
  basis "《税收征收管理法》"
  let ratio = revenue / cost
  score = if ratio between 0.8 and 3.0 then 100 else 40
  pass when score >= 60
  missing => not_assessed
})");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &i = p->decl<IndicatorDecl>(0);
  EXPECT_EQ(i.name.text, "C3");
  EXPECT_EQ(i.title->value, "财务数据真实性");
  ASSERT_TRUE(i.domain);
  EXPECT_EQ(i.domain->text, "compliance");
  EXPECT_EQ(i.weight->micro, 30'000'000);
  EXPECT_EQ(i.severity, ast::Severity::Major);
  EXPECT_EQ(p->text(i.severityRange), "major");
  ASSERT_EQ(i.basis.size(), 2u);
  EXPECT_EQ(i.basis[1].value, "《税收征收管理法》");
  ASSERT_EQ(i.lets.size(), 1u);
  EXPECT_EQ(i.lets[0].name.text, "ratio");
  EXPECT_NE(i.lets[0].id, 0u);
  EXPECT_EQ(p->text(i.lets[0].range), "let ratio = revenue / cost");
  ASSERT_TRUE(i.score);
  EXPECT_EQ(i.score->kind, ExprKind::If);
  ASSERT_TRUE(i.pass);
  EXPECT_EQ(p->text(i.pass->range), "score >= 60");
  ASSERT_TRUE(i.missing);
  EXPECT_EQ(i.missing->kind, MissingPolicyKind::NotAssessed);
  EXPECT_EQ(p->text(i.missing->range), "not_assessed");
  EXPECT_FALSE(i.isOverride);
}

TEST(SyntaxDeclarations, IndicatorBodyClausesForOverrides) {
  auto p = parse(R"(override indicator C1 {
  weight 35%
  critical
  in safety
  title "新标题"
})");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &i = p->decl<IndicatorDecl>(0);
  EXPECT_TRUE(i.isOverride);
  EXPECT_EQ(i.weight->micro, 35'000'000);
  EXPECT_EQ(i.severity, ast::Severity::Critical);
  EXPECT_EQ(i.domain->text, "safety");
  EXPECT_EQ(i.title->value, "新标题");
  EXPECT_EQ(p->at(i.range), "1:1");
}

TEST(SyntaxDeclarations, IndicatorClauseGivenTwice) {
  auto p = parse("indicator C1 in a weight 10% {\n  score = 1\n  weight 20%\n  score = 2\n  in "
                 "b\n}\n");
  std::vector<std::string> expected = {
      "XR0011 3:3 'weight' is given twice in indicator C1",
      "XR0011 4:3 'score' is given twice in indicator C1",
      "XR0011 5:3 'in' is given twice in indicator C1",
  };
  EXPECT_EQ(p->messages(), expected);
  std::vector<Diagnostic> sorted = p->diagnostics.sorted();
  const Diagnostic &weight = sorted[0];
  ASSERT_EQ(weight.notes.size(), 1u);
  EXPECT_EQ(p->text(weight.notes[0].range), "weight 10%");
  ASSERT_EQ(weight.fixes.size(), 1u);
  EXPECT_EQ(p->text(weight.fixes[0].edits[0].range), "weight 20%");
  const Diagnostic &score = sorted[1];
  EXPECT_EQ(p->at(score.notes[0].range), "2:3");
  const auto &i = p->decl<IndicatorDecl>(0);
  EXPECT_EQ(i.weight->micro, 10'000'000); // the first one is kept
  EXPECT_EQ(std::get<std::int64_t>(expr<LiteralExpr>(i.score).value), 1);
  EXPECT_EQ(i.domain->text, "a");
}

TEST(SyntaxDeclarations, MissingPolicies) {
  auto policy = [](const std::string &text) {
    auto p = parse("check c { missing => " + text + " }\n");
    EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
    return *p->decl<CheckDecl>(0).missing;
  };
  EXPECT_EQ(policy("not_assessed").kind, MissingPolicyKind::NotAssessed);
  EXPECT_EQ(policy("fail").kind, MissingPolicyKind::Fail);
  EXPECT_EQ(policy("pass").kind, MissingPolicyKind::Pass);
  EXPECT_EQ(policy("skip").kind, MissingPolicyKind::Skip);
  EXPECT_EQ(policy("flag").kind, MissingPolicyKind::Flag);
  MissingPolicy score = policy("score 40");
  EXPECT_EQ(score.kind, MissingPolicyKind::Score);
  EXPECT_EQ(score.score, 40);
  EXPECT_EQ(policy("score 62.5").score, 62.5);
  MissingPolicy invalid = policy("ignore");
  EXPECT_EQ(invalid.kind, MissingPolicyKind::Invalid);
  EXPECT_EQ(invalid.written.text, "ignore");
}

TEST(SyntaxDeclarations, Checks) {
  auto p = parse(R"(check power_vs_output "用电量与产量不匹配" {
  basis "《统计法》"
  let per_ton = electricity_kwh / reported_output
  when per_ton > 1.4 * kwh_per_ton
  flag data_mismatch
  flag early_warning
  missing => skip
})");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &c = p->decl<CheckDecl>(0);
  EXPECT_EQ(c.name.text, "power_vs_output");
  EXPECT_EQ(c.basis.size(), 1u);
  ASSERT_EQ(c.lets.size(), 1u);
  ASSERT_TRUE(c.when);
  EXPECT_EQ(p->text(c.when->range), "per_ton > 1.4 * kwh_per_ton");
  ASSERT_EQ(c.flags.size(), 2u);
  EXPECT_EQ(c.flags[1].text, "early_warning");
  EXPECT_EQ(c.missing->kind, MissingPolicyKind::Skip);
}

TEST(SyntaxDeclarations, CheckWhenGivenTwice) {
  auto p = parse("check c { when a when b }\n");
  EXPECT_EQ(p->messages(),
            std::vector<std::string>{"XR0011 1:18 'when' is given twice in check c"});
  EXPECT_EQ(nameOf(p->decl<CheckDecl>(0).when), "a");
}

TEST(SyntaxDeclarations, Checklists) {
  auto p = parse("checklist full \"全面巡查\" for size == above_scale { all }\n"
                 "checklist most for true { all except C2, safety }\n"
                 "checklist sme for size == sme { C1, C3, D1, }\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &full = p->decl<ChecklistDecl>(0);
  EXPECT_TRUE(full.all);
  EXPECT_TRUE(full.items.empty());
  EXPECT_EQ(p->text(full.selector->range), "size == above_scale");
  const auto &most = p->decl<ChecklistDecl>(1);
  EXPECT_TRUE(most.all);
  ASSERT_EQ(most.items.size(), 2u);
  EXPECT_EQ(most.items[1].text, "safety");
  const auto &sme = p->decl<ChecklistDecl>(2);
  EXPECT_FALSE(sme.all);
  ASSERT_EQ(sme.items.size(), 3u);
  EXPECT_EQ(p->at(sme.items[2].range), "3:41");
}

TEST(SyntaxDeclarations, LetsScoresOutputsDeadlines) {
  auto p = parse("let margin \"利润率\" = revenue - cost\nscore total = weighted(checklist)\n"
                 "output mode \"方式\": Mode = normal\ndeadline feedback \"反馈\" = "
                 "inspection_date + 5 working days\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(p->decl<LetDecl>(0).title->value, "利润率");
  EXPECT_EQ(p->decl<ScoreDecl>(1).name.text, "total");
  const auto &o = p->decl<OutputDecl>(2);
  EXPECT_EQ(o.type.name.text, "Mode");
  EXPECT_EQ(nameOf(o.initial), "normal");
  const auto &d = p->decl<DeadlineDecl>(3);
  EXPECT_EQ(d.title->value, "反馈");
  EXPECT_EQ(expr<BinaryExpr>(d.value).rhs->kind, ExprKind::Duration);
}

TEST(SyntaxDeclarations, TablesAndHitPolicies) {
  auto p = parse(R"(table tier "风险等级" : Tier hit priority {
  incidents_3y > 0 => red
  any critical fails => red
  otherwise => blue
}
table flags hit collect { a => x }
table points hit collect sum { a => 1 b => 2 }
table t hit unique { a => 1 }
table u hit any { a => 1 }
table v { a => 1 }
)");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &tier = p->decl<TableDecl>(0);
  ASSERT_TRUE(tier.outcomeType);
  EXPECT_EQ(tier.outcomeType->name.text, "Tier");
  EXPECT_EQ(tier.hit.kind, HitPolicyKind::Priority);
  EXPECT_EQ(p->text(tier.hit.range), "hit priority");
  ASSERT_EQ(tier.rows.size(), 3u);
  EXPECT_FALSE(tier.rows[0].otherwise());
  EXPECT_EQ(p->text(tier.rows[0].range), "incidents_3y > 0 => red");
  EXPECT_EQ(nameOf(tier.rows[1].outcome), "red");
  EXPECT_TRUE(tier.rows[2].otherwise());
  EXPECT_EQ(tier.rows[2].condition, nullptr);
  EXPECT_EQ(nameOf(tier.rows[2].outcome), "blue");
  EXPECT_NE(tier.rows[0].id, tier.rows[1].id);
  EXPECT_EQ(p->decl<TableDecl>(1).hit.kind, HitPolicyKind::Collect);
  EXPECT_EQ(p->decl<TableDecl>(1).hit.aggregator, CollectAggregator::None);
  EXPECT_EQ(p->decl<TableDecl>(2).hit.aggregator, CollectAggregator::Sum);
  EXPECT_EQ(p->decl<TableDecl>(2).rows.size(), 2u);
  EXPECT_EQ(p->decl<TableDecl>(3).hit.kind, HitPolicyKind::Unique);
  EXPECT_EQ(p->decl<TableDecl>(4).hit.kind, HitPolicyKind::Any);
  const auto &v = p->decl<TableDecl>(5);
  EXPECT_EQ(v.hit.kind, HitPolicyKind::First);
  EXPECT_FALSE(v.hit.range.valid());
}

TEST(SyntaxDeclarations, AggregatorsAfterCollect) {
  for (auto [word, aggregator] :
       {std::pair{"sum", CollectAggregator::Sum}, std::pair{"min", CollectAggregator::Min},
        std::pair{"max", CollectAggregator::Max}, std::pair{"count", CollectAggregator::Count}}) {
    auto p = parse(std::string("table t hit collect ") + word + " { a => 1 }\n");
    EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
    EXPECT_EQ(p->decl<TableDecl>(0).hit.aggregator, aggregator) << word;
  }
}

TEST(SyntaxDeclarations, UnknownHitPolicyWords) {
  auto p = parse("table t hit firts { a => 1 }\ntable u hit collect avg { a => 1 }\ntable v hit "
                 "first sum { a => 1 }\n");
  std::vector<std::string> expected = {
      "XR0012 1:13 unknown hit policy 'firts': use first, unique, any, priority or collect; did "
      "you mean 'first'?",
      "XR0012 2:21 unknown aggregator 'avg' after 'hit collect': use sum, min, max or count",
      "XR0012 3:19 'sum' can only follow 'hit collect', not 'hit first'",
  };
  EXPECT_EQ(p->messages(), expected);
  std::vector<Diagnostic> sorted = p->diagnostics.sorted();
  const Diagnostic &first = sorted[0];
  ASSERT_EQ(first.fixes.size(), 1u);
  EXPECT_EQ(first.fixes[0].edits[0].newText, "first");
  EXPECT_EQ(p->text(first.fixes[0].edits[0].range), "firts");
  EXPECT_EQ(p->module->decls.size(), 3u);
}

TEST(SyntaxDeclarations, Frequency) {
  auto p = parse("frequency \"巡查频次\" by tier { red: 4, yellow: 2, blue: 0.5, }\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &f = p->decl<FrequencyDecl>(0);
  EXPECT_EQ(f.name.text, "frequency");
  EXPECT_EQ(p->text(f.name.range), "frequency");
  EXPECT_EQ(f.title->value, "巡查频次");
  EXPECT_EQ(f.table.text, "tier");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[2].member.text, "blue");
  EXPECT_EQ(p->text(f.entries[2].range), "blue: 0.5");
}

TEST(SyntaxDeclarations, RulesAndEscalations) {
  auto p = parse(R"(rule credit_c "信用C级加密巡查" when credit == C {
  frequency = max(frequency, 2)
  surprise = true
}
escalate overdue when overdue_rectifications > 0 {
  action refer_enforcement
  action credit_deduct 5
}
)");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &r = p->decl<RuleDecl>(0);
  EXPECT_EQ(r.title->value, "信用C级加密巡查");
  EXPECT_EQ(p->text(r.when->range), "credit == C");
  ASSERT_EQ(r.assignments.size(), 2u);
  EXPECT_EQ(r.assignments[0].target.text, "frequency");
  EXPECT_EQ(p->text(r.assignments[1].range), "surprise = true");
  const auto &e = p->decl<EscalateDecl>(1);
  ASSERT_EQ(e.actions.size(), 2u);
  EXPECT_EQ(e.actions[0].name.text, "refer_enforcement");
  EXPECT_EQ(e.actions[0].argument, nullptr);
  EXPECT_EQ(e.actions[1].name.text, "credit_deduct");
  ASSERT_TRUE(e.actions[1].argument);
  EXPECT_EQ(p->text(e.actions[1].range), "action credit_deduct 5");
}

TEST(SyntaxDeclarations, Calendars) {
  auto p = parse(R"(calendar cn2024 "中国2024" year 2024 {
  source "国务院办公厅通知"
  holiday 2024-10-01 .. 2024-10-07 "国庆节"
  holiday 2024-01-01
  workday 2024-09-29 "调休"
  workday 2024-02-04..2024-02-05
})");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &c = p->decl<CalendarDecl>(0);
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(p->text(c.yearRange), "2024");
  ASSERT_EQ(c.sources.size(), 1u);
  ASSERT_EQ(c.entries.size(), 4u);
  const CalendarEntry &national = c.entries[0];
  EXPECT_TRUE(national.holiday);
  EXPECT_EQ(national.from.days, 19997);
  EXPECT_EQ(national.to.days, 20003);
  EXPECT_EQ(national.label->value, "国庆节");
  EXPECT_EQ(p->text(national.range), "holiday 2024-10-01 .. 2024-10-07 \"国庆节\"");
  EXPECT_EQ(c.entries[1].from, c.entries[1].to);
  EXPECT_FALSE(c.entries[2].holiday);
  EXPECT_EQ(c.entries[2].from, c.entries[2].to);
  EXPECT_EQ(c.entries[3].to.days - c.entries[3].from.days, 1);
}

TEST(SyntaxDeclarations, Reports) {
  auto p = parse(R"(report regional "分地区" by region {
  enterprises = count
  rectified "整改率" = rate(rectified) target >= 95%
}
report by region { n = count }
report by size == sme { n = count }
report { n = count }
)");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &a = p->decl<ReportDecl>(0);
  EXPECT_EQ(a.name.text, "regional");
  EXPECT_EQ(a.title->value, "分地区");
  EXPECT_EQ(nameOf(a.groupBy), "region");
  ASSERT_EQ(a.items.size(), 2u);
  EXPECT_FALSE(a.items[0].targetOp);
  EXPECT_EQ(a.items[0].target, nullptr);
  const ReportItem &rate = a.items[1];
  EXPECT_EQ(rate.title->value, "整改率");
  EXPECT_EQ(rate.targetOp, BinaryOp::Ge);
  ASSERT_TRUE(rate.target);
  EXPECT_EQ(p->text(rate.target->range), "95%");
  EXPECT_EQ(p->text(rate.value->range), "rate(rectified)");
  EXPECT_NE(rate.id, a.items[0].id);
  const auto &b = p->decl<ReportDecl>(1);
  EXPECT_EQ(b.name.text, "by_region");
  EXPECT_FALSE(b.name.range.valid());
  EXPECT_EQ(p->decl<ReportDecl>(2).name.text, "report");
  const auto &d = p->decl<ReportDecl>(3);
  EXPECT_EQ(d.name.text, "report");
  EXPECT_EQ(d.groupBy, nullptr);
}

TEST(SyntaxDeclarations, ExamplesAndTests) {
  auto p = parse(R"(example small = Enterprise { size: sme, credit: B, ... }
test "小企业证照过期为红" {
  given Enterprise { size: sme, license_expiry: 2024-01-01, ... }
  given small with { credit: C, }
  given small
  given inspection_date = 2024-07-01
  expect C1 fails
  expect error "no checklist"
  expect error
  cases {
    | size | incidents_3y | expect tier | expect C1.score |
    | sme  | 1            | red         | 100             |
    | above_scale | 0     | blue        | 40              |
  }
}
)");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &ex = p->decl<ExampleDecl>(0);
  EXPECT_EQ(ex.name.text, "small");
  EXPECT_EQ(ex.value.type.text, "Enterprise");
  EXPECT_TRUE(ex.value.ellipsis);
  ASSERT_EQ(ex.value.values.size(), 2u);
  EXPECT_EQ(ex.value.values[1].field.text, "credit");
  EXPECT_EQ(p->text(ex.value.values[1].range), "credit: B");

  const auto &t = p->decl<TestDecl>(1);
  EXPECT_TRUE(t.name.empty());
  EXPECT_EQ(t.title->value, "小企业证照过期为红");
  ASSERT_EQ(t.items.size(), 8u);
  const auto &given = std::get<GivenRecord>(t.items[0].item);
  EXPECT_EQ(given.record.values.size(), 2u);
  EXPECT_TRUE(given.record.ellipsis);
  const auto &with = std::get<GivenExample>(t.items[1].item);
  EXPECT_EQ(with.example.text, "small");
  ASSERT_EQ(with.changes.size(), 1u);
  EXPECT_EQ(with.changes[0].field.text, "credit");
  EXPECT_TRUE(std::get<GivenExample>(t.items[2].item).changes.empty());
  const auto &param = std::get<GivenParam>(t.items[3].item);
  EXPECT_EQ(param.param.text, "inspection_date");
  const auto &expectation = std::get<ExpectExpr>(t.items[4].item);
  EXPECT_EQ(expectation.expectation->kind, ExprKind::Status);
  EXPECT_EQ(std::get<ExpectError>(t.items[5].item).message->value, "no checklist");
  EXPECT_FALSE(std::get<ExpectError>(t.items[6].item).message);
  EXPECT_EQ(p->text(t.items[6].range), "expect error");
  const auto &cases = std::get<Cases>(t.items[7].item);
  ASSERT_EQ(cases.columns.size(), 4u);
  EXPECT_FALSE(cases.columns[0].expect);
  EXPECT_EQ(cases.columns[1].field.text, "incidents_3y");
  EXPECT_TRUE(cases.columns[2].expect);
  EXPECT_EQ(nameOf(cases.columns[2].subject), "tier");
  EXPECT_EQ(cases.columns[3].subject->kind, ExprKind::Member);
  EXPECT_EQ(p->text(cases.columns[3].range), "expect C1.score");
  ASSERT_EQ(cases.rows.size(), 2u);
  ASSERT_EQ(cases.rows[1].cells.size(), 4u);
  EXPECT_EQ(nameOf(cases.rows[1].cells[0]), "above_scale");
  EXPECT_EQ(p->at(cases.rows[1].range), "13:5");
}

TEST(SyntaxDeclarations, RecordLiteralWithOnlyEllipsis) {
  auto p = parse("example e = Enterprise { ... }\nexample f = Enterprise { }\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  EXPECT_TRUE(p->decl<ExampleDecl>(0).value.ellipsis);
  EXPECT_FALSE(p->decl<ExampleDecl>(1).value.ellipsis);
}

TEST(SyntaxDeclarations, RetireEveryKind) {
  const std::vector<std::pair<std::string, DeclKind>> kinds = {{"indicator", DeclKind::Indicator},
                                                               {"check", DeclKind::Check},
                                                               {"checklist", DeclKind::Checklist},
                                                               {"domain", DeclKind::Domain},
                                                               {"table", DeclKind::Table},
                                                               {"rule", DeclKind::Rule},
                                                               {"escalate", DeclKind::Escalate},
                                                               {"deadline", DeclKind::Deadline},
                                                               {"report", DeclKind::Report},
                                                               {"score", DeclKind::Score},
                                                               {"let", DeclKind::Let},
                                                               {"output", DeclKind::Output},
                                                               {"param", DeclKind::Param},
                                                               {"test", DeclKind::Test}};
  std::string text;
  for (const auto &[word, kind] : kinds)
    text += "retire " + word + " X_" + word + "\n";
  auto p = parse(text);
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  ASSERT_EQ(p->module->decls.size(), kinds.size());
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const auto &r = p->decl<RetireDecl>(i);
    EXPECT_EQ(r.target, kinds[i].second) << kinds[i].first;
    EXPECT_EQ(r.name.text, "X_" + kinds[i].first);
  }
}

TEST(SyntaxDeclarations, OverrideOfOtherKinds) {
  auto p = parse("override domain safety \"安全\" weight 30%\noverride table t { otherwise => 1 "
                 "}\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  EXPECT_TRUE(p->decl<DomainDecl>(0).isOverride);
  EXPECT_EQ(p->text(p->decl<DomainDecl>(0).range), "override domain safety \"安全\" weight 30%");
  EXPECT_TRUE(p->decl<TableDecl>(1).isOverride);
}

TEST(SyntaxDeclarations, DeclarationIdsAreUniqueAndRangesCoverTheirText) {
  auto p = parse("domain a weight 50%\n// 中文注释\ndomain b \"乙\" weight 50%\nlet x = 1\n");
  ASSERT_EQ(p->module->decls.size(), 3u);
  EXPECT_NE(p->module->decls[0]->id, p->module->decls[1]->id);
  EXPECT_NE(p->module->decls[1]->id, p->module->decls[2]->id);
  EXPECT_EQ(p->at(p->module->decls[1]->range), "3:1");
  EXPECT_EQ(p->text(p->module->decls[1]->range), "domain b \"乙\" weight 50%");
  EXPECT_EQ(p->at(p->module->decls[1]->name.range), "3:8");
  EXPECT_EQ(p->at(p->module->decls[1]->title->range), "3:10");
  EXPECT_EQ(p->text(p->decl<DomainDecl>(1).weight->range), "weight 50%");
  EXPECT_EQ(p->at(p->decl<DomainDecl>(1).weight->range), "3:14");
}

TEST(SyntaxDeclarations, CommentsAreKeptInOrder) {
  auto p = parse("// 第一\nlet x = 1 /* 块\n注释 */ let y = 2\n// last");
  ASSERT_EQ(p->module->comments.size(), 3u);
  EXPECT_EQ(p->module->comments[0].text, "// 第一");
  EXPECT_EQ(p->module->comments[1].text, "/* 块\n注释 */");
  EXPECT_EQ(p->at(p->module->comments[1].range), "2:11");
  EXPECT_EQ(p->module->comments[2].text, "// last");
  EXPECT_EQ(p->module->decls.size(), 2u);
}

} // namespace
} // namespace xr::testing
