// compiler/query: quick fixes from diagnostics, declaring a missing field, inlay hints.
#include "compiler/query/code_actions.h"
#include "compiler/query/inlay_hints.h"

#include "query_testing.h"

namespace xr::testing {
namespace {

std::string applied(const Compilation &c, FileId file, const std::vector<TextEdit> &edits) {
  std::string text = c.sources.file(file).text();
  for (auto it = edits.rbegin(); it != edits.rend(); ++it)
    if (it->range.file == file)
      text.replace(it->range.begin, it->range.end - it->range.begin, it->newText);
  return text;
}

TEST(QueryCodeActions, DidYouMeanFromTheDiagnostic) {
  const std::string update = kQueryUpdate + "let late = licence_expiry\n";
  auto c = compileQueryFiles(update);
  auto actions =
      query::codeActionsIn(*c, 0, offsetOf(update, "licence"), offsetOf(update, "licence"));
  ASSERT_FALSE(actions.empty()) << listDiagnostics(*c);
  EXPECT_EQ(actions[0].title, "replace with 'license_expiry'");
  ASSERT_TRUE(actions[0].diagnostic);
  EXPECT_EQ(info(actions[0].diagnostic->code).code, "XR0101");
  EXPECT_NE(applied(*c, 0, actions[0].edits).find("let late = license_expiry\n"),
            std::string::npos);
}

TEST(QueryCodeActions, DeclareAMissingFieldWithTheTypeOfItsUse) {
  const std::string update = kQueryUpdate + "let overdue = overdue_days > 30\n";
  auto c = compileQueryFiles(update);
  FileId base = query::fileNamed(*c, "base.xr");
  auto actions = query::codeActionsIn(*c, 0, offsetOf(update, "overdue_days"),
                                      offsetOf(update, "overdue_days"));
  const query::CodeAction *declare = nullptr;
  for (const auto &a : actions)
    if (a.title.rfind("declare field", 0) == 0)
      declare = &a;
  ASSERT_TRUE(declare) << listDiagnostics(*c);
  EXPECT_EQ(declare->title, "declare field 'overdue_days: int' in record Enterprise");
  ASSERT_EQ(declare->edits.size(), 1u);
  EXPECT_EQ(declare->edits[0].range.file, base);
  EXPECT_NE(applied(*c, base, declare->edits).find("  staff: int\n  overdue_days: int\n}"),
            std::string::npos)
      << applied(*c, base, declare->edits);
}

TEST(QueryCodeActions, ConditionsDeclareBoolFields) {
  const std::string update = kQueryUpdate + "rule r2 when has_permit { }\n";
  auto c = compileQueryFiles(update);
  auto actions =
      query::codeActionsIn(*c, 0, offsetOf(update, "has_permit"), offsetOf(update, "has_permit"));
  bool found = false;
  for (const auto &a : actions)
    found = found || a.title == "declare field 'has_permit: bool' in record Enterprise";
  EXPECT_TRUE(found) << listDiagnostics(*c);
}

TEST(QueryCodeActions, MissingOtherwiseAndWeightsComeFromSema) {
  const std::string base = R"(ruleset "t" version 1
record E { id: text key
  n: int }
domain d weight 100%
indicator A in d weight 30% { pass when n > 1 }
indicator B in d weight 30% { pass when n > 2 }
checklist all_of_it for true { all }
table level { n > 5 => high
  n <= 5 and n > 0 => low }
)";
  auto c = compileSource(base);
  auto weights = query::codeActionsIn(*c, 0, offsetOf(base, "30%"), offsetOf(base, "30%"));
  ASSERT_FALSE(weights.empty()) << listDiagnostics(*c);
  EXPECT_EQ(weights[0].title, "scale the weights proportionally to sum to 100%: 50%, 50%");
  auto table = query::codeActionsIn(*c, 0, offsetOf(base, "level"), offsetOf(base, "level"));
  bool otherwise = false;
  for (const auto &a : table)
    otherwise = otherwise || a.title.find("otherwise") != std::string::npos;
  EXPECT_TRUE(otherwise) << listDiagnostics(*c);
}

TEST(QueryCodeActions, AddOtherwiseToATableWithoutOne) {
  // No diagnostic: the checker cannot analyse `staff > cost`, so this is the only way.
  const std::string update =
      kQueryUpdate + "table mood {\n  staff > 3 => busy\n  staff > 1 => calm\n}\n";
  auto c = compileQueryFiles(update);
  auto actions = query::codeActionsIn(*c, 0, offsetOf(update, "calm"), offsetOf(update, "calm"));
  ASSERT_EQ(actions.size(), 1u) << listDiagnostics(*c);
  EXPECT_EQ(actions[0].title, "add `otherwise => calm` as the last row of table mood");
  EXPECT_FALSE(actions[0].diagnostic);
  EXPECT_NE(applied(*c, 0, actions[0].edits).find("  staff > 1 => calm\n  otherwise => calm\n}"),
            std::string::npos)
      << applied(*c, 0, actions[0].edits);
  // A table with an otherwise gets nothing.
  FileId base = query::fileNamed(*c, "base.xr");
  EXPECT_TRUE(
      query::codeActionsIn(*c, base, offsetOf(kQueryBase, "blue"), offsetOf(kQueryBase, "blue"))
          .empty());
}

TEST(QueryInlayHints, EffectiveWeightsPerChecklist) {
  auto c = compileQueryFiles();
  FileId base = query::fileNamed(*c, "base.xr");
  auto hints = query::inlayHintsIn(*c, base, 0, 100000);
  // C1's weight in force is written in the update, so base shows C2 and S1.
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(hints[0].offset, offsetOf(kQueryBase, "50% {", 1, 3));
  EXPECT_EQ(hints[0].label, "full 30%");
  EXPECT_EQ(hints[1].label, "full 40% · sme 40%");
  auto updateHints = query::inlayHintsIn(*c, 0, 0, 100000);
  ASSERT_EQ(updateHints.size(), 1u);
  EXPECT_EQ(updateHints[0].label, "full 30% · sme 60%");
  EXPECT_TRUE(query::inlayHintsIn(*c, base, 0, 10).empty());
}

} // namespace
} // namespace xr::testing
