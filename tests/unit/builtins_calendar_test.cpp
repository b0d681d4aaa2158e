// Working-day kernels: add_workdays, workdays_between, is_workday. The real 2024 mainland
// China schedule (国办发明电〔2023〕7号), the edges of the covered years, and a day-by-day
// reference over random calendars with gaps between covered years.
#include "runtime/builtins/calendar.h"
#include "runtime/builtins/dates.h"
#include "runtime/builtins/kernels.h"
#include "tests/unit/dates_testing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <ostream>
#include <random>
#include <set>
#include <vector>

namespace {

using namespace xr::dates_testing;

/// A calendar that owns its arrays and hands the kernels a context over them.
class TestCalendar {
public:
  /// `indexed`: with the index of working days a back end builds (xr::builtins::CalendarIndex);
  /// the kernels must give the same results either way.
  TestCalendar(std::vector<std::int32_t> years, std::vector<std::int32_t> holidays,
               std::vector<std::int32_t> workdays, bool indexed = false)
      : years_(std::move(years)), holidays_(std::move(holidays)), workdays_(std::move(workdays)),
        view_(xr::builtins::calendarView(years_, holidays_, workdays_)), ctx_{&view_} {
    if (indexed) {
      index_ = std::make_unique<xr::builtins::CalendarIndex>(years_, holidays_, workdays_);
      ctx_.calendar = &index_->view();
    }
  }
  TestCalendar(const TestCalendar &) = delete;
  TestCalendar &operator=(const TestCalendar &) = delete;

  const XrKernelContext *ctx() const { return &ctx_; }
  const std::vector<std::int32_t> &years() const { return years_; }
  const std::vector<std::int32_t> &holidays() const { return holidays_; }
  const std::vector<std::int32_t> &workdays() const { return workdays_; }

private:
  std::vector<std::int32_t> years_, holidays_, workdays_;
  XrCalendarView view_;
  std::unique_ptr<xr::builtins::CalendarIndex> index_;
  XrKernelContext ctx_;
};

void addRange(std::vector<std::int32_t> &days, std::int32_t first, std::int32_t last) {
  for (std::int32_t d = first; d <= last; ++d)
    days.push_back(d);
}

/// 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）.
std::unique_ptr<TestCalendar> makeChina2024() {
  std::vector<std::int32_t> holidays;
  addRange(holidays, ymd(2024, 1, 1), ymd(2024, 1, 1));   // 元旦
  addRange(holidays, ymd(2024, 2, 10), ymd(2024, 2, 17)); // 春节
  addRange(holidays, ymd(2024, 4, 4), ymd(2024, 4, 6));   // 清明节
  addRange(holidays, ymd(2024, 5, 1), ymd(2024, 5, 5));   // 劳动节
  addRange(holidays, ymd(2024, 6, 10), ymd(2024, 6, 10)); // 端午节
  addRange(holidays, ymd(2024, 9, 15), ymd(2024, 9, 17)); // 中秋节
  addRange(holidays, ymd(2024, 10, 1), ymd(2024, 10, 7)); // 国庆节
  std::vector<std::int32_t> workdays = {ymd(2024, 2, 4),  ymd(2024, 2, 18), ymd(2024, 4, 7),
                                        ymd(2024, 4, 28), ymd(2024, 5, 11), ymd(2024, 9, 14),
                                        ymd(2024, 9, 29), ymd(2024, 10, 12)};
  return std::make_unique<TestCalendar>(std::vector<std::int32_t>{2024}, std::move(holidays),
                                        std::move(workdays));
}

const TestCalendar &china2024() {
  static const std::unique_ptr<TestCalendar> calendar = makeChina2024();
  return *calendar;
}

struct CountOutcome {
  std::int32_t status;
  std::int64_t count;
  friend bool operator==(const CountOutcome &, const CountOutcome &) = default;
  friend std::ostream &operator<<(std::ostream &os, const CountOutcome &o) {
    return os << "{status " << o.status << ", " << o.count << "}";
  }
};
struct BoolOutcome {
  std::int32_t status;
  int value; // -1 when not written
};

DateOutcome addWorkdays(const XrKernelContext *ctx, std::int32_t d, std::int64_t n) {
  std::int32_t out = kUnwritten;
  const std::int32_t status = xr_add_workdays(ctx, &out, d, n);
  return {status, out};
}
CountOutcome workdaysBetween(const XrKernelContext *ctx, std::int32_t a, std::int32_t b) {
  std::int64_t out = kUnwritten;
  const std::int32_t status = xr_workdays_between(ctx, &out, a, b);
  return {status, out};
}
BoolOutcome isWorkday(const XrKernelContext *ctx, std::int32_t d) {
  bool out = false;
  const std::int32_t status = xr_is_workday(ctx, &out, d);
  return {status, status == XR_KERNEL_OK ? int{out} : -1};
}

void expectCount(CountOutcome got, std::int64_t want) {
  EXPECT_EQ(got.status, XR_KERNEL_OK);
  EXPECT_EQ(got.count, want);
}

// ---- The 2024 schedule ---------------------------------------------------------------------

TEST(BuiltinsCalendar, DeclaredWorkdaysAreWeekendDays) {
  for (const std::int32_t d : china2024().workdays())
    EXPECT_GE(xr_weekday(d), 6);
}

TEST(BuiltinsCalendar, IsWorkdayAroundTheSpringFestival) {
  const auto *ctx = china2024().ctx();
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 4)).value, 1);  // Sunday, declared a workday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 8)).value, 1);  // Thursday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 9)).value, 1);  // Friday, 除夕: not in the notice
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 10)).value, 0); // Saturday, holiday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 12)).value, 0); // Monday, holiday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 16)).value, 0); // Friday, holiday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 18)).value, 1); // Sunday, declared a workday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 19)).value, 1); // Monday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 2, 24)).value, 0); // an ordinary Saturday
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 1, 1)).value, 0);
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 1, 2)).value, 1);
  EXPECT_EQ(isWorkday(ctx, ymd(2024, 10, 12)).value, 1); // Saturday, declared a workday
}

TEST(BuiltinsCalendar, AddWorkdaysAcrossTheSpringFestival) {
  const auto *ctx = china2024().ctx();
  expectDate(addWorkdays(ctx, ymd(2024, 2, 8), 1), ymd(2024, 2, 9));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 8), 2), ymd(2024, 2, 18));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 9), 1), ymd(2024, 2, 18)); // the Sunday workday
  expectDate(addWorkdays(ctx, ymd(2024, 2, 9), 2), ymd(2024, 2, 19));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 18), 1), ymd(2024, 2, 19));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 18), -1), ymd(2024, 2, 9));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 19), -1), ymd(2024, 2, 18));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 19), -2), ymd(2024, 2, 9));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 14), -1), ymd(2024, 2, 9)); // from inside a holiday
  expectDate(addWorkdays(ctx, ymd(2024, 2, 14), 1), ymd(2024, 2, 18));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 5), -1), ymd(2024, 2, 4));
}

TEST(BuiltinsCalendar, AddZeroWorkdaysKeepsAWorkingDayElseTakesTheNext) {
  const auto *ctx = china2024().ctx();
  expectDate(addWorkdays(ctx, ymd(2024, 2, 9), 0), ymd(2024, 2, 9));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 12), 0), ymd(2024, 2, 18));
  expectDate(addWorkdays(ctx, ymd(2024, 2, 18), 0), ymd(2024, 2, 18));
  expectDate(addWorkdays(ctx, ymd(2024, 6, 29), 0), ymd(2024, 7, 1)); // Saturday
}

TEST(BuiltinsCalendar, DeadlinesOfTheInspectionLoop) {
  const auto *ctx = china2024().ctx();
  // Feedback 5 working days after a visit on Sunday 2024-06-30.
  expectDate(addWorkdays(ctx, ymd(2024, 6, 30), 5), ymd(2024, 7, 5));
  // Across the National Day week: 09-29 (Sunday workday), 09-30, then 10-08, 10-09, 10-10.
  expectDate(addWorkdays(ctx, ymd(2024, 9, 27), 5), ymd(2024, 10, 10));
  expectDate(addWorkdays(ctx, ymd(2024, 9, 30), 1), ymd(2024, 10, 8));
  // The notice reaches the enterprise 5 working days ahead of a visit on 2024-10-08.
  expectDate(addWorkdays(ctx, ymd(2024, 10, 8), -5), ymd(2024, 9, 25));
  // Ten working days after the visit across the Dragon Boat holiday (06-10).
  expectDate(addWorkdays(ctx, ymd(2024, 6, 5), 10), ymd(2024, 6, 20));
}

TEST(BuiltinsCalendar, WorkdaysBetweenCountsTheHalfOpenRange) {
  const auto *ctx = china2024().ctx();
  expectCount(workdaysBetween(ctx, ymd(2024, 2, 8), ymd(2024, 2, 18)), 2); // 02-09, 02-18
  expectCount(workdaysBetween(ctx, ymd(2024, 2, 18), ymd(2024, 2, 8)), -2);
  expectCount(workdaysBetween(ctx, ymd(2024, 2, 9), ymd(2024, 2, 17)), 0);
  expectCount(workdaysBetween(ctx, ymd(2024, 2, 9), ymd(2024, 2, 9)), 0);
  expectCount(workdaysBetween(ctx, ymd(2024, 2, 8), ymd(2024, 2, 9)), 1);
  expectCount(workdaysBetween(ctx, ymd(2024, 2, 9), ymd(2024, 2, 8)), -1); // (02-08, 02-09]
}

TEST(BuiltinsCalendar, TwoHundredFiftyOneWorkingDaysIn2024) {
  const auto *ctx = china2024().ctx();
  // 262 Mondays to Fridays, 19 of them holidays, 8 weekend days declared workdays.
  expectCount(workdaysBetween(ctx, ymd(2023, 12, 31), ymd(2024, 12, 31)), 251);
  expectCount(workdaysBetween(ctx, ymd(2024, 12, 31), ymd(2023, 12, 31)), -251);
  expectDate(addWorkdays(ctx, ymd(2023, 12, 31), 251), ymd(2024, 12, 31));
  expectDate(addWorkdays(ctx, ymd(2023, 12, 31), 1), ymd(2024, 1, 2));
  expectDate(addWorkdays(ctx, ymd(2024, 12, 31), -250), ymd(2024, 1, 2));
  // The start date itself is not examined, so it may lie outside the calendar.
  expectDate(addWorkdays(ctx, ymd(2025, 1, 1), -1), ymd(2024, 12, 31));
}

TEST(BuiltinsCalendar, CrossingIntoAnUncoveredYearFails) {
  const auto *ctx = china2024().ctx();
  expectDate(addWorkdays(ctx, ymd(2024, 12, 30), 1), ymd(2024, 12, 31));
  expectFailure(addWorkdays(ctx, ymd(2024, 12, 31), 1), XR_KERNEL_NO_CALENDAR);
  expectFailure(addWorkdays(ctx, ymd(2023, 12, 31), 252), XR_KERNEL_NO_CALENDAR);
  expectFailure(addWorkdays(ctx, ymd(2024, 1, 2), -1), XR_KERNEL_NO_CALENDAR);
  expectFailure(addWorkdays(ctx, ymd(2024, 12, 31), -251), XR_KERNEL_NO_CALENDAR);
  expectFailure(addWorkdays(ctx, ymd(2025, 3, 3), 0), XR_KERNEL_NO_CALENDAR);
  expectFailure(addWorkdays(ctx, ymd(2024, 6, 3), kIntMax), XR_KERNEL_NO_CALENDAR);
  expectFailure(addWorkdays(ctx, ymd(2024, 6, 3), kIntMin), XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(workdaysBetween(ctx, ymd(2024, 12, 1), ymd(2025, 1, 5)).status, XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(workdaysBetween(ctx, ymd(2025, 1, 5), ymd(2024, 12, 1)).status, XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(workdaysBetween(ctx, ymd(2022, 12, 31), ymd(2024, 1, 5)).status, XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(isWorkday(ctx, ymd(2025, 1, 2)).status, XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(isWorkday(ctx, ymd(2023, 12, 29)).status, XR_KERNEL_NO_CALENDAR);
}

TEST(BuiltinsCalendar, NoCalendarAtAll) {
  const XrKernelContext none{nullptr};
  expectFailure(addWorkdays(&none, ymd(2024, 2, 8), 1), XR_KERNEL_NO_CALENDAR);
  expectFailure(addWorkdays(nullptr, ymd(2024, 2, 8), 1), XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(workdaysBetween(&none, ymd(2024, 2, 8), ymd(2024, 2, 8)).status, XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(isWorkday(&none, ymd(2024, 2, 8)).status, XR_KERNEL_NO_CALENDAR);
  EXPECT_EQ(isWorkday(nullptr, ymd(2024, 2, 8)).status, XR_KERNEL_NO_CALENDAR);
}

TEST(BuiltinsCalendar, SteppingPastTheRangeOfDatesIsOutOfRange) {
  const TestCalendar calendar({1, 9999}, {}, {});
  expectFailure(addWorkdays(calendar.ctx(), kMaxDays, 1), XR_KERNEL_DATE_OUT_OF_RANGE);
  expectFailure(addWorkdays(calendar.ctx(), kMinDays, -1), XR_KERNEL_DATE_OUT_OF_RANGE);
  expectDate(addWorkdays(calendar.ctx(), kMaxDays - 1, 1), kMaxDays);  // 9999-12-31, a Friday
  expectDate(addWorkdays(calendar.ctx(), kMinDays + 1, -1), kMinDays); // 0001-01-01, a Monday
  expectCount(workdaysBetween(calendar.ctx(), kMaxDays - 7, kMaxDays), 5);
}

TEST(BuiltinsCalendar, ManyYearsAreSkippedWholeAndCountedExactly) {
  std::vector<std::int32_t> years;
  for (std::int32_t y = 1900; y <= 2300; ++y)
    years.push_back(y);
  const TestCalendar calendar(years, {}, {});
  const auto *ctx = calendar.ctx();
  // Without holidays, n working days after a Friday are n / 5 weeks and n % 5 days on.
  const std::int32_t friday = ymd(2024, 2, 9);
  expectDate(addWorkdays(ctx, friday, 5 * 10000), friday + 7 * 10000);
  expectDate(addWorkdays(ctx, friday, 5 * 10000 + 1), friday + 7 * 10000 + 3);
  expectDate(addWorkdays(ctx, friday, -5 * 6000), friday - 7 * 6000);
  expectCount(workdaysBetween(ctx, friday, friday + 7 * 10000), 5 * 10000);
  expectCount(workdaysBetween(ctx, friday + 7 * 10000, friday), -5 * 10000);
  expectFailure(addWorkdays(ctx, friday, 5 * 100000), XR_KERNEL_NO_CALENDAR);
}

// ---- Against a day-by-day reference --------------------------------------------------------

/// The definition, one day at a time.
class Reference {
public:
  explicit Reference(const TestCalendar &c)
      : years_(c.years().begin(), c.years().end()),
        holidays_(c.holidays().begin(), c.holidays().end()),
        workdays_(c.workdays().begin(), c.workdays().end()) {}

  bool covered(std::int32_t d) const { return years_.contains(xr::dates::civilFromDays(d).year); }
  bool working(std::int32_t d) const {
    return workdays_.contains(d) || (xr_weekday(d) <= 5 && !holidays_.contains(d));
  }

  DateOutcome add(std::int32_t d, std::int64_t n) const {
    if (n == 0) {
      if (!covered(d))
        return {XR_KERNEL_NO_CALENDAR, kUnwritten};
      if (working(d))
        return {XR_KERNEL_OK, d};
      n = 1;
    }
    const int step = n > 0 ? 1 : -1;
    std::int64_t left = n > 0 ? n : -n;
    std::int32_t cur = d;
    while (left > 0) {
      cur += step;
      if (cur < kMinDays || cur > kMaxDays)
        return {XR_KERNEL_DATE_OUT_OF_RANGE, kUnwritten};
      if (!covered(cur))
        return {XR_KERNEL_NO_CALENDAR, kUnwritten};
      left -= working(cur);
    }
    return {XR_KERNEL_OK, cur};
  }

  CountOutcome between(std::int32_t a, std::int32_t b) const {
    std::int64_t count = 0;
    for (std::int32_t d = std::min(a, b) + 1; d <= std::max(a, b); ++d) {
      if (!covered(d))
        return {XR_KERNEL_NO_CALENDAR, kUnwritten};
      count += working(d);
    }
    return {XR_KERNEL_OK, b >= a ? count : -count};
  }

private:
  std::set<std::int32_t> years_, holidays_, workdays_;
};

/// Covered years 2019, 2020, 2021 and 2023 (2022 is a gap), with random holidays on any day
/// and random weekend days declared workdays.
TestCalendar randomCalendar(std::mt19937 &rng) {
  const std::vector<std::int32_t> years = {2019, 2020, 2021, 2023};
  std::bernoulli_distribution holiday(0.08), workday(0.1);
  std::vector<std::int32_t> holidays, workdays;
  for (const std::int32_t y : years)
    for (std::int32_t d = ymd(y, 1, 1); d <= ymd(y, 12, 31); ++d) {
      if (holiday(rng))
        holidays.push_back(d);
      else if (xr_weekday(d) >= 6 && workday(rng))
        workdays.push_back(d);
    }
  return TestCalendar(years, std::move(holidays), std::move(workdays));
}

/// Random days and steps: every kernel agrees with the day-by-day reference.
void checkAgainstTheDayByDayDefinition(const TestCalendar &calendar, std::mt19937 &rng) {
  const Reference reference(calendar);
  std::uniform_int_distribution<std::int32_t> day(ymd(2018, 11, 1), ymd(2024, 2, 1));
  std::uniform_int_distribution<std::int64_t> smallStep(-12, 12), bigStep(-900, 900);
  for (int i = 0; i < 3000; ++i) {
    const std::int32_t d = day(rng);
    const std::int64_t n = i % 3 ? smallStep(rng) : bigStep(rng);
    ASSERT_EQ(addWorkdays(calendar.ctx(), d, n), reference.add(d, n)) << "d=" << d << " n=" << n;
    const std::int32_t e = i % 2 ? day(rng) : static_cast<std::int32_t>(d + smallStep(rng));
    ASSERT_EQ(workdaysBetween(calendar.ctx(), d, e), reference.between(d, e))
        << "a=" << d << " b=" << e;
    const BoolOutcome is = isWorkday(calendar.ctx(), d);
    if (reference.covered(d)) {
      ASSERT_EQ(is.status, XR_KERNEL_OK);
      ASSERT_EQ(is.value, int{reference.working(d)});
    } else {
      ASSERT_EQ(is.status, XR_KERNEL_NO_CALENDAR);
    }
  }
}

TEST(BuiltinsCalendar, AgreesWithTheDayByDayDefinition) {
  std::mt19937 rng(20231225);
  for (int round = 0; round < 4; ++round) {
    const TestCalendar plain = randomCalendar(rng);
    const TestCalendar indexed(plain.years(), plain.holidays(), plain.workdays(), true);
    for (const TestCalendar *each : {&plain, &indexed}) {
      SCOPED_TRACE(each == &plain ? "without the index" : "with the index");
      checkAgainstTheDayByDayDefinition(*each, rng);
    }
  }
}

} // namespace
