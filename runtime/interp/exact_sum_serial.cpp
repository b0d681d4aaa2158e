// An ExactSum as bytes: the normalised limbs, the count and the special-value flags. Reading
// checks the normalised form (every limb but the top in [0, 2^32), the top far from int64's
// limits), so a sum read back adds and rounds exactly as the one written.
#include "runtime/interp/byte_io.h"
#include "runtime/interp/exact_sum.h"

namespace xr::interp {

namespace {
constexpr std::int64_t kLimbBase = std::int64_t{1} << 32;
constexpr std::int64_t kTopLimbBound = std::int64_t{1} << 40; // sums of 2^60 doubles need < 2^15
} // namespace

void ExactSum::serialise(std::string &out) const {
  ExactSum m = *this;
  m.normalise();
  for (std::int64_t limb : m.limbs_)
    bytes::putI64(out, limb);
  bytes::putI64(out, count_);
  bytes::putU8(out, static_cast<std::uint8_t>((nan_ ? 1 : 0) | (positiveInfinity_ ? 2 : 0) |
                                              (negativeInfinity_ ? 4 : 0) |
                                              (onlyNegativeZeros_ ? 8 : 0)));
}

bool ExactSum::deserialise(std::string_view &in, ExactSum &out) {
  bytes::Reader read(in);
  ExactSum sum;
  for (int i = 0; i < kLimbs; ++i) {
    if (!read.i64(sum.limbs_[i]))
      return false;
    const bool top = i == kLimbs - 1;
    if (top ? (sum.limbs_[i] <= -kTopLimbBound || sum.limbs_[i] >= kTopLimbBound)
            : (sum.limbs_[i] < 0 || sum.limbs_[i] >= kLimbBase))
      return false;
  }
  std::uint8_t flags = 0;
  if (!read.i64(sum.count_) || sum.count_ < 0 || !read.u8(flags) || flags > 15)
    return false;
  sum.nan_ = flags & 1;
  sum.positiveInfinity_ = flags & 2;
  sum.negativeInfinity_ = flags & 4;
  sum.onlyNegativeZeros_ = flags & 8;
  sum.sinceNormalised_ = 0;
  out = sum;
  return true;
}

} // namespace xr::interp
