#pragma once
// The calls the row loops make once per tile rather than once per record: calls whose arguments
// are the same for every record of a run (built from constants and params alone), such as
// add_workdays($inspection_date, 5). A kernel that stays a call (the calendar's) keeps its loop
// from the vectoriser and costs a call per record; made once, before the loop, it costs
// neither. Calls that take or give text are left in place (text lives in arenas that move).
// No LLVM here: the storage plan asks too, to know which statements still call out.
#include "compiler/ir/ir.h"

#include <cstdint>
#include <vector>

namespace xr::codegen {

class InvariantCalls {
public:
  explicit InvariantCalls(const ir::Program &program);
  /// Whether node `id` is such a call. Malformed ids are not.
  bool contains(ir::ExprId id) const { return id < hoisted_.size() && hoisted_[id] != 0; }

private:
  std::vector<std::uint8_t> hoisted_; // per node
};

} // namespace xr::codegen
