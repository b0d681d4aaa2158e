#pragma once
// Which slots each statement of a per-record program reads and writes, its expressions
// included: for back ends that decide where a slot lives from who touches it.
#include "compiler/ir/ir.h"

#include <vector>

namespace xr::ir {

struct SlotAccess {
  std::vector<SlotId> reads;  // in no particular order, possibly repeated
  std::vector<SlotId> writes; // idem
  std::vector<ExprId> nodes;  // every node of the statement's expressions, idem
};

/// The slots `statement` reads (its expressions' Slot nodes and the slots the statement itself
/// reads: the checklist, the weighted statement's statuses and scores) and writes, and the
/// nodes of its expressions.
SlotAccess slotAccess(const Program &program, const Stmt &statement);

/// The slots no statement of the per-record program writes (a back end sets them missing).
std::vector<SlotId> unwrittenSlots(const Program &program);

} // namespace xr::ir
