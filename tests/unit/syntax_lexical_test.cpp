// Lexer-level diagnostics: unterminated strings and comments, bad characters (with the
// full-width punctuation of Chinese input methods), bad escapes, invalid UTF-8.
#include "syntax_testing.h"

namespace xr::testing {
namespace {

using namespace ast;

TEST(SyntaxLexical, UnterminatedStringGetsAFixAndNoCascade) {
  auto p = parse("domain 合规 \"合规经营 weight 20%\ndomain b weight 80%\n");
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 1u) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(d[0].code, DiagCode::UnterminatedString);
  EXPECT_EQ(p->at(d[0].range), "1:11");
  EXPECT_EQ(p->text(d[0].range), "\"合规经营 weight 20%");
  EXPECT_EQ(d[0].message,
            "unterminated string: a string must end with '\"' on the line where it starts");
  ASSERT_EQ(d[0].fixes.size(), 1u);
  const TextEdit &edit = d[0].fixes[0].edits[0];
  EXPECT_EQ(edit.newText, "\"");
  EXPECT_EQ(edit.range.begin, edit.range.end);
  EXPECT_EQ(p->at(edit.range), "1:27"); // the end of the line
  ASSERT_EQ(p->module->decls.size(), 2u);
  EXPECT_EQ(p->decl<DomainDecl>(0).title->value, "合规经营 weight 20%");
  EXPECT_EQ(p->decl<DomainDecl>(1).name.text, "b");
}

TEST(SyntaxLexical, FullWidthColonIsReportedWithAFixAndParsedAsColon) {
  auto p = parse("record 企业 {\n  名称：text\n}\n");
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 1u) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(d[0].code, DiagCode::BadCharacter);
  EXPECT_EQ(d[0].message, "full-width '：' (U+FF1A) is not allowed here; did you mean ':'?");
  EXPECT_EQ(p->at(d[0].range), "2:5");
  EXPECT_EQ(p->text(d[0].range), "：");
  ASSERT_EQ(d[0].fixes.size(), 1u);
  EXPECT_EQ(d[0].fixes[0].message, "replace '：' with ':'");
  EXPECT_EQ(d[0].fixes[0].edits[0].newText, ":");
  EXPECT_EQ(p->text(d[0].fixes[0].edits[0].range), "：");
  const auto &record = p->decl<RecordDecl>(0);
  ASSERT_EQ(record.fields.size(), 1u);
  EXPECT_EQ(record.fields[0].type.name.text, "text");
}

TEST(SyntaxLexical, FullWidthPunctuationMapsToWhatWasMeant) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"，", ","}, {"（", "("}, {"）", ")"}, {"｛", "{"}, {"｝", "}"}, {"【", "["},
      {"】", "]"}, {"＝", "="}, {"％", "%"}, {"＞", ">"}, {"＜", "<"}, {"、", ","},
  };
  for (const auto &[wide, ascii] : cases) {
    auto p = parse("let x = a " + wide + "\n");
    bool found = false;
    for (const Diagnostic &d : p->diagnostics.items()) {
      if (d.code != DiagCode::BadCharacter)
        continue;
      found = true;
      EXPECT_NE(d.message.find("did you mean '" + ascii + "'?"), std::string::npos) << d.message;
      ASSERT_EQ(d.fixes.size(), 1u);
      EXPECT_EQ(d.fixes[0].edits[0].newText, ascii);
    }
    EXPECT_TRUE(found) << wide;
  }
}

TEST(SyntaxLexical, FullWidthExpressionParsesAfterReporting) {
  // ＝＞ becomes `=>`, （） become parentheses, ％ a percent, ，a comma.
  auto p = parse("table t { max（a，b） ＞ 40％ ＝＞ red }\n");
  EXPECT_EQ(p->codes(), std::vector<std::string>(7, "XR0003"))
      << ::testing::PrintToString(p->messages());
  const auto &t = p->decl<TableDecl>(0);
  ASSERT_EQ(t.rows.size(), 1u);
  const auto &cmp = expr<BinaryExpr>(t.rows[0].condition);
  EXPECT_EQ(cmp.op, BinaryOp::Gt);
  EXPECT_EQ(expr<CallExpr>(cmp.lhs).args.size(), 2u);
  EXPECT_EQ(std::get<Percent>(expr<LiteralExpr>(cmp.rhs).value).value, 0.4);
  EXPECT_EQ(expr<NameExpr>(t.rows[0].outcome).name.text, "red");
}

TEST(SyntaxLexical, FullWidthSemicolonIsRemoved) {
  auto p = parse("let x = 1；\nlet y = 2;\n");
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 2u) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(d[0].message,
            "full-width '；' (U+FF1B) is not allowed here; remove it: no separator is needed");
  EXPECT_EQ(d[0].fixes[0].edits[0].newText, "");
  EXPECT_EQ(p->at(d[1].range), "2:10");
  EXPECT_EQ(d[1].message,
            "character ';' is not allowed here: declarations and items need no separator");
  EXPECT_EQ(p->module->decls.size(), 2u);
}

TEST(SyntaxLexical, ChineseQuotesAroundTextBecomeAString) {
  auto p = parse("domain a “合规经营” weight 20%\n");
  EXPECT_EQ(p->codes(), (std::vector<std::string>{"XR0003", "XR0003"}));
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  EXPECT_EQ(d[0].message, "full-width '“' (U+201C) is not allowed here; did you mean '\"'?");
  EXPECT_EQ(p->at(d[1].range), "1:15");
  const auto &domain = p->decl<DomainDecl>(0);
  ASSERT_TRUE(domain.title);
  EXPECT_EQ(domain.title->value, "合规经营");
  EXPECT_EQ(domain.weight->micro, 20'000'000);
}

TEST(SyntaxLexical, OtherBadCharacters) {
  auto p = parse("let x = a @@@ b\nlet y = c # d\nlet z = 1\u200B\n");
  std::vector<std::string> expected = {
      "XR0003 1:11 characters '@@@' are not allowed here",
      "XR0001 1:15 unexpected 'b': expected a declaration",
      "XR0003 2:11 character '#' (U+0023) is not allowed here; comments start with //",
      "XR0001 2:13 unexpected 'd': expected a declaration",
      "XR0003 3:10 invisible character U+200B is not allowed here",
  };
  EXPECT_EQ(p->messages(), expected);
}

TEST(SyntaxLexical, UnterminatedBlockComment) {
  auto p = parse("let x = 1\n/* 注释\nlet y = 2\n");
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 1u) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(d[0].code, DiagCode::UnterminatedComment);
  EXPECT_EQ(p->at(d[0].range), "2:1");
  EXPECT_EQ(p->text(d[0].range), "/*");
  ASSERT_EQ(d[0].fixes.size(), 1u);
  EXPECT_EQ(d[0].fixes[0].edits[0].newText, "*/");
  EXPECT_EQ(d[0].fixes[0].edits[0].range.begin, p->file().text().size());
  EXPECT_EQ(p->module->decls.size(), 1u);
  ASSERT_EQ(p->module->comments.size(), 1u);
  EXPECT_EQ(p->module->comments[0].text, "/* 注释\nlet y = 2\n");
}

TEST(SyntaxLexical, BadEscapes) {
  auto p = parse(R"(let a = "中\q文"
let b = "\u{110000}"
let c = "\u4E2D"
let d = "\u{D800}"
let e = "ok\u{1F600}"
)");
  std::vector<std::string> expected = {
      "XR0006 1:11 invalid escape '\\q' in string: write \\\\ for a backslash; valid escapes "
      "are \\\", \\\\, \\n, \\t, \\r and \\u{XXXX}",
      "XR0006 2:10 invalid escape '\\u{110000}' in string: not a Unicode scalar value",
      "XR0006 3:10 invalid escape '\\u' in string: write \\u{4E2D} with the code point in "
      "hexadecimal between braces",
      "XR0006 4:10 invalid escape '\\u{D800}' in string: not a Unicode scalar value",
  };
  EXPECT_EQ(p->messages(), expected);
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  EXPECT_EQ(p->text(d[0].range), "\\q");
  EXPECT_EQ(p->text(d[1].range), "\\u{110000}");
  EXPECT_EQ(std::get<std::string>(expr<LiteralExpr>(p->decl<LetDecl>(4).value).value),
            "ok\xF0\x9F\x98\x80");
  EXPECT_EQ(p->module->decls.size(), 5u);
}

TEST(SyntaxLexical, InvalidUtf8IsReportedAndTheRestStillParsed) {
  std::string text = "let a = 1\nlet b = \"x\xFF\xFEy\"\nlet c = \n";
  auto p = parse(text);
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 2u) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(d[0].code, DiagCode::InvalidUtf8);
  EXPECT_EQ(d[0].range.begin, 20u);
  EXPECT_EQ(d[0].range.end, 22u);
  EXPECT_EQ(d[0].message,
            "2 bytes of invalid UTF-8 (first 0xFF) at byte offset 20; save the file as UTF-8");
  EXPECT_EQ(d[1].code, DiagCode::SyntaxError); // the error after it is still found
  EXPECT_EQ(p->at(d[1].range), "4:1");
  ASSERT_EQ(p->module->decls.size(), 3u);
  EXPECT_EQ(std::get<std::string>(expr<LiteralExpr>(p->decl<LetDecl>(1).value).value),
            "x\uFFFD\uFFFDy");
}

TEST(SyntaxLexical, InvalidUtf8OutsideStringsIsNotAlsoABadCharacter) {
  auto p = parse("let a\xC0 = 1\n");
  EXPECT_EQ(p->codes(), std::vector<std::string>{"XR0009"});
  EXPECT_EQ(p->messages()[0],
            "XR0009 1:6 invalid UTF-8 byte 0xC0 at byte offset 5; save the file as UTF-8");
  EXPECT_EQ(p->module->decls.size(), 1u);
}

TEST(SyntaxLexical, ABinaryFileGetsAFewInvalidUtf8Reports) {
  std::string text;
  for (int i = 0; i < 100; ++i)
    text += "\xFF ";
  auto p = parse(text);
  std::vector<Diagnostic> d = p->diagnostics.sorted();
  ASSERT_EQ(d.size(), 20u);
  ASSERT_EQ(d.back().notes.size(), 1u);
  EXPECT_EQ(d.back().notes[0].message, "80 more stretches of invalid UTF-8 follow, the last one "
                                       "here");
  EXPECT_EQ(d.back().notes[0].range.begin, 198u);
}

TEST(SyntaxLexical, ByteOrderMarkAndIdeographicSpaceAreWhitespace) {
  auto p = parse("\xEF\xBB\xBFlet\u3000x = 1\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(p->decl<LetDecl>(0).name.text, "x");
}

} // namespace
} // namespace xr::testing
