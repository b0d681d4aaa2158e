#include "compiler/inspect/comparison.h"
#include "compiler/inspect/comparison_json.h"
#include "inspect_testing.h"

#include <gtest/gtest.h>

namespace xr::inspect {
namespace {

using testing::aspect;
using testing::changedEntry;
using testing::compareFiles;
using testing::ruleSet;
using testing::VirtualFiles;

const std::string kBase = "domain core \"Core\" weight 60%\n"
                          "domain extra \"Extra\" weight 40%\n"
                          "indicator K1 \"one\" in core weight 50% major {\n"
                          "  basis \"Act 1\"\n"
                          "  pass when a > 1\n"
                          "}\n"
                          "indicator K2 \"two\" in core weight 50% { pass when b > 1 }\n"
                          "indicator X1 \"three\" in extra weight 100% {\n"
                          "  score = c ?? 0\n"
                          "}\n"
                          "checklist full for big { all }\n"
                          "checklist lite for not big { K1, X1 }\n"
                          "score total = weighted(checklist)\n"
                          "table tier {\n"
                          "  K1 fails => red\n"
                          "  total < 60 => red\n"
                          "  total < 80 => yellow\n"
                          "  b > 5 => yellow\n"
                          "  otherwise => blue\n"
                          "}\n"
                          "output note: int = 0\n"
                          "rule busy when b > 3 { note = 1 }\n"
                          "escalate many when b > 9 { action refer }\n";

VirtualFiles withUpdate(const std::string &update) {
  VirtualFiles files;
  files.add("v1.xr", ruleSet("Firms", kBase))
      .add("v2.xr", "ruleset \"Firms\" version 2 extends \"v1.xr\"\n" + update);
  return files;
}

TEST(InspectComparison, ReformattedRuleSetIsIdentical) {
  VirtualFiles files;
  files.add("a.xr", ruleSet("Firms", kBase));
  std::string spaced = kBase;
  for (std::size_t at = spaced.find(" > "); at != std::string::npos;
       at = spaced.find(" > ", at + 4))
    spaced.replace(at, 3, "  >  ");
  files.add("b.xr", ruleSet("Firms", "// the same, spaced out\n" + spaced));
  const auto v = compareFiles(files, "a.xr", "b.xr");
  EXPECT_TRUE(v.comparison.identical());
  EXPECT_EQ(v.comparison.kind("indicator")->unchanged, 3u);
}

TEST(InspectComparison, IndicatorPartsThatChanged) {
  const auto v = compareFiles(withUpdate("override indicator K1 {\n"
                                         "  title \"one, stricter\"\n"
                                         "  critical\n"
                                         "  basis \"Act 2\"\n"
                                         "  pass when a > 2\n"
                                         "}\n"),
                              "v1.xr", "v2.xr");
  const Changed *k1 = changedEntry(v.comparison, "indicator", "K1");
  ASSERT_NE(k1, nullptr);
  EXPECT_EQ(k1->title, "one, stricter");
  const Change *title = aspect(k1, "title");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->before, (std::vector<std::string>{"one"}));
  const Change *severity = aspect(k1, "severity");
  ASSERT_NE(severity, nullptr);
  EXPECT_EQ(severity->after, (std::vector<std::string>{"critical"}));
  const Change *basis = aspect(k1, "basis");
  ASSERT_NE(basis, nullptr);
  EXPECT_EQ(basis->form, Change::Form::List);
  EXPECT_EQ(basis->added(), (std::vector<std::string>{"Act 2"}));
  EXPECT_EQ(basis->removed(), (std::vector<std::string>{"Act 1"}));
  const Change *pass = aspect(k1, "pass");
  ASSERT_NE(pass, nullptr);
  EXPECT_EQ(pass->form, Change::Form::Code);
  EXPECT_EQ(pass->before, (std::vector<std::string>{"a > 1"}));
  EXPECT_EQ(pass->after, (std::vector<std::string>{"a > 2"}));
  EXPECT_EQ(aspect(k1, "weight"), nullptr);
  EXPECT_EQ(v.comparison.kind("indicator")->unchanged, 2u);
}

TEST(InspectComparison, AddedRetiredAndEffectiveWeights) {
  const auto v = compareFiles(withUpdate("retire indicator K2\n"
                                         "indicator K3 \"new\" in core weight 50% minor {\n"
                                         "  pass when b > 2\n"
                                         "}\n"
                                         "override domain core \"Core\" weight 80%\n"
                                         "override domain extra \"Extra\" weight 20%\n"),
                              "v1.xr", "v2.xr");
  const KindChanges *indicators = v.comparison.kind("indicator");
  ASSERT_NE(indicators, nullptr);
  ASSERT_EQ(indicators->added.size(), 1u);
  EXPECT_EQ(indicators->added[0].name, "K3");
  EXPECT_EQ(indicators->added[0].facts,
            (std::vector<std::pair<std::string, std::string>>{
                {"domain", "core"}, {"weight", "50%"}, {"severity", "minor"}}));
  ASSERT_EQ(indicators->removed.size(), 1u);
  EXPECT_EQ(indicators->removed[0].name, "K2");

  const Change *members = aspect(changedEntry(v.comparison, "checklist", "full"), "members");
  ASSERT_NE(members, nullptr);
  EXPECT_EQ(members->added(), (std::vector<std::string>{"K3"}));
  EXPECT_EQ(members->removed(), (std::vector<std::string>{"K2"}));
  EXPECT_EQ(changedEntry(v.comparison, "checklist", "lite"), nullptr);

  ASSERT_EQ(v.comparison.weights.size(), 2u);
  const ChecklistWeights &full = v.comparison.weights[0];
  EXPECT_EQ(full.checklist, "full");
  // K1: 60% x 50% = 30% -> 80% x 50% = 40%; X1: 40% -> 20%; K3 new; K2 gone.
  ASSERT_EQ(full.shifts.size(), 4u);
  EXPECT_EQ(full.shifts[0].indicator, "K1");
  EXPECT_DOUBLE_EQ(*full.shifts[0].before, 0.3);
  EXPECT_DOUBLE_EQ(*full.shifts[0].after, 0.4);
  EXPECT_EQ(full.shifts[2].indicator, "K3");
  EXPECT_FALSE(full.shifts[2].before);
  EXPECT_EQ(full.shifts[3].indicator, "K2");
  EXPECT_FALSE(full.shifts[3].after);
  EXPECT_EQ(full.unchanged, 0u);
}

TEST(InspectComparison, TableRowsAddedRemovedChangedAndReordered) {
  const auto v = compareFiles(withUpdate("override table tier {\n"
                                         "  K1 fails => red\n"
                                         "  b > 5 => red\n"
                                         "  total < 70 => red\n"
                                         "  total < 80 => yellow\n"
                                         "  otherwise => blue\n"
                                         "}\n"),
                              "v1.xr", "v2.xr");
  const Changed *tier = changedEntry(v.comparison, "table", "tier");
  ASSERT_NE(tier, nullptr);
  const Change *changed = aspect(tier, "row", "b > 5");
  ASSERT_NE(changed, nullptr);
  EXPECT_EQ(changed->before, (std::vector<std::string>{"yellow"}));
  EXPECT_EQ(changed->after, (std::vector<std::string>{"red"}));
  const Change *added = aspect(tier, "row", "total < 70");
  ASSERT_NE(added, nullptr);
  EXPECT_TRUE(added->before.empty());
  const Change *removed = aspect(tier, "row", "total < 60");
  ASSERT_NE(removed, nullptr);
  EXPECT_TRUE(removed->after.empty());
  EXPECT_NE(aspect(tier, "row order"), nullptr);
  EXPECT_EQ(aspect(tier, "row", "otherwise"), nullptr);
}

TEST(InspectComparison, RulesEscalationsAndCalendars) {
  VirtualFiles files = withUpdate("override rule busy when b > 4 { note = 2 }\n"
                                  "override escalate many when b > 9 {\n"
                                  "  action refer\n"
                                  "  action fine 100\n"
                                  "}\n");
  const auto v = compareFiles(files, "v1.xr", "v2.xr");
  const Changed *rule = changedEntry(v.comparison, "rule", "busy");
  ASSERT_NE(rule, nullptr);
  EXPECT_NE(aspect(rule, "when"), nullptr);
  const Change *assignments = aspect(rule, "assignments");
  ASSERT_NE(assignments, nullptr);
  EXPECT_EQ(assignments->after, (std::vector<std::string>{"note = 2"}));
  const Changed *many = changedEntry(v.comparison, "escalation", "many");
  ASSERT_NE(many, nullptr);
  EXPECT_EQ(aspect(many, "when"), nullptr);
  const Change *actions = aspect(many, "actions");
  ASSERT_NE(actions, nullptr);
  EXPECT_EQ(actions->after, (std::vector<std::string>{"action refer\naction fine 100"}));
}

TEST(InspectComparison, JsonShape) {
  const auto v = compareFiles(withUpdate("override indicator K1 { basis \"Act 2\" }\n"
                                         "override domain core \"Core\" weight 50%\n"
                                         "override domain extra \"Extra\" weight 50%\n"),
                              "v1.xr", "v2.xr");
  const nlohmann::ordered_json json = comparisonJson(v.comparison);
  std::vector<std::string> keys;
  for (const auto &[key, value] : json.items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"xuncha", "before", "after", "identical", "changes",
                                            "effective_weights", "calendar_years"}));
  EXPECT_EQ(json["after"]["version"], 2);
  EXPECT_EQ(json["changes"].size(), 14u);
  const auto &basis = json["changes"]["indicator"]["changed"][0]["changes"][0];
  EXPECT_EQ(basis["aspect"], "basis");
  EXPECT_EQ(basis["form"], "list");
  EXPECT_EQ(basis["added"], nlohmann::json::array({"Act 2"}));
  EXPECT_EQ(basis["removed"], nlohmann::json::array({"Act 1"}));
  const auto &weight = json["changes"]["domain"]["changed"][0]["changes"][0];
  EXPECT_EQ(weight["before"], "60%");
  EXPECT_EQ(weight["after"], "50%");
  const auto &shift = json["effective_weights"][0]["changed"][0];
  EXPECT_EQ(shift["indicator"], "K1");
  EXPECT_DOUBLE_EQ(shift["before"].get<double>(), 0.3);
  EXPECT_DOUBLE_EQ(shift["after"].get<double>(), 0.25);
}

} // namespace
} // namespace xr::inspect
