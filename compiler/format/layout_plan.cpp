// The layout rules of docs/formatting.md, per grammar rule. Each node is handled on its own
// (no recursion): a handler looks at the node's direct children and marks their tokens.
#include "compiler/format/layout_plan.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace xr::format {

namespace {

using syntax::ConcreteChild;
using syntax::ConcreteNode;
using syntax::ConcreteSyntax;
using syntax::TokenClass;

class Planner {
public:
  Planner(const ConcreteSyntax &syntax, const std::vector<std::uint32_t> &tokenLines)
      : s_(syntax), lines_(tokenLines), layout_(syntax.tokens.size()) {}

  std::vector<TokenLayout> run() {
    for (std::uint32_t t = 0; t < s_.tokens.size(); ++t)
      tokenDefaults(t);
    for (std::uint32_t n = 0; n < s_.nodes.size(); ++n)
      structure(n);
    return std::move(layout_);
  }

private:
  // ---- queries

  bool isLiteral(std::uint32_t t, std::string_view text) const {
    return t < s_.tokens.size() && s_.tokens[t].kind == TokenClass::Literal &&
           s_.tokens[t].text == text;
  }
  const ConcreteNode &node(std::uint32_t n) const { return s_.nodes[n]; }
  bool empty(std::uint32_t n) const { return node(n).firstToken >= node(n).endToken; }
  std::uint32_t first(std::uint32_t n) const { return node(n).firstToken; }
  std::uint32_t last(std::uint32_t n) const { return node(n).endToken - 1; }

  /// The first token directly under `n` spelled `text`, or none.
  std::optional<std::uint32_t> childToken(std::uint32_t n, std::string_view text) const {
    for (const ConcreteChild &c : node(n).children)
      if (c.isToken && isLiteral(c.index, text))
        return c.index;
    return std::nullopt;
  }
  std::optional<std::uint32_t> lastChildToken(std::uint32_t n, std::string_view text) const {
    const auto &children = node(n).children;
    for (auto it = children.rbegin(); it != children.rend(); ++it)
      if (it->isToken && isLiteral(it->index, text))
        return it->index;
    return std::nullopt;
  }
  /// The child nodes of `n` matching `rule`, in order.
  std::vector<std::uint32_t> childNodes(std::uint32_t n, std::string_view rule) const {
    std::vector<std::uint32_t> out;
    for (const ConcreteChild &c : node(n).children)
      if (!c.isToken && node(c.index).rule == rule && !empty(c.index))
        out.push_back(c.index);
    return out;
  }
  std::optional<std::uint32_t> childNode(std::uint32_t n, std::string_view rule) const {
    std::vector<std::uint32_t> all = childNodes(n, rule);
    return all.empty() ? std::nullopt : std::optional(all.front());
  }
  /// Whether a comment lies between two tokens.
  bool commentBetween(std::uint32_t from, std::uint32_t to) const {
    std::uint32_t begin = s_.tokens[from].end, end = s_.tokens[to].begin;
    auto it = std::lower_bound(
        s_.comments.begin(), s_.comments.end(), begin,
        [](const ast::Comment &c, std::uint32_t offset) { return c.range.begin < offset; });
    return it != s_.comments.end() && it->range.begin < end;
  }
  bool sameLine(std::uint32_t a, std::uint32_t b) const { return lines_[a] == lines_[b]; }

  // ---- tokens on their own

  void glue(std::uint32_t t) {
    layout_[t].brk = Break::Glue;
    layout_[t].space = false;
  }

  void tokenDefaults(std::uint32_t t) {
    if (s_.tokens[t].kind != TokenClass::Literal)
      return;
    const std::string &text = s_.tokens[t].text;
    bool hasNext = t + 1 < s_.tokens.size();
    if (text == "," || text == ")" || text == "]" || text == "%" || text == "?" || text == ":") {
      glue(t);
    } else if (text == ".") {
      glue(t);
      if (hasNext)
        glue(t + 1);
    } else if (text == "{") {
      layout_[t].brk = Break::Glue;
    }
    if ((text == "(" || text == "[") && hasNext)
      layout_[t + 1].space = false;
  }

  // ---- structure

  void structure(std::uint32_t n) {
    if (empty(n))
      return;
    const std::string &rule = node(n).rule;
    if (rule == "file")
      declarations(n);
    else if (rule == "recordDecl")
      block(n, childNodes(n, "fieldDecl"), AlignKind::Field);
    else if (rule == "indicatorBody")
      block(n, childNodes(n, "indicatorItem"), AlignKind::None);
    else if (rule == "checkDecl")
      block(n, childNodes(n, "checkItem"), AlignKind::None);
    else if (rule == "tableDecl")
      block(n, childNodes(n, "tableRow"), AlignKind::TableRow);
    else if (rule == "ruleDecl")
      block(n, childNodes(n, "assignment"), AlignKind::None);
    else if (rule == "escalateDecl")
      block(n, childNodes(n, "action"), AlignKind::None);
    else if (rule == "calendarDecl")
      block(n, childNodes(n, "calendarItem"), AlignKind::Calendar);
    else if (rule == "reportDecl")
      block(n, childNodes(n, "reportItem"), AlignKind::None);
    else if (rule == "testDecl")
      block(n, childNodes(n, "testItem"), AlignKind::None);
    else if (rule == "testItem")
      testItem(n);
    else if (rule == "baseType" || rule == "enumDecl")
      braceList(n, childNodes(n, "enumMember"));
    else if (rule == "frequencyDecl")
      braceList(n, childNodes(n, "frequencyEntry"));
    else if (rule == "checklistDecl")
      checklist(n);
    else if (rule == "recordLiteral")
      recordLiteral(n);
    else if (rule == "expr")
      inList(n);
    else if (rule == "primary")
      parenthesised(n);
    else if (rule == "unary")
      negation(n);
    else if (rule == "fieldDecl")
      fieldCells(n);
    else if (rule == "tableRow")
      cellBefore(childToken(n, "=>"), 1);
    else if (rule == "casesHeader" || rule == "casesRow")
      casesCells(n);
    else if (rule == "calendarItem")
      calendarCells(n);
    else if (rule == "domainDecl")
      domainCells(n);
  }

  /// Top-level declarations each start a line; consecutive domains align.
  void declarations(std::uint32_t n) {
    for (const ConcreteChild &c : node(n).children) {
      if (c.isToken || empty(c.index))
        continue;
      TokenLayout &start = layout_[first(c.index)];
      start.brk = Break::Line;
      start.declarationStart = true;
      layout_[last(c.index)].declarationEnd = true;
      if (isDomain(c.index)) {
        start.align = AlignKind::Domain;
        start.alignScope = n;
        layout_[last(c.index)].alignEnd = true;
      }
    }
  }

  bool isDomain(std::uint32_t n) const {
    for (;;) {
      const ConcreteNode &d = node(n);
      if (d.rule == "domainDecl")
        return true;
      if (d.rule != "declaration" && d.rule != "overrideDecl")
        return false;
      auto next = std::find_if(d.children.begin(), d.children.end(),
                               [](const ConcreteChild &c) { return !c.isToken; });
      if (next == d.children.end())
        return false;
      n = next->index;
    }
  }

  /// `{ item* }`: one item per line, indented; a body of at most one item written on one
  /// line stays on it (`override indicator Q1 { weight 25% }`).
  void block(std::uint32_t n, const std::vector<std::uint32_t> &items, AlignKind align) {
    auto open = childToken(n, "{");
    auto close = lastChildToken(n, "}");
    if (!open || !close)
      return;
    bool comments = commentBetween(*open, *close);
    bool inlineBody =
        !comments && (items.empty() || (items.size() == 1 && sameLine(*open, *close)));
    if (inlineBody) {
      layout_[*close].brk = Break::Glue;
      layout_[*close].space = !items.empty();
      return;
    }
    layout_[*open].opens = true;
    layout_[*close].brk = Break::Close;
    for (std::uint32_t item : items) {
      TokenLayout &start = layout_[first(item)];
      start.brk = Break::Line;
      if (align == AlignKind::Calendar && !isLiteral(first(item), "holiday") &&
          !isLiteral(first(item), "workday"))
        continue;
      if (align != AlignKind::None) {
        start.align = align;
        start.alignScope = n;
        layout_[last(item)].alignEnd = true;
      }
    }
  }

  /// `{ a, b }`, `[a, b]`, `(a, b)`: on one line, or one element per line when the author
  /// started a line right after the opening bracket.
  void list(std::uint32_t open, std::optional<std::uint32_t> close,
            const std::vector<std::uint32_t> &elements, bool spaced) {
    if (!close)
      return;
    bool broken = !elements.empty() && !sameLine(open, open + 1);
    if (broken) {
      layout_[open].opens = true;
      for (std::uint32_t element : elements)
        layout_[element].brk = Break::LineIfBroken;
      layout_[*close].brk = Break::Close;
      return;
    }
    layout_[*close].brk = Break::Glue;
    layout_[*close].space = spaced && !elements.empty();
  }

  void braceList(std::uint32_t n, const std::vector<std::uint32_t> &elementNodes) {
    auto open = childToken(n, "{");
    if (!open)
      return;
    std::vector<std::uint32_t> elements;
    for (std::uint32_t e : elementNodes)
      elements.push_back(first(e));
    list(*open, lastChildToken(n, "}"), elements, true);
  }

  void checklist(std::uint32_t n) {
    auto open = childToken(n, "{");
    auto body = childNode(n, "checklistBody");
    if (!open || !body)
      return;
    std::vector<std::uint32_t> elements;
    auto names = childNode(*body, "nameList");
    if (isLiteral(first(*body), "all") || !names)
      elements.push_back(first(*body));
    else
      for (std::uint32_t name : childNodes(*names, "name"))
        elements.push_back(first(name));
    list(*open, lastChildToken(n, "}"), elements, true);
  }

  void recordLiteral(std::uint32_t n) {
    auto open = childToken(n, "{");
    if (!open)
      return;
    std::vector<std::uint32_t> elements;
    for (const ConcreteChild &c : node(n).children) {
      if (!c.isToken && node(c.index).rule == "fieldValue" && !empty(c.index))
        elements.push_back(first(c.index));
      else if (c.isToken && isLiteral(c.index, "..."))
        elements.push_back(c.index);
    }
    list(*open, lastChildToken(n, "}"), elements, true);
  }

  void testItem(std::uint32_t n) {
    if (isLiteral(first(n), "cases")) {
      std::vector<std::uint32_t> rows = childNodes(n, "casesHeader");
      for (std::uint32_t row : childNodes(n, "casesRow"))
        rows.push_back(row);
      block(n, rows, AlignKind::CasesRow);
      return;
    }
    if (auto open = childToken(n, "{")) {
      std::vector<std::uint32_t> elements;
      for (std::uint32_t value : childNodes(n, "fieldValue"))
        elements.push_back(first(value));
      list(*open, lastChildToken(n, "}"), elements, true);
    }
  }

  /// `x in [a, b]`.
  void inList(std::uint32_t n) {
    auto open = childToken(n, "[");
    if (!open)
      return;
    std::vector<std::uint32_t> elements;
    for (const ConcreteChild &c : node(n).children)
      if (!c.isToken && !empty(c.index) && node(c.index).firstToken > *open)
        elements.push_back(first(c.index));
    list(*open, lastChildToken(n, "]"), elements, false);
  }

  /// `f(a, b)` (no space before the parenthesis) and `(a + b)`.
  void parenthesised(std::uint32_t n) {
    auto open = childToken(n, "(");
    if (!open)
      return;
    const ConcreteNode &p = node(n);
    if (!p.children.empty() && !p.children.front().isToken)
      glue(*open); // a call: the callee name comes first
    std::vector<std::uint32_t> elements;
    for (const ConcreteChild &c : p.children)
      if (!c.isToken && !empty(c.index) && node(c.index).firstToken > *open)
        elements.push_back(first(c.index));
    list(*open, lastChildToken(n, ")"), elements, false);
  }

  /// `-x`: nothing between the sign and its operand.
  void negation(std::uint32_t n) {
    const ConcreteNode &u = node(n);
    if (u.children.size() == 2 && u.children[0].isToken && isLiteral(u.children[0].index, "-") &&
        u.children[0].index + 1 < s_.tokens.size())
      glue(u.children[0].index + 1);
  }

  // ---- alignment columns

  void cellBefore(std::optional<std::uint32_t> t, std::uint8_t count) {
    if (t)
      layout_[*t].cellsBefore = count;
  }

  /// name: | type | modifiers | title. A field of an inline enum type keeps its type and
  /// modifiers in one last column: the enum would widen the type column for every field.
  void fieldCells(std::uint32_t n) {
    auto type = childNode(n, "typeRef");
    if (!type)
      return;
    cellBefore(first(*type), 1);
    if (isLiteral(first(*type), "enum"))
      return;
    std::vector<std::uint32_t> modifiers = childNodes(n, "fieldModifier");
    if (modifiers.empty())
      return;
    auto isTitle = [&](std::uint32_t m) {
      const ConcreteNode &d = node(m);
      return d.children.size() == 1 && d.children[0].isToken &&
             s_.tokens[d.children[0].index].kind == TokenClass::String;
    };
    bool titleLast = isTitle(modifiers.back());
    if (titleLast)
      modifiers.pop_back();
    if (!modifiers.empty())
      cellBefore(first(modifiers.front()), 1);
    if (titleLast)
      cellBefore(last(n), modifiers.empty() ? 2 : 1);
  }

  void casesCells(std::uint32_t n) {
    bool firstBar = true;
    for (const ConcreteChild &c : node(n).children) {
      if (!c.isToken || !isLiteral(c.index, "|"))
        continue;
      if (!firstBar)
        cellBefore(c.index, 1);
      firstBar = false;
    }
  }

  /// holiday | date | .. date | "label".
  void calendarCells(std::uint32_t n) {
    std::uint32_t keyword = first(n);
    if (!isLiteral(keyword, "holiday") && !isLiteral(keyword, "workday"))
      return;
    cellBefore(keyword + 1, 1);
    auto range = childToken(n, "..");
    cellBefore(range, 1);
    const syntax::ConcreteToken &end = s_.tokens[last(n)];
    if (end.kind == TokenClass::String)
      cellBefore(last(n), range ? 1 : 2);
  }

  /// domain name | "title" | weight.
  void domainCells(std::uint32_t n) {
    std::optional<std::uint32_t> title;
    for (const ConcreteChild &c : node(n).children)
      if (c.isToken && s_.tokens[c.index].kind == TokenClass::String)
        title = c.index;
    cellBefore(title, 1);
    if (auto weight = childNode(n, "weightSpec"))
      cellBefore(first(*weight), title ? 1 : 2);
  }

  const ConcreteSyntax &s_;
  const std::vector<std::uint32_t> &lines_;
  std::vector<TokenLayout> layout_;
};

} // namespace

std::vector<TokenLayout> planLayout(const syntax::ConcreteSyntax &syntax,
                                    const std::vector<std::uint32_t> &tokenLines) {
  return Planner(syntax, tokenLines).run();
}

} // namespace xr::format
