#pragma once
// What changed from one rule set to another (a yearly update, usually): declarations added,
// removed and changed (with the changed parts), the effective weights of the indicators in
// each checklist before and after, checklist membership, table rows. Computed from two rule
// books; logic is compared by structure (sameExpr), so layout and comments never count.
#include "compiler/inspect/rule_book.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace xr::inspect {

/// One changed part of a declaration.
struct Change {
  enum class Form {
    Value, // a word or number: before/after hold one item (none: absent)
    Code,  // logic: before/after hold its source text (none: absent)
    List,  // a list (basis, members, flags): before/after hold every item
  };
  std::string aspect;  // "weight", "pass", "basis", "let energy_change", "row", ...
  std::string subject; // for table rows: the row's condition ("otherwise" for that row)
  Form form = Form::Value;
  std::vector<std::string> before, after;

  /// For lists: the items of `after` not in `before`, and the other way round.
  std::vector<std::string> added() const;
  std::vector<std::string> removed() const;
};

/// A declaration in one rule set only, with the facts that identify it in a list.
struct Summary {
  std::string name;
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts; // ("weight", "20%"), ...
};

struct Changed {
  std::string name;
  std::string title; // the new title
  std::vector<Change> changes;
};

/// The changes to one kind of declaration.
struct KindChanges {
  std::string kind; // "indicator", "domain", ... (as in the JSON)
  std::vector<Summary> added;
  std::vector<Summary> removed;
  std::vector<Changed> changed;
  std::size_t unchanged = 0;
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

/// An indicator's effective weight in one checklist before and after (none: not a member).
struct WeightShift {
  std::string indicator;
  std::string title;
  std::optional<double> before, after;
};

struct ChecklistWeights {
  std::string checklist;
  std::string title;
  std::vector<WeightShift> shifts; // only the indicators whose effective weight changed
  std::size_t unchanged = 0;
};

struct RuleSetName {
  std::string title;
  std::int64_t version = 0;
  std::string file;
};

struct Comparison {
  RuleSetName before, after;
  /// One per kind, in the order a report shows them: domain, indicator, checklist, table,
  /// frequency, rule, escalation, deadline, check, value, output, report, param, field.
  std::vector<KindChanges> kinds;
  /// Checklists present in both rule sets, in the new rule set's order.
  std::vector<ChecklistWeights> weights;
  std::vector<std::int32_t> calendarYearsAdded, calendarYearsRemoved;

  const KindChanges *kind(std::string_view name) const;
  bool identical() const;
};

Comparison compare(const RuleBook &before, const RuleBook &after);

} // namespace xr::inspect
