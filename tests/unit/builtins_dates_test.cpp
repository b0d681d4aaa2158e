// Date kernels without a calendar: year, month, day, weekday, days_between, add_days,
// add_months, at the edges of the representable range.
#include "runtime/builtins/dates.h"
#include "runtime/builtins/kernels.h"
#include "tests/unit/dates_testing.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace {

using namespace xr::dates_testing;

DateOutcome addDays(std::int32_t d, std::int64_t n) {
  std::int32_t out = kUnwritten;
  const std::int32_t status = xr_add_days(nullptr, &out, d, n);
  return {status, out};
}

DateOutcome addMonths(std::int32_t d, std::int64_t n) {
  std::int32_t out = kUnwritten;
  const std::int32_t status = xr_add_months(nullptr, &out, d, n);
  return {status, out};
}

void expectOutOfRange(DateOutcome got) { expectFailure(got, XR_KERNEL_DATE_OUT_OF_RANGE); }

TEST(BuiltinsDates, YearMonthDay) {
  EXPECT_EQ(xr_year(ymd(2024, 2, 29)), 2024);
  EXPECT_EQ(xr_month(ymd(2024, 2, 29)), 2);
  EXPECT_EQ(xr_day(ymd(2024, 2, 29)), 29);
  EXPECT_EQ(xr_year(0), 1970);
  EXPECT_EQ(xr_year(-1), 1969);
  EXPECT_EQ(xr_month(-1), 12);
  EXPECT_EQ(xr_day(-1), 31);
  EXPECT_EQ(xr_year(kMinDays), 1);
  EXPECT_EQ(xr_month(kMinDays), 1);
  EXPECT_EQ(xr_day(kMinDays), 1);
  EXPECT_EQ(xr_year(kMaxDays), 9999);
  EXPECT_EQ(xr_month(kMaxDays), 12);
  EXPECT_EQ(xr_day(kMaxDays), 31);
}

TEST(BuiltinsDates, WeekdayIsOneForMondayToSevenForSunday) {
  EXPECT_EQ(xr_weekday(ymd(1970, 1, 1)), 4);  // Thursday
  EXPECT_EQ(xr_weekday(ymd(2024, 2, 9)), 5);  // Friday
  EXPECT_EQ(xr_weekday(ymd(2024, 2, 10)), 6); // Saturday
  EXPECT_EQ(xr_weekday(ymd(2024, 2, 18)), 7); // Sunday
  EXPECT_EQ(xr_weekday(ymd(2024, 2, 19)), 1); // Monday
  EXPECT_EQ(xr_weekday(ymd(1969, 12, 29)), 1);
  EXPECT_EQ(xr_weekday(kMinDays), 1); // 0001-01-01, proleptic Gregorian
  EXPECT_EQ(xr_weekday(kMaxDays), 5); // 9999-12-31
}

TEST(BuiltinsDates, DaysBetweenIsSecondMinusFirst) {
  EXPECT_EQ(xr_days_between(ymd(2024, 1, 1), ymd(2024, 12, 31)), 365);
  EXPECT_EQ(xr_days_between(ymd(2024, 12, 31), ymd(2024, 1, 1)), -365);
  EXPECT_EQ(xr_days_between(ymd(2024, 6, 30), ymd(2024, 6, 30)), 0);
  EXPECT_EQ(xr_days_between(kMinDays, kMaxDays), 3652058);
}

TEST(BuiltinsDates, AddDays) {
  expectDate(addDays(ymd(2024, 2, 28), 1), ymd(2024, 2, 29));
  expectDate(addDays(ymd(2024, 12, 31), 1), ymd(2025, 1, 1));
  expectDate(addDays(ymd(2024, 3, 1), -1), ymd(2024, 2, 29));
  expectDate(addDays(ymd(2024, 6, 30), 0), ymd(2024, 6, 30));
  expectDate(addDays(kMinDays, kMaxDays - kMinDays), kMaxDays);
  expectDate(addDays(kMaxDays, kMinDays - kMaxDays), kMinDays);
}

TEST(BuiltinsDates, AddDaysOutsideYearsOneToNineThousandNineHundredNinetyNine) {
  expectOutOfRange(addDays(kMaxDays, 1));
  expectOutOfRange(addDays(kMinDays, -1));
  expectOutOfRange(addDays(ymd(2024, 1, 1), kIntMax));
  expectOutOfRange(addDays(ymd(2024, 1, 1), kIntMin));
}

TEST(BuiltinsDates, AddMonthsClampsTheDayToTheMonthsEnd) {
  expectDate(addMonths(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
  expectDate(addMonths(ymd(2023, 1, 31), 1), ymd(2023, 2, 28));
  expectDate(addMonths(ymd(2024, 3, 31), -1), ymd(2024, 2, 29));
  expectDate(addMonths(ymd(2024, 5, 31), 1), ymd(2024, 6, 30));
  expectDate(addMonths(ymd(2024, 2, 29), 12), ymd(2025, 2, 28));
  expectDate(addMonths(ymd(2024, 2, 29), 48), ymd(2028, 2, 29));
}

TEST(BuiltinsDates, AddMonthsAcrossYears) {
  expectDate(addMonths(ymd(2024, 12, 15), 1), ymd(2025, 1, 15));
  expectDate(addMonths(ymd(2024, 1, 15), -1), ymd(2023, 12, 15));
  expectDate(addMonths(ymd(2024, 1, 15), -13), ymd(2022, 12, 15));
  expectDate(addMonths(ymd(2024, 6, 30), 0), ymd(2024, 6, 30));
  expectDate(addMonths(ymd(1, 1, 31), 9998 * 12 + 11), ymd(9999, 12, 31));
  expectDate(addMonths(ymd(9999, 12, 31), -(9998 * 12 + 11)), ymd(1, 1, 31));
}

TEST(BuiltinsDates, AddMonthsOutsideTheRange) {
  expectOutOfRange(addMonths(ymd(9999, 12, 1), 1));
  expectOutOfRange(addMonths(ymd(1, 1, 31), -1));
  expectOutOfRange(addMonths(ymd(2024, 1, 1), kIntMax));
  expectOutOfRange(addMonths(ymd(2024, 1, 1), kIntMin));
  expectOutOfRange(addMonths(ymd(2024, 1, 1), 9999 * 12));
}

} // namespace
