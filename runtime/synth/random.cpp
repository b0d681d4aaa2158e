#include "runtime/synth/random.h"

namespace xr::synth {

std::uint64_t Rng::below(std::uint64_t n) {
  // 128-bit product of two 64-bit halves, by hand: `unsigned __int128` is not ISO C++.
  auto multiplyHigh = [](std::uint64_t a, std::uint64_t b, std::uint64_t &low) {
    const std::uint64_t aLow = a & 0xffffffffULL, aHigh = a >> 32;
    const std::uint64_t bLow = b & 0xffffffffULL, bHigh = b >> 32;
    const std::uint64_t ll = aLow * bLow, lh = aLow * bHigh, hl = aHigh * bLow, hh = aHigh * bHigh;
    const std::uint64_t middle = (ll >> 32) + (lh & 0xffffffffULL) + (hl & 0xffffffffULL);
    low = (middle << 32) | (ll & 0xffffffffULL);
    return hh + (lh >> 32) + (hl >> 32) + (middle >> 32);
  };
  std::uint64_t low = 0;
  std::uint64_t high = multiplyHigh(next(), n, low);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold)
      high = multiplyHigh(next(), n, low);
  }
  return high;
}

std::uint64_t rowSeed(std::uint64_t seed, std::uint64_t index) {
  SplitMix64 key(seed);
  SplitMix64 row(key.next() ^ (index * 0xd1342543de82ef95ULL));
  return row.next();
}

} // namespace xr::synth
