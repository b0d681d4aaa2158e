#pragma once
// What a checked rule set says, declaration by declaration, in the readable pieces that `doc`
// shows and `diff` compares: names, titles, weights as written, effective weights per
// checklist, and every piece of logic as its source text (with the expression kept beside it,
// so two rule sets' logic is compared by structure, not by layout). Built from the checked
// model (sema::Model) after overrides and retirements; it owns no AST and must not outlive
// the compilation it was built from.
#include "compiler/driver/compilation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace xr::inspect {

/// A piece of logic: the source text as written (comments removed; see sourceText) and the
/// expression it came from (null when the piece is absent).
struct Code {
  std::string text;
  const ast::Expr *expr = nullptr;
  bool present() const { return expr != nullptr; }
};

/// What every entry has: the declared name, its title, where it is written ("2023.xr:160")
/// and where it was overridden.
struct Entry {
  std::string name;
  std::string title;
  std::string where;
  std::vector<std::string> overriddenAt;
};

struct FieldEntry : Entry {
  std::string type; // "number?", "enum { above_scale, sme }", "Tier?"
  std::string unit;
  bool key = false;
};

struct ParamEntry : Entry {
  std::string type;
  std::string unit;
  Code defaultValue;
};

struct DomainEntry : Entry {
  std::string weight; // as written: "20%", or "" when it has none
  std::int64_t weightMicro = 0;
  std::vector<std::string> indicators;
};

struct NamedCode {
  std::string name;
  Code code;
  std::string title; // an enum member's label (frequency values), or ""
};

struct IndicatorEntry : Entry {
  std::string domain;
  std::string weight; // "25%", "8 points", or ""
  std::int64_t weightMicro = 0;
  std::string severity; // "critical", "major", "minor" or ""
  std::vector<std::string> basis;
  std::vector<NamedCode> lets;
  Code score;
  Code pass;
  std::string missing; // "not_assessed", "fail", "pass", "score 40"
  bool missingWritten = false;
  /// Effective weight in each checklist of the rule book (same index), 0 when not a member.
  std::vector<double> effective;
};

struct CheckEntry : Entry {
  std::vector<NamedCode> lets;
  Code when;
  std::vector<std::string> flags;
  std::vector<std::string> basis;
  std::string missing; // "skip" or "flag"
};

struct ChecklistEntry : Entry {
  Code selector;
  std::string listing;              // "all", "all except C3, C4" or "C1, C3, S1"
  std::vector<std::string> members; // indicator names, in rule-set order
};

/// A top-level `let` or `score`.
struct ValueEntry : Entry {
  std::string kind; // "let" or "score"
  std::string type;
  Code value;
  bool weighted = false; // `= weighted(checklist)`
};

struct RowEntry {
  Code condition; // absent for `otherwise`
  Code outcome;
};

struct TableEntry : Entry {
  std::string hit;  // "first", "collect sum", ...
  std::string type; // of one outcome
  std::vector<RowEntry> rows;
};

struct OutputEntry : Entry {
  std::string type;
  Code initial;
};

/// The `frequency by TABLE { member: value }` declaration.
struct FrequencyEntry : Entry {
  std::string table;
  std::vector<NamedCode> values; // per member of the table's enum, in member order
};

struct AssignmentEntry {
  std::string output;
  Code value;
};

struct RuleEntry : Entry {
  Code when;
  std::vector<AssignmentEntry> assignments;
};

struct ActionEntry {
  std::string name;
  Code argument;
};

struct EscalationEntry : Entry {
  Code when;
  std::vector<ActionEntry> actions;
};

struct DeadlineEntry : Entry {
  Code value;
};

struct CalendarEntry : Entry {
  std::int32_t year = 0;
  std::vector<std::string> sources;
  std::size_t holidays = 0; // days off, ranges counted day by day
  std::size_t workdays = 0; // weekend days declared working days
};

struct ReportItemEntry {
  std::string name;
  std::string title;
  Code value;
  std::string target; // ">= 95%", or ""
};

struct ReportEntry : Entry {
  Code groupBy;
  std::vector<ReportItemEntry> items;
};

struct RuleBook {
  std::string title;
  std::int64_t version = 0;
  std::string file;       // the root file's name, without its folder
  std::string extends;    // the `extends` path as written, or ""
  std::string weightKind; // "shares", "points" or "none"

  std::string recordName;
  std::vector<FieldEntry> fields;
  std::vector<ParamEntry> params;
  std::vector<DomainEntry> domains;
  std::vector<IndicatorEntry> indicators;
  std::vector<CheckEntry> checks;
  std::vector<ChecklistEntry> checklists;
  std::vector<ValueEntry> values;
  std::vector<TableEntry> tables;
  std::vector<OutputEntry> outputs; // without the frequency
  std::optional<FrequencyEntry> frequency;
  std::vector<RuleEntry> rules;
  std::vector<EscalationEntry> escalations;
  std::vector<DeadlineEntry> deadlines;
  std::vector<CalendarEntry> calendars;
  std::vector<ReportEntry> reports;

  /// The risk tier: the table the frequency is given by, else a table named `tier`; "" when
  /// the rule set has neither.
  std::string tierTable;
  /// The score declared `= weighted(checklist)`, or "".
  std::string totalScore;

  const IndicatorEntry *indicator(std::string_view name) const;
  const DomainEntry *domain(std::string_view name) const;
};

/// The rule book of a compilation that has a checked model (errors or not; entries whose
/// declarations did not check are shown as far as they go).
RuleBook describe(const Compilation &compilation);

/// The path the rule set extends, resolved against the folder of its root file; "" when it
/// extends nothing.
std::string basePath(const Compilation &compilation);

/// How the handbook and diff show an effective weight: a fraction of 1 as a percentage with
/// two decimals ("6.25%").
std::string percent(double fraction);

} // namespace xr::inspect
