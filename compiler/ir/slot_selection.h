#pragma once
// Which slots of a program a consumer of the results reads after evaluation (the result
// writers, the report, a test's expectations, an embedder). A back end must leave every
// selected slot in the results as results.h says; it may keep the others to itself: the JIT
// holds them in registers or a small per-tile buffer instead of writing a results column per
// slot and row, which is most of its memory traffic.
#include "compiler/ir/ir.h"

#include <cstddef>
#include <string>
#include <vector>

namespace xr::ir {

class SlotSelection {
public:
  /// Every slot (the default: results read by name, by tests, by explain).
  SlotSelection() = default;
  static SlotSelection all() { return {}; }
  /// Only `slots` of a program with `slotCount` slots (ids past it are ignored).
  static SlotSelection only(std::size_t slotCount, const std::vector<SlotId> &slots);

  bool isAll() const { return all_; }
  bool contains(SlotId slot) const { return all_ || (slot < in_.size() && in_[slot]); }
  /// Adds the slots of `other` (both of programs with the same slots).
  void add(const SlotSelection &other);
  /// How many of a program's `slotCount` slots are selected.
  std::size_t count(std::size_t slotCount) const;
  /// A canonical text ("all", or the selected ids), part of the JIT's cache key.
  std::string key() const;

  friend bool operator==(const SlotSelection &, const SlotSelection &) = default;

private:
  bool all_ = true;
  std::vector<bool> in_;
};

} // namespace xr::ir
