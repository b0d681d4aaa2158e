#pragma once
// An exact sum of doubles: a fixed-point integer wide enough for every double (a Kulisch-style
// superaccumulator), so that the sum, and the average made from it, are the same whatever the
// order of the additions and however the records are split into batches or threads. The result
// is rounded once, to nearest, ties to even.
//
// Why not a compensated (Kahan/Neumaier) sum: it is more accurate than a plain sum but still
// depends on the order of the additions, and report figures must be identical for any batch
// size and thread count.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace xr::interp {

class ExactSum {
public:
  /// Adds a value; infinities and NaN are remembered apart (see value()).
  void add(double x);
  /// Adds another sum (for merging per-batch or per-thread partial sums).
  void add(const ExactSum &other);
  /// The exact sum rounded to the nearest double (ties to even); +-infinity when it is beyond
  /// the double range. With infinities or NaN among the values: NaN if there was a NaN or
  /// infinities of both signs, else the infinity. An empty sum, or a sum of -0s only, follows
  /// IEEE: +0, and -0 for a sum of -0s.
  double value() const;
  std::int64_t count() const { return count_; }

  /// The exact state as bytes appended to `out`, and back (exact_sum_serial.cpp): partial
  /// sums of report figures travel between processes.
  void serialise(std::string &out) const;
  /// Reads a serialise()d sum from the front of `in` and moves `in` past it; false (and
  /// `in` unspecified) when `in` does not start with one.
  static bool deserialise(std::string_view &in, ExactSum &out);

private:
  // value = sum over i of limbs_[i] * 2^(32 i - 1074): limb 0 holds the smallest subnormal.
  // 68 limbs of 32 bits cover 2^-1074 .. 2^1102, room for 2^60 sums of the largest double.
  // Each addition moves a limb by less than 2^32, so carrying every 2^20 additions keeps every
  // limb far inside int64.
  static constexpr int kLimbs = 68;
  static constexpr std::int64_t kNormaliseEvery = std::int64_t{1} << 20;

  void normalise(); // every limb but the top in [0, 2^32); the top limb carries the sign

  std::array<std::int64_t, kLimbs> limbs_{};
  std::int64_t sinceNormalised_ = 0;
  std::int64_t count_ = 0;
  bool nan_ = false;
  bool positiveInfinity_ = false;
  bool negativeInfinity_ = false;
  bool onlyNegativeZeros_ = true;
};

} // namespace xr::interp
