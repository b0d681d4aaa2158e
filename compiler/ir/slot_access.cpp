#include "compiler/ir/slot_access.h"

#include <variant>

namespace xr::ir {
namespace {

class Collector {
public:
  Collector(const Program &program, SlotAccess &out) : p_(program), out_(out) {}

  void read(SlotId s) {
    if (s != kNoSlot)
      out_.reads.push_back(s);
  }
  void write(SlotId s) {
    if (s != kNoSlot)
      out_.writes.push_back(s);
  }
  void expr(ExprId root) {
    // An explicit stack: expressions nest as deep as the source lets them.
    std::vector<ExprId> pending;
    if (root != kNoExpr)
      pending.push_back(root);
    while (!pending.empty()) {
      const ExprId id = pending.back();
      pending.pop_back();
      if (id >= p_.nodes.size())
        continue; // malformed IR: the back ends reject it when they lower it
      out_.nodes.push_back(id);
      const Node &n = p_.nodes[id];
      if (n.op == Op::Slot && n.a >= 0)
        read(static_cast<SlotId>(n.a));
      for (std::uint32_t i = 0; i < n.argCount; ++i)
        if (static_cast<std::size_t>(n.firstArg) + i < p_.args.size())
          pending.push_back(p_.arg(n, i));
    }
  }
  void assign(const Assign &a) {
    expr(a.value);
    write(a.slot);
  }

  void operator()(const Assign &s) { assign(s); }
  void operator()(const IndicatorStmt &s) {
    read(s.checklist);
    for (const Assign &let : s.lets)
      assign(let);
    expr(s.scoreExpr);
    expr(s.passExpr);
    write(s.status);
    write(s.score);
  }
  void operator()(const CheckStmt &s) {
    for (const Assign &let : s.lets)
      assign(let);
    expr(s.when);
    write(s.raised);
  }
  void operator()(const WeightedStmt &s) {
    read(s.checklist);
    for (SlotId x : s.indicatorStatus)
      read(x);
    for (SlotId x : s.indicatorScore)
      read(x);
    for (SlotId d : s.domainScores)
      write(d);
    write(s.total);
  }
  void operator()(const TableStmt &s) {
    for (ExprId c : s.conditions)
      expr(c);
    for (ExprId o : s.outcomes)
      expr(o);
    expr(s.otherwise);
    write(s.slot);
  }
  void operator()(const RuleStmt &s) {
    expr(s.when);
    write(s.applied);
    for (const Assign &a : s.assignments)
      assign(a);
  }
  void operator()(const EscalateStmt &s) {
    expr(s.when);
    write(s.fired);
    for (const Assign &a : s.arguments)
      assign(a);
  }

private:
  const Program &p_;
  SlotAccess &out_;
};

} // namespace

SlotAccess slotAccess(const Program &program, const Stmt &statement) {
  SlotAccess out;
  Collector collector(program, out);
  std::visit(collector, statement.body);
  return out;
}

std::vector<SlotId> unwrittenSlots(const Program &program) {
  std::vector<bool> written(program.slots.size(), false);
  for (const Stmt &stmt : program.statements)
    for (SlotId s : slotAccess(program, stmt).writes)
      if (s < written.size())
        written[s] = true;
  std::vector<SlotId> out;
  for (SlotId s = 0; s < written.size(); ++s)
    if (!written[s])
      out.push_back(s);
  return out;
}

} // namespace xr::ir
