// compiler/query: the name under a position, definition and references across `extends`.
#include "compiler/query/symbols.h"

#include "query_testing.h"

namespace xr::testing {
namespace {

TEST(QuerySymbols, NameUnderCursorIsResolvedInEveryFile) {
  auto c = compileQueryFiles();
  ASSERT_TRUE(c->model) << listDiagnostics(*c);
  FileId update = query::fileNamed(*c, "update.xr");
  FileId base = query::fileNamed(*c, "base.xr");
  ASSERT_NE(update, kNoFile);
  ASSERT_NE(base, kNoFile);
  auto hit = query::symbolAt(*c, update, offsetOf(kQueryUpdate, "license_expiry", 1, 3));
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->symbol.kind, sema::SymbolKind::Field);
  EXPECT_EQ(hit->range.begin, offsetOf(kQueryUpdate, "license_expiry"));
  // Just after a name still counts; whitespace does not.
  EXPECT_TRUE(query::symbolAt(*c, update, offsetOf(kQueryUpdate, "tier", 1, 4)));
  EXPECT_FALSE(query::symbolAt(*c, update, offsetOf(kQueryUpdate, "rule ") + 1));
}

TEST(QuerySymbols, DefinitionCrossesExtends) {
  auto c = compileQueryFiles();
  FileId update = query::fileNamed(*c, "update.xr");
  FileId base = query::fileNamed(*c, "base.xr");
  auto def = query::definitionAt(*c, update, offsetOf(kQueryUpdate, "tier ==", 1, 1));
  ASSERT_TRUE(def);
  EXPECT_EQ(def->file, base);
  EXPECT_EQ(def->begin, offsetOf(kQueryBase, "tier \""));
  // The override's name goes to the base declaration.
  auto fromOverride = query::definitionAt(*c, update, offsetOf(kQueryUpdate, "C1 {"));
  ASSERT_TRUE(fromOverride);
  EXPECT_EQ(fromOverride->begin, offsetOf(kQueryBase, "C1 \""));
  // Built-ins have no declaration.
  EXPECT_FALSE(query::definitionAt(*c, base, offsetOf(kQueryBase, "weighted")));
}

TEST(QuerySymbols, DefinitionOfARetiredName) {
  const std::string update =
      "ruleset \"更新\" version 2024 extends \"base.xr\"\nretire indicator S1\n"
      "override domain compliance weight 100%\nretire domain safety\n";
  auto c = compileQueryFiles(update);
  auto def = query::definitionAt(*c, 0, offsetOf(update, "S1"));
  ASSERT_TRUE(def) << listDiagnostics(*c);
  EXPECT_EQ(def->begin, offsetOf(kQueryBase, "S1 \""));
  auto retired = query::retiredNameAt(*c, 0, offsetOf(update, "S1", 1, 1));
  ASSERT_TRUE(retired);
  EXPECT_EQ(retired->name.begin, offsetOf(update, "S1"));
  EXPECT_EQ(retired->retired->name, "S1");
  EXPECT_FALSE(query::retiredNameAt(*c, 0, offsetOf(update, "retire indicator")));
}

TEST(QuerySymbols, ReferencesIncludeOverridesAndUsesInAllFiles) {
  auto c = compileQueryFiles();
  FileId update = query::fileNamed(*c, "update.xr");
  FileId base = query::fileNamed(*c, "base.xr");
  auto hit = query::symbolAt(*c, update, offsetOf(kQueryUpdate, "C1 fails"));
  ASSERT_TRUE(hit);
  auto all = query::referencesTo(*c, hit->symbol, true);
  // The root file first (update: override, rule), then base: declaration, sme checklist.
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].file, update);
  EXPECT_EQ(all[0].begin, offsetOf(kQueryUpdate, "C1 {"));
  EXPECT_EQ(all[1].begin, offsetOf(kQueryUpdate, "C1 fails"));
  EXPECT_EQ(all[2].file, base);
  EXPECT_EQ(all[2].begin, offsetOf(kQueryBase, "C1 \""));
  EXPECT_EQ(all[3].begin, offsetOf(kQueryBase, "C1, S1"));
  auto uses = query::referencesTo(*c, hit->symbol, false);
  EXPECT_EQ(uses.size(), 3u);
}

TEST(QuerySymbols, BrokenFilesStillAnswerWhatSemaResolved) {
  const std::string update = kQueryUpdate + "let broken = staff +\n";
  auto c = compileQueryFiles(update);
  ASSERT_TRUE(c->diagnostics.hasErrors());
  auto hit = query::symbolAt(*c, 0, offsetOf(update, "inspection_date"));
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->symbol.kind, sema::SymbolKind::Param);
  Compilation empty;
  EXPECT_FALSE(query::symbolAt(empty, 0, 0));
  EXPECT_TRUE(query::referencesTo(empty, hit->symbol, true).empty());
}

} // namespace
} // namespace xr::testing
