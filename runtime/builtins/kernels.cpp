// The kernels too large to inline: round(x, digits).
#include "runtime/builtins/kernels.h"

#include <charconv>
#include <cstdint>
#include <system_error>

namespace {

inline constexpr std::int64_t kMaxRoundDigits = 15;

/// The shortest decimal form of a finite, non-zero double: the digits that print it and read
/// back as the same double (at most 17), and the power of ten of the first digit.
struct Decimal {
  bool negative = false;
  char digits[17] = {};
  int count = 0;
  int exponent = 0; // value = 0.d1d2...dn * 10^(exponent + 1)
};

bool shortestDecimal(double x, Decimal &dec) {
  char buf[40];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  if (ec != std::errc())
    return false;
  // The form is [-]D[.DDD]e(+|-)XX.
  const char *p = buf;
  if (*p == '-') {
    dec.negative = true;
    ++p;
  }
  for (; p < end && *p != 'e'; ++p)
    if (*p != '.') {
      if (dec.count == static_cast<int>(sizeof dec.digits))
        return false;
      dec.digits[dec.count++] = static_cast<char>(*p - '0');
    }
  if (p == end)
    return false;
  ++p; // 'e'
  if (*p == '+')
    ++p;
  const auto [expEnd, expEc] = std::from_chars(p, end, dec.exponent);
  return expEc == std::errc() && expEnd == end;
}

/// The double nearest to mantissa * 10^-digits (correctly rounded by from_chars).
bool scaledDecimal(std::uint64_t mantissa, std::int64_t digits, double &out) {
  char buf[48];
  char *p = std::to_chars(buf, buf + 24, mantissa).ptr;
  *p++ = 'e';
  p = std::to_chars(p, buf + sizeof buf, -digits).ptr;
  const auto [end, ec] = std::from_chars(buf, p, out);
  return ec == std::errc() && end == p;
}

} // namespace

/// round(x, digits): x is taken as its shortest round-trip decimal form (the digits it prints
/// as: 2.675, not the binary 2.67499999...), rounded half away from zero to `digits` decimal
/// places (negative digits round to tens, hundreds, ...), and the double nearest to that
/// decimal is returned. A zero result is +0. digits outside -15..15, or x not finite, is a
/// domain error.
extern "C" std::int32_t xr_round_to(const XrKernelContext *, double *out, double x,
                                    std::int64_t digits) noexcept {
  if (digits < -kMaxRoundDigits || digits > kMaxRoundDigits || !std::isfinite(x))
    return XR_KERNEL_DOMAIN;
  if (x == 0) {
    *out = 0.0;
    return XR_KERNEL_OK;
  }
  Decimal dec;
  if (!shortestDecimal(x, dec))
    return XR_KERNEL_DOMAIN; // unreachable for a finite double; never a wrong answer
  // Digits kept: those at 10^-digits and above.
  const std::int64_t keep = dec.exponent + digits + 1;
  if (keep >= dec.count) {
    *out = x; // already exact at that precision
    return XR_KERNEL_OK;
  }
  if (keep < 0) { // |x| < 10^-(digits+1): rounds to zero
    *out = 0.0;
    return XR_KERNEL_OK;
  }
  std::uint64_t mantissa = 0;
  for (std::int64_t i = 0; i < keep; ++i)
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(dec.digits[i]);
  if (dec.digits[keep] >= 5) // a first dropped digit of 5 is at least a half: away from zero
    ++mantissa;
  if (mantissa == 0) {
    *out = 0.0;
    return XR_KERNEL_OK;
  }
  double magnitude = 0;
  if (!scaledDecimal(mantissa, digits, magnitude) || !std::isfinite(magnitude))
    return XR_KERNEL_DOMAIN;
  *out = dec.negative ? -magnitude : magnitude;
  return XR_KERNEL_OK;
}
