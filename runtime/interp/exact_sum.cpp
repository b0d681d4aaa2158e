#include "runtime/interp/exact_sum.h"

#include <bit>
#include <cmath>
#include <limits>

namespace xr::interp {

void ExactSum::add(double x) {
  ++count_;
  const auto bits = std::bit_cast<std::uint64_t>(x);
  const bool negative = (bits >> 63) != 0;
  const auto exponent = static_cast<int>((bits >> 52) & 0x7ff);
  std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
  if (!(negative && exponent == 0 && mantissa == 0))
    onlyNegativeZeros_ = false;
  if (exponent == 0x7ff) {
    if (mantissa != 0)
      nan_ = true;
    else if (negative)
      negativeInfinity_ = true;
    else
      positiveInfinity_ = true;
    return;
  }
  if (exponent == 0 && mantissa == 0)
    return;
  // |x| = mantissa * 2^(position - 1074).
  int position = 0;
  if (exponent != 0) {
    mantissa |= std::uint64_t{1} << 52;
    position = exponent - 1;
  }
  const int limb = position / 32;
  // mantissa << shift as a 128-bit number high:low, cut into 32-bit parts.
  const int shift = position % 32;
  const std::uint64_t low = mantissa << shift;
  const std::uint64_t high = shift ? mantissa >> (64 - shift) : 0;
  const auto part0 = static_cast<std::int64_t>(low & 0xffffffffu);
  const auto part1 = static_cast<std::int64_t>(low >> 32);
  const auto part2 = static_cast<std::int64_t>(high);
  if (negative) {
    limbs_[limb] -= part0;
    limbs_[limb + 1] -= part1;
    limbs_[limb + 2] -= part2;
  } else {
    limbs_[limb] += part0;
    limbs_[limb + 1] += part1;
    limbs_[limb + 2] += part2;
  }
  if (++sinceNormalised_ == kNormaliseEvery)
    normalise();
}

void ExactSum::add(const ExactSum &other) {
  ExactSum rhs = other;
  rhs.normalise();
  normalise();
  for (int i = 0; i < kLimbs; ++i)
    limbs_[i] += rhs.limbs_[i];
  normalise();
  count_ += other.count_;
  nan_ = nan_ || other.nan_;
  positiveInfinity_ = positiveInfinity_ || other.positiveInfinity_;
  negativeInfinity_ = negativeInfinity_ || other.negativeInfinity_;
  onlyNegativeZeros_ = onlyNegativeZeros_ && other.onlyNegativeZeros_;
}

void ExactSum::normalise() {
  for (int i = 0; i + 1 < kLimbs; ++i) {
    const std::int64_t carry = limbs_[i] >> 32; // floor division by 2^32
    limbs_[i] -= carry * (std::int64_t{1} << 32);
    limbs_[i + 1] += carry;
  }
  sinceNormalised_ = 0;
}

double ExactSum::value() const {
  if (nan_ || (positiveInfinity_ && negativeInfinity_))
    return std::numeric_limits<double>::quiet_NaN();
  if (positiveInfinity_)
    return std::numeric_limits<double>::infinity();
  if (negativeInfinity_)
    return -std::numeric_limits<double>::infinity();

  ExactSum m = *this;
  m.normalise();
  const bool negative = m.limbs_[kLimbs - 1] < 0;
  if (negative) {
    for (auto &limb : m.limbs_)
      limb = -limb;
    m.normalise();
  }
  int top = kLimbs - 1;
  while (top >= 0 && m.limbs_[top] == 0)
    --top;
  if (top < 0)
    return count_ > 0 && onlyNegativeZeros_ ? -0.0 : 0.0;

  auto bit = [&](int k) -> std::uint64_t {
    return k < 0 ? 0 : (static_cast<std::uint64_t>(m.limbs_[k / 32]) >> (k % 32)) & 1;
  };
  const int highest = top * 32 + (63 - std::countl_zero(static_cast<std::uint64_t>(m.limbs_[top])));
  double magnitude = 0;
  if (highest < 53) {
    // Fewer than 53 significant bits: exact, including the subnormal range.
    std::uint64_t small = 0;
    for (int k = highest; k >= 0; --k)
      small = (small << 1) | bit(k);
    magnitude = std::ldexp(static_cast<double>(small), -1074);
  } else {
    // The top 53 bits, then round to nearest even on the next bit and the rest (sticky).
    std::uint64_t mantissa = 0;
    for (int k = highest; k > highest - 53; --k)
      mantissa = (mantissa << 1) | bit(k);
    const int roundBit = highest - 53;
    const bool round = bit(roundBit) != 0;
    bool sticky = false;
    for (int k = roundBit - 1; k >= 0 && !sticky; --k) {
      if (k % 32 == 31 && m.limbs_[k / 32] == 0) { // skip zero limbs whole
        k -= 31;
        continue;
      }
      sticky = bit(k) != 0;
    }
    int exponent = highest - 52 - 1074;
    if (round && (sticky || (mantissa & 1))) {
      ++mantissa;
      if (mantissa == (std::uint64_t{1} << 53)) {
        mantissa >>= 1;
        ++exponent;
      }
    }
    magnitude = std::ldexp(static_cast<double>(mantissa), exponent);
  }
  return negative ? -magnitude : magnitude;
}

} // namespace xr::interp
