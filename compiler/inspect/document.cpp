#include "compiler/inspect/document.h"

namespace xr::inspect {

Line prose(std::string text) { return {Span{std::move(text), false}}; }
Line codeSpan(std::string text) { return {Span{std::move(text), true}}; }

void Document::heading(int level, Line line) {
  Block block;
  block.kind = Block::Kind::Heading;
  block.level = level;
  block.line = std::move(line);
  blocks.push_back(std::move(block));
}

void Document::paragraph(Line line) {
  Block block;
  block.kind = Block::Kind::Paragraph;
  block.line = std::move(line);
  blocks.push_back(std::move(block));
}

void Document::list(std::vector<Line> items) {
  Block block;
  block.kind = Block::Kind::List;
  block.items = std::move(items);
  blocks.push_back(std::move(block));
}

void Document::table(std::vector<Line> header, std::vector<std::vector<Line>> rows,
                     std::vector<bool> rightAligned) {
  Block block;
  block.kind = Block::Kind::Table;
  rightAligned.resize(header.size(), false);
  block.header = std::move(header);
  block.rows = std::move(rows);
  block.rightAligned = std::move(rightAligned);
  blocks.push_back(std::move(block));
}

void Document::code(std::string text, std::string language) {
  Block block;
  block.kind = Block::Kind::Code;
  block.code = std::move(text);
  block.language = std::move(language);
  blocks.push_back(std::move(block));
}

void Document::append(const Document &other) {
  blocks.insert(blocks.end(), other.blocks.begin(), other.blocks.end());
}

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace xr::inspect
