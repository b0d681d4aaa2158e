#pragma once
// How a synthetic enterprise is drawn. Each firm has a latent diligence z (higher: more
// careful), correlated with its size and credit grade; every lapse (an expired licence, an
// untested boiler, an overdue rectification ...) is likelier the lower z is. The rates are set
// so that the national rule set, evaluated over the population, finds what MISSION.md reports
// of the industry (1.2): 18.7% of firms above designated size, 62% of SMEs and 89% of large
// firms compliant, reported data truthful for 68% of SMEs and 92% of large firms (untruthful
// firms misreport output, tax, costs or energy, which the cross-checks catch when the third-party
// figure is there), 35% of SMEs never inspected before.
#include "runtime/builtins/dates.h"
#include "runtime/synth/enterprise.h"

#include <cstdint>

namespace xr::synth {

/// What the model needs to know of the rule set's run: dates are drawn around the inspection
/// date, electricity and output agree under the rule set's benchmark consumption.
struct ModelSettings {
  std::int32_t inspectionDate = dates::daysFromCivil(2023, 6, 30); // inspection_date
  double kwhPerTon = 1200;                                         // kwh_per_ton
  double tcePerKwh = 0.0001229;                                    // tce_per_kwh
};

/// Draws enterprise `index` of the population of `seed`. It depends on nothing else: no other
/// row, no thread, no machine.
void drawEnterprise(const ModelSettings &settings, std::uint64_t seed, std::uint64_t index,
                    Enterprise &out);

} // namespace xr::synth
