#include "compiler/query/inlay_hints.h"

#include "compiler/query/describe.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::query {

namespace {

/// Where the hint of an indicator goes in `file`: after the weight in force when it is
/// written there; for an indicator without a weight, after its name in its last override or
/// its declaration. One place in all the files, so a hint is never shown twice.
std::optional<std::uint32_t> anchor(const sema::IndicatorInfo &ind, FileId file) {
  if (ind.weight && ind.weight->range.valid())
    return ind.weight->range.file == file ? std::optional(ind.weight->range.end) : std::nullopt;
  SourceRange name = ind.overrides.empty() ? ind.where.name : ind.overrides.back()->name.range;
  return name.valid() && name.file == file ? std::optional(name.end) : std::nullopt;
}

} // namespace

std::vector<InlayHint> inlayHintsIn(const Compilation &c, FileId file, std::uint32_t begin,
                                    std::uint32_t end) {
  std::vector<InlayHint> out;
  if (!c.model)
    return out;
  const sema::Model &m = *c.model;
  for (std::uint32_t i = 0; i < m.indicators.size(); ++i) {
    auto at = anchor(m.indicators[i], file);
    if (!at || *at < begin || *at > end)
      continue;
    std::string label;
    std::string tooltip;
    for (const sema::ChecklistInfo &list : m.checklists) {
      double w = i < list.effectiveWeights.size() ? list.effectiveWeights[i] : 0.0;
      if (w <= 0)
        continue;
      label += (label.empty() ? "" : " · ") + list.name + " " + percentText(w);
    }
    if (label.empty())
      continue;
    tooltip = fmt::format("effective weight of {} in each checklist that contains it, as a share "
                          "of the total score (before missing data re-normalises it)",
                          m.indicators[i].name);
    out.push_back({*at, label, tooltip});
  }
  std::sort(out.begin(), out.end(),
            [](const InlayHint &a, const InlayHint &b) { return a.offset < b.offset; });
  return out;
}

} // namespace xr::query
