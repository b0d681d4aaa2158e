// orderEvaluation: the per-record evaluation order. Every declaration that computes something
// per record is a node; a node depends on what its expressions read (Model::resolved) and on
// a few implicit inputs:
// - an indicator on the checklist choice (it is evaluated only when its checklist applies);
// - a `weighted(checklist)` score on every indicator and the checklist choice;
// - a quantifier (`any critical fails`) on every indicator it ranges over (through one graph
//   node per severity and domain, so that many quantifiers over many indicators stay linear);
// - rules on the rule before them (rules apply in source order), and on the initial value of
//   each output they assign;
// - the final value of an output (read anywhere outside a rule) on its initial value and on
//   every rule assigning it; inside a rule an output reads its current value.
// A cycle is XR0501, reported once per strongly connected component, at the member declared
// first, with a note per step. The order is topological, ties broken by source order.
#include "compiler/ast/spelling.h"
#include "compiler/sema/expr_walk.h"
#include "compiler/sema/passes.h"
#include "compiler/sema/passes_support.h"

#include <algorithm>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <queue>
#include <set>

namespace xr::sema {

namespace {

enum class NodeKind : std::uint8_t {
  Indicator,
  Check,
  ChecklistChoice,
  Let,
  Score,
  Table,
  OutputInitial,
  OutputFinal, // the value after every rule; a graph node only, not a step
  Rule,
  Escalate,
  Deadline,
  ReportGroup, // a report's group-by value
  ReportItem,
  Indicators, // the indicators a quantifier ranges over; a graph node only, shared by the
              // quantifiers with the same severity and domain
};

/// Why one node depends on another; the note of a cycle step is worded from it.
enum class Why : std::uint8_t {
  Uses,                // an expression reads the other node
  Weighs,              // a weighted score and its indicators
  RangesOver,          // an expression with a quantifier and the indicators it ranges over
  Includes,            // the indicators of a quantifier, each, and the checklist choice
  ListedIn,            // an indicator and the checklist choice
  LooksUp,             // the frequency and its table
  StartsFrom,          // an output's final value and its initial value
  AppliesAfter,        // a rule and the rule before it
  ChangesAfterInitial, // a rule and the initial value of an output it assigns
  Changes,             // an output's final value and a rule assigning it
};

struct Edge {
  std::uint32_t to = 0;
  SourceRange at; // where the dependency comes from
  Why why = Why::Uses;
};

struct Node {
  NodeKind kind;
  std::uint32_t index = 0;
  std::uint32_t member = 0;
  std::string name;    // as in the cycle message
  std::string display; // "table tier", as in notes
  SourceRange at;      // the declared name
  std::uint64_t key = 0;
  std::vector<Edge> edges; // dependencies, in the order found
  std::set<std::uint32_t> targets;
};

/// The dependency graph of one model.
class Graph {
public:
  Graph(const Model &model, const passes::SourceOrder &order) : model_(model), order_(order) {
    build();
  }

  const std::vector<Node> &nodes() const { return nodes_; }

private:
  struct Context {
    std::uint32_t node = 0;
    bool inRule = false;
    std::optional<SymbolRef> self; // the indicator or check whose own lets are internal
  };

  std::uint32_t add(NodeKind kind, std::uint32_t index, std::uint32_t member, std::string name,
                    std::string display, SourceRange at, SourceRange declaration) {
    nodes_.push_back({kind,
                      index,
                      member,
                      std::move(name),
                      std::move(display),
                      at,
                      order_.key(declaration.valid() ? declaration : at),
                      {},
                      {}});
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  void edge(std::uint32_t from, std::uint32_t to, SourceRange at, Why why) {
    if (nodes_[from].targets.insert(to).second)
      nodes_[from].edges.push_back({to, at, why});
  }

  void reference(const Context &cx, std::uint32_t to, const ast::Expr &e) {
    edge(cx.node, to, e.range, Why::Uses);
  }

  void build();
  void addNodes();
  void walk(const Context &cx, const ast::Expr *e);
  void visit(const Context &cx, const ast::Expr &e);
  void symbol(const Context &cx, SymbolRef ref, const ast::Expr &e);
  void quantified(const Context &cx, const ast::QuantifiedExpr &q);
  void everyIndicator(std::uint32_t from, SourceRange at);

  const Model &model_;
  const passes::SourceOrder &order_;
  std::vector<Node> nodes_;
  // First node of each kind's block; report items by report.
  std::uint32_t indicator0_ = 0, check0_ = 0, let0_ = 0, score0_ = 0, table0_ = 0,
                outputInitial0_ = 0, outputFinal0_ = 0, rule0_ = 0, escalate0_ = 0, deadline0_ = 0;
  std::optional<std::uint32_t> choice_;
  std::vector<std::optional<std::uint32_t>> reportGroup_;
  std::vector<std::uint32_t> reportItem0_;
  std::map<std::pair<int, std::uint32_t>, std::uint32_t> indicatorGroups_; // (severity, domain)
};

void Graph::addNodes() {
  const Model &m = model_;
  auto count = [](const auto &v) { return static_cast<std::uint32_t>(v.size()); };
  indicator0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.indicators); ++i)
    add(NodeKind::Indicator, i, 0, m.indicators[i].name, "indicator " + m.indicators[i].name,
        m.indicators[i].where.name, m.indicators[i].where.declaration);
  check0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.checks); ++i)
    add(NodeKind::Check, i, 0, m.checks[i].name, "check " + m.checks[i].name,
        m.checks[i].where.name, m.checks[i].where.declaration);
  if (!m.checklists.empty())
    choice_ = add(NodeKind::ChecklistChoice, 0, 0, "checklist choice", "the checklist choice",
                  m.checklists.front().where.name, m.checklists.front().where.declaration);
  let0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.lets); ++i)
    add(NodeKind::Let, i, 0, m.lets[i].name, "let " + m.lets[i].name, m.lets[i].where.name,
        m.lets[i].where.declaration);
  score0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.scores); ++i)
    add(NodeKind::Score, i, 0, m.scores[i].name, "score " + m.scores[i].name,
        m.scores[i].where.name, m.scores[i].where.declaration);
  table0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.tables); ++i)
    add(NodeKind::Table, i, 0, m.tables[i].name, "table " + m.tables[i].name,
        m.tables[i].where.name, m.tables[i].where.declaration);
  outputInitial0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.outputs); ++i)
    add(NodeKind::OutputInitial, i, 0, m.outputs[i].name,
        "the initial value of " + m.outputs[i].name, m.outputs[i].where.name,
        m.outputs[i].where.declaration);
  outputFinal0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.outputs); ++i)
    add(NodeKind::OutputFinal, i, 0, m.outputs[i].name, "output " + m.outputs[i].name,
        m.outputs[i].where.name, m.outputs[i].where.declaration);
  rule0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.rules); ++i)
    add(NodeKind::Rule, i, 0, m.rules[i].name, "rule " + m.rules[i].name, m.rules[i].where.name,
        m.rules[i].where.declaration);
  escalate0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.escalations); ++i)
    add(NodeKind::Escalate, i, 0, m.escalations[i].name, "escalation " + m.escalations[i].name,
        m.escalations[i].where.name, m.escalations[i].where.declaration);
  deadline0_ = count(nodes_);
  for (std::uint32_t i = 0; i < count(m.deadlines); ++i)
    add(NodeKind::Deadline, i, 0, m.deadlines[i].name, "deadline " + m.deadlines[i].name,
        m.deadlines[i].where.name, m.deadlines[i].where.declaration);
  for (std::uint32_t r = 0; r < count(m.reports); ++r) {
    const ReportInfo &report = m.reports[r];
    reportGroup_.push_back(std::nullopt);
    if (report.groupBy)
      reportGroup_.back() =
          add(NodeKind::ReportGroup, r, 0, report.name, "the grouping of report " + report.name,
              report.where.name, report.where.declaration);
    reportItem0_.push_back(count(nodes_));
    for (std::uint32_t k = 0; k < count(report.items); ++k) {
      const ReportItemInfo &item = report.items[k];
      const SourceRange name = item.item ? item.item->name.range : report.where.name;
      const SourceRange whole = item.item ? item.item->range : report.where.declaration;
      add(NodeKind::ReportItem, r, k, report.name + "." + item.name,
          "report item " + report.name + "." + item.name, name, whole);
    }
  }
}

void Graph::everyIndicator(std::uint32_t from, SourceRange at) {
  for (std::uint32_t i = 0; i < model_.indicators.size(); ++i)
    edge(from, indicator0_ + i, at, Why::Weighs);
  if (choice_)
    edge(from, *choice_, at, Why::Weighs);
}

void Graph::symbol(const Context &cx, SymbolRef ref, const ast::Expr &e) {
  const Model &m = model_;
  switch (ref.kind) {
  case SymbolKind::Indicator:
  case SymbolKind::IndicatorLet:
    if (ref.index >= m.indicators.size())
      return;
    if (cx.self && cx.self->kind == SymbolKind::Indicator && cx.self->index == ref.index) {
      // Its own lets, and `score` in its own pass clause, are computed inside it.
      if (ref.kind == SymbolKind::IndicatorLet)
        return;
      if (e.kind == ast::ExprKind::Name && ast::as<ast::NameExpr>(e).name.text == "score")
        return;
    }
    reference(cx, indicator0_ + ref.index, e);
    return;
  case SymbolKind::Check:
  case SymbolKind::CheckLet:
    if (ref.index >= m.checks.size())
      return;
    if (ref.kind == SymbolKind::CheckLet && cx.self && cx.self->kind == SymbolKind::Check &&
        cx.self->index == ref.index)
      return;
    reference(cx, check0_ + ref.index, e);
    return;
  case SymbolKind::Checklist:
    if (choice_)
      reference(cx, *choice_, e);
    return;
  case SymbolKind::Domain:
    // A domain's score is computed with the weighted score.
    if (ref.index >= m.domains.size())
      return;
    for (std::uint32_t s = 0; s < m.scores.size(); ++s)
      if (m.scores[s].weighted)
        reference(cx, score0_ + s, e);
    return;
  case SymbolKind::Let:
    if (ref.index < m.lets.size())
      reference(cx, let0_ + ref.index, e);
    return;
  case SymbolKind::Score:
    if (ref.index < m.scores.size())
      reference(cx, score0_ + ref.index, e);
    return;
  case SymbolKind::Table:
    if (ref.index < m.tables.size())
      reference(cx, table0_ + ref.index, e);
    return;
  case SymbolKind::Output:
    if (ref.index < m.outputs.size())
      reference(cx, (cx.inRule ? outputInitial0_ : outputFinal0_) + ref.index, e);
    return;
  case SymbolKind::Rule:
    if (ref.index < m.rules.size())
      reference(cx, rule0_ + ref.index, e);
    return;
  case SymbolKind::Escalate:
    if (ref.index < m.escalations.size())
      reference(cx, escalate0_ + ref.index, e);
    return;
  case SymbolKind::Deadline:
    if (ref.index < m.deadlines.size())
      reference(cx, deadline0_ + ref.index, e);
    return;
  case SymbolKind::ReportItem:
    if (ref.index < m.reports.size() && ref.member < m.reports[ref.index].items.size())
      reference(cx, reportItem0_[ref.index] + ref.member, e);
    return;
  case SymbolKind::Field:
  case SymbolKind::Param:
  case SymbolKind::Enum:
  case SymbolKind::EnumMember:
  case SymbolKind::Calendar:
  case SymbolKind::Report:
  case SymbolKind::Example:
  case SymbolKind::Builtin:
  case SymbolKind::Aggregate:
    return; // inputs and constants
  }
}

void Graph::quantified(const Context &cx, const ast::QuantifiedExpr &q) {
  std::optional<std::uint32_t> domain;
  if (q.domain) {
    const auto ref = model_.lookup(q.domain->text);
    if (!ref || ref->kind != SymbolKind::Domain)
      return; // reported by sema
    domain = ref->index;
  }
  const std::pair<int, std::uint32_t> groupKey{q.severity ? static_cast<int>(*q.severity) : -1,
                                               domain ? *domain : kNoIndex};
  auto found = indicatorGroups_.find(groupKey);
  if (found == indicatorGroups_.end()) {
    std::string name = q.severity ? fmt::format("the {} indicators", ast::severityText(*q.severity))
                                  : std::string("the indicators");
    if (domain)
      name += " in " + model_.domains[*domain].name;
    const std::uint32_t group = add(NodeKind::Indicators, 0, 0, name, name, q.range, {});
    nodes_[group].key = ~std::uint64_t{0}; // never where a cycle is reported
    for (std::uint32_t i = 0; i < model_.indicators.size(); ++i) {
      const IndicatorInfo &indicator = model_.indicators[i];
      if (q.severity && indicator.severity != q.severity)
        continue;
      if (domain && indicator.domain != *domain)
        continue;
      edge(group, indicator0_ + i, model_.indicators[i].where.name, Why::Includes);
    }
    if (choice_)
      edge(group, *choice_, q.range, Why::Includes);
    found = indicatorGroups_.emplace(groupKey, group).first;
  }
  edge(cx.node, found->second, q.range, Why::RangesOver);
}

void Graph::visit(const Context &cx, const ast::Expr &e) {
  if (e.kind == ast::ExprKind::Quantified) {
    quantified(cx, ast::as<ast::QuantifiedExpr>(e));
    return;
  }
  if (auto ref = model_.resolution(e))
    symbol(cx, *ref, e);
}

void Graph::walk(const Context &cx, const ast::Expr *e) {
  walkExpr(e, [&](const ast::Expr &sub) { visit(cx, sub); });
}

void Graph::build() {
  addNodes();
  const Model &m = model_;
  for (std::uint32_t i = 0; i < m.indicators.size(); ++i) {
    const IndicatorInfo &indicator = m.indicators[i];
    const Context cx{indicator0_ + i, false, SymbolRef{SymbolKind::Indicator, i, 0}};
    for (const LetInfo &let : indicator.lets)
      walk(cx, let.value);
    walk(cx, indicator.score);
    walk(cx, indicator.pass);
    if (choice_)
      edge(cx.node, *choice_, indicator.where.name, Why::ListedIn);
  }
  for (std::uint32_t i = 0; i < m.checks.size(); ++i) {
    const Context cx{check0_ + i, false, SymbolRef{SymbolKind::Check, i, 0}};
    for (const LetInfo &let : m.checks[i].lets)
      walk(cx, let.value);
    walk(cx, m.checks[i].when);
  }
  if (choice_)
    for (const ChecklistInfo &checklist : m.checklists) {
      Context cx{*choice_, false, std::nullopt};
      walk(cx, checklist.selector);
    }
  for (std::uint32_t i = 0; i < m.lets.size(); ++i)
    walk({let0_ + i, false, std::nullopt}, m.lets[i].value);
  for (std::uint32_t i = 0; i < m.scores.size(); ++i) {
    const ValueInfo &score = m.scores[i];
    if (score.weighted)
      everyIndicator(score0_ + i, score.value ? score.value->range : score.where.name);
    else
      walk({score0_ + i, false, std::nullopt}, score.value);
  }
  for (std::uint32_t i = 0; i < m.tables.size(); ++i)
    for (const TableRowInfo &row : m.tables[i].rows) {
      walk({table0_ + i, false, std::nullopt}, row.condition);
      walk({table0_ + i, false, std::nullopt}, row.outcome);
    }
  for (std::uint32_t i = 0; i < m.outputs.size(); ++i) {
    const OutputInfo &output = m.outputs[i];
    const Context cx{outputInitial0_ + i, false, std::nullopt};
    walk(cx, output.initial);
    if (output.frequencyTable && *output.frequencyTable < m.tables.size())
      edge(cx.node, table0_ + *output.frequencyTable, output.where.name, Why::LooksUp);
    for (const ast::Expr *value : output.frequencyValues)
      walk(cx, value);
    edge(outputFinal0_ + i, cx.node, output.where.name, Why::StartsFrom);
  }
  for (std::uint32_t r = 0; r < m.rules.size(); ++r) {
    const RuleInfo &rule = m.rules[r];
    const Context cx{rule0_ + r, true, std::nullopt};
    if (r > 0)
      edge(cx.node, cx.node - 1, rule.where.name, Why::AppliesAfter);
    walk(cx, rule.when);
    for (const AssignmentInfo &assignment : rule.assignments) {
      walk(cx, assignment.value);
      if (assignment.output >= m.outputs.size())
        continue;
      edge(cx.node, outputInitial0_ + assignment.output, assignment.range,
           Why::ChangesAfterInitial);
      edge(outputFinal0_ + assignment.output, cx.node, assignment.range, Why::Changes);
    }
  }
  for (std::uint32_t i = 0; i < m.escalations.size(); ++i) {
    const Context cx{escalate0_ + i, false, std::nullopt};
    walk(cx, m.escalations[i].when);
    for (const ActionInfo &action : m.escalations[i].actions)
      walk(cx, action.argument);
  }
  for (std::uint32_t i = 0; i < m.deadlines.size(); ++i)
    walk({deadline0_ + i, false, std::nullopt}, m.deadlines[i].value);
  for (std::uint32_t r = 0; r < m.reports.size(); ++r) {
    const ReportInfo &report = m.reports[r];
    if (reportGroup_[r])
      walk({*reportGroup_[r], false, std::nullopt}, report.groupBy);
    for (std::uint32_t k = 0; k < report.items.size(); ++k) {
      const Context cx{reportItem0_[r] + k, false, std::nullopt};
      walk(cx, report.items[k].value);
      walk(cx, report.items[k].target);
    }
  }
}

/// Strongly connected components with more than one node, or one node depending on itself
/// (Tarjan's algorithm, iterative: declaration chains can be long).
std::vector<std::vector<std::uint32_t>> cycles(const std::vector<Node> &nodes) {
  const std::uint32_t n = static_cast<std::uint32_t>(nodes.size());
  constexpr std::uint32_t unvisited = ~std::uint32_t{0};
  std::vector<std::uint32_t> index(n, unvisited), low(n, 0);
  std::vector<bool> onStack(n, false);
  std::vector<std::uint32_t> stack;
  std::vector<std::vector<std::uint32_t>> out;
  std::uint32_t next = 0;
  struct Frame {
    std::uint32_t node;
    std::size_t edge;
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != unvisited)
      continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = next++;
    stack.push_back(root);
    onStack[root] = true;
    while (!frames.empty()) {
      Frame &f = frames.back();
      if (f.edge < nodes[f.node].edges.size()) {
        const std::uint32_t to = nodes[f.node].edges[f.edge++].to;
        if (index[to] == unvisited) {
          index[to] = low[to] = next++;
          stack.push_back(to);
          onStack[to] = true;
          frames.push_back({to, 0});
        } else if (onStack[to]) {
          low[f.node] = std::min(low[f.node], index[to]);
        }
        continue;
      }
      const std::uint32_t v = f.node;
      frames.pop_back();
      if (!frames.empty())
        low[frames.back().node] = std::min(low[frames.back().node], low[v]);
      if (low[v] != index[v])
        continue;
      std::vector<std::uint32_t> component;
      std::uint32_t w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = false;
        component.push_back(w);
      } while (w != v);
      const bool selfLoop = nodes[v].targets.count(v) != 0;
      if (component.size() > 1 || selfLoop)
        out.push_back(std::move(component));
    }
  }
  return out;
}

/// The shortest cycle through `start` inside its component, as the edges taken.
std::vector<const Edge *> shortestCycle(const std::vector<Node> &nodes, std::uint32_t start,
                                        const std::set<std::uint32_t> &component) {
  std::vector<const Edge *> via(nodes.size(), nullptr);
  std::vector<std::uint32_t> from(nodes.size(), 0);
  std::vector<bool> seen(nodes.size(), false);
  std::deque<std::uint32_t> queue{start};
  while (!queue.empty()) {
    const std::uint32_t v = queue.front();
    queue.pop_front();
    for (const Edge &e : nodes[v].edges) {
      if (!component.count(e.to))
        continue;
      if (e.to == start) {
        std::vector<const Edge *> path{&e};
        for (std::uint32_t at = v; at != start; at = from[at])
          path.push_back(via[at]);
        std::reverse(path.begin(), path.end());
        return path;
      }
      if (seen[e.to])
        continue;
      seen[e.to] = true;
      via[e.to] = &e;
      from[e.to] = v;
      queue.push_back(e.to);
    }
  }
  return {};
}

/// The note for one step of a cycle, `from` depending on `e.to`.
std::string explain(const std::vector<Node> &nodes, std::uint32_t from, const Edge &e) {
  const Node &a = nodes[from], &b = nodes[e.to];
  const bool toChoice = b.kind == NodeKind::ChecklistChoice;
  switch (e.why) {
  case Why::Uses:
    return fmt::format("{} uses {} here", a.display, b.name);
  case Why::Weighs:
    return toChoice ? fmt::format("{} weighs the indicators of the applied checklist", a.display)
                    : fmt::format("{} weighs indicator {}", a.display, b.name);
  case Why::RangesOver:
    return fmt::format("{} ranges over {}", a.display, b.name);
  case Why::Includes:
    return toChoice ? fmt::format("{} are those of the applied checklist", a.name)
                    : fmt::format("{} include {}", a.name, b.name);
  case Why::ListedIn:
    return fmt::format("{} is evaluated only when the applied checklist lists it", a.display);
  case Why::LooksUp:
    return fmt::format("{} is looked up in table {}", a.name, b.name);
  case Why::StartsFrom:
    return fmt::format("output {} starts from its initial value", a.name);
  case Why::AppliesAfter:
    return fmt::format("rule {} applies after rule {} (rules apply in source order)", a.name,
                       b.name);
  case Why::ChangesAfterInitial:
    return fmt::format("rule {} changes {} after its initial value", a.name, b.name);
  case Why::Changes:
    return fmt::format("rule {} changes {} here", b.name, a.name);
  }
  return {};
}

void reportCycle(const std::vector<Node> &nodes, const std::vector<std::uint32_t> &component,
                 Diagnostics &diags) {
  const std::uint32_t start =
      *std::min_element(component.begin(), component.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::make_pair(nodes[a].key, a) < std::make_pair(nodes[b].key, b);
      });
  const std::set<std::uint32_t> members(component.begin(), component.end());
  const std::vector<const Edge *> path = shortestCycle(nodes, start, members);
  // An output's final and initial values share a name: show it once.
  std::vector<std::string> names{nodes[start].name};
  for (const Edge *e : path)
    if (names.back() != nodes[e->to].name)
      names.push_back(nodes[e->to].name);
  if (names.size() == 1 || names.back() != names.front())
    names.push_back(names.front());
  std::string text = names.front();
  for (std::size_t k = 1; k < names.size(); ++k)
    text += " -> " + names[k];
  Diagnostic &d = diags.report(
      DiagCode::DependencyCycle, nodes[start].at,
      fmt::format("dependency cycle: {}; every value must be computable from the record, the "
                  "params and values computed before it",
                  text));
  std::uint32_t from = start;
  for (const Edge *e : path) {
    d.note(e->at, explain(nodes, from, *e));
    from = e->to;
  }
}

/// Topological order, dependencies first; among the nodes ready at the same time, the one
/// declared first. Nodes on or behind a cycle are left out (the model has an error then).
std::vector<std::uint32_t> topologicalOrder(const std::vector<Node> &nodes) {
  const std::uint32_t n = static_cast<std::uint32_t>(nodes.size());
  std::vector<std::uint32_t> waiting(n, 0);
  std::vector<std::vector<std::uint32_t>> dependents(n);
  for (std::uint32_t v = 0; v < n; ++v)
    for (const Edge &e : nodes[v].edges) {
      ++waiting[v];
      dependents[e.to].push_back(v);
    }
  auto later = [&](std::uint32_t a, std::uint32_t b) {
    return std::make_pair(nodes[a].key, a) > std::make_pair(nodes[b].key, b);
  };
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, decltype(later)> ready(later);
  for (std::uint32_t v = 0; v < n; ++v)
    if (waiting[v] == 0)
      ready.push(v);
  std::vector<std::uint32_t> out;
  while (!ready.empty()) {
    const std::uint32_t v = ready.top();
    ready.pop();
    out.push_back(v);
    for (std::uint32_t d : dependents[v])
      if (--waiting[d] == 0)
        ready.push(d);
  }
  return out;
}

std::optional<EvalStep> stepOf(const Node &node) {
  switch (node.kind) {
  case NodeKind::Indicator:
    return EvalStep{{SymbolKind::Indicator, node.index, 0}};
  case NodeKind::Check:
    return EvalStep{{SymbolKind::Check, node.index, 0}};
  case NodeKind::ChecklistChoice:
    return EvalStep{{SymbolKind::Checklist, 0, 0}};
  case NodeKind::Let:
    return EvalStep{{SymbolKind::Let, node.index, 0}};
  case NodeKind::Score:
    return EvalStep{{SymbolKind::Score, node.index, 0}};
  case NodeKind::Table:
    return EvalStep{{SymbolKind::Table, node.index, 0}};
  case NodeKind::OutputInitial:
    return EvalStep{{SymbolKind::Output, node.index, 0}};
  case NodeKind::OutputFinal:
    return std::nullopt;
  case NodeKind::Rule:
    return EvalStep{{SymbolKind::Rule, node.index, 0}};
  case NodeKind::Escalate:
    return EvalStep{{SymbolKind::Escalate, node.index, 0}};
  case NodeKind::Deadline:
    return EvalStep{{SymbolKind::Deadline, node.index, 0}};
  case NodeKind::ReportGroup:
    return EvalStep{{SymbolKind::Report, node.index, 0}};
  case NodeKind::ReportItem:
    return EvalStep{{SymbolKind::ReportItem, node.index, node.member}};
  case NodeKind::Indicators:
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

void orderEvaluation(Model &model, Diagnostics &diags) {
  const passes::SourceOrder order(model);
  const Graph graph(model, order);
  const std::vector<Node> &nodes = graph.nodes();
  std::vector<std::vector<std::uint32_t>> found = cycles(nodes);
  // Report in source order of each cycle's first member, whatever order Tarjan found them in.
  auto firstKey = [&](const std::vector<std::uint32_t> &c) {
    std::uint64_t key = ~std::uint64_t{0};
    for (std::uint32_t v : c)
      key = std::min(key, nodes[v].key);
    return key;
  };
  std::stable_sort(found.begin(), found.end(),
                   [&](const auto &a, const auto &b) { return firstKey(a) < firstKey(b); });
  for (const auto &component : found)
    reportCycle(nodes, component, diags);

  model.order.clear();
  for (std::uint32_t v : topologicalOrder(nodes))
    if (auto step = stepOf(nodes[v]))
      model.order.push_back(*step);
}

} // namespace xr::sema
