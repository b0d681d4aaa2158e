// Comments under `xuncha fmt`: every comment is kept, with its text, in its place; trailing
// comments stay on their line, own-line comments take the indentation of what follows.
#include "compiler/format/format.h"
#include "compiler/format/line_builder.h"
#include "compiler/syntax/concrete_syntax.h"
#include "tests/unit/format_testing.h"

#include <gtest/gtest.h>

namespace xr::format {
namespace {

using testing::formatted;
using testing::stable;

std::vector<std::string> commentTexts(const std::string &text) {
  SourceFile file(0, "comments.xr", text);
  Diagnostics diagnostics;
  std::optional<syntax::ConcreteSyntax> syntax = syntax::parseConcrete(file, diagnostics);
  std::vector<std::string> out;
  if (syntax)
    for (const ast::Comment &c : syntax->comments)
      out.push_back(c.text);
  return out;
}

TEST(FormatComments, TrailingCommentsStayOnTheirLineAndAlignWithTheirNeighbours) {
  EXPECT_EQ(stable("let a = 1      // one\nlet bbb = 2 // two\n\nlet c = 3 // three\n"),
            "let a = 1    // one\nlet bbb = 2  // two\n\nlet c = 3  // three\n");
  EXPECT_EQ(stable("rule r when x { // opens\nf = 1 /* after */\n} // closes\n"),
            "rule r when x {  // opens\n  f = 1  /* after */\n}  // closes\n");
}

TEST(FormatComments, OwnLineCommentsTakeTheIndentationOfWhatFollows) {
  EXPECT_EQ(stable("    // file\nrule r when x {\n        // first\nf = 1\n\n\n// last\n}\n"
                   "// end\n"),
            "// file\nrule r when x {\n  // first\n  f = 1\n\n  // last\n}\n// end\n");
  // Inside an expression: the indentation of the continuation line.
  EXPECT_EQ(stable("let x = a\n      // why b\n        + b\n"),
            "let x = a\n        // why b\n        + b\n");
}

TEST(FormatComments, BlankLinesAroundCommentsCollapseToOne) {
  EXPECT_EQ(stable("let a = 1\n\n\n\n// section\n\n\n\nlet b = 2\n"),
            "let a = 1\n\n// section\n\nlet b = 2\n");
  // A declaration over several lines gets its blank line before its leading comment.
  EXPECT_EQ(stable("let a = 1\n// about r\nrule r when x {\nf = 1\ng = 2\n}\n"),
            "let a = 1\n\n// about r\nrule r when x {\n  f = 1\n  g = 2\n}\n");
}

TEST(FormatComments, BlockCommentsStayWhereTheyAre) {
  EXPECT_EQ(stable("let x = a /* why */ + b\n"), "let x = a /* why */ + b\n");
  EXPECT_EQ(stable("let x = f(/* none */)\n"), "let x = f( /* none */ )\n");
  // A block comment over several lines keeps its lines as written.
  EXPECT_EQ(stable("let a = 1\n    /* one\n         two\n   three */\nlet b = 2\n"),
            "let a = 1\n/* one\n         two\n   three */\nlet b = 2\n");
}

TEST(FormatComments, ALineCommentInsideAnExpressionEndsTheLine) {
  EXPECT_EQ(stable("let x = a + // first part\nb\n"), "let x = a +  // first part\n  b\n");
  EXPECT_EQ(stable("let x = f(a, // one\n b)\n"), "let x = f(a,  // one\n  b)\n");
}

TEST(FormatComments, ACommentInsideABodyKeepsItOverSeveralLines) {
  EXPECT_EQ(stable("override indicator Q1 { weight 25% /* was 20% */ }\n"),
            "override indicator Q1 {\n  weight 25%  /* was 20% */\n}\n");
  EXPECT_EQ(stable("record R { // nothing yet\n}\n"), "record R {  // nothing yet\n}\n");
}

TEST(FormatComments, CommentsInAListBrokenOverLines) {
  EXPECT_EQ(stable("example e = R {\n// identity\nid: \"a\", // key\nx: 1\n}\n"),
            "example e = R {\n  // identity\n  id: \"a\",  // key\n  x: 1\n}\n");
}

TEST(FormatComments, EveryCommentIsKeptWithItsText) {
  const std::string text = "/* head */ ruleset \"t\" version 1 // v\n"
                           "record R { id: text key /* k */ // kk\n"
                           "  // between\n"
                           "  x: int\n"
                           "} /* after */\n"
                           "let y = /* a */ 1 + /* b\n c */ 2 // end\n"
                           "// tail one\n"
                           "/* tail two */\n";
  std::string once = stable(text);
  EXPECT_EQ(commentTexts(once), commentTexts(text));
  EXPECT_EQ(commentTexts(text).size(), 11u);
}

TEST(FormatComments, OnlyTrailingBlanksOfLineCommentsAreDropped) {
  EXPECT_EQ(stable("let a = 1 //   keep  inner   spaces   \t\n"),
            "let a = 1  //   keep  inner   spaces\n");
  EXPECT_EQ(commentLines("/* a  \r\n b */"), (std::vector<std::string>{"/* a  ", " b */"}));
}

TEST(FormatComments, AFileOfCommentsOnly) {
  EXPECT_EQ(stable("\n\n   // only\n\n\n/* comments */   \n"), "// only\n\n/* comments */\n");
}

} // namespace
} // namespace xr::format
