#include "compiler/ir/slot_selection.h"

#include <algorithm>

namespace xr::ir {

SlotSelection SlotSelection::only(std::size_t slotCount, const std::vector<SlotId> &slots) {
  SlotSelection selection;
  selection.all_ = false;
  selection.in_.assign(slotCount, false);
  for (SlotId s : slots)
    if (s < slotCount)
      selection.in_[s] = true;
  return selection;
}

void SlotSelection::add(const SlotSelection &other) {
  if (all_)
    return;
  if (other.all_) {
    *this = all();
    return;
  }
  if (in_.size() < other.in_.size())
    in_.resize(other.in_.size(), false);
  for (std::size_t s = 0; s < other.in_.size(); ++s)
    if (other.in_[s])
      in_[s] = true;
}

std::size_t SlotSelection::count(std::size_t slotCount) const {
  if (all_)
    return slotCount;
  std::size_t n = 0;
  for (std::size_t s = 0; s < std::min(slotCount, in_.size()); ++s)
    n += in_[s] ? 1 : 0;
  return n;
}

std::string SlotSelection::key() const {
  if (all_)
    return "all";
  std::string out = "only";
  for (std::size_t s = 0; s < in_.size(); ++s)
    if (in_[s])
      out += " " + std::to_string(s);
  return out;
}

} // namespace xr::ir
