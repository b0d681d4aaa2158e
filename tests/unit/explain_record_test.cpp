// `xuncha explain` as a library: records of the sketch (and of small rule sets) traced and
// explained, each part with the values it read where it ran.
#include "compiler/driver/compilation.h"
#include "runtime/explain/explain.h"
#include "runtime/explain/render.h"
#include "runtime/explain/weights.h"
#include "runtime/interp/interpreter.h"

#include <gtest/gtest.h>

#include <cmath>

namespace xr::explain {
namespace {

const std::string kSketch = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr";

std::string shown(const std::vector<Value> &values) {
  std::string out;
  for (const Value &v : values) {
    out += (out.empty() ? "" : ", ") + v.name + " = ";
    out += !v.error.empty()                        ? "error"
           : !v.value.valid                        ? "missing"
           : v.value.type.kind == TypeKind::Number ? std::to_string(v.value.d)
                                                   : std::to_string(v.value.i);
  }
  return out;
}

class ExplainRecord : public ::testing::Test {
protected:
  void SetUp() override { load(compileFile(kSketch)); }

  void load(std::unique_ptr<Compilation> c) {
    c_ = std::move(c);
    std::string problems;
    for (const Diagnostic &d : c_->sortedDiagnostics())
      problems += d.message + "\n";
    ASSERT_TRUE(c_->program) << problems;
    interpreter_ = std::make_unique<interp::Interpreter>(*c_->program);
    // The sketch's third test starts from its example typical_sme unchanged; a small rule set
    // starts from all zeros.
    record_ = p().tests.empty()
                  ? std::vector<ir::Constant>(p().fields.size())
                  : p().tests.at(std::min<std::size_t>(2, p().tests.size() - 1)).record;
    for (std::size_t f = 0; f < p().fields.size(); ++f)
      record_[f].type = p().fields[f].type.required();
  }
  const ir::Program &p() const { return *c_->program; }

  std::size_t fieldIndex(std::string_view name) const {
    for (std::size_t f = 0; f < p().fields.size(); ++f)
      if (p().fields[f].name == name)
        return f;
    throw std::out_of_range(std::string(name));
  }
  void setEnum(std::string_view field, std::string_view member) {
    ir::Constant &c = record_[fieldIndex(field)];
    c.valid = true;
    c.i = p().enums.get(c.type.enumId).find(member);
  }
  void setInt(std::string_view field, std::int64_t v) {
    record_[fieldIndex(field)].valid = true;
    record_[fieldIndex(field)].i = v;
  }
  void setNumber(std::string_view field, double v) {
    record_[fieldIndex(field)].valid = true;
    record_[fieldIndex(field)].d = v;
  }
  void setMissing(std::string_view field) { record_[fieldIndex(field)].valid = false; }

  Explanation explain() {
    batch::Batch b(p());
    b.addRow();
    for (std::uint32_t f = 0; f < record_.size(); ++f)
      b.set(f, 0, record_[f]);
    std::vector<std::string> errors;
    auto params = batch::ParamValues::bind(p(), std::vector<batch::ParamOverride>{}, errors);
    return explainRecord(*c_, *interpreter_, b, *params);
  }

  const IndicatorPart &indicator(const Explanation &e, std::string_view name) {
    for (const IndicatorPart &i : e.indicators)
      if (i.name == name)
        return i;
    throw std::out_of_range(std::string(name));
  }

  std::unique_ptr<Compilation> c_;
  std::unique_ptr<interp::Interpreter> interpreter_;
  std::vector<ir::Constant> record_;
};

TEST_F(ExplainRecord, AnUnassessedIndicatorLeavesItsWeightToTheOthers) {
  // typical_sme has no revenue: C3 cannot be assessed and C1 carries compliance alone.
  const Explanation e = explain();
  ASSERT_FALSE(e.error);
  EXPECT_EQ(e.checklist.name, "sme");
  const IndicatorPart &c3 = indicator(e, "C3");
  EXPECT_EQ(c3.status, ir::Status::NotAssessed);
  EXPECT_DOUBLE_EQ(c3.weight, 0.16);
  EXPECT_EQ(c3.effectiveWeight, 0);
  EXPECT_EQ(shown(c3.inputs), "revenue = missing, cost = missing, C3.ratio = missing");
  const IndicatorPart &c1 = indicator(e, "C1");
  EXPECT_DOUBLE_EQ(c1.weight, 0.24);
  EXPECT_DOUBLE_EQ(c1.effectiveWeight, 0.40);
  EXPECT_EQ(c1.title, "资质证照有效性");
  EXPECT_EQ(c1.domain, "compliance");
  EXPECT_DOUBLE_EQ(indicator(e, "S1").effectiveWeight, 0.4 * 40 / 70);
  EXPECT_FALSE(indicator(e, "S3").applicable);
  // The effective weights are those of the score: they add up to 1 and give the total.
  double sum = 0, total = 0;
  for (const IndicatorPart &i : e.indicators) {
    sum += i.effectiveWeight;
    if (i.effectiveWeight > 0)
      total += i.effectiveWeight * i.score.d;
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_NEAR(total, 100.0, 1e-9);
  ASSERT_EQ(e.domains.size(), 3u);
  EXPECT_DOUBLE_EQ(e.domains[0].effectiveWeight, 0.4);
}

TEST_F(ExplainRecord, ATableShowsWhyTheRowsAboveTheMatchDidNotMatch) {
  setInt("overdue_rectifications", 1);
  const Explanation e = explain();
  ASSERT_EQ(e.tables.size(), 1u);
  const TablePart &tier = e.tables[0];
  EXPECT_EQ(tier.name, "tier");
  EXPECT_EQ(tier.title, "风险等级");
  EXPECT_EQ(tier.policy, "first");
  ASSERT_EQ(tier.rows.size(), 4u); // first: nothing after the match is evaluated
  EXPECT_FALSE(tier.rows[0].matched);
  EXPECT_EQ(tier.rows[0].condition.text, "incidents_3y > 0");
  EXPECT_EQ(tier.rows[0].condition.outcome, "false");
  EXPECT_EQ(shown(tier.rows[0].condition.operands), "incidents_3y = 0");
  EXPECT_EQ(tier.rows[1].condition.text, "any critical fails");
  EXPECT_EQ(shown(tier.rows[1].condition.operands), "C1.status = 1, S1.status = 1, E1.status = 1");
  EXPECT_EQ(tier.rows[2].condition.text, "total < 60");
  EXPECT_EQ(shown(tier.rows[2].condition.operands), "total = 100.000000");
  EXPECT_EQ(tier.rows[2].line, 87u);
  EXPECT_TRUE(tier.rows[3].matched);
  ASSERT_TRUE(tier.rows[3].outcome);
  EXPECT_EQ(tier.rows[3].outcomeText, "yellow");
  EXPECT_FALSE(tier.otherwiseUsed);
}

TEST_F(ExplainRecord, RulesShowWhatTheyChangedFromTheValueBefore) {
  setEnum("credit", "A");
  const Explanation e = explain();
  ASSERT_EQ(e.rules.size(), 2u);
  const RulePart &a = e.rules[0];
  EXPECT_EQ(a.name, "credit_a");
  EXPECT_TRUE(a.applied);
  ASSERT_EQ(a.changes.size(), 2u);
  EXPECT_EQ(a.changes[0].output, "frequency");
  EXPECT_EQ(a.changes[0].before.d, 1); // from the tier table, before the rule
  EXPECT_EQ(a.changes[0].after.d, 0.3);
  EXPECT_EQ(a.changes[1].output, "mode");
  const RulePart &c = e.rules[1];
  EXPECT_FALSE(c.applied);
  EXPECT_EQ(c.condition.text, "credit == C");
  EXPECT_EQ(c.condition.outcome, "false");
  EXPECT_TRUE(c.changes.empty());
}

TEST_F(ExplainRecord, EscalationsThatFiredAndThatDidNot) {
  setInt("overdue_rectifications", 2);
  Explanation e = explain();
  ASSERT_EQ(e.escalations.size(), 1u);
  EXPECT_TRUE(e.escalations[0].fired);
  ASSERT_EQ(e.escalations[0].actions.size(), 2u);
  EXPECT_EQ(e.escalations[0].actions[0].name, "refer_enforcement");
  EXPECT_FALSE(e.escalations[0].actions[0].argument);
  ASSERT_TRUE(e.escalations[0].actions[1].argument);
  EXPECT_EQ(e.escalations[0].actions[1].argument->i, 5);

  setInt("overdue_rectifications", 0);
  e = explain();
  EXPECT_FALSE(e.escalations[0].fired);
  EXPECT_TRUE(e.escalations[0].actions.empty());
  EXPECT_EQ(e.escalations[0].condition.outcome, "false");
  EXPECT_EQ(shown(e.escalations[0].condition.operands), "overdue_rectifications = 0");
}

TEST_F(ExplainRecord, AFlagRaisedByACrossCheck) {
  setNumber("electricity_kwh", 900000);
  setNumber("reported_output", 500);
  const Explanation e = explain();
  ASSERT_EQ(e.flags.size(), 1u);
  EXPECT_EQ(e.flags[0].name, "data_mismatch");
  EXPECT_EQ(e.flags[0].raisedBy, std::vector<std::string>{"power_vs_output"});
}

TEST_F(ExplainRecord, TheChecklistsNotChosenAndWhy) {
  const Explanation e = explain();
  ASSERT_EQ(e.checklist.rejected.size(), 1u);
  EXPECT_EQ(e.checklist.rejected[0].name, "full");
  EXPECT_EQ(e.checklist.rejected[0].condition.text, "size == above_scale");
  EXPECT_EQ(e.checklist.rejected[0].condition.outcome, "false");
  ASSERT_TRUE(e.checklist.because);
  EXPECT_EQ(e.checklist.because->text, "size == sme");
  EXPECT_EQ(e.checklist.title, "中小企业巡查简化清单");
}

TEST_F(ExplainRecord, ARecordErrorStopsTheExplanationWhereItHappened) {
  setNumber("revenue", 10);
  setNumber("cost", 0);
  const Explanation e = explain();
  ASSERT_TRUE(e.error);
  EXPECT_NE(e.error->find("division by zero in indicator C3"), std::string::npos) << *e.error;
  const IndicatorPart &c3 = indicator(e, "C3");
  EXPECT_TRUE(c3.failed);
  EXPECT_EQ(shown(c3.inputs), "revenue = 10.000000, cost = 0.000000, C3.ratio = missing");
  EXPECT_TRUE(e.tables.empty());
  EXPECT_TRUE(e.rules.empty());
  EXPECT_TRUE(e.result.empty());
  const std::string text = explanationText(p(), e, false);
  EXPECT_NE(text.find("record error: division by zero in indicator C3"), std::string::npos) << text;
  EXPECT_EQ(explanationJson(p(), e)["status"], "error");
}

const std::string kSmall = "ruleset \"t\" version 1\n"
                           "record R {\n"
                           "  id: text key\n"
                           "  a: int\n"
                           "  b: int?\n"
                           "}\n"
                           "domain d1 \"甲\"\n"
                           "domain d2 \"乙\"\n"
                           "indicator I1 in d1 weight 2 points { pass when a > 0 }\n"
                           "indicator I2 in d2 weight 6 points { score = b * 10 missing => "
                           "not_assessed }\n"
                           "indicator I3 in d2 weight 2 points { pass when b > 2 missing => "
                           "not_assessed }\n"
                           "checklist every for true { all }\n"
                           "score total = weighted(checklist)\n"
                           "table tags hit collect {\n"
                           "  a > 0 => alpha\n"
                           "  b > 5 => beta\n"
                           "  a > 1 => gamma\n"
                           "}\n"
                           "table only hit unique {\n"
                           "  a > 0 => 1\n"
                           "  b > 0 => 2\n"
                           "  otherwise => 0\n"
                           "}\n";

TEST_F(ExplainRecord, PointsWeightsCollectTablesAndAUniqueConflict) {
  load(compileText("t.xr", kSmall));
  setInt("a", 0);
  setInt("b", 3);
  Explanation e = explain();
  ASSERT_FALSE(e.error);
  // Points: every assessed point counts the same.
  EXPECT_DOUBLE_EQ(indicator(e, "I2").effectiveWeight, 0.6);
  EXPECT_DOUBLE_EQ(e.domains[1].effectiveWeight, 0.8);
  ASSERT_EQ(e.tables.size(), 2u);
  EXPECT_EQ(e.tables[0].rows.size(), 3u); // collect evaluates every row
  EXPECT_EQ(e.tables[1].rows.size(), 2u);
  EXPECT_TRUE(e.tables[1].rows[1].matched);
  EXPECT_EQ(e.tables[1].value.i, 2);

  setMissing("b");
  e = explain();
  EXPECT_DOUBLE_EQ(indicator(e, "I1").effectiveWeight, 1.0);
  EXPECT_EQ(e.tables[1].rows[1].condition.outcome, "missing");
  EXPECT_TRUE(e.tables[1].otherwiseUsed);

  setInt("a", 2);
  setInt("b", 6);
  e = explain();
  ASSERT_TRUE(e.error);
  EXPECT_NE(e.error->find("rows 1 and 2 of table only both match"), std::string::npos);
  ASSERT_EQ(e.tables.size(), 2u);
  EXPECT_TRUE(e.tables[1].failed);
  EXPECT_EQ(e.tables[1].rows.size(), 2u);
}

TEST(ExplainWeights, SharesRenormaliseWithinAndAcrossDomains) {
  // docs/language.md 5.9: record B of the worked example (C3 not assessed) in checklist full.
  ir::WeightedStmt w;
  w.indicatorDomain = {0, 0, 1, 1, 2};
  w.domainScores = {0, 1, 2};
  w.indicatorWeight = {{60, 40, 60, 40, 100}};
  w.domainWeight = {{40, 40, 20}};
  using S = ir::Status;
  EffectiveWeights e = effectiveWeights(w, 0, {S::Pass, S::NotAssessed, S::Pass, S::Fail, S::Fail});
  EXPECT_DOUBLE_EQ(e.nominal[0], 0.24);
  EXPECT_DOUBLE_EQ(e.nominal[1], 0.16);
  EXPECT_DOUBLE_EQ(e.effective[0], 0.40);
  EXPECT_EQ(e.effective[1], 0);
  // Without compliance at all: (40·80 + 20·0) / 60.
  e = effectiveWeights(w, 0, {S::NotAssessed, S::NotAssessed, S::Pass, S::Fail, S::Fail});
  EXPECT_EQ(e.domain[0], 0);
  EXPECT_DOUBLE_EQ(e.domain[1], 40.0 / 60);
  EXPECT_DOUBLE_EQ(e.effective[2], 40.0 / 60 * 0.6);
}

} // namespace
} // namespace xr::explain
