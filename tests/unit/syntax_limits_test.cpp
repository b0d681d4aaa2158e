// Limits (XR0007): oversized files, identifiers, strings, declaration counts, and nesting
// deep enough to overflow a recursive-descent parser. None may crash or hang.
#include "syntax_testing.h"

namespace xr::testing {
namespace {

using namespace ast;

std::string repeat(const std::string &text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i)
    out += text;
  return out;
}

TEST(SyntaxLimits, OversizedFileIsNotParsed) {
  Limits limits;
  limits.maxFileBytes = 30;
  auto p = parse("let a = 1\nlet b = 2\nlet c = 3 +\n", limits);
  EXPECT_EQ(p->messages(), std::vector<std::string>{
                               "XR0007 1:1 file of 32 bytes is too large: the limit is 30 bytes"});
  EXPECT_TRUE(p->module->decls.empty());
  EXPECT_EQ(p->module->file, p->id);
}

TEST(SyntaxLimits, LongIdentifier) {
  std::string name = repeat("标", 100); // 300 bytes
  auto p = parse("let " + name + " = 1\n");
  EXPECT_EQ(p->messages(),
            std::vector<std::string>{
                "XR0007 1:5 identifier of 300 bytes is too long: the limit is 256 bytes"});
  EXPECT_EQ(p->decl<LetDecl>(0).name.text, name);
}

TEST(SyntaxLimits, LongString) {
  Limits limits;
  limits.maxStringBytes = 10;
  auto p = parse("let a = \"0123456789\"\nlet b = \"0123456789abc\"\n", limits);
  EXPECT_EQ(p->messages(), std::vector<std::string>{
                               "XR0007 2:9 string of 13 bytes is too long: the limit is 10 bytes"});
}

TEST(SyntaxLimits, TooManyDeclarations) {
  Limits limits;
  limits.maxDeclarations = 3;
  auto p = parse("let a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\n", limits);
  EXPECT_EQ(p->messages(),
            std::vector<std::string>{
                "XR0007 4:1 more than 3 declarations in one file; split it with `import`"});
  EXPECT_EQ(p->module->decls.size(), 3u);
}

/// A declaration nested `n` deep by `open`/`close`, after one that is fine.
std::unique_ptr<Parsed> deep(const std::string &prefix, const std::string &open,
                             const std::string &middle, const std::string &close, std::size_t n) {
  return parse("let ok = 1\nlet deep = " + prefix + repeat(open, n) + middle + repeat(close, n) +
               "\nlet after = 2\n");
}

void expectNestingLimit(const Parsed &p, const std::string &where) {
  EXPECT_EQ(p.messages(),
            std::vector<std::string>{"XR0007 " + where +
                                     " nesting deeper than 200 levels; split the expression "
                                     "with `let` or simplify it"});
  ASSERT_EQ(p.module->decls.size(), 1u);
  EXPECT_EQ(p.module->decls[0]->name.text, "ok");
}

TEST(SyntaxLimits, HundredThousandParentheses) {
  auto p = deep("", "(", "a", ")", 100'000);
  expectNestingLimit(*p, "2:212"); // the 201st '('
}

TEST(SyntaxLimits, HundredThousandBracketsAndBraces) {
  expectNestingLimit(*deep("x in ", "[", "a", "]", 100'000), "2:217");
  auto braces = parse("let ok = 1\nindicator I " + repeat("{", 100'000) + "\n");
  EXPECT_EQ(braces->codes(), std::vector<std::string>{"XR0007"});
  EXPECT_EQ(braces->module->decls.size(), 1u);
}

TEST(SyntaxLimits, HundredThousandPrefixOperators) {
  expectNestingLimit(*deep("", "not ", "a", "", 100'000), "2:812");
  expectNestingLimit(*deep("", "-", "a", "", 100'000), "2:212");
  expectNestingLimit(*deep("", "- ", "a", "", 100'000), "2:412");
  expectNestingLimit(*deep("", "if ", "a", "", 100'000), "2:612");
  expectNestingLimit(*deep("", "if c then 1 else ", "0", "", 100'000), "2:3412");
  expectNestingLimit(*deep("", "a ?? ", "a", "", 100'000), "2:1014");
}

TEST(SyntaxLimits, HundredThousandOverrides) {
  auto p = parse("let ok = 1\n" + repeat("override ", 100'000) + "let x = 1\n");
  EXPECT_EQ(p->codes(), std::vector<std::string>{"XR0007"});
  EXPECT_EQ(p->module->decls.size(), 1u);
}

TEST(SyntaxLimits, LongOperatorChainsAreBoundedInTheAst) {
  for (std::string op : {" + ", " * ", " and ", " or ", " == ", " < "}) {
    auto p = deep("a", op + "a", "", "", op == " + " ? 100'000 : 20'000);
    EXPECT_EQ(p->codes(), std::vector<std::string>{"XR0007"}) << op;
    ASSERT_EQ(p->module->decls.size(), 3u) << op;
    EXPECT_EQ(p->decl<LetDecl>(1).value->kind, ExprKind::Error) << op;
    EXPECT_EQ(p->decl<LetDecl>(2).name.text, "after");
  }
  auto members = deep("a", ".b", "", "", 20'000);
  EXPECT_EQ(members->codes(), std::vector<std::string>{"XR0007"});
  EXPECT_EQ(members->decl<LetDecl>(1).value->kind, ExprKind::Error);
  auto statuses = deep("a is missing", " is missing", "", "", 20'000);
  EXPECT_EQ(statuses->codes(), std::vector<std::string>{"XR0007"});
}

TEST(SyntaxLimits, ChainMessageNamesTheLimit) {
  auto p = parse("let x = a" + repeat(" + a", 300) + "\n");
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "expression nested more than 200 levels deep; split it with `let`");
  EXPECT_EQ(p->text(d[0].range), "+");
  EXPECT_EQ(p->at(d[0].range), "1:" + std::to_string(9 + 200 * 4 + 2)); // the 201st '+'
}

TEST(SyntaxLimits, NestingWithinTheLimitIsFine) {
  auto p = deep("", "(", "a", ")", 199);
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(p->module->decls.size(), 3u);
  auto chain = parse("let x = a" + repeat(" + a", 150) + "\n");
  EXPECT_TRUE(chain->diagnostics.empty());
  auto flat = parse("table t {\n" + repeat("not a => 1\n", 1000) + "}\n");
  EXPECT_TRUE(flat->diagnostics.empty()) << ::testing::PrintToString(flat->messages());
  auto subtractions = parse("let x = a" + repeat(" - a", 150) + " - -1\n");
  EXPECT_TRUE(subtractions->diagnostics.empty());
}

TEST(SyntaxLimits, ConfiguredLimit) {
  Limits limits;
  limits.maxNestingDepth = 10;
  auto ok = parse("let x = " + repeat("(", 10) + "a" + repeat(")", 10) + "\n", limits);
  EXPECT_TRUE(ok->diagnostics.empty());
  auto tooDeep = parse("let x = " + repeat("(", 11) + "a" + repeat(")", 11) + "\n", limits);
  EXPECT_EQ(tooDeep->codes(), std::vector<std::string>{"XR0007"});
}

TEST(SyntaxLimits, HardCeilingProtectsTheStackWhateverTheConfiguration) {
  Limits limits;
  limits.maxNestingDepth = 1'000'000;
  auto p = parse("let x = " + repeat("(", 100'000) + "a" + repeat(")", 100'000) + "\n", limits);
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message,
            "nesting deeper than 1000 levels; split the expression with `let` or simplify it");
  auto atCeiling =
      parse("let x = " + repeat("(", 1000) + repeat("not ", 999) + "a" + repeat(")", 1000), limits);
  EXPECT_EQ(atCeiling->codes(), std::vector<std::string>{"XR0007"});
}

} // namespace
} // namespace xr::testing
