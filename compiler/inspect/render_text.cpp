// The terminal form of a Document: what `xuncha diff` prints.
#include "compiler/diag/render.h"
#include "compiler/inspect/document.h"

#include <algorithm>

namespace xr::inspect {
namespace {

/// Terminal columns `text` takes (UTF-8; an invalid byte counts one column).
std::size_t columns(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80         ? 1
                       : (byte >> 5) == 6  ? 2
                       : (byte >> 4) == 14 ? 3
                       : (byte >> 3) == 30 ? 4
                                           : 1;
    if (length == 1 || i + static_cast<std::size_t>(length) > text.size()) {
      ++width;
      ++i;
      continue;
    }
    char32_t cp = byte & (0x7F >> length);
    for (int k = 1; k < length; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    width += terminalWidth(cp);
    i += static_cast<std::size_t>(length);
  }
  return width;
}

/// A line's text; line breaks (which cells and headings should not hold) become spaces.
std::string flat(const Line &line) {
  std::string out;
  for (const Span &span : line)
    out += span.text;
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

std::string trimmedRight(std::string text) {
  while (!text.empty() && text.back() == ' ')
    text.pop_back();
  return text;
}

void renderTable(const Block &block, const std::string &indent, std::string &out) {
  std::vector<std::vector<std::string>> cells;
  if (!block.header.empty()) {
    cells.emplace_back();
    for (const Line &cell : block.header)
      cells.back().push_back(flat(cell));
  }
  for (const std::vector<Line> &row : block.rows) {
    cells.emplace_back();
    for (const Line &cell : row)
      cells.back().push_back(flat(cell));
  }
  std::vector<std::size_t> width;
  for (const auto &row : cells)
    for (std::size_t c = 0; c < row.size(); ++c) {
      width.resize(std::max(width.size(), c + 1), 0);
      width[c] = std::max(width[c], columns(row[c]));
    }
  for (const auto &row : cells) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - columns(row[c]), ' ');
      const bool right = c < block.rightAligned.size() && block.rightAligned[c];
      line += right ? pad + row[c] : row[c] + pad;
      if (c + 1 < row.size())
        line += "  ";
    }
    out += trimmedRight(line) + "\n";
  }
}

} // namespace

std::string renderText(const Document &document) {
  std::string out;
  std::string indent;
  // No blank line right after a heading without an underline, nor between a paragraph and
  // the code it introduces.
  bool afterHeading = false, afterParagraph = false;
  for (const Block &block : document.blocks) {
    if (!out.empty() && !afterHeading && !(afterParagraph && block.kind == Block::Kind::Code))
      out += "\n";
    afterHeading = block.kind == Block::Kind::Heading && block.level > 2;
    afterParagraph = block.kind == Block::Kind::Paragraph;
    switch (block.kind) {
    case Block::Kind::Heading: {
      const std::string text = flat(block.line);
      const std::string own(static_cast<std::size_t>(std::max(0, block.level - 2) * 2), ' ');
      out += own + text + "\n";
      if (block.level <= 2)
        out += std::string(columns(text), block.level == 1 ? '=' : '-') + "\n";
      indent = std::string(static_cast<std::size_t>(std::max(0, block.level - 1) * 2), ' ');
      break;
    }
    case Block::Kind::Paragraph:
      out += trimmedRight(indent + flat(block.line)) + "\n";
      break;
    case Block::Kind::List:
      for (const Line &item : block.items)
        out += indent + "- " + flat(item) + "\n";
      break;
    case Block::Kind::Table:
      renderTable(block, indent, out);
      break;
    case Block::Kind::Code: {
      std::string_view rest = block.code;
      while (true) {
        const std::size_t cut = rest.find('\n');
        out += trimmedRight(indent + "  " + std::string(rest.substr(0, cut))) + "\n";
        if (cut == std::string_view::npos)
          break;
        rest.remove_prefix(cut + 1);
      }
      break;
    }
    }
  }
  return out;
}

} // namespace xr::inspect
