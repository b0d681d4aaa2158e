#pragma once
// Which record fields a rule set's evaluation reads: the input columns the memory floor
// (memory_floor_bench.cpp) touches, so that the floor reads exactly what a back end must.
#include "compiler/ir/ir.h"

#include <cstdint>
#include <vector>

namespace xr::bench {

/// The fields `program`'s per-record statements read (every Field leaf of an expression they
/// hold), plus the key field, which every back end copies into the results; ascending. Fields
/// read only by test blocks are not in it: tests are not part of a run.
std::vector<std::uint32_t> fieldsRead(const ir::Program &program);

} // namespace xr::bench
