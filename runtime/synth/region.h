#pragma once
// The cities the synthetic enterprises are registered in: a dozen manufacturing centres of the
// Yangtze and Pearl River deltas and inland, with their administrative division codes
// (GB/T 2260, the 3rd-8th characters of a unified social credit code), their share of the
// population and how much more or less diligent their firms are on average (regional
// enforcement differs, so the by_region report has something to show).
#include <cstdint>
#include <span>
#include <string_view>

namespace xr::synth {

struct Region {
  std::string_view name;         // 杭州市
  std::string_view divisionCode; // 330100
  double weight;                 // relative share of enterprises
  double diligenceShift;         // added to each firm's latent diligence
};

std::span<const Region> regions();

} // namespace xr::synth
