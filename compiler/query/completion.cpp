#include "compiler/query/completion.h"

#include "compiler/query/describe.h"
#include "compiler/query/hover.h"
#include "compiler/query/token_context.h"
#include "runtime/builtins/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace xr::query {

namespace {

using sema::SymbolKind;
using sema::SymbolRef;
using syntax::ConcreteToken;
using syntax::TokenClass;

CompletionKind kindOf(SymbolKind kind) {
  switch (kind) {
  case SymbolKind::Field:
    return CompletionKind::Field;
  case SymbolKind::Param:
    return CompletionKind::Param;
  case SymbolKind::Enum:
    return CompletionKind::Enum;
  case SymbolKind::EnumMember:
    return CompletionKind::EnumMember;
  case SymbolKind::Domain:
    return CompletionKind::Domain;
  case SymbolKind::Indicator:
    return CompletionKind::Indicator;
  case SymbolKind::Check:
    return CompletionKind::Check;
  case SymbolKind::Checklist:
    return CompletionKind::Checklist;
  case SymbolKind::Table:
    return CompletionKind::Table;
  case SymbolKind::Output:
    return CompletionKind::Output;
  case SymbolKind::Rule:
    return CompletionKind::Rule;
  case SymbolKind::Escalate:
    return CompletionKind::Escalate;
  case SymbolKind::Example:
    return CompletionKind::Example;
  case SymbolKind::Builtin:
  case SymbolKind::Aggregate:
    return CompletionKind::Function;
  default:
    return CompletionKind::Value;
  }
}

/// Snippets of whole declarations, offered where a declaration can start.
struct SnippetSpec {
  std::string_view label;
  std::string_view detail;
  std::string_view body;
};

constexpr SnippetSpec kDeclarationSnippets[] = {
    {"indicator", "indicator with a pass condition",
     "indicator ${1:ID} \"${2:title}\" in ${3:domain} weight ${4:10}% {\n  pass when "
     "${0:condition}\n}"},
    {"table", "decision table, first matching row wins",
     "table ${1:name} \"${2:title}\" {\n  ${3:condition} => ${4:outcome}\n  otherwise => "
     "${0:outcome}\n}"},
    {"rule", "rule that changes outputs",
     "rule ${1:name} \"${2:title}\" when ${3:condition} {\n  ${0}\n}"},
};

constexpr std::string_view kDeclarationKeywords[] = {
    "record", "enum",    "param",  "domain",    "indicator", "check",    "checklist", "let",
    "score",  "table",   "output", "frequency", "rule",      "escalate", "deadline",  "calendar",
    "report", "example", "test",   "retire",    "override",  "import"};

constexpr std::string_view kExpressionKeywords[] = {
    "if",    "then",    "else",    "and",   "or",     "not",    "true",
    "false", "any",     "all",     "count", "passes", "fails",  "unassessed",
    "is",    "missing", "between", "in",    "days",   "working"};

constexpr std::string_view kRetireKinds[] = {
    "indicator", "check",  "checklist", "domain", "table",  "rule",  "escalate",
    "deadline",  "report", "score",     "let",    "output", "param", "test"};

class Completer {
public:
  Completer(const sema::Model *model, const TokenContext &cx) : m_(model), cx_(cx) {}

  std::vector<CompletionItem> run() {
    if (cx_.quiet)
      return {};
    if (cx_.previousIs(".")) {
      add("score", CompletionKind::Property, "number?: the indicator's score (0..100)");
      return take();
    }
    if (contextual())
      return take();
    if (itemStart()) {
      itemKeywords();
      // Only a table row starts with an expression; every other item with a keyword.
      if (cx_.declKind != "table" || cx_.innermost() != "{")
        return take();
    }
    expression();
    return take();
  }

private:
  // ------------------------------------------------------------------ the contexts

  /// Contexts with a fixed set of answers; false when none applies.
  bool contextual() {
    if (cx_.previousIs("==") || cx_.previousIs("!=")) {
      if (const Type *t = typeOfName(cx_.previous(2)); t && t->kind == TypeKind::Enum) {
        members(t->enumId);
        return true;
      }
      return false;
    }
    if (cx_.innermost() == "[" && (cx_.previousIs("[") || cx_.previousIs(","))) {
      std::size_t open = cx_.open.back();
      if (open >= 2 && cx_.tokens[open - 1].text == "in")
        if (const Type *t = typeOfName(&cx_.tokens[open - 2]); t && t->kind == TypeKind::Enum) {
          members(t->enumId);
          return true;
        }
    }
    if (cx_.previousIs("in") && (cx_.previousIs("indicator", 2) || cx_.declKind == "indicator")) {
      globals({SymbolKind::Domain});
      return true;
    }
    if (cx_.declKind == "checklist" && cx_.innermost() == "{") {
      if (cx_.previousIs("{"))
        keywords({"all"});
      if (cx_.previousIs("all"))
        keywords({"except"});
      else
        globals({SymbolKind::Indicator, SymbolKind::Domain});
      return true;
    }
    if (cx_.previousIs("hit")) {
      keywords({"first", "unique", "any", "priority", "collect"});
      return true;
    }
    if (cx_.previousIs("collect") && cx_.previousIs("hit", 2)) {
      keywords({"sum", "min", "max", "count"});
      return true;
    }
    if (cx_.previousIs("=>") && cx_.previousIs("missing", 2)) {
      if (cx_.declKind == "check")
        keywords({"skip", "flag"});
      else
        keywords({"not_assessed", "fail", "pass", "score"});
      return true;
    }
    if (cx_.previousIs("retire")) {
      for (std::string_view k : kRetireKinds)
        keywords({k});
      return true;
    }
    if (cx_.previousIs("override")) {
      for (std::string_view k : kDeclarationKeywords)
        if (k != "retire" && k != "override" && k != "import")
          keywords({k});
      return true;
    }
    if (cx_.previous(2) && cx_.previousIs("retire", 2)) {
      retiredKind(cx_.previous()->text);
      return true;
    }
    if (cx_.previousIs("by") && cx_.declKind == "frequency") {
      globals({SymbolKind::Table});
      return true;
    }
    if (cx_.declKind == "frequency" && cx_.innermost() == "{" &&
        (cx_.previousIs("{") || cx_.previousIs(","))) {
      if (const Type *t = typeOfName(byName()); t && t->kind == TypeKind::Enum) {
        members(t->enumId);
        return true;
      }
    }
    if (cx_.previousIs(":") && cx_.previous(2) && isWord(*cx_.previous(2))) {
      if (cx_.declKind == "record" ||
          (cx_.open.empty() &&
           (cx_.declKind == "param" || cx_.declKind == "output" || cx_.declKind == "table"))) {
        types();
        return true;
      }
      // `given Enterprise { size: |` and example values: the field's enum.
      if (const Type *t = typeOfName(cx_.previous(2)); t && t->kind == TypeKind::Enum) {
        members(t->enumId);
        return true;
      }
    }
    if (cx_.previousIs("given")) {
      if (m_ && !m_->recordName.empty())
        add(m_->recordName, CompletionKind::Type, "the record");
      globals({SymbolKind::Example, SymbolKind::Param});
      return true;
    }
    if (cx_.declKind == "rule" && cx_.innermost() == "{" && itemStart()) {
      globals({SymbolKind::Output});
      return true;
    }
    if (cx_.declKind == "escalate" && cx_.innermost() == "{" && itemStart()) {
      keywords({"action"});
      return true;
    }
    if (cx_.declKind == "calendar" && cx_.innermost() == "{" && itemStart()) {
      keywords({"source", "holiday", "workday"});
      return true;
    }
    if (cx_.declKind == "record" && cx_.innermost() == "{")
      return true; // a new field's name: nothing to offer
    return false;
  }

  /// Whether a new item (declaration or body item) can start here rather than an expression
  /// continuing.
  bool itemStart() const {
    const ConcreteToken *p = cx_.previous();
    if (!p)
      return true;
    if (p->kind == TokenClass::Literal && (p->text == "{" || p->text == "}"))
      return true;
    return endsExpression(*p) && (cx_.open.empty() || cx_.innermost() == "{");
  }

  void itemKeywords() {
    if (cx_.open.empty()) {
      // An indicator's or domain's header goes on until its `{` (or the next declaration).
      if (cx_.previous() && !cx_.previousIs("}") &&
          (cx_.declKind == "indicator" || cx_.declKind == "domain")) {
        if (cx_.declKind == "indicator")
          keywords({"in", "critical", "major", "minor"});
        keywords({"weight"});
      }
      for (const SnippetSpec &s : kDeclarationSnippets)
        add(std::string(s.label), CompletionKind::Snippet, std::string(s.detail), "",
            std::string(s.body), true);
      add("test", CompletionKind::Snippet, "test with a given record and an expectation", "",
          fmt::format("test \"${{1:description}}\" {{\n  given {} {{ ${{2:field}}: ${{3:value}}, "
                      "... }}\n  expect ${{0:condition}}\n}}",
                      m_ && !m_->recordName.empty() ? m_->recordName : "Record"),
          true);
      for (std::string_view k : kDeclarationKeywords)
        keywords({k});
      return;
    }
    if (cx_.declKind == "indicator")
      keywords({"basis", "let", "score", "pass", "missing", "weight", "in", "title", "critical",
                "major", "minor"});
    else if (cx_.declKind == "check")
      keywords({"when", "flag", "let", "missing", "basis"});
    else if (cx_.declKind == "table")
      keywords({"otherwise"});
    else if (cx_.declKind == "test")
      keywords({"given", "expect", "cases"});
  }

  void expression() {
    if (!m_) {
      for (std::string_view k : kExpressionKeywords)
        keywords({k});
      return;
    }
    locals();
    globals({SymbolKind::Field, SymbolKind::Param, SymbolKind::Let, SymbolKind::Score,
             SymbolKind::Table, SymbolKind::Output, SymbolKind::Deadline, SymbolKind::Indicator,
             SymbolKind::Check, SymbolKind::Rule, SymbolKind::Escalate});
    functions();
    if (cx_.declKind == "report")
      for (std::string_view a : {"count", "rate", "sum", "avg", "min", "max", "top", "bottom"})
        add(std::string(a), CompletionKind::Function, "aggregate");
    if (cx_.declKind == "score")
      add("weighted", CompletionKind::Function, "weighted(checklist): the weighted total", "",
          "weighted(checklist)", false);
    for (std::string_view k : kExpressionKeywords)
      keywords({k});
  }

  // ------------------------------------------------------------------ the items

  void add(std::string label, CompletionKind kind, std::string detail,
           std::string documentation = {}, std::string insertText = {}, bool snippet = false) {
    if (seen_.insert(label).second)
      items_.push_back({std::move(label), kind, std::move(detail), std::move(documentation),
                        std::move(insertText), snippet});
  }

  void keywords(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
      add(std::string(w), CompletionKind::Keyword, "keyword");
  }

  void symbol(const std::string &name, SymbolRef ref) {
    add(name, kindOf(ref.kind), symbolDetail(*m_, ref), describeSymbol(*m_, ref));
  }

  void globals(std::initializer_list<SymbolKind> kinds) {
    if (!m_)
      return;
    for (const auto &[name, ref] : m_->globals)
      if (std::find(kinds.begin(), kinds.end(), ref.kind) != kinds.end())
        symbol(name, ref);
  }

  /// The lets of the indicator or check being written.
  void locals() {
    if (!m_ || cx_.open.empty())
      return;
    if (cx_.declKind == "indicator")
      for (std::uint32_t i = 0; i < m_->indicators.size(); ++i)
        if (m_->indicators[i].name == cx_.declName)
          for (std::uint32_t k = 0; k < m_->indicators[i].lets.size(); ++k)
            symbol(m_->indicators[i].lets[k].name, {SymbolKind::IndicatorLet, i, k});
    if (cx_.declKind == "check")
      for (std::uint32_t i = 0; i < m_->checks.size(); ++i)
        if (m_->checks[i].name == cx_.declName)
          for (std::uint32_t k = 0; k < m_->checks[i].lets.size(); ++k)
            symbol(m_->checks[i].lets[k].name, {SymbolKind::CheckLet, i, k});
  }

  void functions() {
    for (std::string_view name : builtins::names()) {
      auto overloads = builtins::overloads(name);
      if (overloads.empty())
        continue;
      std::string detail;
      for (const builtins::Builtin *b : overloads)
        detail += (detail.empty() ? "" : "; ") + std::string(b->signature);
      add(std::string(name), CompletionKind::Function, detail, std::string(overloads[0]->doc),
          std::string(name) + "($0)", true);
    }
  }

  void members(EnumId id) {
    if (!m_ || id >= m_->enums.size())
      return;
    const EnumInfo &info = m_->enums.get(id);
    for (std::uint32_t k = 0; k < info.members.size(); ++k) {
      const EnumMemberInfo &member = info.members[k];
      add(member.name, CompletionKind::EnumMember,
          "member of " + info.name + (member.label != member.name ? " " + member.label : ""), "");
    }
  }

  void types() {
    for (std::string_view t : {"bool", "int", "number", "text", "date"})
      add(std::string(t), CompletionKind::Type, "type");
    add("enum", CompletionKind::Snippet, "inline enum", "", "enum { ${1:member} \"${2:label}\" }",
        true);
    globals({SymbolKind::Enum});
  }

  /// Names the rule set inherits of a kind written after `retire` / in an override.
  void retiredKind(std::string_view kind) {
    static const std::pair<std::string_view, SymbolKind> kKinds[] = {
        {"indicator", SymbolKind::Indicator},
        {"check", SymbolKind::Check},
        {"checklist", SymbolKind::Checklist},
        {"domain", SymbolKind::Domain},
        {"table", SymbolKind::Table},
        {"rule", SymbolKind::Rule},
        {"escalate", SymbolKind::Escalate},
        {"deadline", SymbolKind::Deadline},
        {"report", SymbolKind::Report},
        {"score", SymbolKind::Score},
        {"let", SymbolKind::Let},
        {"output", SymbolKind::Output},
        {"param", SymbolKind::Param}};
    for (const auto &[word, k] : kKinds)
      if (word == kind) {
        if (!m_)
          return;
        for (const auto &[name, ref] : m_->globals)
          if (ref.kind == k)
            symbol(name, ref);
      }
  }

  /// The token after `by` in a frequency declaration.
  const ConcreteToken *byName() const {
    for (std::size_t i = 0; i + 1 < cx_.before; ++i)
      if (cx_.tokens[i].text == "by" && cx_.tokens[i].kind == TokenClass::Literal)
        return &cx_.tokens[i + 1];
    return nullptr;
  }

  /// The type of the value a name token refers to (a let of the enclosing indicator or
  /// check first, then the rule set's names), or null.
  const Type *typeOfName(const ConcreteToken *token) const {
    if (!m_ || !token || !isWord(*token))
      return nullptr;
    const std::string &name = token->text;
    if (cx_.declKind == "indicator" || cx_.declKind == "check") {
      const std::vector<sema::LetInfo> *lets = nullptr;
      if (cx_.declKind == "indicator") {
        for (const sema::IndicatorInfo &ind : m_->indicators)
          if (ind.name == cx_.declName)
            lets = &ind.lets;
      } else {
        for (const sema::CheckInfo &check : m_->checks)
          if (check.name == cx_.declName)
            lets = &check.lets;
      }
      if (lets)
        for (const sema::LetInfo &let : *lets)
          if (let.name == name)
            return &let.type;
    }
    auto ref = m_->lookup(name);
    if (!ref)
      return nullptr;
    switch (ref->kind) {
    case SymbolKind::Field:
      return &m_->fields[ref->index].type;
    case SymbolKind::Param:
      return &m_->params[ref->index].type;
    case SymbolKind::Let:
      return &m_->lets[ref->index].type;
    case SymbolKind::Score:
      return &m_->scores[ref->index].type;
    case SymbolKind::Table:
      return &m_->tables[ref->index].type;
    case SymbolKind::Output:
      return &m_->outputs[ref->index].type;
    case SymbolKind::Deadline:
      return &m_->deadlines[ref->index].type;
    default:
      return nullptr;
    }
  }

  /// The items matching the word typed so far (its letters in order, ignoring ASCII case,
  /// as editors filter), in the order they were added.
  std::vector<CompletionItem> take() {
    if (cx_.word.empty())
      return std::move(items_);
    std::vector<CompletionItem> kept;
    for (CompletionItem &item : items_)
      if (matches(item.label, cx_.word))
        kept.push_back(std::move(item));
    return kept;
  }

  static char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }

  static bool matches(std::string_view label, std::string_view word) {
    std::size_t at = 0;
    for (char c : word) {
      while (at < label.size() && lower(label[at]) != lower(c))
        ++at;
      if (at == label.size())
        return false;
      ++at;
    }
    return true;
  }

  const sema::Model *m_;
  const TokenContext &cx_;
  std::vector<CompletionItem> items_;
  std::set<std::string, std::less<>> seen_;
};

} // namespace

Completion completeAt(const sema::Model *model, std::string_view text, std::uint32_t offset) {
  TokenContext cx = tokenContext(text, offset);
  Completion out;
  out.replaceBegin = cx.wordBegin;
  out.items = Completer(model, cx).run();
  return out;
}

} // namespace xr::query
