// compiler/query: hover texts for indicators, fields, built-ins and expressions.
#include "compiler/query/hover.h"

#include "query_testing.h"

namespace xr::testing {
namespace {

TEST(QueryHover, IndicatorShowsTitleDomainWeightEffectiveWeightsBasisAndPolicy) {
  auto c = compileQueryFiles();
  auto hover = query::hoverAt(*c, 0, offsetOf(kQueryUpdate, "C1 fails"));
  ASSERT_TRUE(hover);
  const std::string &md = hover->markdown;
  EXPECT_NE(md.find("**indicator** `C1` 资质证照有效性"), std::string::npos) << md;
  EXPECT_NE(md.find("domain `compliance` 合规经营 · weight 50% · critical"), std::string::npos)
      << md;
  // full: 60% * 50% = 30%; sme: compliance alone in its domain part, 60/(60+40) * 100% = 60%.
  EXPECT_NE(md.find("- `full` 全面巡查: 30%"), std::string::npos) << md;
  EXPECT_NE(md.find("- `sme` 简化清单: 60%"), std::string::npos) << md;
  EXPECT_NE(md.find("- 《行政许可法》"), std::string::npos) << md;
  EXPECT_NE(md.find("missing data: no policy needed"), std::string::npos) << md;
}

TEST(QueryHover, IndicatorOutOfAChecklistAndWithAPolicy) {
  auto c = compileQueryFiles();
  FileId base = query::fileNamed(*c, "base.xr");
  auto hover = query::hoverAt(*c, base, offsetOf(kQueryBase, "C2 \""));
  ASSERT_TRUE(hover);
  EXPECT_NE(hover->markdown.find("- `sme` 简化清单: not in this checklist"), std::string::npos)
      << hover->markdown;
  EXPECT_NE(hover->markdown.find("`missing => not_assessed`"), std::string::npos)
      << hover->markdown;
}

TEST(QueryHover, FieldShowsTypeUnitAndLabel) {
  auto c = compileQueryFiles();
  FileId base = query::fileNamed(*c, "base.xr");
  auto hover = query::hoverAt(*c, base, offsetOf(kQueryBase, "cost /"));
  ASSERT_TRUE(hover);
  EXPECT_NE(hover->markdown.find("`cost: number?`"), std::string::npos) << hover->markdown;
  EXPECT_NE(hover->markdown.find("unit: 元"), std::string::npos) << hover->markdown;
  auto titled = query::hoverAt(*c, 0, offsetOf(kQueryUpdate, "license_expiry"));
  ASSERT_TRUE(titled);
  EXPECT_NE(titled->markdown.find("**field** `license_expiry` 许可证到期日"), std::string::npos)
      << titled->markdown;
}

TEST(QueryHover, ValuesAsWritten) {
  auto c = compileQueryFiles();
  FileId base = query::fileNamed(*c, "base.xr");
  auto param = query::hoverAt(*c, 0, offsetOf(kQueryUpdate, "inspection_date"));
  ASSERT_TRUE(param);
  EXPECT_NE(param->markdown.find("default `2024-06-30`; can be set at run time"), std::string::npos)
      << param->markdown;
  auto let = query::hoverAt(*c, base, offsetOf(kQueryBase, "ratio >"));
  ASSERT_TRUE(let);
  EXPECT_NE(let->markdown.find("type `number?`"), std::string::npos) << let->markdown;
  EXPECT_NE(let->markdown.find("`= cost / 2`"), std::string::npos) << let->markdown;
}

TEST(QueryHover, RetiredNameSaysWhereItWasDeclared) {
  const std::string update =
      "ruleset \"更新\" version 2024 extends \"base.xr\"\nretire indicator S1\n"
      "override domain compliance weight 100%\nretire domain safety\n";
  auto c = compileQueryFiles(update);
  auto hover = query::hoverAt(*c, 0, offsetOf(update, "S1"));
  ASSERT_TRUE(hover) << listDiagnostics(*c);
  EXPECT_EQ(hover->markdown,
            "**retired indicator** `S1`\n\ndeclared in base.xr at line 21; removed "
            "from this rule set and from every checklist that listed it");
}

TEST(QueryHover, BuiltinShowsSignatureAndDocumentation) {
  const std::string update = kQueryUpdate + "let m = max(staff, 3)\n";
  auto c = compileQueryFiles(update);
  auto hover = query::hoverAt(*c, 0, offsetOf(update, "max"));
  ASSERT_TRUE(hover) << listDiagnostics(*c);
  EXPECT_NE(hover->markdown.find("`max(int, int) -> int`"), std::string::npos) << hover->markdown;
  EXPECT_NE(hover->markdown.find("`max(number, number) -> number`"), std::string::npos);
}

TEST(QueryHover, ExpressionShowsItsType) {
  auto c = compileQueryFiles();
  // On the `-` of `license_expiry - inspection_date`: the subtraction, date - date is int.
  auto hover = query::hoverAt(*c, 0, offsetOf(kQueryUpdate, "- inspection"));
  ASSERT_TRUE(hover);
  EXPECT_EQ(hover->markdown, "`license_expiry - inspection_date`: `int`");
  EXPECT_FALSE(query::hoverAt(*c, 0, offsetOf(kQueryUpdate, "ruleset")));
}

} // namespace
} // namespace xr::testing
