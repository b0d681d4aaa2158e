#pragma once
// Unified social credit codes (统一社会信用代码, GB 32100-2015) for synthetic enterprises:
// 18 characters, "91" (registered by market regulation, an enterprise), the division code of
// the region, a 9-character organisation code (GB 11714: 8 characters and its check
// character) and the code's own check character. The organisation code of row i is a keyed
// permutation of i, so the codes of one population are all different.
#include <cstdint>
#include <string_view>

namespace xr::synth {

/// The most rows whose codes are guaranteed distinct: the permutation's domain, 2^36.
inline constexpr std::uint64_t kMaxDistinctCodes = std::uint64_t{1} << 36;

/// Writes the 18 characters of the code of row `index` (< kMaxDistinctCodes) of the population
/// keyed by `key`, registered in `divisionCode` (6 digits).
void makeCreditCode(std::uint64_t key, std::uint64_t index, std::string_view divisionCode,
                    char out[18]);

/// Whether `code` is 18 characters with both check characters right (for tests).
bool creditCodeValid(std::string_view code);

} // namespace xr::synth
