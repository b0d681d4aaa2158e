// The HTML form of a Document: one page, CSS inline, no script, a contents list of the
// second-level headings. Every piece of text goes through escapeHtml.
#include "compiler/inspect/document.h"

#include <algorithm>

namespace xr::inspect {
namespace {

constexpr std::string_view kStyle =
    R"(body{margin:0;background:#fff;color:#1f2328;font:15px/1.6 -apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 32px 64px}
h1{font-size:28px;border-bottom:2px solid #d0d7de;padding-bottom:8px}
h2{font-size:22px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:40px}
h3{font-size:18px;margin-top:28px}
h4{font-size:16px;margin-top:22px}
table{border-collapse:collapse;margin:8px 0 16px}
th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font:13px/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px}
pre{background:#f6f8fa;padding:10px 14px;border-radius:6px;overflow-x:auto}
pre code{padding:0;background:none}
pre .add{color:#116329;background:#dafbe1;display:block}
pre .del{color:#82071e;background:#ffebe9;display:block}
nav{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:8px 20px;margin:16px 0}
nav ol{margin:4px 0;padding-left:20px}
)";

std::string inlineHtml(const Line &line) {
  std::string out;
  for (const Span &span : line) {
    std::string text = escapeHtml(span.text);
    std::string withBreaks;
    for (char c : text)
      withBreaks += c == '\n' ? std::string("<br>") : std::string(1, c);
    out += span.code ? "<code>" + withBreaks + "</code>" : withBreaks;
  }
  return out;
}

std::string codeHtml(const Block &block) {
  if (block.language != "diff")
    return escapeHtml(block.code);
  std::string out;
  std::string_view rest = block.code;
  while (true) {
    const std::size_t cut = rest.find('\n');
    const std::string_view line = rest.substr(0, cut);
    const char mark = line.empty() ? ' ' : line.front();
    const std::string text = escapeHtml(line);
    if (mark == '+')
      out += "<span class=\"add\">" + text + "</span>";
    else if (mark == '-')
      out += "<span class=\"del\">" + text + "</span>";
    else
      out += text + "\n";
    if (cut == std::string_view::npos)
      break;
    rest.remove_prefix(cut + 1);
  }
  if (!out.empty() && out.back() == '\n')
    out.pop_back();
  return out;
}

void renderTable(const Block &block, std::string &out) {
  auto cellClass = [&](std::size_t c) {
    return c < block.rightAligned.size() && block.rightAligned[c] ? " class=\"num\"" : "";
  };
  out += "<table>\n<thead><tr>";
  for (std::size_t c = 0; c < block.header.size(); ++c)
    out += std::string("<th") + cellClass(c) + ">" + inlineHtml(block.header[c]) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<Line> &row : block.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c)
      out += std::string("<td") + cellClass(c) + ">" + inlineHtml(row[c]) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

std::string flat(const Line &line) {
  std::string out;
  for (const Span &span : line)
    out += span.text;
  return out;
}

} // namespace

std::string renderHtml(const Document &document) {
  std::string body;
  std::vector<std::pair<std::string, std::string>> contents; // id, heading html
  for (const Block &block : document.blocks) {
    switch (block.kind) {
    case Block::Kind::Heading: {
      const int level = std::clamp(block.level, 1, 6);
      const std::string tag = "h" + std::to_string(level);
      std::string id;
      if (level == 2) {
        id = "s" + std::to_string(contents.size() + 1);
        contents.emplace_back(id, inlineHtml(block.line));
      }
      body += "<" + tag + (id.empty() ? "" : " id=\"" + id + "\"") + ">" + inlineHtml(block.line) +
              "</" + tag + ">\n";
      if (level == 1)
        body += "<!--contents-->";
      break;
    }
    case Block::Kind::Paragraph:
      body += "<p>" + inlineHtml(block.line) + "</p>\n";
      break;
    case Block::Kind::List:
      body += "<ul>\n";
      for (const Line &item : block.items)
        body += "<li>" + inlineHtml(item) + "</li>\n";
      body += "</ul>\n";
      break;
    case Block::Kind::Table:
      renderTable(block, body);
      break;
    case Block::Kind::Code:
      body += "<pre><code>" + codeHtml(block) + "</code></pre>\n";
      break;
    }
  }
  std::string nav;
  if (contents.size() > 1) {
    nav = "<nav><ol>\n";
    for (const auto &[id, text] : contents)
      nav += "<li><a href=\"#" + id + "\">" + text + "</a></li>\n";
    nav += "</ol></nav>\n";
  }
  const std::string marker = "<!--contents-->";
  if (const std::size_t at = body.find(marker); at != std::string::npos)
    body.replace(at, marker.size(), nav);
  else
    body = nav + body;

  const std::string title = document.title.empty() && !document.blocks.empty()
                                ? flat(document.blocks.front().line)
                                : document.title;
  return "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(document.language) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escapeHtml(title) + "</title>\n<style>\n" + std::string(kStyle) +
         "</style>\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
}

} // namespace xr::inspect
