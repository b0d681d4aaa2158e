#pragma once
// The slots no statement of the per-record program writes. The compiled code writes a slot's
// results column whenever a row assigns it; these it never touches, and the host sets them
// missing in every row (the interpreter does the same before evaluating).
#include "compiler/ir/ir.h"

#include <vector>

namespace xr::codegen {

std::vector<ir::SlotId> unwrittenSlots(const ir::Program &program);

} // namespace xr::codegen
