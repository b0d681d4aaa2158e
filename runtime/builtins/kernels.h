#pragma once
// The kernels of the built-in functions: one `extern "C"` function per registry entry, with
// the ABI documented in registry.h. Each semantics is written exactly once, here or in
// kernels.cpp / calendar.cpp.
//
// Linkage scheme: the small, hot kernels are defined below as `extern "C" inline`. The
// interpreter includes this header and the compiler inlines them; the registry takes their
// address, which makes the compiler emit one addressable out-of-line copy (C++ guarantees an
// inline function has one address in every translation unit). The JIT maps each registry
// `symbol` to that `kernel` address (absoluteSymbols), so both back ends run the very same
// code. Larger kernels (round to digits, the calendar) are only declared here.
//
// Every kernel is noexcept, allocates nothing and keeps no state: JIT-compiled code calls
// them. Arguments are never missing (the caller propagates missing). Dates passed in are
// valid (years 1..9999). Numbers passed in are finite unless stated otherwise. Failable
// kernels do not read `ctx` unless they need a calendar, so a caller may pass null there.
#include "runtime/builtins/dates.h"
#include "runtime/builtins/registry.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace xr::builtins::detail {

/// Converts an integral-valued double to int64: NaN is a domain error, anything outside
/// [-2^63, 2^63) (infinities included) an overflow.
inline std::int32_t integralToInt(double r, std::int64_t *out) noexcept {
  if (std::isnan(r))
    return XR_KERNEL_DOMAIN;
  if (!(r >= -0x1p63 && r < 0x1p63))
    return XR_KERNEL_OVERFLOW;
  *out = static_cast<std::int64_t>(r);
  return XR_KERNEL_OK;
}

/// IEEE 754-2019 `minimum`: -0 is below +0, NaN propagates.
inline double minimum(double a, double b) noexcept {
  if (a < b)
    return a;
  if (b < a)
    return b;
  if (std::isnan(a))
    return a;
  if (std::isnan(b))
    return b;
  return std::signbit(a) ? a : b; // equal values; differ only as -0 and +0
}

/// IEEE 754-2019 `maximum`: +0 is above -0, NaN propagates.
inline double maximum(double a, double b) noexcept {
  if (a > b)
    return a;
  if (b > a)
    return b;
  if (std::isnan(a))
    return a;
  if (std::isnan(b))
    return b;
  return std::signbit(a) ? b : a;
}

inline std::string_view text(const char *data, std::int64_t size) noexcept {
  return {data, static_cast<std::size_t>(size)};
}

} // namespace xr::builtins::detail

extern "C" {

// ---- Numbers -------------------------------------------------------------------------------

/// abs(int): overflow for -2^63, whose magnitude is not an int.
inline std::int32_t xr_abs_int(const XrKernelContext *, std::int64_t *out,
                               std::int64_t x) noexcept {
  if (x == std::numeric_limits<std::int64_t>::min())
    return XR_KERNEL_OVERFLOW;
  *out = x < 0 ? -x : x;
  return XR_KERNEL_OK;
}

/// abs(number): clears the sign bit (abs(-0) = +0).
inline double xr_abs_number(double x) noexcept { return std::fabs(x); }

inline std::int64_t xr_min_int(std::int64_t a, std::int64_t b) noexcept { return a < b ? a : b; }
inline std::int64_t xr_max_int(std::int64_t a, std::int64_t b) noexcept { return a > b ? a : b; }
inline double xr_min_number(double a, double b) noexcept {
  return xr::builtins::detail::minimum(a, b);
}
inline double xr_max_number(double a, double b) noexcept {
  return xr::builtins::detail::maximum(a, b);
}

/// clamp(x, lo, hi) = min(max(x, lo), hi); a domain error when lo > hi.
inline std::int32_t xr_clamp_int(const XrKernelContext *, std::int64_t *out, std::int64_t x,
                                 std::int64_t lo, std::int64_t hi) noexcept {
  if (lo > hi)
    return XR_KERNEL_DOMAIN;
  *out = x < lo ? lo : (x > hi ? hi : x);
  return XR_KERNEL_OK;
}

inline std::int32_t xr_clamp_number(const XrKernelContext *, double *out, double x, double lo,
                                    double hi) noexcept {
  if (!(lo <= hi)) // also rejects NaN bounds
    return XR_KERNEL_DOMAIN;
  using namespace xr::builtins::detail;
  *out = minimum(maximum(x, lo), hi);
  return XR_KERNEL_OK;
}

/// round(x): to the nearest int, halves away from zero (2.5 -> 3, -2.5 -> -3).
inline std::int32_t xr_round(const XrKernelContext *, std::int64_t *out, double x) noexcept {
  return xr::builtins::detail::integralToInt(std::round(x), out);
}
inline std::int32_t xr_floor(const XrKernelContext *, std::int64_t *out, double x) noexcept {
  return xr::builtins::detail::integralToInt(std::floor(x), out);
}
inline std::int32_t xr_ceil(const XrKernelContext *, std::int64_t *out, double x) noexcept {
  return xr::builtins::detail::integralToInt(std::ceil(x), out);
}
inline std::int32_t xr_trunc(const XrKernelContext *, std::int64_t *out, double x) noexcept {
  return xr::builtins::detail::integralToInt(std::trunc(x), out);
}

/// round(x, digits): defined in kernels.cpp (it works on the decimal digits of x).
std::int32_t xr_round_to(const XrKernelContext *ctx, double *out, double x,
                         std::int64_t digits) noexcept;

/// sqrt(x): correctly rounded; a domain error for x < 0 (sqrt(-0) = -0, as IEEE).
inline std::int32_t xr_sqrt(const XrKernelContext *, double *out, double x) noexcept {
  if (!(x >= 0)) // negative or NaN; -0 >= 0 holds
    return XR_KERNEL_DOMAIN;
  *out = std::sqrt(x);
  return XR_KERNEL_OK;
}

/// pow(x, y): the C library's pow; a domain error when the result is not finite.
inline std::int32_t xr_pow(const XrKernelContext *, double *out, double x, double y) noexcept {
  const double r = std::pow(x, y);
  if (!std::isfinite(r))
    return XR_KERNEL_DOMAIN;
  *out = r;
  return XR_KERNEL_OK;
}

// ---- Dates ---------------------------------------------------------------------------------

inline std::int64_t xr_year(std::int32_t d) noexcept { return xr::dates::civilFromDays(d).year; }
inline std::int64_t xr_month(std::int32_t d) noexcept { return xr::dates::civilFromDays(d).month; }
inline std::int64_t xr_day(std::int32_t d) noexcept { return xr::dates::civilFromDays(d).day; }
inline std::int64_t xr_weekday(std::int32_t d) noexcept { return xr::dates::weekday(d); }

/// days_between(a, b) = b - a.
inline std::int64_t xr_days_between(std::int32_t a, std::int32_t b) noexcept {
  return std::int64_t{b} - std::int64_t{a};
}

inline std::int32_t xr_add_days(const XrKernelContext *, std::int32_t *out, std::int32_t d,
                                std::int64_t n) noexcept {
  // Compared before adding so that no n, however large, overflows.
  if (n < std::int64_t{xr::dates::kMinDays} - d || n > std::int64_t{xr::dates::kMaxDays} - d)
    return XR_KERNEL_DATE_OUT_OF_RANGE;
  *out = static_cast<std::int32_t>(d + n);
  return XR_KERNEL_OK;
}

/// add_months(d, n): same day n months later, clamped to the last day of that month.
inline std::int32_t xr_add_months(const XrKernelContext *, std::int32_t *out, std::int32_t d,
                                  std::int64_t n) noexcept {
  using namespace xr::dates;
  constexpr std::int64_t kFirstMonth = std::int64_t{kMinYear} * 12;
  constexpr std::int64_t kLastMonth = std::int64_t{kMaxYear} * 12 + 11;
  if (n < -kLastMonth || n > kLastMonth) // keeps the sum below from overflowing
    return XR_KERNEL_DATE_OUT_OF_RANGE;
  const Civil c = civilFromDays(d);
  const std::int64_t months = std::int64_t{c.year} * 12 + (c.month - 1) + n;
  if (months < kFirstMonth || months > kLastMonth)
    return XR_KERNEL_DATE_OUT_OF_RANGE;
  const auto year = static_cast<std::int32_t>(months / 12);
  const auto month = static_cast<std::int32_t>(months % 12) + 1;
  *out = daysFromCivil(year, month, std::min(c.day, daysInMonth(year, month)));
  return XR_KERNEL_OK;
}

// ---- Working days (calendar.cpp) -----------------------------------------------------------

std::int32_t xr_add_workdays(const XrKernelContext *ctx, std::int32_t *out, std::int32_t d,
                             std::int64_t n) noexcept;
std::int32_t xr_workdays_between(const XrKernelContext *ctx, std::int64_t *out, std::int32_t a,
                                 std::int32_t b) noexcept;
std::int32_t xr_is_workday(const XrKernelContext *ctx, bool *out, std::int32_t d) noexcept;

// ---- Text (UTF-8) --------------------------------------------------------------------------

/// length(s): Unicode code points, i.e. the bytes that are not UTF-8 continuation bytes.
inline std::int64_t xr_length(const char *data, std::int64_t size) noexcept {
  std::int64_t count = 0;
  for (std::int64_t i = 0; i < size; ++i)
    count += (static_cast<unsigned char>(data[i]) & 0xC0u) != 0x80u;
  return count;
}

inline bool xr_contains(const char *s, std::int64_t sSize, const char *part,
                        std::int64_t partSize) noexcept {
  using xr::builtins::detail::text;
  return text(s, sSize).find(text(part, partSize)) != std::string_view::npos;
}
inline bool xr_starts_with(const char *s, std::int64_t sSize, const char *prefix,
                           std::int64_t prefixSize) noexcept {
  using xr::builtins::detail::text;
  return text(s, sSize).starts_with(text(prefix, prefixSize));
}
inline bool xr_ends_with(const char *s, std::int64_t sSize, const char *suffix,
                         std::int64_t suffixSize) noexcept {
  using xr::builtins::detail::text;
  return text(s, sSize).ends_with(text(suffix, suffixSize));
}

} // extern "C"
