// Syntax errors (XR0001): messages in the author's words, positions, recovery.
#include "syntax_testing.h"

#include <cctype>
#include <regex>

namespace xr::testing {
namespace {

using namespace ast;

std::vector<std::string> errorsOf(const std::string &text) { return parse(text)->messages(); }

TEST(SyntaxErrors, MissingExpressionNamesWhatCameBefore) {
  EXPECT_EQ(errorsOf("table t {\n  a > 1 =>\n}\n"),
            std::vector<std::string>{"XR0001 3:1 expected an expression after '=>', found '}'"});
  EXPECT_EQ(errorsOf("indicator C1 { pass when }\n"),
            std::vector<std::string>{"XR0001 1:26 expected an expression after 'when', found '}'"});
  EXPECT_EQ(errorsOf("let x ="),
            std::vector<std::string>{
                "XR0001 1:8 expected an expression after '=', found the end of the file"});
}

TEST(SyntaxErrors, MissingTokenWithAHintAboutTheConstruct) {
  EXPECT_EQ(errorsOf("table t {\n  a > 1 red\n}\n"),
            std::vector<std::string>{"XR0001 2:9 expected '=>', found 'red' (a table row is "
                                     "`condition => outcome`)"});
  EXPECT_EQ(errorsOf("record R {\n  id text\n}\n"),
            std::vector<std::string>{"XR0001 2:6 expected ':', found 'text' (a field is `name: "
                                     "type`, then `key`, `unit \"...\"` or a title)"});
  EXPECT_EQ(errorsOf("frequency by tier { red 4 }\n"),
            std::vector<std::string>{"XR0001 1:25 expected ':', found '4' (a frequency entry is "
                                     "`member: inspections per year`)"});
  EXPECT_EQ(errorsOf("calendar c year 2024 { holiday tomorrow }\n"),
            std::vector<std::string>{
                "XR0001 1:32 expected a date, found 'tomorrow' (a calendar holds `source "
                "\"...\"`, `holiday DATE [.. DATE]` and `workday DATE`)"});
}

TEST(SyntaxErrors, AnUnexpectedStringIsNamedWithoutAnArticle) {
  EXPECT_EQ(errorsOf("report by id \"标题\" {\n  n = count\n}\n"),
            std::vector<std::string>{"XR0001 1:14 unexpected string \"标题\": expected '{' (a "
                                     "report item is `name = expression [target >= value]`)"});
}

TEST(SyntaxErrors, ExtraneousTokenAtTopLevel) {
  EXPECT_EQ(errorsOf("let x = 1 2\n"),
            std::vector<std::string>{"XR0001 1:11 unexpected '2': expected a declaration"});
  EXPECT_EQ(errorsOf("}\nlet x = 1\n"),
            std::vector<std::string>{
                "XR0001 1:1 unexpected '}': expected a declaration, 'ruleset' or 'import'"});
}

TEST(SyntaxErrors, UnclosedBraceAtTheEndOfTheFile) {
  EXPECT_EQ(errorsOf("indicator C2 weight 10% {\n  pass when x\n"),
            std::vector<std::string>{"XR0001 3:1 expected '}' before the end of the file (an "
                                     "indicator body holds basis, let, score =, pass when, "
                                     "missing =>, weight, a severity, in and title)"});
}

TEST(SyntaxErrors, WeightWithoutUnit) {
  EXPECT_EQ(errorsOf("domain d weight 40\ndomain e weight 60%\n"),
            std::vector<std::string>{"XR0001 2:1 unexpected 'domain' after '40': a weight is "
                                     "`weight 40%` or `weight 8 points`"});
}

TEST(SyntaxErrors, MessagesDoNotDumpTokenSets) {
  auto p = parse("indicator { } table { } rule when { } report by { } test { }\n"
                 "let = if then else\nrecord R { a: enum { } }\n");
  ASSERT_FALSE(p->diagnostics.empty());
  for (const Diagnostic &d : p->diagnostics.items()) {
    EXPECT_EQ(d.message.find("expecting"), std::string::npos) << d.message;
    EXPECT_FALSE(std::regex_search(d.message, std::regex(R"(\{'[^']*', )"))) << d.message;
    EXPECT_EQ(d.message.find("<missing"), std::string::npos) << d.message;
    EXPECT_EQ(d.message.find("<EOF>"), std::string::npos) << d.message;
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(d.message[0]))) << d.message;
  }
}

TEST(SyntaxErrors, ThreeIndependentErrorsThreeDiagnosticsAndTheRestBuilt) {
  auto p = parse(R"(domain a weight 100%
let broken = 1 +
indicator C1 in a weight 100% {
  pass when license_expiry >=
}
table tier {
  x > 1 red
  otherwise => blue
}
rule r when tier == red { mode = notify_only }
let after = 42
)");
  std::vector<std::string> expected = {
      "XR0001 3:1 expected an expression after '+', found 'indicator'",
      "XR0001 5:1 expected an expression after '>=', found '}'",
      "XR0001 7:9 expected '=>', found 'red' (a table row is `condition => outcome`)",
  };
  EXPECT_EQ(p->messages(), expected);
  ASSERT_EQ(p->module->decls.size(), 6u);
  EXPECT_EQ(p->decl<LetDecl>(1).name.text, "broken");
  const auto &broken = expr<BinaryExpr>(p->decl<LetDecl>(1).value);
  EXPECT_EQ(broken.rhs->kind, ExprKind::Error);
  const auto &c1 = p->decl<IndicatorDecl>(2);
  EXPECT_EQ(expr<BinaryExpr>(c1.pass).rhs->kind, ExprKind::Error);
  const auto &tier = p->decl<TableDecl>(3);
  ASSERT_EQ(tier.rows.size(), 2u);
  EXPECT_TRUE(tier.rows[1].otherwise());
  EXPECT_EQ(p->decl<RuleDecl>(4).assignments.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(expr<LiteralExpr>(p->decl<LetDecl>(5).value).value), 42);
}

TEST(SyntaxErrors, ADeclarationThatCannotStartIsSkipped) {
  auto p = parse("let a = 1\nindicator\nlet b = 2\n");
  EXPECT_EQ(p->codes(), std::vector<std::string>{"XR0001"});
  ASSERT_GE(p->module->decls.size(), 2u);
  EXPECT_EQ(p->module->decls.front()->name.text, "a");
  EXPECT_EQ(p->module->decls.back()->name.text, "b");
}

TEST(SyntaxErrors, MissingNamesAreEmptyNotPlaceholders) {
  auto p = parse("indicator { pass when x }\nlet = 3\nrule when a { = 1 }\n");
  ASSERT_FALSE(p->diagnostics.empty());
  for (const DeclPtr &d : p->module->decls)
    EXPECT_EQ(d->name.text.find("missing"), std::string::npos) << d->name.text;
}

/// Every prefix of a realistic file, and the file with each line dropped in turn: the parser
/// returns a module and reports something, and never crashes.
TEST(SyntaxErrors, RobustOnTruncatedAndDamagedInput) {
  const std::string file = R"(ruleset "测试" version 2024
record Enterprise { id: text key  size: enum { a "甲", b }  x: number? unit "t" }
param d: date = 2024-06-30
domain safety "安全" weight 100%
indicator S1 "设备" in safety weight 100% critical {
  basis "《安全生产法》"
  let r = x ?? 0 / 2
  score = if r between 1 and 2 then 100 else 0
  pass when score >= 60 and not (x is missing)
  missing => score 40
}
check c { when x > 1.5 * 2 flag f missing => skip }
checklist all_ for size in [a, b] { all except S1 }
table tier : Tier hit collect sum { S1 passes => 1 otherwise => 0 }
frequency by tier { red: 4, blue: 1 }
rule r when count critical indicator in safety fails > 0 { mode = x.y }
escalate e when tier == red { action notify d + 5 working days }
calendar cn year 2024 { source "s" holiday 2024-10-01 .. 2024-10-07 "国庆" workday 2024-09-29 }
report by size { n "数量" = count target >= 10 }
example ex = Enterprise { id: "1", ... }
test "t" { given ex with { x: 1 } expect S1 passes cases { | x | expect tier | | 1 | red | } }
)";
  for (std::size_t cut = 0; cut <= file.size(); cut += 3) {
    auto p = parse(file.substr(0, cut));
    ASSERT_NE(p->module, nullptr);
  }
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < file.size();) {
    std::size_t end = file.find('\n', start);
    lines.push_back(file.substr(start, end - start + 1));
    start = end + 1;
  }
  for (std::size_t drop = 0; drop < lines.size(); ++drop) {
    std::string damaged;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (i != drop)
        damaged += lines[i];
    auto p = parse(damaged);
    ASSERT_NE(p->module, nullptr);
  }
  auto whole = parse(file);
  EXPECT_TRUE(whole->diagnostics.empty()) << ::testing::PrintToString(whole->messages());
}

} // namespace
} // namespace xr::testing
