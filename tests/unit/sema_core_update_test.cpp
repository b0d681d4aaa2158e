// Yearly updates across files: `extends`, `override` and `retire` (design-decisions.md,
// "Files and modules"), with both files in memory.
#include "sema_core_support.h"

namespace xr::testing {
namespace {

const std::string kBase = R"(ruleset "基础" version 2024
import "lib.xr"
record E {
  id: text key
  n: int
  cost: number?
  size: enum { big, small }
}
domain ops "经营" weight 60%
domain safety "安全" weight 40%
indicator A1 "甲" in ops weight 50% critical {
  basis "条例一"
  let half = n / 2
  let limit = 10
  pass when half < limit
}
indicator A2 "乙" in ops weight 50% { pass when n > 1 }
indicator S1 "丙" in safety weight 100% { pass when n > 2 }
checklist all_of_it for true { all }
checklist small_ones for size == small { A1, A2, S1 }
table tier { n > 5 => high
  otherwise => low }
)";

const std::string kLib = "enum Level { one, two }\nlet shared = 1\n";

std::unique_ptr<Compilation> update(const std::string &text) {
  return compileFiles("update.xr", {{"update.xr", text}, {"base.xr", kBase}, {"lib.xr", kLib}});
}

const std::string kHeader = "ruleset \"更新\" version 2025 extends \"base.xr\"\n";

TEST(SemaCoreUpdate, OverrideWithoutExtendsIsXR0111) {
  const std::string src = std::string(kPrelude) + "override indicator I1 { weight 50% }\n";
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0111", locate(src, "I1 {"),
                            "cannot override indicator I1: this file extends no rule set"));
}

TEST(SemaCoreUpdate, RetireWithoutExtendsIsXR0111) {
  const std::string src = std::string(kPrelude) + "retire indicator I1\n";
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0111", locate(src, "retire"),
                            "cannot retire indicator I1: this file extends no rule set"));
}

TEST(SemaCoreUpdate, OverrideOfSomethingNotInheritedIsXR0106) {
  const std::string src = kHeader + "override indicator A3 { weight 10% }\n";
  auto c = update(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0106", locate(src, "A3"),
                            "cannot override indicator A3: no indicator of that name is inherited "
                            "from 'base.xr'; did you mean 'A1'?",
                            "update.xr"));
  const Diagnostic *d = findDiagnostic(*c, "XR0106");
  ASSERT_EQ(d->fixes.size(), 1u);
}

TEST(SemaCoreUpdate, RetireOfTheWrongKindIsXR0106) {
  const std::string src = kHeader + "retire check A1\n";
  auto c = update(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0106", locate(src, "A1"),
                            "cannot retire check A1: 'A1' is an indicator", "update.xr"));
}

TEST(SemaCoreUpdate, OverrideOfALocalDeclarationIsXR0106) {
  const std::string src = kHeader + "let mine = 1\noverride let mine = 2\n";
  auto c = update(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0106", locate(src, "mine = 2"), "cannot override let mine",
                            "update.xr"));
  const Diagnostic *d = findDiagnostic(*c, "XR0106");
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_NE(d->notes[0].message.find("does not extend"), std::string::npos);
}

TEST(SemaCoreUpdate, RedeclaringAnInheritedNameSuggestsOverride) {
  const std::string src = kHeader + "table tier { otherwise => low }\n";
  auto c = update(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0102", locate(src, "tier"),
                            "table 'tier' is declared twice; rename one of them, or write "
                            "`override table` to change the inherited one",
                            "update.xr"));
}

TEST(SemaCoreUpdate, IndicatorOverrideMergesClauses) {
  const std::string src = kHeader + "override indicator A1 \"甲（新）\" in safety weight 50% {\n"
                                    "  let limit = 20\n"
                                    "  let extra = limit + 1\n"
                                    "  missing => fail\n"
                                    "}\n"
                                    "override indicator S1 { weight 50% }\n"
                                    "override indicator A2 { weight 100% }\n"
                                    "override domain ops weight 50%\n"
                                    "override domain safety \"安全生产\" weight 50%\n";
  auto c = update(src);
  ASSERT_TRUE(noErrors(*c));
  const sema::Model &m = *c->model;
  const sema::IndicatorInfo &a1 = m.indicators[m.lookup("A1")->index];
  EXPECT_EQ(a1.title, "甲（新）");
  EXPECT_EQ(a1.weight->micro, 50'000'000);
  EXPECT_EQ(a1.severity, ast::Severity::Critical);         // kept
  EXPECT_EQ(a1.basis, std::vector<std::string>{"条例一"}); // kept
  EXPECT_TRUE(a1.pass);                                    // kept
  EXPECT_TRUE(a1.missingWritten);
  EXPECT_EQ(a1.missing.kind, ast::MissingPolicyKind::Fail);
  ASSERT_EQ(a1.lets.size(), 3u);
  EXPECT_EQ(a1.lets[0].name, "half");
  EXPECT_EQ(a1.lets[1].name, "limit"); // replaced in place
  EXPECT_EQ(a1.lets[2].name, "extra"); // added
  EXPECT_EQ(c->sources.file(a1.lets[1].where.name.file).path(), "update.xr");
  EXPECT_EQ(a1.overrides.size(), 1u);
  // Moved to the other domain: each domain lists its indicators in order.
  const sema::DomainInfo &safety = m.domains[m.lookup("safety")->index];
  EXPECT_EQ(safety.title, "安全生产");
  ASSERT_EQ(safety.indicators.size(), 2u);
  EXPECT_EQ(m.indicators[safety.indicators[0]].name, "A1");
  EXPECT_EQ(m.indicators[safety.indicators[1]].name, "S1");
  const sema::DomainInfo &ops = m.domains[m.lookup("ops")->index];
  EXPECT_EQ(ops.title, "经营");
  EXPECT_EQ(ops.indicators.size(), 1u);
  // The pass condition, written in the base, reads the override's `limit`.
  const auto &pass = ast::as<ast::BinaryExpr>(*a1.pass);
  auto limit = m.resolution(*pass.rhs);
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->kind, sema::SymbolKind::IndicatorLet);
  EXPECT_EQ(limit->member, 1u);
}

TEST(SemaCoreUpdate, TableOverrideReplacesTheWholeTable) {
  const std::string src = kHeader + "override table tier { n > 9 => top\n n > 5 => high\n"
                                    "  otherwise => low }\n";
  auto c = update(src);
  ASSERT_TRUE(noErrors(*c));
  const sema::Model &m = *c->model;
  const sema::TableInfo &tier = m.tables[m.lookup("tier")->index];
  EXPECT_EQ(tier.rows.size(), 3u);
  EXPECT_EQ(m.enums.get(tier.type.enumId).members.size(), 3u);
  EXPECT_EQ(m.enums.get(tier.type.enumId).members[0].name, "top");
  EXPECT_EQ(c->sources.file(tier.rows[0].range.file).path(), "update.xr");
  // The declaration keeps its place and its first location.
  EXPECT_EQ(c->sources.file(tier.where.name.file).path(), "base.xr");
}

TEST(SemaCoreUpdate, RetireRemovesFromNamespaceAndChecklists) {
  const std::string src = kHeader + "retire indicator A2\noverride indicator A1 { weight 100% }\n";
  auto c = update(src);
  ASSERT_TRUE(noErrors(*c));
  const sema::Model &m = *c->model;
  EXPECT_FALSE(m.lookup("A2"));
  ASSERT_EQ(m.retired.size(), 1u);
  EXPECT_EQ(m.retired[0].kind, ast::DeclKind::Indicator);
  EXPECT_EQ(c->sources.file(m.retired[0].where.name.file).path(), "base.xr");
  const sema::ChecklistInfo &small = m.checklists[m.lookup("small_ones")->index];
  ASSERT_EQ(small.items.size(), 2u);
  EXPECT_EQ(small.items[0].target.index, m.lookup("A1")->index);
  EXPECT_EQ(m.indicators.size(), 2u);
}

TEST(SemaCoreUpdate, UsingARetiredNameSaysSo) {
  const std::string src =
      kHeader + "retire indicator A2\noverride indicator A1 { weight 100% }\nlet x = A2 passes\n"
                "let y = A2.score\n";
  auto c = update(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0104", locate(src, "A2 passes"), "unknown indicator 'A2'", "update.xr"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0101", locate(src, "A2.score"),
                            "unknown name 'A2': indicator A2 is retired", "update.xr"));
}

TEST(SemaCoreUpdate, RetiredDomainStillNamedSaysSo) {
  const std::string src = kHeader +
                          "retire domain safety\noverride domain ops weight 100%\n"
                          "override checklist small_ones for size == small { A1, safety }\n";
  auto c = update(src);
  const std::string base = kBase;
  EXPECT_TRUE(hasDiagnostic(*c, "XR0103", locate(base, "safety weight 100%"),
                            "domain safety of indicator S1 is retired; move S1 to another domain",
                            "base.xr"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0104", locate(src, "safety }"),
                            "domain safety in checklist small_ones is retired", "update.xr"));
}

TEST(SemaCoreUpdate, RetireThenDeclareAnew) {
  const std::string src = kHeader + "let shared = 2\nretire let shared\n";
  auto c = update(src);
  EXPECT_TRUE(noErrors(*c));
  auto ref = c->model->lookup("shared");
  ASSERT_TRUE(ref);
  EXPECT_EQ(c->sources.file(c->model->lets[ref->index].where.name.file).path(), "update.xr");
}

TEST(SemaCoreUpdate, TheBaseImportsAreInheritedToo) {
  const std::string src = kHeader + "override enum Level { one, two, three }\n";
  auto c = update(src);
  ASSERT_TRUE(noErrors(*c));
  auto level = c->model->lookup("Level");
  ASSERT_TRUE(level);
  EXPECT_EQ(c->model->enums.get(level->index).members.size(), 3u);
}

TEST(SemaCoreUpdate, TestsComeFromTheRootOnly) {
  const std::string base = kBase + "test \"base\" { given E { n: 1, ... }\n expect A1 passes }\n";
  auto c = compileFiles("update.xr", {{"update.xr", kHeader + "test \"new\" { expect true }\n"},
                                      {"base.xr", base},
                                      {"lib.xr", kLib}});
  ASSERT_TRUE(noErrors(*c));
  ASSERT_EQ(c->model->tests.size(), 1u);
  EXPECT_EQ(c->model->tests[0].title, "new");
}

} // namespace
} // namespace xr::testing
