// compiler/query on the shipped rule sets: every name sema resolved answers definition,
// hover and prepareRename, and the yearly update's effective weights show as inlay hints.
#include "compiler/query/hover.h"
#include "compiler/query/inlay_hints.h"
#include "compiler/query/rename.h"
#include "compiler/query/symbols.h"

#include "compiler/driver/compilation.h"

#include <gtest/gtest.h>

namespace xr::testing {
namespace {

const std::string kNational2024 = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/national/2024.xr";

TEST(QueryRulesets, EveryReferenceOfNational2024Answers) {
  auto c = compileFile(kNational2024);
  ASSERT_TRUE(c->model);
  ASSERT_FALSE(c->diagnostics.hasErrors());
  std::size_t checked = 0;
  for (const sema::Reference &ref : c->model->references) {
    auto hit = query::symbolAt(*c, ref.range.file, ref.range.begin);
    ASSERT_TRUE(hit);
    bool declared = hit->symbol.kind != sema::SymbolKind::Aggregate &&
                    hit->symbol.kind != sema::SymbolKind::Builtin; // `count` in a report
    EXPECT_EQ(query::definitionAt(*c, ref.range.file, ref.range.begin).has_value(), declared)
        << sema::symbolKindName(hit->symbol.kind) << " " << c->model->nameOf(hit->symbol);
    auto hover = query::hoverAt(*c, ref.range.file, ref.range.begin);
    ASSERT_TRUE(hover);
    EXPECT_FALSE(hover->markdown.empty());
    if (hit->symbol.kind == sema::SymbolKind::Indicator) {
      auto target = query::prepareRename(*c, ref.range.file, ref.range.begin);
      EXPECT_TRUE(target.ok()) << target.error;
    }
    ++checked;
  }
  EXPECT_GT(checked, 200u);
}

TEST(QueryRulesets, RenamingAnIndicatorOfTheBaseEditsBothYears) {
  auto c = compileFile(kNational2024);
  ASSERT_TRUE(c->model);
  auto ref = c->model->lookup("Q1");
  ASSERT_TRUE(ref);
  const SourceRange declared = c->model->locationOf(*ref).name;
  auto plan = query::planRename(*c, declared.file, declared.begin, "质量1");
  ASSERT_TRUE(plan.ok()) << plan.error;
  bool root = false, base = false;
  for (const TextEdit &e : plan.edits) {
    root = root || e.range.file == c->model->rootFile;
    base = base || e.range.file == declared.file;
  }
  EXPECT_TRUE(root && base);
  EXPECT_NE(declared.file, c->model->rootFile);
}

TEST(QueryRulesets, OverriddenWeightsHaveHintsInTheUpdate) {
  auto c = compileFile(kNational2024);
  ASSERT_TRUE(c->model);
  auto hints = query::inlayHintsIn(*c, c->model->rootFile, 0, ~std::uint32_t{0});
  // Q1, Q2, Q4 (overridden weights) and DS1..DS6 (declared there).
  EXPECT_GE(hints.size(), 9u);
}

} // namespace
} // namespace xr::testing
