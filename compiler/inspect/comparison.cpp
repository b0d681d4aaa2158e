#include "compiler/inspect/comparison.h"

#include "compiler/inspect/expr_equal.h"
#include "compiler/inspect/source_text.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace xr::inspect {
namespace {

std::vector<std::string> maybe(const std::string &text) {
  return text.empty() ? std::vector<std::string>{} : std::vector<std::string>{text};
}

std::vector<std::string> maybe(const Code &code) {
  return code.present() ? std::vector<std::string>{code.text} : std::vector<std::string>{};
}

/// Collects the changed parts of one declaration.
class Changes {
public:
  void value(std::string aspect, const std::string &before, const std::string &after) {
    if (before != after)
      out.push_back({std::move(aspect), {}, Change::Form::Value, maybe(before), maybe(after)});
  }
  void code(std::string aspect, const Code &before, const Code &after) {
    if (!sameExpr(before.expr, after.expr))
      out.push_back({std::move(aspect), {}, Change::Form::Code, maybe(before), maybe(after)});
  }
  /// Lists compared as sets: reordering a basis or a checklist is no change.
  void list(std::string aspect, const std::vector<std::string> &before,
            const std::vector<std::string> &after) {
    if (std::set<std::string>(before.begin(), before.end()) !=
        std::set<std::string>(after.begin(), after.end()))
      out.push_back({std::move(aspect), {}, Change::Form::List, before, after});
  }
  /// Named pieces of logic (lets, report items, frequency values), matched by name.
  void named(const std::string &prefix, const std::vector<NamedCode> &before,
             const std::vector<NamedCode> &after) {
    auto find = [](const std::vector<NamedCode> &in, const std::string &name) -> const Code * {
      for (const NamedCode &n : in)
        if (n.name == name)
          return &n.code;
      return nullptr;
    };
    static const Code absent;
    for (const NamedCode &b : before)
      if (!find(after, b.name))
        code(prefix + b.name, b.code, absent);
    for (const NamedCode &a : after) {
      const Code *b = find(before, a.name);
      code(prefix + a.name, b ? *b : absent, a.code);
    }
  }
  /// A sequence of pieces of logic shown together (a rule's assignments, an escalation's
  /// actions): one change holding every line of each side when any differs.
  void sequence(std::string aspect, const std::vector<std::pair<std::string, Code>> &before,
                const std::vector<std::pair<std::string, Code>> &after) {
    bool same = before.size() == after.size();
    for (std::size_t i = 0; same && i < before.size(); ++i)
      same = before[i].first == after[i].first &&
             sameExpr(before[i].second.expr, after[i].second.expr);
    if (same)
      return;
    auto lines = [](const std::vector<std::pair<std::string, Code>> &items) {
      std::string text;
      for (const auto &[head, code] : items)
        text += (text.empty() ? "" : "\n") + head +
                (code.present() ? " " + oneLine(code.text) : std::string());
      return text;
    };
    out.push_back(
        {std::move(aspect), {}, Change::Form::Code, maybe(lines(before)), maybe(lines(after))});
  }

  std::vector<Change> out;
};

template <typename E> const E *named(const std::vector<E> &entries, const std::string &name) {
  for (const E &e : entries)
    if (e.name == name)
      return &e;
  return nullptr;
}

/// Added, removed and changed entries of one kind; `facts` summarises an entry, `diff`
/// compares two entries of the same name (titles are compared here).
template <typename E, typename Facts, typename Diff>
KindChanges compareKind(std::string kind, const std::vector<E> &before, const std::vector<E> &after,
                        Facts facts, Diff diff) {
  KindChanges out;
  out.kind = std::move(kind);
  for (const E &b : before)
    if (!named(after, b.name))
      out.removed.push_back({b.name, b.title, facts(b)});
  for (const E &a : after) {
    const E *b = named(before, a.name);
    if (!b) {
      out.added.push_back({a.name, a.title, facts(a)});
      continue;
    }
    Changes changes;
    changes.value("title", b->title, a.title);
    diff(changes, *b, a);
    if (changes.out.empty())
      ++out.unchanged;
    else
      out.changed.push_back({a.name, a.title, std::move(changes.out)});
  }
  return out;
}

using Facts = std::vector<std::pair<std::string, std::string>>;

void compareRows(Changes &changes, const TableEntry &before, const TableEntry &after) {
  auto subject = [](const RowEntry &row) {
    return row.condition.present() ? oneLine(row.condition.text) : std::string("otherwise");
  };
  std::vector<bool> used(before.rows.size(), false);
  std::vector<std::size_t> matchedOrder; // old index of each matched new row, in new order
  for (const RowEntry &row : after.rows) {
    std::size_t match = before.rows.size();
    for (std::size_t i = 0; i < before.rows.size() && match == before.rows.size(); ++i)
      if (!used[i] && sameExpr(before.rows[i].condition.expr, row.condition.expr))
        match = i;
    if (match == before.rows.size()) {
      changes.out.push_back(
          {"row", subject(row), Change::Form::Code, {}, {oneLine(row.outcome.text)}});
      continue;
    }
    used[match] = true;
    matchedOrder.push_back(match);
    const RowEntry &old = before.rows[match];
    if (!sameExpr(old.outcome.expr, row.outcome.expr))
      changes.out.push_back({"row",
                             subject(row),
                             Change::Form::Code,
                             {oneLine(old.outcome.text)},
                             {oneLine(row.outcome.text)}});
  }
  for (std::size_t i = 0; i < before.rows.size(); ++i)
    if (!used[i])
      changes.out.push_back({"row",
                             subject(before.rows[i]),
                             Change::Form::Code,
                             {oneLine(before.rows[i].outcome.text)},
                             {}});
  if (!std::is_sorted(matchedOrder.begin(), matchedOrder.end())) {
    auto order = [&](const TableEntry &table) {
      std::string text;
      for (std::size_t i = 0; i < table.rows.size(); ++i)
        text += (i ? "\n" : "") + std::to_string(i + 1) + ". " + subject(table.rows[i]);
      return text;
    };
    changes.out.push_back({"row order", {}, Change::Form::Code, {order(before)}, {order(after)}});
  }
}

std::vector<ChecklistWeights> compareWeights(const RuleBook &before, const RuleBook &after) {
  std::vector<ChecklistWeights> out;
  for (std::size_t ca = 0; ca < after.checklists.size(); ++ca) {
    const ChecklistEntry &checklist = after.checklists[ca];
    std::size_t cb = before.checklists.size();
    for (std::size_t k = 0; k < before.checklists.size(); ++k)
      if (before.checklists[k].name == checklist.name)
        cb = k;
    if (cb == before.checklists.size())
      continue;
    ChecklistWeights weights{checklist.name, checklist.title, {}, 0};
    auto weightIn = [](const IndicatorEntry *e, std::size_t c) -> std::optional<double> {
      if (!e || c >= e->effective.size() || e->effective[c] <= 0)
        return std::nullopt;
      return e->effective[c];
    };
    auto consider = [&](const std::string &name, const std::string &title) {
      const std::optional<double> b = weightIn(before.indicator(name), cb);
      const std::optional<double> a = weightIn(after.indicator(name), ca);
      if (!a && !b)
        return;
      if (a && b && std::fabs(*a - *b) <= 1e-12)
        ++weights.unchanged;
      else
        weights.shifts.push_back({name, title, b, a});
    };
    for (const IndicatorEntry &e : after.indicators)
      consider(e.name, e.title);
    for (const IndicatorEntry &e : before.indicators)
      if (!after.indicator(e.name))
        consider(e.name, e.title);
    out.push_back(std::move(weights));
  }
  return out;
}

std::vector<std::pair<std::string, Code>> assignmentLines(const RuleEntry &rule) {
  std::vector<std::pair<std::string, Code>> out;
  for (const AssignmentEntry &a : rule.assignments)
    out.push_back({a.output + " =", a.value});
  return out;
}

std::vector<std::pair<std::string, Code>> actionLines(const EscalationEntry &escalation) {
  std::vector<std::pair<std::string, Code>> out;
  for (const ActionEntry &a : escalation.actions)
    out.push_back({"action " + a.name, a.argument});
  return out;
}

std::vector<NamedCode> reportValues(const ReportEntry &report) {
  std::vector<NamedCode> out;
  for (const ReportItemEntry &item : report.items)
    out.push_back({item.name, item.value, item.title});
  return out;
}

} // namespace

std::vector<std::string> Change::added() const {
  std::vector<std::string> out;
  for (const std::string &item : after)
    if (std::find(before.begin(), before.end(), item) == before.end())
      out.push_back(item);
  return out;
}

std::vector<std::string> Change::removed() const {
  std::vector<std::string> out;
  for (const std::string &item : before)
    if (std::find(after.begin(), after.end(), item) == after.end())
      out.push_back(item);
  return out;
}

const KindChanges *Comparison::kind(std::string_view name) const {
  for (const KindChanges &k : kinds)
    if (k.kind == name)
      return &k;
  return nullptr;
}

bool Comparison::identical() const {
  for (const KindChanges &k : kinds)
    if (!k.empty())
      return false;
  for (const ChecklistWeights &w : weights)
    if (!w.shifts.empty())
      return false;
  return calendarYearsAdded.empty() && calendarYearsRemoved.empty();
}

Comparison compare(const RuleBook &before, const RuleBook &after) {
  Comparison out;
  out.before = {before.title, before.version, before.file};
  out.after = {after.title, after.version, after.file};

  out.kinds.push_back(compareKind(
      "field", before.fields, after.fields,
      [](const FieldEntry &e) {
        return Facts{{"type", e.type}};
      },
      [](Changes &c, const FieldEntry &b, const FieldEntry &a) {
        c.value("type", b.type, a.type);
        c.value("unit", b.unit, a.unit);
        c.value("key", b.key ? "key" : "", a.key ? "key" : "");
      }));
  out.kinds.push_back(compareKind(
      "param", before.params, after.params,
      [](const ParamEntry &e) {
        return Facts{{"type", e.type}, {"default", oneLine(e.defaultValue.text)}};
      },
      [](Changes &c, const ParamEntry &b, const ParamEntry &a) {
        c.value("type", b.type, a.type);
        c.value("unit", b.unit, a.unit);
        c.code("default", b.defaultValue, a.defaultValue);
      }));
  out.kinds.push_back(compareKind(
      "domain", before.domains, after.domains,
      [](const DomainEntry &e) {
        return Facts{{"weight", e.weight}};
      },
      [](Changes &c, const DomainEntry &b, const DomainEntry &a) {
        c.value("weight", b.weight, a.weight);
      }));
  out.kinds.push_back(compareKind(
      "indicator", before.indicators, after.indicators,
      [](const IndicatorEntry &e) {
        return Facts{{"domain", e.domain}, {"weight", e.weight}, {"severity", e.severity}};
      },
      [](Changes &c, const IndicatorEntry &b, const IndicatorEntry &a) {
        c.value("domain", b.domain, a.domain);
        c.value("weight", b.weight, a.weight);
        c.value("severity", b.severity, a.severity);
        c.value("missing", b.missing, a.missing);
        c.list("basis", b.basis, a.basis);
        c.named("let ", b.lets, a.lets);
        c.code("score", b.score, a.score);
        c.code("pass", b.pass, a.pass);
      }));
  out.kinds.push_back(compareKind(
      "check", before.checks, after.checks,
      [](const CheckEntry &e) {
        std::string flags;
        for (const std::string &f : e.flags)
          flags += (flags.empty() ? "" : ", ") + f;
        return Facts{{"flags", flags}};
      },
      [](Changes &c, const CheckEntry &b, const CheckEntry &a) {
        c.named("let ", b.lets, a.lets);
        c.code("when", b.when, a.when);
        c.list("flags", b.flags, a.flags);
        c.value("missing", b.missing, a.missing);
        c.list("basis", b.basis, a.basis);
      }));
  out.kinds.push_back(compareKind(
      "checklist", before.checklists, after.checklists,
      [](const ChecklistEntry &e) {
        return Facts{{"selector", oneLine(e.selector.text)},
                     {"members", std::to_string(e.members.size())}};
      },
      [](Changes &c, const ChecklistEntry &b, const ChecklistEntry &a) {
        c.code("selector", b.selector, a.selector);
        c.list("members", b.members, a.members);
      }));
  out.kinds.push_back(compareKind(
      "value", before.values, after.values,
      [](const ValueEntry &e) {
        return Facts{{"kind", e.kind}, {"value", oneLine(e.value.text)}};
      },
      [](Changes &c, const ValueEntry &b, const ValueEntry &a) {
        c.value("kind", b.kind, a.kind);
        c.code("value", b.value, a.value);
      }));
  out.kinds.push_back(compareKind(
      "table", before.tables, after.tables,
      [](const TableEntry &e) {
        return Facts{{"hit", e.hit}, {"rows", std::to_string(e.rows.size())}};
      },
      [](Changes &c, const TableEntry &b, const TableEntry &a) {
        c.value("hit", b.hit, a.hit);
        c.value("type", b.type, a.type);
        compareRows(c, b, a);
      }));
  std::vector<FrequencyEntry> frequencyBefore, frequencyAfter;
  if (before.frequency)
    frequencyBefore.push_back(*before.frequency);
  if (after.frequency)
    frequencyAfter.push_back(*after.frequency);
  out.kinds.push_back(compareKind(
      "frequency", frequencyBefore, frequencyAfter,
      [](const FrequencyEntry &e) {
        return Facts{{"table", e.table}};
      },
      [](Changes &c, const FrequencyEntry &b, const FrequencyEntry &a) {
        c.value("table", b.table, a.table);
        c.named("", b.values, a.values);
      }));
  out.kinds.push_back(compareKind(
      "output", before.outputs, after.outputs,
      [](const OutputEntry &e) {
        return Facts{{"type", e.type}};
      },
      [](Changes &c, const OutputEntry &b, const OutputEntry &a) {
        c.value("type", b.type, a.type);
        c.code("initial", b.initial, a.initial);
      }));
  out.kinds.push_back(compareKind(
      "rule", before.rules, after.rules,
      [](const RuleEntry &e) {
        return Facts{{"when", oneLine(e.when.text)}};
      },
      [](Changes &c, const RuleEntry &b, const RuleEntry &a) {
        c.code("when", b.when, a.when);
        c.sequence("assignments", assignmentLines(b), assignmentLines(a));
      }));
  out.kinds.push_back(compareKind(
      "escalation", before.escalations, after.escalations,
      [](const EscalationEntry &e) {
        return Facts{{"when", oneLine(e.when.text)}};
      },
      [](Changes &c, const EscalationEntry &b, const EscalationEntry &a) {
        c.code("when", b.when, a.when);
        c.sequence("actions", actionLines(b), actionLines(a));
      }));
  out.kinds.push_back(compareKind(
      "deadline", before.deadlines, after.deadlines,
      [](const DeadlineEntry &e) {
        return Facts{{"value", oneLine(e.value.text)}};
      },
      [](Changes &c, const DeadlineEntry &b, const DeadlineEntry &a) {
        c.code("value", b.value, a.value);
      }));
  out.kinds.push_back(compareKind(
      "report", before.reports, after.reports,
      [](const ReportEntry &e) {
        return Facts{{"items", std::to_string(e.items.size())}};
      },
      [](Changes &c, const ReportEntry &b, const ReportEntry &a) {
        c.code("by", b.groupBy, a.groupBy);
        c.named("item ", reportValues(b), reportValues(a));
        for (const ReportItemEntry &item : a.items)
          for (const ReportItemEntry &old : b.items)
            if (old.name == item.name) {
              c.value("target " + item.name, old.target, item.target);
              c.value("title " + item.name, old.title, item.title);
            }
      }));

  // The order people read a yearly update in: the indicator system first, the data last.
  const std::vector<std::string_view> order = {
      "domain",   "indicator", "checklist", "table",  "frequency", "rule",  "escalation",
      "deadline", "check",     "value",     "output", "report",    "param", "field"};
  auto rank = [&](const KindChanges &k) {
    return std::find(order.begin(), order.end(), k.kind) - order.begin();
  };
  std::stable_sort(out.kinds.begin(), out.kinds.end(),
                   [&](const KindChanges &a, const KindChanges &b) { return rank(a) < rank(b); });

  out.weights = compareWeights(before, after);
  std::set<std::int32_t> yearsBefore, yearsAfter;
  for (const CalendarEntry &c : before.calendars)
    yearsBefore.insert(c.year);
  for (const CalendarEntry &c : after.calendars)
    yearsAfter.insert(c.year);
  std::set_difference(yearsAfter.begin(), yearsAfter.end(), yearsBefore.begin(), yearsBefore.end(),
                      std::back_inserter(out.calendarYearsAdded));
  std::set_difference(yearsBefore.begin(), yearsBefore.end(), yearsAfter.begin(), yearsAfter.end(),
                      std::back_inserter(out.calendarYearsRemoved));
  return out;
}

} // namespace xr::inspect
