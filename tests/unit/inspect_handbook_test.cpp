#include "compiler/inspect/handbook.h"
#include "compiler/inspect/labels.h"
#include "inspect_testing.h"

#include <gtest/gtest.h>

namespace xr::inspect {
namespace {

using testing::compareFiles;
using testing::ruleSet;
using testing::VirtualFiles;

const std::string kBody = "domain core \"核心\" weight 60%\n"
                          "domain extra \"附加\" weight 40%\n"
                          "indicator K1 \"证照\" in core weight 75% critical {\n"
                          "  basis \"《许可法》\"\n"
                          "  score = if a > 3 then 100\n"
                          "          else 40\n"
                          "  pass when a > 1\n"
                          "}\n"
                          "indicator K2 \"合同\" in core weight 25% {\n"
                          "  pass when c > 1\n"
                          "  missing => not_assessed\n"
                          "}\n"
                          "indicator X1 \"其他\" in extra weight 100% minor { pass when b == 0 }\n"
                          "checklist full \"全面\" for big { all }\n"
                          "checklist lite \"简化\" for not big { K1, X1 }\n"
                          "score total \"综合得分\" = weighted(checklist)\n"
                          "table tier \"风险等级\" {\n"
                          "  K1 fails => red\n"
                          "  otherwise => blue\n"
                          "}\n"
                          "frequency \"频次\" by tier { red: 4, blue: 1 }\n"
                          "escalate bad \"处置\" when K1 fails { action refer }\n";

std::string markdownOf(const Compilation &c, const Comparison *changes = nullptr) {
  return renderMarkdown(handbookDocument(describe(c), changes));
}

TEST(InspectHandbook, ChineseRuleSetGetsChineseHeadings) {
  auto c = VirtualFiles().add("r.xr", ruleSet("巡查规则", kBody)).compile("r.xr");
  const std::string md = markdownOf(*c);
  EXPECT_EQ(md.rfind("# 巡查规则 指标手册\n", 0), 0u) << md;
  for (const char *heading : {"## 领域\n", "## 指标\n", "## 巡查清单\n", "## 有效权重\n",
                              "## 决策表\n", "## 频次\n", "## 升级处置\n", "## 记录字段 `Firm`\n"})
    EXPECT_NE(md.find(heading), std::string::npos) << heading;
  // No change log without a base.
  EXPECT_NE(md.find("## 变更记录\n\n本规则集不继承其他规则集"), std::string::npos);
}

TEST(InspectHandbook, IndicatorWithEverythingAReaderNeeds) {
  auto c = VirtualFiles().add("r.xr", ruleSet("巡查规则", kBody)).compile("r.xr");
  const std::string md = markdownOf(*c);
  EXPECT_NE(md.find("#### `K1` 证照\n"), std::string::npos);
  EXPECT_NE(md.find("| 领域 | 核心（core） |"), std::string::npos);
  EXPECT_NE(md.find("| 权重（领域内） | 75% |"), std::string::npos);
  EXPECT_NE(md.find("| 有效权重 | full 45.00% · lite 60.00% |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 严重程度 | 关键（critical） |"), std::string::npos);
  EXPECT_NE(md.find("| 依据 | 《许可法》 |"), std::string::npos);
  EXPECT_NE(md.find("```xr\nscore = if a > 3 then 100\n        else 40\npass when a > 1\n```"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| 缺失数据 | 不评价，不计入综合得分（权重重新归一）（not_assessed） |"),
            std::string::npos);
  // The effective weights of a checklist add up to 100%.
  EXPECT_NE(md.find("| 合计 |  |  | 100.00% | 100.00% |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 1 | `K1 fails` | `red` |"), std::string::npos);
  EXPECT_NE(md.find("| `red` | — | `4` |"), std::string::npos) << md;
  EXPECT_NE(md.find("```xr\nwhen K1 fails\naction refer\n```"), std::string::npos);
}

TEST(InspectHandbook, EnglishRuleSetGetsEnglishHeadings) {
  auto c = VirtualFiles().add("r.xr", ruleSet("Firm rules", kBody)).compile("r.xr");
  const std::string md = markdownOf(*c);
  EXPECT_EQ(md.rfind("# Firm rules: indicator handbook\n", 0), 0u);
  EXPECT_NE(md.find("## Indicators\n"), std::string::npos);
  EXPECT_NE(md.find("| severity | critical |"), std::string::npos);
  EXPECT_EQ(languageOf("Firm rules"), Language::English);
  EXPECT_EQ(languageOf("XX行业"), Language::Chinese);
}

TEST(InspectHandbook, ChangeLogAgainstTheBase) {
  VirtualFiles files;
  files.add("v1.xr", ruleSet("巡查规则", kBody))
      .add("v2.xr", "ruleset \"巡查规则（新）\" version 2 extends \"v1.xr\"\n"
                    "override indicator K1 { weight 50% }\n"
                    "override indicator K2 { weight 50% }\n");
  const auto v = compareFiles(files, "v1.xr", "v2.xr");
  const std::string md = renderMarkdown(handbookDocument(v.bookAfter, &v.comparison));
  EXPECT_NE(md.find("## 变更记录\n\n相对于 巡查规则（v1.xr）的变化。\n"), std::string::npos) << md;
  EXPECT_NE(md.find("### 指标\n"), std::string::npos);
  EXPECT_NE(md.find("- 权重：75% → 50%"), std::string::npos);
  EXPECT_NE(md.find("### 有效权重\n"), std::string::npos);
}

TEST(InspectHandbook, SameInputSameBytes) {
  auto a = VirtualFiles().add("r.xr", ruleSet("巡查规则", kBody)).compile("r.xr");
  auto b = VirtualFiles().add("r.xr", ruleSet("巡查规则", kBody)).compile("r.xr");
  const Document da = handbookDocument(describe(*a), nullptr);
  const Document db = handbookDocument(describe(*b), nullptr);
  EXPECT_EQ(renderHtml(da), renderHtml(db));
  EXPECT_EQ(renderMarkdown(da), renderMarkdown(db));
}

} // namespace
} // namespace xr::inspect
