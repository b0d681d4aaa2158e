#include "runtime/explain/explain.h"

#include "runtime/explain/probe.h"
#include "runtime/explain/weights.h"
#include "runtime/interp/trace.h"

#include <stdexcept>
#include <type_traits>

namespace xr::explain {
namespace {

std::string_view policyName(ir::TableStmt::Policy policy) {
  using P = ir::TableStmt::Policy;
  switch (policy) {
  case P::First:
    return "first";
  case P::Unique:
    return "unique";
  case P::Any:
    return "any";
  case P::Priority:
    return "priority";
  case P::Collect:
    return "collect";
  case P::Sum:
    return "collect sum";
  case P::Min:
    return "collect min";
  case P::Max:
    return "collect max";
  case P::Count:
    return "collect count";
  }
  return "first";
}

class Explainer {
public:
  Explainer(const Compilation &compilation, const interp::Interpreter &interpreter,
            const batch::Batch &record, const batch::ParamValues &params,
            const interp::Trace &trace)
      : c_(compilation), p_(*compilation.program), m_(compilation.model.get()), record_(record),
        params_(params), trace_(trace), probe_(compilation.sources, interpreter, record, params) {}

  Explanation run();

private:
  const batch::Results &before(std::size_t s) const { return trace_.before(s); }
  const batch::Results &after(std::size_t s) const { return trace_.after(s); }
  bool failedAt(std::size_t s) const { return trace_.error && trace_.failedStatement == s; }

  void describeRecord();
  void checklistChoice(std::size_t s, const ir::Assign &assign);
  void indicator(std::size_t s, const ir::IndicatorStmt &stmt);
  void weighted(std::size_t s, const ir::WeightedStmt &stmt);
  void table(std::size_t s, const ir::TableStmt &stmt);
  void rule(std::size_t s, const ir::RuleStmt &stmt);
  void escalation(std::size_t s, const ir::EscalateStmt &stmt);
  void deadline(std::size_t s, const ir::Assign &assign);
  void finish();

  std::string titleOf(ir::SlotRole role, std::uint32_t owner) const;

  const Compilation &c_;
  const ir::Program &p_;
  const sema::Model *m_;
  const batch::Batch &record_;
  const batch::ParamValues &params_;
  const interp::Trace &trace_;
  Probe probe_;
  Explanation out_;
};

std::string Explainer::titleOf(ir::SlotRole role, std::uint32_t owner) const {
  if (!m_)
    return {};
  auto pick = [&](const auto &items) -> std::string {
    return owner < items.size() ? items[owner].title : std::string();
  };
  switch (role) {
  case ir::SlotRole::Deadline:
    return pick(m_->deadlines);
  case ir::SlotRole::Output:
    return pick(m_->outputs);
  case ir::SlotRole::Score:
    return pick(m_->scores);
  case ir::SlotRole::Table:
    return pick(m_->tables);
  default:
    return {};
  }
}

void Explainer::describeRecord() {
  out_.ruleset = p_.title;
  out_.version = p_.version;
  if (m_ && m_->rootFile < c_.sources.size())
    out_.file = c_.sources.file(m_->rootFile).path();
  for (std::uint32_t f = 0; f < p_.fields.size(); ++f) {
    ir::Constant v = batch::constantAt(record_.column(f), 0, record_.arena());
    if (p_.fields[f].key)
      out_.key = v;
    if (v.valid)
      out_.record.push_back({p_.fields[f].name, v, {}});
  }
  for (std::uint32_t i = 0; i < p_.params.size(); ++i)
    out_.params.push_back({p_.params[i].name, params_.value(i), {}});
}

void Explainer::checklistChoice(std::size_t s, const ir::Assign &assign) {
  ChecklistPart &part = out_.checklist;
  const ir::Constant chosen = after(s).value(p_.checklistSlot, 0);
  // The choice is a chain when(selector_0, 0, when(selector_1, 1, ... fail)).
  ir::ExprId link = assign.value;
  while (p_.node(link).op == ir::Op::When) {
    const ir::Node &n = p_.node(link);
    const auto index = static_cast<std::uint32_t>(
        p_.node(p_.arg(n, 1)).op == ir::Op::Const ? p_.constants[p_.node(p_.arg(n, 1)).a].i : 0);
    Condition selector = probe_.condition(p_.arg(n, 0), before(s));
    const std::string name = index < p_.checklists.size() ? p_.checklists[index] : "?";
    const std::string title =
        m_ && index < m_->checklists.size() ? m_->checklists[index].title : std::string();
    if (chosen.valid && chosen.i == index) {
      part.chosen = index;
      part.name = name;
      part.title = title;
      part.because = std::move(selector);
      break;
    }
    part.rejected.push_back({name, title, std::move(selector)});
    link = p_.arg(n, 2);
  }
}

void Explainer::indicator(std::size_t s, const ir::IndicatorStmt &stmt) {
  IndicatorPart part;
  const std::uint32_t i = stmt.indicator;
  part.name = i < p_.indicators.size() ? p_.indicators[i] : "?";
  if (m_ && i < m_->indicators.size()) {
    const sema::IndicatorInfo &info = m_->indicators[i];
    part.title = info.title;
    part.line = probe_.line(info.where.name);
    if (info.domain < m_->domains.size())
      part.domain = m_->domains[info.domain].name;
  }
  const batch::Results &frame = after(s);
  part.failed = failedAt(s);
  const ir::Constant status = frame.value(stmt.status, 0);
  part.status = status.valid ? static_cast<ir::Status>(status.i) : ir::Status::NotApplicable;
  part.score = frame.value(stmt.score, 0);
  const ir::Constant checklist = frame.value(stmt.checklist, 0);
  part.applicable =
      stmt.checklist == ir::kNoSlot || (checklist.valid && checklist.i >= 0 && checklist.i < 64 &&
                                        ((stmt.checklists >> checklist.i) & 1u));
  if (part.applicable) {
    // Its own lets are read from the frame after it ran, where they have their values.
    std::vector<ir::ExprId> read;
    for (const ir::Assign &let : stmt.lets)
      probe_.references(let.value, read);
    if (stmt.scoreExpr != ir::kNoExpr)
      probe_.references(stmt.scoreExpr, read);
    if (stmt.passExpr != ir::kNoExpr)
      probe_.references(stmt.passExpr, read);
    for (ir::ExprId e : read) {
      const ir::Node &n = p_.node(e);
      if (n.op == ir::Op::Slot && static_cast<ir::SlotId>(n.a) == stmt.score)
        continue; // `pass when score >= 60` reads its own score, shown already
      part.inputs.push_back(probe_.value(e, frame));
    }
  }
  out_.indicators.push_back(std::move(part));
}

void Explainer::weighted(std::size_t s, const ir::WeightedStmt &stmt) {
  const batch::Results &frame = before(s);
  const ir::Constant checklist = frame.value(stmt.checklist, 0);
  if (!checklist.valid)
    return;
  std::vector<ir::Status> statuses;
  for (ir::SlotId slot : stmt.indicatorStatus) {
    const ir::Constant v = frame.value(slot, 0);
    statuses.push_back(v.valid ? static_cast<ir::Status>(v.i) : ir::Status::NotApplicable);
  }
  const EffectiveWeights w =
      effectiveWeights(stmt, static_cast<std::size_t>(checklist.i), statuses);
  for (IndicatorPart &part : out_.indicators)
    for (std::size_t i = 0; i < p_.indicators.size() && i < w.nominal.size(); ++i)
      if (p_.indicators[i] == part.name) {
        part.weight = w.nominal[i];
        part.effectiveWeight = w.effective[i];
      }
  if (!out_.domains.empty())
    return; // a second weighted score reads the same domains
  const batch::Results &result = after(s);
  for (std::size_t d = 0; d < stmt.domainScores.size(); ++d) {
    DomainPart part;
    part.name = d < p_.domains.size() ? p_.domains[d] : "?";
    if (m_ && d < m_->domains.size())
      part.title = m_->domains[d].title;
    part.score = result.value(stmt.domainScores[d], 0);
    part.effectiveWeight = d < w.domain.size() ? w.domain[d] : 0.0;
    out_.domains.push_back(std::move(part));
  }
}

void Explainer::table(std::size_t s, const ir::TableStmt &stmt) {
  using P = ir::TableStmt::Policy;
  TablePart part;
  const ir::SlotInfo &slot = p_.slots[stmt.slot];
  part.name = slot.name;
  part.title = titleOf(ir::SlotRole::Table, slot.owner);
  part.policy = std::string(policyName(stmt.policy));
  part.failed = failedAt(s);
  const batch::Results &frame = before(s);
  std::size_t matches = 0;
  for (std::size_t r = 0; r < stmt.conditions.size(); ++r) {
    TableRowPart row;
    row.row = static_cast<std::uint32_t>(r + 1);
    row.line = r < stmt.rowLines.size() ? stmt.rowLines[r] : 0;
    row.condition = probe_.condition(stmt.conditions[r], frame);
    row.matched = row.condition.outcome == "true";
    row.outcomeText = probe_.text(stmt.outcomes[r]);
    if (row.matched && stmt.policy != P::Count)
      row.outcome = probe_.value(stmt.outcomes[r], frame);
    const bool error = row.condition.outcome == "error";
    matches += row.matched ? 1 : 0;
    part.rows.push_back(std::move(row));
    // The rows the interpreter evaluates (ir::TableStmt): first stops at its match, unique at
    // its second, every policy at an error.
    if (error || (stmt.policy == P::First && matches == 1) ||
        (stmt.policy == P::Unique && matches == 2))
      break;
  }
  if (stmt.otherwise != ir::kNoExpr) {
    part.otherwiseText = probe_.text(stmt.otherwise);
    part.otherwiseUsed = matches == 0 && !part.failed;
  }
  part.value = after(s).value(stmt.slot, 0);
  out_.tables.push_back(std::move(part));
}

void Explainer::rule(std::size_t s, const ir::RuleStmt &stmt) {
  RulePart part;
  const ir::SlotInfo &slot = p_.slots[stmt.applied];
  part.name = slot.name;
  if (m_ && slot.owner < m_->rules.size())
    part.title = m_->rules[slot.owner].title;
  part.condition = probe_.condition(stmt.when, before(s));
  const ir::Constant applied = after(s).value(stmt.applied, 0);
  part.applied = applied.valid && applied.i != 0;
  if (part.applied)
    for (const ir::Assign &a : stmt.assignments) {
      bool seen = false;
      for (const ChangePart &change : part.changes)
        seen = seen || change.output == p_.slots[a.slot].name;
      if (!seen)
        part.changes.push_back(
            {p_.slots[a.slot].name, before(s).value(a.slot, 0), after(s).value(a.slot, 0)});
    }
  out_.rules.push_back(std::move(part));
}

void Explainer::escalation(std::size_t s, const ir::EscalateStmt &stmt) {
  EscalationPart part;
  const ir::SlotInfo &slot = p_.slots[stmt.fired];
  part.name = slot.name;
  if (m_ && slot.owner < m_->escalations.size())
    part.title = m_->escalations[slot.owner].title;
  part.condition = probe_.condition(stmt.when, before(s));
  const ir::Constant fired = after(s).value(stmt.fired, 0);
  part.fired = fired.valid && fired.i != 0;
  if (part.fired)
    for (const ir::EscalationInfo &info : p_.escalations)
      if (info.fired == stmt.fired)
        for (const ir::ActionInfo &action : info.actions) {
          ActionPart a{action.name, std::nullopt};
          if (action.argument != ir::kNoSlot)
            a.argument = after(s).value(action.argument, 0);
          part.actions.push_back(std::move(a));
        }
  out_.escalations.push_back(std::move(part));
}

void Explainer::deadline(std::size_t s, const ir::Assign &assign) {
  const ir::SlotInfo &slot = p_.slots[assign.slot];
  out_.deadlines.push_back(
      {slot.name, titleOf(ir::SlotRole::Deadline, slot.owner), after(s).value(assign.slot, 0)});
}

void Explainer::finish() {
  const batch::Results &last = trace_.final();
  if (trace_.error) {
    out_.error = batch::errorMessage(p_, *trace_.error);
    return; // a record with an error has no result
  }
  for (const ir::ResultColumn &column : p_.results) {
    if (column.perIndicator)
      continue;
    ir::Constant value = last.value(column.slot, 0);
    if (column.slot == p_.checklistSlot && value.valid && value.i >= 0 &&
        static_cast<std::size_t>(value.i) < p_.checklists.size()) // by name, not by index
      value = ir::Constant{Type::text(), true, 0, 0, p_.checklists[value.i]};
    out_.result.push_back({column.name, std::move(value), {}});
  }
  for (const ir::FlagInfo &flag : p_.flags) {
    FlagPart part{flag.name, {}};
    for (ir::SlotId check : flag.raisedBy) {
      const ir::Constant raised = last.value(check, 0);
      if (raised.valid && raised.i != 0)
        part.raisedBy.push_back(p_.slots[check].name);
    }
    if (!part.raisedBy.empty())
      out_.flags.push_back(std::move(part));
  }
}

Explanation Explainer::run() {
  describeRecord();
  for (std::size_t s = 0; s < trace_.ran; ++s) {
    const ir::Stmt &stmt = p_.statements[s];
    std::visit(
        [&](const auto &body) {
          using T = std::decay_t<decltype(body)>;
          if constexpr (std::is_same_v<T, ir::Assign>) {
            if (body.slot == p_.checklistSlot)
              checklistChoice(s, body);
            else if (p_.slots[body.slot].role == ir::SlotRole::Deadline)
              deadline(s, body);
          } else if constexpr (std::is_same_v<T, ir::IndicatorStmt>) {
            indicator(s, body);
          } else if constexpr (std::is_same_v<T, ir::WeightedStmt>) {
            weighted(s, body);
          } else if constexpr (std::is_same_v<T, ir::TableStmt>) {
            table(s, body);
          } else if constexpr (std::is_same_v<T, ir::RuleStmt>) {
            rule(s, body);
          } else if constexpr (std::is_same_v<T, ir::EscalateStmt>) {
            escalation(s, body);
          }
        },
        stmt.body);
  }
  finish();
  return std::move(out_);
}

} // namespace

Explanation explainRecord(const Compilation &compilation, const interp::Interpreter &interpreter,
                          const batch::Batch &record, const batch::ParamValues &params) {
  if (!compilation.program || &interpreter.program() != compilation.program.get())
    throw std::invalid_argument("explain needs the interpreter of the compilation's program");
  const interp::Trace trace = interp::traceRecord(interpreter, record, params);
  return Explainer(compilation, interpreter, record, params, trace).run();
}

} // namespace xr::explain
