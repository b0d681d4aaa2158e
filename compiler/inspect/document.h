#pragma once
// A small document model that `doc` and `diff` build once and render three ways: for a
// terminal (aligned plain text), as Markdown and as one self-contained HTML page. Builders say
// what is a heading, a table or a piece of code; each renderer owns escaping and layout for
// its format, so no builder ever writes markup.
#include <string>
#include <string_view>
#include <vector>

namespace xr::inspect {

/// A run of text, shown as code (monospace, never re-flowed) or as prose.
struct Span {
  std::string text;
  bool code = false;
};
using Line = std::vector<Span>;

Line prose(std::string text);
Line codeSpan(std::string text);

struct Block {
  enum class Kind { Heading, Paragraph, List, Table, Code };
  Kind kind = Kind::Paragraph;
  int level = 0;                       // Heading: 1 (the title) to 4
  Line line;                           // Heading, Paragraph
  std::vector<Line> items;             // List
  std::vector<Line> header;            // Table: one cell per column
  std::vector<std::vector<Line>> rows; // Table: a line break in a prose cell is a break in
                                       // Markdown and HTML, a space on a terminal
  std::vector<bool> rightAligned;      // Table: per column (numbers)
  std::string code;                    // Code: lines separated by '\n'
  std::string language;                // Code: "xr", or "diff" (lines start with '+', '-', ' ')
};

struct Document {
  std::string title;    // the HTML page title
  std::string language; // the HTML `lang` attribute: "zh-CN" or "en"
  std::vector<Block> blocks;

  void heading(int level, Line line);
  void paragraph(Line line);
  void list(std::vector<Line> items);
  /// A table; `rightAligned` may be shorter than the header (the rest are left aligned).
  void table(std::vector<Line> header, std::vector<std::vector<Line>> rows,
             std::vector<bool> rightAligned = {});
  void code(std::string text, std::string language);
  void append(const Document &other); // its blocks, headings shifted by nothing
};

/// For a terminal: headings underlined, content indented under them, table columns aligned by
/// display width (CJK characters take two columns).
std::string renderText(const Document &document);
/// GitHub-flavoured Markdown.
std::string renderMarkdown(const Document &document);
/// One HTML page with its CSS inline and no script; every text escaped.
std::string renderHtml(const Document &document);

/// `text` with & < > " ' replaced by entities.
std::string escapeHtml(std::string_view text);

} // namespace xr::inspect
