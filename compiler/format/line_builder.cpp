#include "compiler/format/line_builder.h"

#include "compiler/format/display_width.h"

#include <algorithm>
#include <optional>

namespace xr::format {

std::vector<std::string> commentLines(std::string_view text) {
  std::vector<std::string> parts;
  if (text.starts_with("//")) {
    std::size_t end = text.find_last_not_of(" \t");
    parts.emplace_back(text.substr(0, end == std::string_view::npos ? 0 : end + 1));
    return parts;
  }
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      parts.push_back(std::move(current));
      current.clear();
    } else {
      current += text[i];
    }
  }
  parts.push_back(std::move(current));
  return parts;
}

namespace {

/// Where a token of the current statement was and went, for aligning continuation lines.
struct Anchor {
  std::uint32_t sourceLine = 0;
  std::uint32_t sourceColumn = 0;
  std::uint32_t column = 0;
};

/// An item, declaration or list element being laid out: continuation lines are placed
/// relative to it.
struct Statement {
  std::uint32_t sourceLine = 0;
  std::uint32_t sourceColumn = 0;
  std::uint32_t indent = 0;
  std::vector<Anchor> anchors;
};

/// An open block or broken list.
struct Block {
  std::uint32_t innerIndent = 0;
  Statement outer; // the statement that opened it, resumed after its Close
};

class LineBuilder {
public:
  LineBuilder(const syntax::ConcreteSyntax &syntax, const std::vector<TokenLayout> &plan,
              const SourceLines &lines)
      : s_(syntax), plan_(plan), source_(lines) {
    blocks_.push_back({});
  }

  LaidOutFile run() {
    std::size_t c = 0;
    for (std::uint32_t t = 0; t < s_.tokens.size(); ++t) {
      for (; c < s_.comments.size() && s_.comments[c].range.begin < s_.tokens[t].begin; ++c)
        comment(s_.comments[c], t, nextBegin(c, t));
      token(t);
    }
    for (; c < s_.comments.size(); ++c)
      comment(s_.comments[c], std::nullopt, nextBegin(c, std::nullopt));
    return std::move(out_);
  }

private:
  /// Where the element after comment `c` begins: the next comment or token `t`.
  std::optional<std::uint32_t> nextBegin(std::size_t c, std::optional<std::uint32_t> t) const {
    std::optional<std::uint32_t> begin;
    if (t)
      begin = s_.tokens[*t].begin;
    if (c + 1 < s_.comments.size() && (!begin || s_.comments[c + 1].range.begin < *begin))
      begin = s_.comments[c + 1].range.begin;
    return begin;
  }

  Line &current() { return out_.lines.back(); }
  std::uint32_t currentIndex() const { return static_cast<std::uint32_t>(out_.lines.size() - 1); }

  void newLine(std::uint32_t indent, bool blank) {
    Line line;
    line.indent = indent;
    line.blankBefore = blank && !out_.lines.empty();
    out_.lines.push_back(std::move(line));
    width_ = indent;
    atLineStart_ = false;
    afterInlineComment_ = false;
  }

  bool lineHasCode() const {
    const Line &line = out_.lines.back();
    return std::any_of(line.cells.begin(), line.cells.end(),
                       [](const std::string &cell) { return !cell.empty(); });
  }

  /// Appends text to the current line; `space`: one space before it unless the line or
  /// cell is empty. Returns the column the text starts at.
  std::uint32_t append(std::string_view text, bool space, std::uint8_t cellsBefore) {
    Line &line = current();
    bool hadCode = lineHasCode();
    for (std::uint8_t k = 0; k < cellsBefore && hadCode; ++k)
      line.cells.emplace_back();
    std::string &cell = line.cells.back();
    if (hadCode && (space || cellsBefore > 0 || afterInlineComment_)) {
      if (!cell.empty())
        cell += ' ';
      width_ += 1; // a new cell is joined by one space when not aligned
    }
    auto column = static_cast<std::uint32_t>(width_);
    cell += text;
    width_ += displayWidth(text);
    afterInlineComment_ = false;
    return column;
  }

  /// The column of a continuation line whose first token was at (line, column) in the
  /// source: under the token of the statement it was under, else as far right of the
  /// statement's start as it was (at least two columns).
  std::uint32_t continuation(std::uint32_t sourceLine, std::uint32_t sourceColumn) const {
    std::uint32_t least = statement_.indent + 2;
    const Anchor *best = nullptr;
    for (const Anchor &a : statement_.anchors)
      if (a.sourceLine < sourceLine && a.sourceColumn == sourceColumn &&
          (best == nullptr || a.sourceLine >= best->sourceLine))
        best = &a;
    if (best != nullptr && best->column >= least)
      return best->column;
    std::int64_t offset = static_cast<std::int64_t>(sourceColumn) -
                          static_cast<std::int64_t>(statement_.sourceColumn);
    return statement_.indent + static_cast<std::uint32_t>(std::max<std::int64_t>(offset, 2));
  }

  bool startsStructuralLine(std::uint32_t t) const {
    Break b = plan_[t].brk;
    if (b == Break::Line || b == Break::Close)
      return true;
    return b == Break::LineIfBroken &&
           (!seenToken_ || source_.line(s_.tokens[t].begin) > source_.line(previousTokenEnd_));
  }

  void token(std::uint32_t t) {
    const syntax::ConcreteToken &tok = s_.tokens[t];
    const TokenLayout &a = plan_[t];
    std::uint32_t sourceLine = source_.line(tok.begin);
    std::uint32_t sourceColumn = source_.column(tok.begin);
    std::uint32_t breaks = seenElement_ ? source_.lineBreaks(previousEnd_, tok.begin) : 0;
    bool authorBreak = breaks > 0 || out_.lines.empty();

    std::uint32_t column = 0;
    if (a.brk == Break::Close && blocks_.size() > 1) {
      Block block = std::move(blocks_.back());
      blocks_.pop_back();
      statement_ = std::move(block.outer);
      newLine(statement_.indent, false);
      column = append(tok.text, false, 0);
    } else if (a.brk == Break::Line || a.brk == Break::Close ||
               (a.brk == Break::LineIfBroken && (authorBreak || atLineStart_))) {
      std::uint32_t indent = blocks_.back().innerIndent;
      newLine(indent, breaks >= 2 && !justOpened_);
      statement_ = Statement{sourceLine, sourceColumn, indent, {}};
      column = append(tok.text, false, 0);
    } else if (atLineStart_ || (a.brk == Break::Flow && authorBreak)) {
      newLine(continuation(sourceLine, sourceColumn), false);
      column = append(tok.text, false, 0);
    } else {
      column = append(tok.text, a.space, a.cellsBefore);
    }
    current().commentOnly = false;
    statement_.anchors.push_back({sourceLine, sourceColumn, column});

    if (a.align != AlignKind::None) {
      current().align = a.align;
      current().alignScope = a.alignScope;
      alignStart_ = currentIndex();
    }
    if (a.alignEnd && alignStart_ && *alignStart_ != currentIndex())
      out_.lines[*alignStart_].align = AlignKind::None;
    if (a.alignEnd)
      alignStart_.reset();
    if (a.declarationStart) {
      DeclarationLines d;
      d.firstCode = currentIndex();
      d.boundary = leadingComment_ ? *leadingComment_ : d.firstCode;
      out_.declarations.push_back(d);
      leadingComment_.reset();
      betweenDeclarations_ = false;
    }
    if (a.declarationEnd && !out_.declarations.empty()) {
      out_.declarations.back().lastCode = currentIndex();
      betweenDeclarations_ = true;
    }

    previousEnd_ = tok.end;
    previousTokenEnd_ = tok.end;
    seenElement_ = seenToken_ = true;
    justOpened_ = false;
    if (a.opens) {
      blocks_.push_back({statement_.indent + 2, statement_});
      justOpened_ = true;
    }
  }

  /// `next`: the token after the comment; `following`: where the next comment or token
  /// begins.
  void comment(const ast::Comment &c, std::optional<std::uint32_t> next,
               std::optional<std::uint32_t> following) {
    std::vector<std::string> parts = commentLines(c.text);
    bool lineComment = c.text.starts_with("//");
    std::uint32_t breaks = seenElement_ ? source_.lineBreaks(previousEnd_, c.range.begin) : 0;
    bool ownLine = out_.lines.empty() || atLineStart_ || breaks > 0;
    bool nextOnLaterLine = !following || source_.line(*following) > source_.line(c.range.end);

    // A comment before a token that will start a line anyway ends its line too.
    bool nextStartsLine =
        next && following == s_.tokens[*next].begin && startsStructuralLine(*next);
    if (!ownLine && parts.size() == 1 && (lineComment || nextOnLaterLine || nextStartsLine)) {
      current().trailingComment = parts.front();
      atLineStart_ = true;
    } else {
      if (ownLine) {
        bool structural = !next || startsStructuralLine(*next);
        std::uint32_t indent = blocks_.back().innerIndent;
        if (!structural)
          indent = continuation(source_.line(s_.tokens[*next].begin),
                                source_.column(s_.tokens[*next].begin));
        newLine(indent, breaks >= 2 && !justOpened_ && structural);
        current().commentOnly = true;
        if (betweenDeclarations_ && blocks_.size() == 1 && !leadingComment_)
          leadingComment_ = currentIndex();
        current().cells.back() = parts.front();
        width_ += displayWidth(parts.front());
      } else {
        append(parts.front(), true, 0);
      }
      for (std::size_t k = 1; k < parts.size(); ++k) {
        Line raw;
        raw.raw = true;
        raw.commentOnly = true;
        raw.cells.back() = parts[k];
        out_.lines.push_back(std::move(raw));
        width_ = displayWidth(parts[k]);
      }
      atLineStart_ = lineComment || nextOnLaterLine;
      afterInlineComment_ = !atLineStart_;
    }
    previousEnd_ = c.range.end;
    seenElement_ = true;
    justOpened_ = false;
  }

  const syntax::ConcreteSyntax &s_;
  const std::vector<TokenLayout> &plan_;
  const SourceLines &source_;
  LaidOutFile out_;
  std::vector<Block> blocks_;
  Statement statement_;
  std::size_t width_ = 0;
  bool atLineStart_ = true;
  bool afterInlineComment_ = false;
  bool justOpened_ = false;
  bool seenElement_ = false;
  bool seenToken_ = false;
  std::uint32_t previousEnd_ = 0;
  std::uint32_t previousTokenEnd_ = 0;
  std::optional<std::uint32_t> alignStart_;
  bool betweenDeclarations_ = true;
  std::optional<std::uint32_t> leadingComment_;
};

} // namespace

LaidOutFile buildLines(const syntax::ConcreteSyntax &syntax, const std::vector<TokenLayout> &plan,
                       const SourceLines &lines) {
  return LineBuilder(syntax, plan, lines).run();
}

} // namespace xr::format
