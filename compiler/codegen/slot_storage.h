#pragma once
// Where the compiled code keeps each slot, decided from who reads it after evaluation (the
// results keep the selected slots, ir::SlotSelection) and which loops touch it. No LLVM here:
// the host reads the same plan for code it takes from a cache (to size the scratch buffer and
// to know which results columns the code fills).
//
// The code runs a batch a tile of kTileRows rows at a time; for each tile, each group of at
// most kGroupStatements consecutive statements is a loop over the tile's rows (row_lowering.h),
// statements that call out of the code (the calendar, text) grouped apart from the others so
// that those loops vectorise. A slot is kept
//  - in its results column, when the results keep it (the consumer reads it);
//  - in a variable of one loop (a register, after mem2reg), when only one group touches it;
//  - in a column of the tile's scratch buffer (kTileRows rows, small enough to stay in the
//    core's caches), when several groups do: one writes it, later ones read it;
//  - nowhere, when no statement touches it and the results do not keep it.
// Text is never kept in a loop's variable: its value is a place in the results' arena, which
// moves as text is appended, so it is always stored as a reference into the arena (a results
// or scratch column).
#include "compiler/ir/ir.h"
#include "compiler/ir/slot_selection.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace xr::codegen {

/// Rows per tile: a tile's scratch columns and the results columns one loop touches stay in
/// the core's caches.
inline constexpr std::int64_t kTileRows = 256;
/// Statements per loop (and per function), measured on the national rule sets with vectorised
/// loops: 8 took a third more time to compile, 32 ran a tenth slower than 16 (register
/// allocation grows faster than linearly with a function's size).
inline constexpr std::size_t kGroupStatements = 16;

struct SlotStorage {
  enum class Kind : std::uint8_t {
    Results, // its results column
    Loop,    // a variable of the loop of group `group`
    Scratch, // a column of the scratch buffer at `valuesOffset` / `validOffset`
    Missing, // written by no statement and not kept: every read gives missing
    None,    // touched by nothing and not kept
  };
  Kind kind = Kind::None;
  std::uint32_t group = 0;
  std::size_t valuesOffset = 0;
  std::size_t validOffset = 0;
};

struct StoragePlan {
  ir::SlotSelection kept;
  std::vector<SlotStorage> slots;                          // per slot
  std::vector<std::pair<std::size_t, std::size_t>> groups; // statement ranges [first, last)
  std::size_t scratchBytes = 0; // the scratch buffer for one tile (each column 64-byte aligned)
  /// Kept slots no statement writes: the host sets them missing in every row.
  std::vector<ir::SlotId> unwrittenKept;
};

StoragePlan planStorage(const ir::Program &program, const ir::SlotSelection &kept);

/// The plan as text (tile size, groups, where each slot lives), part of the compiled code's
/// cache key: code compiled for another layout of the scratch buffer must never run with this
/// one's.
std::string planKey(const StoragePlan &plan);

} // namespace xr::codegen
