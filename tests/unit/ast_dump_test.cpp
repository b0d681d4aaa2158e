// The AST dump: one node per line, kind, key attributes and position; every node kind.
#include "syntax_testing.h"

#include "compiler/ast/ast_dump.h"

namespace xr::testing {
namespace {

constexpr const char *kEverything = R"xr(ruleset "全部" version 1 extends "base.xr"
import "lib.xr"
// 注释
record E { id: text key "编号"  s: enum { a "甲", b }  x: number? unit "t" }
enum Tier "等级" { red "红", blue }
param d "日期": date unit "day" = 2024-06-30
domain dom "领域" weight 50%
indicator I "指标" in dom weight 8 points critical {
  basis "法"
  let r = x ?? 0
  score = if r between 1 and 2 then 100 else -1.5
  pass when not (x is not missing) or I passes
  missing => score 40
}
check c { when x not in [1, 2] flag f missing => oops }
checklist cl for s in [a] { all except I }
let l = any major indicator in dom fails and count indicator unassessed > all critical passes
score t = weighted(checklist)
table tb : Tier hit collect sum { x > 1 => red otherwise => blue }
output o: text = "a\"b"
frequency by tb { red: 4 }
rule ru when true { o = I.score }
escalate es when false { action a action b d + 5 working days - 1 day }
deadline dl = d + 2 days
calendar ca year 2024 { source "s" holiday 2024-10-01 .. 2024-10-07 "国庆" workday 2024-09-29 }
report rp "报告" by s { n "数" = count target >= 40% }
report { m = 1 }
example ex = E { id: "1", ... }
test "测" { given E { x: 1 } given ex with { x: 2 } given d = 2024-01-01 expect error "e" expect I fails cases { | x | expect tb | | 1 | red | } }
retire rule old
override domain dom weight 50%
let bad = (1 +)
)xr";

constexpr const char *kExpected =
    "Module @1:1\n"
    "  Header \"全部\" version 1 extends \"base.xr\" @1:1\n"
    "  Import \"lib.xr\" @2:1\n"
    "  Record E @4:1\n"
    "    Field id: text key \"编号\" @4:12\n"
    "    Field s: enum { a \"甲\", b } @4:31\n"
    "    Field x: number? unit \"t\" @4:53\n"
    "  Enum Tier \"等级\" @5:1\n"
    "    Member red \"红\" @5:18\n"
    "    Member blue @5:27\n"
    "  Param d \"日期\": date unit \"day\" @6:1\n"
    "    default: Literal date 2024-06-30 @6:33\n"
    "  Domain dom \"领域\" weight 50% (share 50000000) @7:1\n"
    "  Indicator I \"指标\" in dom weight 8 points (points 8000000) critical @8:1\n"
    "    Basis \"法\" @9:9\n"
    "    Let r @10:3\n"
    "      Binary ?? @10:11\n"
    "        Name x @10:11\n"
    "        Literal int 0 @10:16\n"
    "    score: If @11:11\n"
    "      cond: Between @11:14\n"
    "        Name r @11:14\n"
    "        low: Literal int 1 @11:24\n"
    "        high: Literal int 2 @11:30\n"
    "      then: Literal int 100 @11:37\n"
    "      else: Unary - @11:46\n"
    "        Literal number 1.5 @11:47\n"
    "    pass: Binary or @12:13\n"
    "      Unary not @12:13\n"
    "        IsMissing not @12:18\n"
    "          Name x @12:18\n"
    "      Status passes @12:39\n"
    "        Name I @12:39\n"
    "    Missing score 40 @13:14\n"
    "  Check c @15:1\n"
    "    when: InList not @15:16\n"
    "      Name x @15:16\n"
    "      item: Literal int 1 @15:26\n"
    "      item: Literal int 2 @15:29\n"
    "    Flag f @15:37\n"
    "    Missing invalid \"oops\" @15:50\n"
    "  Checklist cl all except I @16:1\n"
    "    for: InList @16:18\n"
    "      Name s @16:18\n"
    "      item: Name a @16:24\n"
    "  Let l @17:1\n"
    "    Binary and @17:9\n"
    "      Quantified any major in dom fails @17:9\n"
    "      Binary > @17:46\n"
    "        Quantified count unassessed @17:46\n"
    "        Quantified all critical passes @17:75\n"
    "  Score t @18:1\n"
    "    Call weighted @18:11\n"
    "      Name checklist @18:20\n"
    "  Table tb: Tier hit collect sum @19:1\n"
    "    Row @19:35\n"
    "      when: Binary > @19:35\n"
    "        Name x @19:35\n"
    "        Literal int 1 @19:39\n"
    "      then: Name red @19:44\n"
    "    Row otherwise @19:48\n"
    "      then: Name blue @19:61\n"
    "  Output o: text @20:1\n"
    "    initial: Literal text \"a\\\"b\" @20:18\n"
    "  Frequency frequency by tb @21:1\n"
    "    red: Literal int 4 @21:24\n"
    "  Rule ru @22:1\n"
    "    when: Literal bool true @22:14\n"
    "    Assign o @22:21\n"
    "      Member .score @22:25\n"
    "        Name I @22:25\n"
    "  Escalate es @23:1\n"
    "    when: Literal bool false @23:18\n"
    "    Action a @23:26\n"
    "    Action b @23:35\n"
    "      Binary - @23:44\n"
    "        Binary + @23:44\n"
    "          Name d @23:44\n"
    "          Duration working days @23:48\n"
    "            Literal int 5 @23:48\n"
    "        Duration days @23:65\n"
    "          Literal int 1 @23:65\n"
    "  Deadline dl @24:1\n"
    "    Binary + @24:15\n"
    "      Name d @24:15\n"
    "      Duration days @24:19\n"
    "        Literal int 2 @24:19\n"
    "  Calendar ca year 2024 @25:1\n"
    "    Source \"s\" @25:32\n"
    "    Holiday 2024-10-01 .. 2024-10-07 \"国庆\" @25:36\n"
    "    Workday 2024-09-29 @25:74\n"
    "  Report rp \"报告\" @26:1\n"
    "    by: Name s @26:19\n"
    "    Item n \"数\" @26:23\n"
    "      Name count @26:31\n"
    "      target >=: Literal percent 0.4 @26:47\n"
    "  Report report @27:1\n"
    "    Item m @27:10\n"
    "      Literal int 1 @27:14\n"
    "  Example ex @28:1\n"
    "    Record E ... @28:14\n"
    "      id: Literal text \"1\" @28:22\n"
    "  Test \"测\" @29:1\n"
    "    Given E @29:18\n"
    "      x: Literal int 1 @29:25\n"
    "    Given example ex @29:29\n"
    "      x: Literal int 2 @29:48\n"
    "    Given param d @29:52\n"
    "      Literal date 2024-01-01 @29:62\n"
    "    Expect error \"e\" @29:73\n"
    "    Expect @29:90\n"
    "      Status fails @29:97\n"
    "        Name I @29:97\n"
    "    Cases @29:105\n"
    "      Column x @29:115\n"
    "      Column expect @29:119\n"
    "        Name tb @29:126\n"
    "      CaseRow @29:131\n"
    "        Literal int 1 @29:133\n"
    "        Name red @29:137\n"
    "  Retire rule old @30:1\n"
    "  Domain dom override weight 50% (share 50000000) @31:1\n"
    "  Let bad @32:1\n"
    "    Binary + @32:12\n"
    "      Literal int 1 @32:12\n"
    "      Error @32:15\n"
    "  Comment \"// 注释\" @3:1\n";

TEST(AstDump, EveryNodeKind) {
  auto p = parse(kEverything);
  EXPECT_EQ(p->messages(),
            std::vector<std::string>{"XR0001 32:15 expected an expression after '+', found ')'"});
  EXPECT_EQ(dumpAst(*p->module, p->file()), kExpected);
}

TEST(AstDump, IsDeterministic) {
  auto a = parse(kEverything);
  auto b = parse(kEverything);
  EXPECT_EQ(dumpAst(*a->module, a->file()), dumpAst(*b->module, b->file()));
}

TEST(AstDump, EmptyModule) {
  auto p = parse("");
  EXPECT_EQ(dumpAst(*p->module, p->file()), "Module @1:1\n");
}

TEST(AstDump, PositionsCountCharactersNotBytes) {
  auto p = parse("let 甲 = \"中文\" ?? 乙\n");
  EXPECT_EQ(dumpAst(*p->module, p->file()), "Module @1:1\n"
                                            "  Let 甲 @1:1\n"
                                            "    Binary ?? @1:9\n"
                                            "      Literal text \"中文\" @1:9\n"
                                            "      Name 乙 @1:17\n");
}

} // namespace
} // namespace xr::testing
