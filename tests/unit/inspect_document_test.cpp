#include "compiler/inspect/document.h"

#include <gtest/gtest.h>

namespace xr::inspect {
namespace {

Document sample(const std::string &title, const std::string &cell, const std::string &code) {
  Document d;
  d.title = title;
  d.language = "en";
  d.heading(1, prose(title));
  d.heading(2, prose("Section"));
  d.paragraph({{"see ", false}, {cell, true}});
  d.table({prose("name"), prose("value")}, {{codeSpan(cell), prose(cell)}}, {false, true});
  d.code(code, "xr");
  return d;
}

TEST(InspectDocument, HtmlEscapesEveryText) {
  const std::string html = renderHtml(sample("<script>alert('x')</script> & \"t\"", "a < b & c",
                                             "pass when name == \"<b>\" and x > 1"));
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_NE(html.find("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                      "&quot;t&quot;</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<td><code>a &lt; b &amp; c</code></td>"), std::string::npos);
  EXPECT_NE(html.find("pass when name == &quot;&lt;b&gt;&quot; and x &gt; 1"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(escapeHtml("&<>\"'x"), "&amp;&lt;&gt;&quot;&#39;x");
}

TEST(InspectDocument, HtmlIsOnePageWithContentsAndStyle) {
  Document d = sample("T", "c", "x");
  d.heading(2, prose("Second"));
  d.code("  same\n- old\n+ new", "diff");
  const std::string html = renderHtml(d);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("<nav><ol>\n<li><a href=\"#s1\">Section</a></li>\n"
                      "<li><a href=\"#s2\">Second</a></li>"),
            std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"s2\">Second</h2>"), std::string::npos);
  EXPECT_NE(html.find("  same\n<span class=\"del\">- old</span><span class=\"add\">+ new</span>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td class=\"num\">c</td>"), std::string::npos);
}

TEST(InspectDocument, MarkdownEscapesProseAndTableCells) {
  Document d;
  d.paragraph(prose("#1 *bold* [link] <b>tag</b> a <= b, not_assessed, _x_"));
  d.table({prose("h")}, {{prose("a | b\nc")}, {codeSpan("x | `y`")}});
  d.code("a ``` b", "xr");
  const std::string md = renderMarkdown(d);
  EXPECT_NE(md.find("\\#1 \\*bold\\* \\[link\\] \\<b>tag\\</b> a <= b, not_assessed, \\_x\\_\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| a \\| b<br>c |"), std::string::npos) << md;
  EXPECT_NE(md.find("| `` x \\| `y` `` |"), std::string::npos) << md;
  EXPECT_NE(md.find("````xr\na ``` b\n````\n"), std::string::npos) << md;
}

TEST(InspectDocument, TextAlignsColumnsByDisplayWidth) {
  Document d;
  d.heading(2, prose("指标"));
  d.table({prose("代码"), prose("名称"), prose("权重")},
          {{codeSpan("C1"), prose("资质证照"), prose("5.00%")},
           {codeSpan("DS10"), prose("ab"), prose("15.00%")}},
          {false, false, true});
  EXPECT_EQ(renderText(d), "指标\n"
                           "----\n"
                           "\n"
                           "  代码  名称        权重\n"
                           "  C1    资质证照   5.00%\n"
                           "  DS10  ab        15.00%\n");
}

TEST(InspectDocument, TextIndentsUnderHeadingsAndJoinsCodeToItsParagraph) {
  Document d;
  d.heading(1, prose("Title"));
  d.heading(3, prose("part"));
  d.paragraph(prose("score: "));
  d.code("- a\n+ b", "diff");
  d.list({prose("one"), prose("two")});
  EXPECT_EQ(renderText(d), "Title\n"
                           "=====\n"
                           "\n"
                           "  part\n"
                           "    score:\n"
                           "      - a\n"
                           "      + b\n"
                           "\n"
                           "    - one\n"
                           "    - two\n");
}

} // namespace
} // namespace xr::inspect
