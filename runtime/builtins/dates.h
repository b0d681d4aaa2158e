#pragma once
// Civil dates as days since 1970-01-01 (proleptic Gregorian), valid for years 1..9999.
// Header-only and constexpr: the front end checks date literals with it, the kernels and the
// loaders compute with it.
#include <cstdint>
#include <optional>

namespace xr::dates {

inline constexpr std::int32_t kMinYear = 1;
inline constexpr std::int32_t kMaxYear = 9999;

struct Civil {
  std::int32_t year;
  std::int32_t month; // 1..12
  std::int32_t day;   // 1..31
};

constexpr bool isLeapYear(std::int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr std::int32_t daysInMonth(std::int32_t y, std::int32_t m) {
  constexpr std::int32_t days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeapYear(y) ? 29 : days[m - 1];
}

/// Days since 1970-01-01 of a valid civil date (H. Hinnant's algorithm).
constexpr std::int32_t daysFromCivil(std::int32_t y, std::int32_t m, std::int32_t d) {
  y -= m <= 2;
  const std::int32_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int32_t yoe = y - era * 400;
  const std::int32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Civil civilFromDays(std::int32_t z) {
  z += 719468;
  const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int32_t doe = z - era * 146097;
  const std::int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int32_t y = yoe + era * 400;
  const std::int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int32_t mp = (5 * doy + 2) / 153;
  const std::int32_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int32_t m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

/// The days of a civil date, or nullopt when it does not exist (2024-02-30) or is out of range.
constexpr std::optional<std::int32_t> makeDate(std::int32_t y, std::int32_t m, std::int32_t d) {
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return std::nullopt;
  return daysFromCivil(y, m, d);
}

inline constexpr std::int32_t kMinDays = daysFromCivil(kMinYear, 1, 1);
inline constexpr std::int32_t kMaxDays = daysFromCivil(kMaxYear, 12, 31);

constexpr bool inRange(std::int64_t days) { return days >= kMinDays && days <= kMaxDays; }

/// 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday).
constexpr std::int32_t weekday(std::int32_t days) {
  std::int32_t w = (days % 7 + 7 + 3) % 7; // 0 = Monday
  return w + 1;
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(weekday(0) == 4);
static_assert(civilFromDays(daysFromCivil(2024, 2, 29)).day == 29);

} // namespace xr::dates
