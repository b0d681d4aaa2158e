// The working-day kernels: add_workdays, workdays_between, is_workday.
//
// Cost: with the index of a CalendarIndex, counting the working days of a range is two array
// reads, and add_workdays for a step the index holds is a few more (indexedForward). Without
// the index (a bare view), no per-day loops either: counting the working days of a range
// [lo, hi] is arithmetic on weeks plus a binary search into the holiday and workday arrays and
// a pass over the entries that fall inside the range: O(log H + h), H all entries, h those in
// the range. add_workdays(d, n) skips whole covered years by counting them, then finds the day
// inside the last year by galloping and bisection: O(Y * (log H + h_year) + log 366 * (log H +
// h_year)), Y the number of years crossed. workdays_between is one count over the range.
#include "runtime/builtins/calendar.h"
#include "runtime/builtins/dates.h"
#include "runtime/builtins/kernels.h"

#include <algorithm>
#include <cstdint>
#include <span>

namespace {

using xr::dates::kMaxDays;
using xr::dates::kMinDays;

/// A Monday on or before the first representable date, to count weekdays from.
constexpr std::int32_t kMonday = kMinDays - (xr::dates::weekday(kMinDays) - 1);
static_assert(xr::dates::weekday(kMonday) == 1);

/// More working days than years 1..9999 hold: any |n| beyond it fails the same way.
constexpr std::int64_t kBeyondAnyCalendar = 100'000'000;

std::int32_t yearOf(std::int32_t day) { return xr::dates::civilFromDays(day).year; }
std::int32_t firstDayOf(std::int32_t year) { return xr::dates::daysFromCivil(year, 1, 1); }
std::int32_t lastDayOf(std::int32_t year) { return xr::dates::daysFromCivil(year, 12, 31); }
bool isMondayToFriday(std::int32_t day) { return xr::dates::weekday(day) <= 5; }

/// Mondays to Fridays in [kMonday, day).
std::int64_t mondayToFridayBefore(std::int32_t day) {
  const std::int64_t elapsed = std::int64_t{day} - kMonday;
  return elapsed / 7 * 5 + std::min<std::int64_t>(elapsed % 7, 5);
}

class Calendar {
public:
  explicit Calendar(const XrCalendarView &view)
      : years_(view.years, static_cast<std::size_t>(view.yearCount)),
        holidays_(view.holidays, static_cast<std::size_t>(view.holidayCount)),
        workdays_(view.workdays, static_cast<std::size_t>(view.workdayCount)),
        workingBefore_(view.workingBefore), indexFirst_(view.indexFirst),
        indexDays_(view.indexDays), indexAllCovered_(view.indexAllCovered != 0) {}

  bool covers(std::int32_t day) const {
    if (workingBefore_ && indexAllCovered_ && day >= indexFirst_ &&
        std::int64_t{day} - indexFirst_ < indexDays_)
      return true;
    return std::binary_search(years_.begin(), years_.end(), yearOf(day));
  }

  /// Every year from lo's to hi's is covered (years are sorted and distinct, so the run of
  /// covered years starting at lo's must reach hi's at the expected distance).
  bool coversRange(std::int32_t lo, std::int32_t hi) const {
    if (years_.empty())
      return false;
    if (workingBefore_ && indexAllCovered_ && lo >= indexFirst_ &&
        std::int64_t{hi} - indexFirst_ < indexDays_)
      return true; // inside the index, every day of which is covered
    // Consecutive years (the usual calendar) cover one run of days: no year of a day to find.
    if (std::int64_t{years_.back()} - years_.front() + 1 == std::ssize(years_))
      return lo >= firstDayOf(years_.front()) && hi <= lastDayOf(years_.back());
    const std::int32_t first = yearOf(lo);
    const std::int32_t last = yearOf(hi);
    const auto it = std::lower_bound(years_.begin(), years_.end(), first);
    if (it == years_.end() || *it != first)
      return false;
    const auto index = static_cast<std::size_t>(it - years_.begin()) + (last - first);
    return index < years_.size() && years_[index] == last;
  }

  bool isWorkingDay(std::int32_t day) const {
    return isDeclaredWorkday(day) || (isMondayToFriday(day) && !isHoliday(day));
  }

  /// Working days in [lo, hi]; 0 when lo > hi. The dates need not be checked for coverage.
  std::int64_t workingDaysIn(std::int32_t lo, std::int32_t hi) const {
    if (lo > hi)
      return 0;
    if (workingBefore_ && lo >= indexFirst_ && std::int64_t{hi} - indexFirst_ < indexDays_)
      return workingBefore_[hi + 1 - indexFirst_] - workingBefore_[lo - indexFirst_];
    return countWorkingDays(lo, hi);
  }

  /// workingDaysIn without the index.
  std::int64_t countWorkingDays(std::int32_t lo, std::int32_t hi) const {
    std::int64_t count = mondayToFridayBefore(hi + 1) - mondayToFridayBefore(lo);
    for (const std::int32_t day : within(holidays_, lo, hi))
      if (isMondayToFriday(day) && !isDeclaredWorkday(day))
        --count;
    for (const std::int32_t day : within(workdays_, lo, hi))
      if (!isMondayToFriday(day))
        ++count;
    return count;
  }

  /// The k-th working day from `first` on (k >= 1), knowing that [first, last] holds at
  /// least k: the smallest t with workingDaysIn(first, t) >= k.
  std::int32_t kthForward(std::int32_t first, std::int32_t last, std::int64_t k) const {
    std::int32_t lo = first; // every t < lo counts fewer than k
    std::int32_t hi = last;  // counts at least k
    for (std::int32_t span = 16; span - 1 < hi - first; span *= 2) {
      const std::int32_t probe = first + span - 1;
      if (workingDaysIn(first, probe) >= k) {
        hi = probe;
        break;
      }
      lo = probe + 1;
    }
    while (lo < hi) {
      const std::int32_t mid = lo + (hi - lo) / 2;
      if (workingDaysIn(first, mid) >= k)
        hi = mid;
      else
        lo = mid + 1;
    }
    return lo;
  }

  /// The k-th working day counting back from `last` (k >= 1), knowing that [first, last]
  /// holds at least k: the largest t with workingDaysIn(t, last) >= k.
  std::int32_t kthBackward(std::int32_t first, std::int32_t last, std::int64_t k) const {
    std::int32_t lo = first; // counts at least k
    std::int32_t hi = last;  // every t > hi counts fewer than k
    for (std::int32_t span = 16; span - 1 < last - lo; span *= 2) {
      const std::int32_t probe = last - span + 1;
      if (workingDaysIn(probe, last) >= k) {
        lo = probe;
        break;
      }
      hi = probe - 1;
    }
    while (lo < hi) {
      const std::int32_t mid = lo + (hi - lo + 1) / 2;
      if (workingDaysIn(mid, last) >= k)
        lo = mid;
      else
        hi = mid - 1;
    }
    return lo;
  }

  /// With the index, the k-th (k >= 1) working day after d, as stepForward finds it; false
  /// when the index does not hold it or a year on the way is not covered (then stepForward
  /// decides). A deadline is a few working days away, so this is a handful of index reads:
  /// t starts at d + k (one working day a day at most) and moves on by what it still lacks,
  /// never past the answer.
  bool indexedForward(std::int32_t d, std::int64_t k, std::int32_t &out) const {
    if (!workingBefore_ || std::int64_t{d} + 1 < indexFirst_)
      return false;
    const std::int64_t start = std::int64_t{d} + 1 - indexFirst_; // index of d + 1
    if (start >= indexDays_)
      return false;
    const std::int64_t target = workingBefore_[start] + k; // working days in [first, t]
    std::int64_t t = start + k - 1;                        // t as an index
    for (;;) {
      if (t >= indexDays_)
        return false;
      const std::int64_t lacking = target - workingBefore_[t + 1];
      if (lacking <= 0)
        break;
      t += lacking;
    }
    const auto day = static_cast<std::int32_t>(t + indexFirst_);
    if (!coversRange(d + 1, day))
      return false;
    out = day;
    return true;
  }

  /// indexedForward counting back: the k-th (k >= 1) working day before d, as stepBackward
  /// finds it.
  bool indexedBackward(std::int32_t d, std::int64_t k, std::int32_t &out) const {
    if (!workingBefore_ || std::int64_t{d} - 1 - indexFirst_ >= indexDays_)
      return false;
    const std::int64_t end = std::int64_t{d} - indexFirst_; // index of d
    if (end < 1)
      return false;
    const std::int64_t target = workingBefore_[end] - k; // working days in [first, t)
    std::int64_t t = end - k;
    for (;;) {
      if (t < 0)
        return false;
      const std::int64_t excess = workingBefore_[t] - target;
      if (excess <= 0)
        break;
      t -= excess;
    }
    const auto day = static_cast<std::int32_t>(t + indexFirst_);
    if (!coversRange(day, d - 1))
      return false;
    out = day;
    return true;
  }

private:
  static std::span<const std::int32_t> within(std::span<const std::int32_t> days, std::int32_t lo,
                                              std::int32_t hi) {
    const auto begin = std::lower_bound(days.begin(), days.end(), lo);
    const auto end = std::upper_bound(begin, days.end(), hi);
    return {begin, end};
  }
  bool isHoliday(std::int32_t day) const {
    return std::binary_search(holidays_.begin(), holidays_.end(), day);
  }
  bool isDeclaredWorkday(std::int32_t day) const {
    return std::binary_search(workdays_.begin(), workdays_.end(), day);
  }

  std::span<const std::int32_t> years_;
  std::span<const std::int32_t> holidays_;
  std::span<const std::int32_t> workdays_;
  const std::int32_t *workingBefore_;
  std::int32_t indexFirst_;
  std::int64_t indexDays_;
  bool indexAllCovered_;
};

/// The k-th (k >= 1) working day after d. Examines (d, result]; whole years at a time.
std::int32_t stepForward(const Calendar &cal, std::int32_t d, std::int64_t k, std::int32_t *out) {
  for (std::int32_t cur = d;;) {
    if (cur >= kMaxDays)
      return XR_KERNEL_DATE_OUT_OF_RANGE;
    const std::int32_t first = cur + 1;
    if (!cal.covers(first))
      return XR_KERNEL_NO_CALENDAR;
    const std::int32_t last = lastDayOf(yearOf(first));
    const std::int64_t inYear = cal.workingDaysIn(first, last);
    if (inYear >= k) {
      *out = cal.kthForward(first, last, k);
      return XR_KERNEL_OK;
    }
    k -= inYear;
    cur = last;
  }
}

/// The k-th (k >= 1) working day before d. Examines [result, d).
std::int32_t stepBackward(const Calendar &cal, std::int32_t d, std::int64_t k, std::int32_t *out) {
  for (std::int32_t cur = d;;) {
    if (cur <= kMinDays)
      return XR_KERNEL_DATE_OUT_OF_RANGE;
    const std::int32_t last = cur - 1;
    if (!cal.covers(last))
      return XR_KERNEL_NO_CALENDAR;
    const std::int32_t first = firstDayOf(yearOf(last));
    const std::int64_t inYear = cal.workingDaysIn(first, last);
    if (inYear >= k) {
      *out = cal.kthBackward(first, last, k);
      return XR_KERNEL_OK;
    }
    k -= inYear;
    cur = first;
  }
}

const XrCalendarView *calendarOf(const XrKernelContext *ctx) {
  return ctx ? ctx->calendar : nullptr;
}

} // namespace

namespace xr::builtins {

CalendarIndex::CalendarIndex(const std::vector<std::int32_t> &years,
                             const std::vector<std::int32_t> &holidays,
                             const std::vector<std::int32_t> &workdays)
    : view_(calendarView(years, holidays, workdays)) {
  if (years.empty())
    return;
  const std::int32_t first = firstDayOf(years.front());
  const std::int32_t last = lastDayOf(years.back());
  const Calendar plain(view_);
  workingBefore_.reserve(static_cast<std::size_t>(last - first) + 2);
  workingBefore_.push_back(0);
  for (std::int32_t day = first; day <= last; ++day)
    workingBefore_.push_back(workingBefore_.back() + (plain.isWorkingDay(day) ? 1 : 0));
  view_.workingBefore = workingBefore_.data();
  view_.indexFirst = first;
  view_.indexDays = last - first + 1;
  view_.indexAllCovered =
      std::int64_t{years.back()} - years.front() + 1 == std::ssize(years) ? 1 : 0;
}

} // namespace xr::builtins

extern "C" std::int32_t xr_add_workdays(const XrKernelContext *ctx, std::int32_t *out,
                                        std::int32_t d, std::int64_t n) noexcept {
  const XrCalendarView *view = calendarOf(ctx);
  if (!view)
    return XR_KERNEL_NO_CALENDAR;
  const Calendar cal(*view);
  if (n == 0) {
    if (!cal.covers(d))
      return XR_KERNEL_NO_CALENDAR;
    if (cal.isWorkingDay(d)) {
      *out = d;
      return XR_KERNEL_OK;
    }
    return stepForward(cal, d, 1, out);
  }
  if (n > 0) {
    const std::int64_t k = std::min(n, kBeyondAnyCalendar);
    return cal.indexedForward(d, k, *out) ? XR_KERNEL_OK : stepForward(cal, d, k, out);
  }
  const std::int64_t k = n < -kBeyondAnyCalendar ? kBeyondAnyCalendar : -n;
  return cal.indexedBackward(d, k, *out) ? XR_KERNEL_OK : stepBackward(cal, d, k, out);
}

extern "C" std::int32_t xr_workdays_between(const XrKernelContext *ctx, std::int64_t *out,
                                            std::int32_t a, std::int32_t b) noexcept {
  const XrCalendarView *view = calendarOf(ctx);
  if (!view)
    return XR_KERNEL_NO_CALENDAR;
  if (a == b) {
    *out = 0;
    return XR_KERNEL_OK;
  }
  const Calendar cal(*view);
  const std::int32_t lo = std::min(a, b) + 1;
  const std::int32_t hi = std::max(a, b);
  if (!cal.coversRange(lo, hi))
    return XR_KERNEL_NO_CALENDAR;
  const std::int64_t count = cal.workingDaysIn(lo, hi);
  *out = b > a ? count : -count;
  return XR_KERNEL_OK;
}

extern "C" std::int32_t xr_is_workday(const XrKernelContext *ctx, bool *out,
                                      std::int32_t d) noexcept {
  const XrCalendarView *view = calendarOf(ctx);
  if (!view)
    return XR_KERNEL_NO_CALENDAR;
  const Calendar cal(*view);
  if (!cal.covers(d))
    return XR_KERNEL_NO_CALENDAR;
  *out = cal.isWorkingDay(d);
  return XR_KERNEL_OK;
}
