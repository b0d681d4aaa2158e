#pragma once
// Helpers for the date kernels' tests: dates by year, month and day, a kernel's date result
// with its status, and the expectations on it.
#include "runtime/builtins/dates.h"
#include "runtime/builtins/kernels.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <ostream>

namespace xr::dates_testing {

using dates::kMaxDays;
using dates::kMinDays;

inline constexpr std::int64_t kIntMin = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t kIntMax = std::numeric_limits<std::int64_t>::max();
/// What an output holds before the kernel runs: a kernel that fails must leave it.
inline constexpr std::int32_t kUnwritten = -999'999;

constexpr std::int32_t ymd(std::int32_t y, std::int32_t m, std::int32_t d) {
  return dates::daysFromCivil(y, m, d);
}

/// A date kernel's status and the date it wrote (kUnwritten when none).
struct DateOutcome {
  std::int32_t status;
  std::int32_t date;
  friend bool operator==(const DateOutcome &, const DateOutcome &) = default;
  friend std::ostream &operator<<(std::ostream &os, const DateOutcome &o) {
    const auto c = dates::civilFromDays(o.date);
    return os << "{status " << o.status << ", " << c.year << "-" << c.month << "-" << c.day << "}";
  }
};

inline void expectDate(DateOutcome got, std::int32_t want) {
  EXPECT_EQ(got.status, XR_KERNEL_OK);
  const auto g = dates::civilFromDays(got.date);
  const auto w = dates::civilFromDays(want);
  EXPECT_EQ(got.date, want) << "got " << g.year << "-" << g.month << "-" << g.day << ", want "
                            << w.year << "-" << w.month << "-" << w.day;
}

inline void expectFailure(DateOutcome got, XrKernelError error) {
  EXPECT_EQ(got.status, error);
  EXPECT_EQ(got.date, kUnwritten);
}

} // namespace xr::dates_testing
