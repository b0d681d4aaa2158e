#include "compiler/format/render.h"

#include "compiler/format/display_width.h"

#include <algorithm>
#include <optional>

namespace xr::format {

namespace {

/// Trailing comments start this far after the longest code of their column.
constexpr std::size_t kCommentGap = 2;

std::string joinCells(const Line &line) {
  std::string out;
  for (const std::string &cell : line.cells) {
    if (cell.empty())
      continue;
    if (!out.empty())
      out += ' ';
    out += cell;
  }
  return out;
}

class Renderer {
public:
  explicit Renderer(LaidOutFile file) : file_(std::move(file)) {}

  std::string run() {
    separateDeclarations();
    code_.resize(file_.lines.size());
    group_.assign(file_.lines.size(), std::nullopt);
    for (std::size_t i = 0; i < file_.lines.size(); ++i)
      code_[i] = joinCells(file_.lines[i]);
    alignItems();
    alignComments();
    return text();
  }

private:
  std::vector<Line> &lines() { return file_.lines; }

  /// One blank line before and after every declaration that spans lines.
  void separateDeclarations() {
    const std::vector<DeclarationLines> &d = file_.declarations;
    auto multiLine = [](const DeclarationLines &x) { return x.lastCode > x.firstCode; };
    for (std::size_t k = 1; k < d.size(); ++k)
      if (multiLine(d[k - 1]) || multiLine(d[k]))
        lines()[d[k].boundary].blankBefore = true;
  }

  void alignItems() {
    std::vector<std::size_t> group;
    AlignKind kind = AlignKind::None;
    std::uint32_t scope = 0;
    auto flush = [&] {
      if (!group.empty())
        alignGroup(group);
      group.clear();
    };
    for (std::size_t i = 0; i < lines().size(); ++i) {
      const Line &line = lines()[i];
      bool keepsAcrossBlank = kind == AlignKind::CasesRow;
      if (line.commentOnly) {
        if (line.blankBefore && !keepsAcrossBlank)
          flush();
        continue;
      }
      if (line.align == AlignKind::None) {
        flush();
        continue;
      }
      bool joins = !group.empty() && line.align == kind && line.alignScope == scope &&
                   (!line.blankBefore || keepsAcrossBlank);
      if (!joins) {
        flush();
        kind = line.align;
        scope = line.alignScope;
      }
      group.push_back(i);
    }
    flush();
  }

  void alignGroup(const std::vector<std::size_t> &group) {
    std::vector<std::size_t> widths;
    for (std::size_t i : group) {
      const std::vector<std::string> &cells = lines()[i].cells;
      if (widths.size() < cells.size())
        widths.resize(cells.size(), 0);
      for (std::size_t k = 0; k + 1 < cells.size(); ++k)
        widths[k] = std::max(widths[k], displayWidth(cells[k]));
    }
    for (std::size_t i : group) {
      const std::vector<std::string> &cells = lines()[i].cells;
      std::string out;
      for (std::size_t k = 0; k < cells.size(); ++k) {
        if (k + 1 == cells.size()) {
          out += cells[k];
        } else if (widths[k] > 0) {
          out += cells[k];
          out.append(widths[k] - displayWidth(cells[k]) + 1, ' ');
        }
      }
      code_[i] = out;
      group_[i] = groups_;
    }
    ++groups_;
  }

  std::size_t codeWidth(std::size_t i) {
    const Line &line = lines()[i];
    return (line.raw ? 0 : line.indent) + displayWidth(code_[i]);
  }

  /// Trailing comments of one aligned group, or of consecutive lines at one indentation
  /// outside groups, share a column.
  void alignComments() {
    std::vector<std::size_t> groupColumn(groups_, 0);
    for (std::size_t i = 0; i < lines().size(); ++i)
      if (group_[i] && !lines()[i].trailingComment.empty())
        groupColumn[*group_[i]] = std::max(groupColumn[*group_[i]], codeWidth(i) + kCommentGap);
    commentColumn_.assign(lines().size(), 0);
    for (std::size_t i = 0; i < lines().size();) {
      if (lines()[i].trailingComment.empty()) {
        ++i;
        continue;
      }
      if (group_[i]) {
        commentColumn_[i] = groupColumn[*group_[i]];
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < lines().size() && !group_[end] && !lines()[end].trailingComment.empty() &&
             !lines()[end].blankBefore && !lines()[end].raw &&
             lines()[end].indent == lines()[i].indent)
        ++end;
      std::size_t column = 0;
      for (std::size_t k = i; k < end; ++k)
        column = std::max(column, codeWidth(k) + kCommentGap);
      for (std::size_t k = i; k < end; ++k)
        commentColumn_[k] = column;
      i = end;
    }
  }

  std::string text() {
    std::string out;
    for (std::size_t i = 0; i < lines().size(); ++i) {
      const Line &line = lines()[i];
      if (i > 0 && line.blankBefore)
        out += '\n';
      if (!line.raw)
        out.append(line.indent, ' ');
      out += code_[i];
      if (!line.trailingComment.empty()) {
        std::size_t width = codeWidth(i);
        out.append(commentColumn_[i] > width ? commentColumn_[i] - width : 1, ' ');
        out += line.trailingComment;
      }
      out += '\n';
    }
    return out;
  }

  LaidOutFile file_;
  std::vector<std::string> code_;
  std::vector<std::optional<std::size_t>> group_;
  std::size_t groups_ = 0;
  std::vector<std::size_t> commentColumn_;
};

} // namespace

std::string render(LaidOutFile file) { return Renderer(std::move(file)).run(); }

} // namespace xr::format
