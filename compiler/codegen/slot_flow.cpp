#include "compiler/codegen/slot_flow.h"

#include <variant>

namespace xr::codegen {
namespace {

struct Writes {
  std::vector<bool> &written;
  void slot(ir::SlotId s) {
    if (s < written.size())
      written[s] = true;
  }
  void operator()(const ir::Assign &s) { slot(s.slot); }
  void operator()(const ir::IndicatorStmt &s) {
    slot(s.status);
    slot(s.score);
    for (const ir::Assign &let : s.lets)
      slot(let.slot);
  }
  void operator()(const ir::CheckStmt &s) {
    slot(s.raised);
    for (const ir::Assign &let : s.lets)
      slot(let.slot);
  }
  void operator()(const ir::WeightedStmt &s) {
    slot(s.total);
    for (ir::SlotId d : s.domainScores)
      slot(d);
  }
  void operator()(const ir::TableStmt &s) { slot(s.slot); }
  void operator()(const ir::RuleStmt &s) {
    slot(s.applied);
    for (const ir::Assign &a : s.assignments)
      slot(a.slot);
  }
  void operator()(const ir::EscalateStmt &s) {
    slot(s.fired);
    for (const ir::Assign &a : s.arguments)
      slot(a.slot);
  }
};

} // namespace

std::vector<ir::SlotId> unwrittenSlots(const ir::Program &program) {
  std::vector<bool> written(program.slots.size(), false);
  for (const ir::Stmt &stmt : program.statements)
    std::visit(Writes{written}, stmt.body);
  std::vector<ir::SlotId> out;
  for (ir::SlotId s = 0; s < written.size(); ++s)
    if (!written[s])
      out.push_back(s);
  return out;
}

} // namespace xr::codegen
