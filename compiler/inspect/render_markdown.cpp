// The Markdown form of a Document (GitHub-flavoured: pipe tables, fenced code).
#include "compiler/inspect/document.h"

#include <algorithm>

namespace xr::inspect {
namespace {

bool wordByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// Characters that would start markup in running text. An `_` inside a word (not_assessed)
/// starts nothing in GitHub-flavoured Markdown and stays as it is; `#` and `>` matter only
/// first, `<` only before what could be a tag.
std::string escapeProse(std::string_view text, bool inTable) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
    case '_':
      if (i > 0 && i + 1 < text.size() && wordByte(text[i - 1]) && wordByte(text[i + 1]))
        out += c;
      else
        out += "\\_";
      break;
    case '#':
    case '>':
      out += i == 0 ? "\\" + std::string(1, c) : std::string(1, c);
      break;
    case '<': {
      // Only what could open a tag or an autolink: `<=` stays as it is.
      const char next = i + 1 < text.size() ? text[i + 1] : ' ';
      const bool tag = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                       next == '/' || next == '!' || next == '?';
      out += tag ? "\\<" : "<";
      break;
    }
    case '\\':
    case '`':
    case '*':
    case '[':
    case ']':
      out += '\\';
      out += c;
      break;
    case '|':
      out += inTable ? "\\|" : "|";
      break;
    case '\n':
      out += inTable ? "<br>" : "\n";
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// The longest run of backticks in `text`.
std::size_t longestTickRun(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::string codeSpanText(std::string_view text, bool inTable) {
  std::string body;
  for (char c : text) {
    if (c == '\n')
      body += ' ';
    else if (c == '|' && inTable)
      body += "\\|";
    else
      body += c;
  }
  const std::string ticks(longestTickRun(body) + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return ticks + (pad ? " " : "") + body + (pad ? " " : "") + ticks;
}

std::string inlineText(const Line &line, bool inTable) {
  std::string out;
  for (const Span &span : line)
    out += span.code ? codeSpanText(span.text, inTable) : escapeProse(span.text, inTable);
  return out;
}

void renderTable(const Block &block, std::string &out) {
  auto row = [&](const std::vector<Line> &cells) {
    out += "|";
    for (const Line &cell : cells)
      out += " " + inlineText(cell, true) + " |";
    out += "\n";
  };
  row(block.header);
  out += "|";
  for (std::size_t c = 0; c < block.header.size(); ++c)
    out += c < block.rightAligned.size() && block.rightAligned[c] ? "---:|" : "---|";
  out += "\n";
  for (const std::vector<Line> &cells : block.rows)
    row(cells);
}

} // namespace

std::string renderMarkdown(const Document &document) {
  std::string out;
  for (const Block &block : document.blocks) {
    if (!out.empty())
      out += "\n";
    switch (block.kind) {
    case Block::Kind::Heading:
      out += std::string(static_cast<std::size_t>(std::clamp(block.level, 1, 6)), '#') + " " +
             inlineText(block.line, false) + "\n";
      break;
    case Block::Kind::Paragraph: {
      std::string text = inlineText(block.line, false);
      while (!text.empty() && text.back() == ' ')
        text.pop_back();
      out += text + "\n";
      break;
    }
    case Block::Kind::List:
      for (const Line &item : block.items)
        out += "- " + inlineText(item, false) + "\n";
      break;
    case Block::Kind::Table:
      renderTable(block, out);
      break;
    case Block::Kind::Code: {
      const std::string fence(std::max<std::size_t>(3, longestTickRun(block.code) + 1), '`');
      out += fence + block.language + "\n" + block.code + "\n" + fence + "\n";
      break;
    }
    }
  }
  return out;
}

} // namespace xr::inspect
