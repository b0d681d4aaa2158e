// The result rows as CSV or JSON Lines. Formatting reads the result columns directly (no
// constant per value) and appends to the caller's string: it runs for every record of a run.
#include "runtime/output/output.h"
#include "runtime/output/text_out.h"
#include "runtime/output/value_out.h"

#include <optional>

namespace xr::output {

namespace {

const ir::FieldInfo *keyField(const ir::Program &program) {
  for (const ir::FieldInfo &f : program.fields)
    if (f.key)
      return &f;
  return nullptr;
}

std::vector<const ir::ResultColumn *> shownColumns(const ir::Program &program, bool indicators) {
  std::vector<const ir::ResultColumn *> shown;
  for (const ir::ResultColumn &c : program.results)
    if (indicators || !c.perIndicator)
      shown.push_back(&c);
  return shown;
}

/// Every column name in output order.
std::vector<std::string> columnNames(const ir::Program &program, bool indicators) {
  std::vector<std::string> names;
  if (const ir::FieldInfo *key = keyField(program))
    names.push_back(key->name);
  names.push_back("status");
  names.push_back("error");
  for (const ir::ResultColumn *c : shownColumns(program, indicators))
    names.push_back(c->name);
  names.push_back("flags");
  names.push_back("actions");
  return names;
}

/// A Bool slot's values, read raw.
struct BoolReader {
  const std::uint8_t *valid;
  const std::uint8_t *value;
  bool isTrue(std::size_t row) const { return valid[row] && value[row]; }
};

BoolReader boolReader(const batch::Results &results, ir::SlotId slot) {
  const batch::Column &c = results.slot(slot);
  return {c.validity(), c.values<std::uint8_t>()};
}

struct FlagPlan {
  std::string_view name;
  std::vector<BoolReader> raisedBy;
  bool raised(std::size_t row) const {
    for (const BoolReader &r : raisedBy)
      if (r.isTrue(row))
        return true;
    return false;
  }
};

struct ActionPlan {
  std::string label; // escalation.action
  std::optional<detail::ColumnReader> argument;
};

struct EscalationPlan {
  BoolReader fired;
  std::vector<ActionPlan> actions;
};

/// A value column, with its cells written out in advance when it has a few named values (an
/// enum's members, the checklists): most columns of a results file are tiers, modes, statuses.
struct ValuePlan {
  detail::ColumnReader reader;
  std::vector<std::string> named; // cell by value (member or checklist index); empty: none

  /// Appends the named cell of `index`; false when there is none.
  bool appendNamed(std::string &out, std::int64_t index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= named.size())
      return false;
    out.append(named[static_cast<std::size_t>(index)]);
    return true;
  }
};

/// What one call of format() reads, fetched once per batch.
struct RowPlan {
  std::optional<detail::ColumnReader> key;
  std::vector<ValuePlan> values;
  std::vector<std::string> jsonKeys; // per output column: "name":
  std::vector<FlagPlan> flags;
  std::vector<EscalationPlan> escalations;
};

/// The cells of names as the format writes them.
std::vector<std::string> namedCells(const std::vector<std::string> &names, bool json) {
  std::vector<std::string> cells;
  for (const std::string &name : names) {
    std::string cell;
    if (json)
      detail::appendJsonString(cell, name);
    else
      detail::appendCsvCell(cell, name);
    cells.push_back(std::move(cell));
  }
  return cells;
}

RowPlan planRows(const ir::Program &program, bool indicators, bool json,
                 const batch::Results &results) {
  RowPlan plan;
  if (keyField(program) && results.hasKey())
    plan.key.emplace(results.key(), results.arena());
  for (const ir::ResultColumn *c : shownColumns(program, indicators)) {
    ValuePlan value{detail::ColumnReader(results.slot(c->slot), results.arena()), {}};
    const Type &type = program.slots.at(c->slot).type;
    if (c->slot == program.checklistSlot) {
      value.named = namedCells(program.checklists, json);
    } else if (type.kind == TypeKind::Enum && type.enumId < program.enums.size()) {
      std::vector<std::string> members;
      for (const EnumMemberInfo &m : program.enums.get(type.enumId).members)
        members.push_back(m.name);
      value.named = namedCells(members, json);
    }
    plan.values.push_back(std::move(value));
  }
  for (const std::string &name : columnNames(program, indicators)) {
    std::string key;
    detail::appendJsonString(key, name);
    key.push_back(':');
    plan.jsonKeys.push_back(std::move(key));
  }
  for (const ir::FlagInfo &f : program.flags) {
    FlagPlan flag{f.name, {}};
    for (ir::SlotId s : f.raisedBy)
      flag.raisedBy.push_back(boolReader(results, s));
    plan.flags.push_back(std::move(flag));
  }
  for (const ir::EscalationInfo &e : program.escalations) {
    EscalationPlan escalation{boolReader(results, e.fired), {}};
    for (const ir::ActionInfo &a : e.actions) {
      ActionPlan action{e.name + "." + a.name, std::nullopt};
      if (a.argument != ir::kNoSlot)
        action.argument.emplace(results.slot(a.argument), results.arena());
      escalation.actions.push_back(std::move(action));
    }
    plan.escalations.push_back(std::move(escalation));
  }
  return plan;
}

/// Every slot planRows() reads.
ir::SlotSelection slotsOfRows(const ir::Program &program, bool indicators) {
  std::vector<ir::SlotId> slots;
  for (const ir::ResultColumn *c : shownColumns(program, indicators))
    slots.push_back(c->slot);
  for (const ir::FlagInfo &f : program.flags)
    slots.insert(slots.end(), f.raisedBy.begin(), f.raisedBy.end());
  for (const ir::EscalationInfo &e : program.escalations) {
    slots.push_back(e.fired);
    for (const ir::ActionInfo &a : e.actions)
      if (a.argument != ir::kNoSlot)
        slots.push_back(a.argument);
  }
  return ir::SlotSelection::only(program.slots.size(), slots);
}

/// The message of each error row; the rows of a batch mostly share a few errors, so the last
/// one is kept.
class ErrorMessages {
public:
  const std::string &of(const ir::Program &program, const batch::RowError &error) {
    if (!last_ || !(*last_ == error)) {
      message_ = batch::errorMessage(program, error);
      last_ = error;
    }
    return message_;
  }

private:
  std::optional<batch::RowError> last_;
  std::string message_;
};

/// escalation.action or escalation.action=argument (argument empty when missing).
void appendAction(std::string &out, const ir::Program &program, const ActionPlan &action,
                  std::size_t row) {
  out.append(action.label);
  if (!action.argument)
    return;
  out.push_back('=');
  if (action.argument->valid(row))
    detail::appendValueText(out, program, action.argument->at(row));
}

void formatCsvRow(const ir::Program &program, const RowPlan &plan, const batch::Results &results,
                  std::size_t row, std::string &out, std::string &scratch,
                  ErrorMessages &messages) {
  const bool ok = results.ok(row);
  if (plan.key) {
    if (plan.key->valid(row))
      detail::appendValueCsv(out, program, plan.key->at(row), scratch);
    out.push_back(',');
  }
  if (ok) {
    out.append("ok,");
  } else {
    out.append("error,");
    detail::appendCsvCell(out, messages.of(program, results.error(row)));
  }
  for (std::size_t c = 0; c < plan.values.size(); ++c) {
    out.push_back(',');
    const ValuePlan &column = plan.values[c];
    if (!ok || !column.reader.valid(row))
      continue;
    const detail::ValueView value = column.reader.at(row);
    if (!column.appendNamed(out, value.i))
      detail::appendValueCsv(out, program, value, scratch);
  }
  out.push_back(',');
  if (ok) {
    scratch.clear();
    for (const FlagPlan &flag : plan.flags)
      if (flag.raised(row)) {
        if (!scratch.empty())
          scratch.push_back(';');
        scratch.append(flag.name);
      }
    detail::appendCsvCell(out, scratch);
  }
  out.push_back(',');
  if (ok) {
    scratch.clear();
    for (const EscalationPlan &escalation : plan.escalations) {
      if (!escalation.fired.isTrue(row))
        continue;
      for (const ActionPlan &action : escalation.actions) {
        if (!scratch.empty())
          scratch.push_back(';');
        appendAction(scratch, program, action, row);
      }
    }
    detail::appendCsvCell(out, scratch);
  }
  out.push_back('\n');
}

void formatJsonRow(const ir::Program &program, const RowPlan &plan, const batch::Results &results,
                   std::size_t row, std::string &out, std::string &scratch,
                   ErrorMessages &messages) {
  const bool ok = results.ok(row);
  std::size_t k = 0; // the next key of plan.jsonKeys
  out.push_back('{');
  if (plan.key) {
    out.append(plan.jsonKeys[k++]);
    if (plan.key->valid(row))
      detail::appendValueJson(out, program, plan.key->at(row));
    else
      out.append("null");
    out.push_back(',');
  }
  out.append(plan.jsonKeys[k++]);
  out.append(ok ? "\"ok\"," : "\"error\",");
  out.append(plan.jsonKeys[k++]);
  if (ok)
    out.append("null");
  else
    detail::appendJsonString(out, messages.of(program, results.error(row)));
  for (std::size_t c = 0; c < plan.values.size(); ++c) {
    out.push_back(',');
    out.append(plan.jsonKeys[k++]);
    const ValuePlan &column = plan.values[c];
    if (!ok || !column.reader.valid(row)) {
      out.append("null");
      continue;
    }
    const detail::ValueView value = column.reader.at(row);
    if (!column.appendNamed(out, value.i))
      detail::appendValueJson(out, program, value);
  }
  out.push_back(',');
  out.append(plan.jsonKeys[k++]);
  if (ok) {
    out.push_back('[');
    bool first = true;
    for (const FlagPlan &flag : plan.flags)
      if (flag.raised(row)) {
        if (!first)
          out.push_back(',');
        first = false;
        detail::appendJsonString(out, flag.name);
      }
    out.push_back(']');
  } else {
    out.append("null");
  }
  out.push_back(',');
  out.append(plan.jsonKeys[k++]);
  if (ok) {
    out.push_back('[');
    bool first = true;
    for (const EscalationPlan &escalation : plan.escalations) {
      if (!escalation.fired.isTrue(row))
        continue;
      for (const ActionPlan &action : escalation.actions) {
        if (!first)
          out.push_back(',');
        first = false;
        scratch.clear();
        appendAction(scratch, program, action, row);
        detail::appendJsonString(out, scratch);
      }
    }
    out.push_back(']');
  } else {
    out.append("null");
  }
  out.append("}\n");
}

} // namespace

ResultFormatter::ResultFormatter(const ir::Program &program, OutputFormat format, bool indicators)
    : program_(&program), format_(format), indicators_(indicators) {}

ir::SlotSelection ResultFormatter::slotsRead() const { return slotsOfRows(*program_, indicators_); }

std::string ResultFormatter::preamble() const {
  const Provenance p = provenanceOf(*program_);
  std::string out;
  if (format_ == OutputFormat::JsonLines) {
    out.append("{\"xuncha\":\"results\",\"ruleset\":");
    detail::appendJsonString(out, p.ruleset);
    out.append(",\"version\":");
    detail::appendInt(out, p.version);
    out.append(",\"sha256\":");
    detail::appendJsonString(out, p.sha256);
    out.append("}\n");
    return out;
  }
  appendProvenanceComment(out, "results", p);
  out.push_back('\n');
  bool first = true;
  for (const std::string &name : columnNames(*program_, indicators_)) {
    if (!first)
      out.push_back(',');
    first = false;
    detail::appendCsvCell(out, name);
  }
  out.push_back('\n');
  return out;
}

void ResultFormatter::format(const batch::Results &results, std::string &out) const {
  const bool json = format_ == OutputFormat::JsonLines;
  const RowPlan plan = planRows(*program_, indicators_, json, results);
  std::string scratch;
  ErrorMessages messages;
  const std::size_t rows = results.rows();
  // About 24 bytes a column is typical; reserving once spares the string's regrowth.
  out.reserve(out.size() + rows * (plan.values.size() + 5) * 24);
  for (std::size_t row = 0; row < rows; ++row) {
    if (json)
      formatJsonRow(*program_, plan, results, row, out, scratch, messages);
    else
      formatCsvRow(*program_, plan, results, row, out, scratch, messages);
  }
}

} // namespace xr::output
