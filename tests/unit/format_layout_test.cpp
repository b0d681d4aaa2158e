// The canonical layout of docs/formatting.md, rule by rule: spacing, lines, blocks and
// lists, continuation lines, blank lines and aligned columns.
#include "compiler/format/format.h"
#include "tests/unit/format_testing.h"

#include <gtest/gtest.h>

namespace xr::format {
namespace {

using testing::formatted;
using testing::stable;

TEST(FormatSpacing, OneSpaceAroundBinaryOperatorsAndAfterCommasAndColons) {
  EXPECT_EQ(stable("let x=a+b*c-d/e\n"), "let x = a + b * c - d / e\n");
  EXPECT_EQ(stable("let x=a==b and c!=d or e<=f\n"), "let x = a == b and c != d or e <= f\n");
  EXPECT_EQ(stable("let x=a>=b and c<d and e>f\n"), "let x = a >= b and c < d and e > f\n");
  EXPECT_EQ(stable("let x=a??0\n"), "let x = a ?? 0\n");
  EXPECT_EQ(stable("let x=max(a,b , c)\n"), "let x = max(a, b, c)\n");
  EXPECT_EQ(stable("param p\"标题\":int=1\n"), "param p \"标题\": int = 1\n");
  EXPECT_EQ(stable("frequency by tier{red:4,blue:1}\n"), "frequency by tier { red: 4, blue: 1 }\n");
}

TEST(FormatSpacing, NoSpaceInsideTheTightPieces) {
  EXPECT_EQ(stable("let x = - a * - ( b )\n"), "let x = -a * -(b)\n");
  EXPECT_EQ(stable("let x = f ( a ) . score\n"), "let x = f(a).score\n");
  EXPECT_EQ(stable("let x = 40 % + 1.5 %\n"), "let x = 40% + 1.5%\n");
  EXPECT_EQ(stable("param p: Tier ? = red\n"), "param p: Tier? = red\n");
  EXPECT_EQ(stable("let x = a in [ b , c ]\n"), "let x = a in [b, c]\n");
  EXPECT_EQ(stable("let x = a not in [b,c,]\n"), "let x = a not in [b, c,]\n");
  EXPECT_EQ(stable("let x = not(a) and f()\n"), "let x = not (a) and f()\n");
  EXPECT_EQ(stable("let x = d + 5 working days - 1 day\n"), "let x = d + 5 working days - 1 day\n");
  EXPECT_EQ(stable("let x = C1.score + C2 . score\n"), "let x = C1.score + C2.score\n");
}

TEST(FormatSpacing, SpellingsAreKeptExactly) {
  // Numbers, percents, strings (escapes, full-width text) and dates as written.
  EXPECT_EQ(stable("let x = 1.50e3 + 40% + 0.0001229\n"), "let x = 1.50e3 + 40% + 0.0001229\n");
  EXPECT_EQ(stable("let t = \"a\\\"b\\u{4E2D}（全角：）\"\n"),
            "let t = \"a\\\"b\\u{4E2D}（全角：）\"\n");
  EXPECT_EQ(stable("let d = 2024-02-29\n"), "let d = 2024-02-29\n");
  EXPECT_EQ(stable("let 资质 = 年度巡查次数 >= 2\n"), "let 资质 = 年度巡查次数 >= 2\n");
}

TEST(FormatLines, DeclarationsStartLinesAndBlankLinesCollapse) {
  EXPECT_EQ(stable("let a = 1 let b = 2\n\n\n\nlet c = 3"), "let a = 1\nlet b = 2\n\nlet c = 3\n");
  EXPECT_EQ(stable("\n\n  let a = 1   \n\n"), "let a = 1\n");
  EXPECT_EQ(stable(""), "");
  EXPECT_EQ(stable("\xEF\xBB\xBFlet a = 1\r\nlet b = 2\r\n"), "let a = 1\nlet b = 2\n");
}

TEST(FormatLines, ADeclarationOverSeveralLinesHasABlankLineAroundIt) {
  EXPECT_EQ(stable("let a = 1\nrule r when a > 0 {\nfrequency = 2\nmode = x\n}\nlet b = 2\n"),
            "let a = 1\n\nrule r when a > 0 {\n  frequency = 2\n  mode = x\n}\n\nlet b = 2\n");
  // Its leading comment stays attached to it.
  EXPECT_EQ(stable("let a = 1\n// about r\nrule r when a > 0 {\nf = 1\ng = 2\n}\n"),
            "let a = 1\n\n// about r\nrule r when a > 0 {\n  f = 1\n  g = 2\n}\n");
}

TEST(FormatLines, ItemsOfABlockGoOnTheirOwnLines) {
  EXPECT_EQ(stable("indicator C1 in d weight 10% { basis \"x\" let r = a / b score = r pass "
                   "when r > 1 missing => fail }\n"),
            "indicator C1 in d weight 10% {\n"
            "  basis \"x\"\n"
            "  let r = a / b\n"
            "  score = r\n"
            "  pass when r > 1\n"
            "  missing => fail\n"
            "}\n");
  EXPECT_EQ(stable("escalate e when x {\n\n\naction a 5\n\n\naction b\n\n}\n"),
            "escalate e when x {\n  action a 5\n\n  action b\n}\n");
}

TEST(FormatLines, AOneItemBlockWrittenOnOneLineStaysOnIt) {
  EXPECT_EQ(stable("override indicator Q1 {weight 25%}\n"),
            "override indicator Q1 { weight 25% }\n");
  EXPECT_EQ(stable("rule r when x { f = 2 }\n"), "rule r when x { f = 2 }\n");
  EXPECT_EQ(stable("rule r when x {\n f = 2 }\n"), "rule r when x {\n  f = 2\n}\n");
  EXPECT_EQ(stable("record R {\n}\nrecord S { }\n"), "record R {}\nrecord S {}\n");
}

TEST(FormatLines, ABlockOpensOnTheLineOfItsHeader) {
  EXPECT_EQ(stable("rule r when x\n{\n  f = 2\n  g = 3\n}\n"),
            "rule r when x {\n  f = 2\n  g = 3\n}\n");
}

TEST(FormatLines, NestedBlocksIndentTwoSpacesPerLevel) {
  EXPECT_EQ(
      stable("test \"t\" {\ngiven e\ncases {\n| a | expect b |\n| 1 | 2 |\n}\n}\n"),
      "test \"t\" {\n  given e\n  cases {\n    | a | expect b |\n    | 1 | 2        |\n  }\n}\n");
}

TEST(FormatLists, AListOnOneLineIsJoined) {
  EXPECT_EQ(stable("enum Tier{red,blue}\n"), "enum Tier { red, blue }\n");
  // A line broken after an element continues under the element it was under.
  EXPECT_EQ(stable("enum Tier{red \"红\",\n          yellow,blue}\n"),
            "enum Tier { red \"红\",\n            yellow, blue }\n");
  EXPECT_EQ(stable("checklist c for true {all except A,B}\n"),
            "checklist c for true { all except A, B }\n");
  EXPECT_EQ(stable("example e = R {a: 1,...}\nexample f = R{...}\nexample g = R{}\n"),
            "example e = R { a: 1, ... }\nexample f = R { ... }\nexample g = R {}\n");
}

TEST(FormatLists, AListBrokenAfterItsBracketKeepsTheAuthorsLines) {
  EXPECT_EQ(stable("example e = R {\n      a: 1, b: 2,\n c: 3,\n   ...}\n"),
            "example e = R {\n  a: 1, b: 2,\n  c: 3,\n  ...\n}\n");
  EXPECT_EQ(stable("test \"t\" {\ngiven e with {\na: 1,\nb: 2 }\nexpect x\n}\n"),
            "test \"t\" {\n  given e with {\n    a: 1,\n    b: 2\n  }\n  expect x\n}\n");
  EXPECT_EQ(stable("let x = max(\n a,\n b)\n"), "let x = max(\n  a,\n  b\n)\n");
  EXPECT_EQ(stable("let x = a in [\nb, c\n]\n"), "let x = a in [\n  b, c\n]\n");
}

TEST(FormatContinuation, ALineBrokenInsideAnItemStaysBrokenAndKeepsItsAlignment) {
  // Aligned under a token of the line above: kept under it.
  EXPECT_EQ(stable("indicator C in d weight 1% {\n    score = (a)\n          + (b)\n}\n"),
            "indicator C in d weight 1% {\n  score = (a)\n        + (b)\n}\n");
  EXPECT_EQ(stable("let x = if a then 1\n        else if b then 2\n        else 3\n"),
            "let x = if a then 1\n        else if b then 2\n        else 3\n");
  // Not under any token: as far right of the item's start as before, at least two columns.
  EXPECT_EQ(stable("  let x = a\n         and b\n"), "let x = a\n       and b\n");
  EXPECT_EQ(stable("let x = a\nand b\n"), "let x = a\n  and b\n");
}

TEST(FormatContinuation, ColumnsCountChineseCharactersAsTwo) {
  EXPECT_EQ(stable("let 甲 = a\n         + b\n"), "let 甲 = a\n         + b\n");
  EXPECT_EQ(stable(" let 甲 = a\n          + b\n"), "let 甲 = a\n         + b\n");
}

TEST(FormatAlignment, RecordFieldsAlignNameTypeModifiersAndTitle) {
  EXPECT_EQ(stable("record E {\n"
                   "id: text key \"编号\"\n"
                   "revenue: number? unit \"万元\" \"营业收入\"\n"
                   "ok: bool \"合格\"\n"
                   "size: enum { a \"甲\", b \"乙\" } \"规模\"\n"
                   "n: int\n"
                   "\n"
                   "long_name_here: date \"日期\"\n"
                   "}\n"),
            "record E {\n"
            "  id:      text    key         \"编号\"\n"
            "  revenue: number? unit \"万元\" \"营业收入\"\n"
            "  ok:      bool                \"合格\"\n"
            "  size:    enum { a \"甲\", b \"乙\" } \"规模\"\n"
            "  n:       int\n"
            "\n"
            "  long_name_here: date \"日期\"\n"
            "}\n");
}

TEST(FormatAlignment, TableRowsAlignTheirArrowsAndComments) {
  EXPECT_EQ(stable("table tier hit first {\n"
                   "incidents > 0 => red // 事故\n"
                   "any critical fails => red\n"
                   "total < 80 => yellow // 黄\n"
                   "otherwise => blue\n"
                   "}\n"),
            "table tier hit first {\n"
            "  incidents > 0      => red     // 事故\n"
            "  any critical fails => red\n"
            "  total < 80         => yellow  // 黄\n"
            "  otherwise          => blue\n"
            "}\n");
}

TEST(FormatAlignment, CasesTablesAlignEveryCellByDisplayWidth) {
  EXPECT_EQ(stable("test \"t\" {\n"
                   "cases {\n"
                   "|region|expect round(total, 1)|\n"
                   "|\"杭州\"|1|\n"
                   "\n"
                   "|\"x\"|100.5|\n"
                   "}\n"
                   "}\n"),
            "test \"t\" {\n"
            "  cases {\n"
            "    | region | expect round(total, 1) |\n"
            "    | \"杭州\" | 1                      |\n"
            "\n"
            "    | \"x\"    | 100.5                  |\n"
            "  }\n"
            "}\n");
}

TEST(FormatAlignment, CalendarEntriesAlignDatesAndLabels) {
  EXPECT_EQ(stable("calendar c year 2024 {\n"
                   "source \"通知\"\n"
                   "holiday 2024-01-01 \"元旦\"\n"
                   "holiday 2024-02-10..2024-02-17 \"春节\"\n"
                   "workday 2024-02-04\n"
                   "}\n"),
            "calendar c year 2024 {\n"
            "  source \"通知\"\n"
            "  holiday 2024-01-01               \"元旦\"\n"
            "  holiday 2024-02-10 .. 2024-02-17 \"春节\"\n"
            "  workday 2024-02-04\n"
            "}\n");
}

TEST(FormatAlignment, ConsecutiveDomainsAlign) {
  EXPECT_EQ(stable("domain compliance \"合规\" weight 40%\n"
                   "domain safety weight 40%\n"
                   "override domain env \"环境\" weight 20%\n"
                   "\n"
                   "domain other \"其他\" weight 1%\n"),
            "domain compliance   \"合规\" weight 40%\n"
            "domain safety              weight 40%\n"
            "override domain env \"环境\" weight 20%\n"
            "\n"
            "domain other \"其他\" weight 1%\n");
}

TEST(FormatAlignment, AnItemOverSeveralLinesIsNotAligned) {
  EXPECT_EQ(stable("table t {\n"
                   "a => 1\n"
                   "bbbbbb\n"
                   " and c => 2\n"
                   "dd => 3\n"
                   "}\n"),
            "table t {\n"
            "  a => 1\n"
            "  bbbbbb\n"
            "    and c => 2\n"
            "  dd => 3\n"
            "}\n");
}

TEST(FormatRefusal, AFileWithSyntaxErrorsIsNotFormatted) {
  SourceFile file(0, "bad.xr", "let x = (1 +\nlet y = 2\n");
  FormatResult result = formatFile(file);
  EXPECT_FALSE(result.text.has_value());
  EXPECT_TRUE(result.diagnostics.hasErrors());
  EXPECT_EQ(formatted("let t = \"open\n"), "<not formatted>");
  EXPECT_EQ(formatted("let t = 1；\n"), "<not formatted>"); // full-width punctuation
  EXPECT_EQ(formatted("/* never closed\nlet a = 1\n"), "<not formatted>");
}

TEST(FormatRefusal, SemanticErrorsDoNotStopFormatting) {
  EXPECT_EQ(formatted("let x=unknown_name+1\n"), "let x = unknown_name + 1\n");
}

} // namespace
} // namespace xr::format
