#pragma once
// The working-day calendar as the kernels see it (XrCalendarView, registry.h), and how to
// make one from the arrays a compiled rule set carries.
//
// A working day is a Monday-Friday that is not a holiday, or a date declared a working day
// (调休). A date is covered when its year is one of the calendar's years; the calendar kernels
// fail with XR_KERNEL_NO_CALENDAR when they would have to examine a date that is not covered.
// The kernels themselves (xr_add_workdays, xr_workdays_between, xr_is_workday) are declared
// in kernels.h and documented in the registry.
#include "runtime/builtins/registry.h"

#include <cstdint>
#include <vector>

namespace xr::builtins {

/// A view over three arrays, each sorted ascending without duplicates (as sema and the IR
/// keep them): covered years, holidays and declared working days (days since 1970-01-01).
/// The view borrows the vectors: they must outlive it.
inline XrCalendarView calendarView(const std::vector<std::int32_t> &years,
                                   const std::vector<std::int32_t> &holidays,
                                   const std::vector<std::int32_t> &workdays) {
  return XrCalendarView{years.data(),    static_cast<std::int64_t>(years.size()),
                        holidays.data(), static_cast<std::int64_t>(holidays.size()),
                        workdays.data(), static_cast<std::int64_t>(workdays.size()),
                        nullptr,         0,
                        0,               0};
}

/// A calendar view with its index of working days: counting the working days of a range is
/// then two array reads instead of a walk over the holidays, which makes the working-day
/// kernels several times faster. Built once per rule set by a back end; borrows the vectors.
class CalendarIndex {
public:
  CalendarIndex(const std::vector<std::int32_t> &years, const std::vector<std::int32_t> &holidays,
                const std::vector<std::int32_t> &workdays);
  CalendarIndex(const CalendarIndex &) = delete;
  CalendarIndex &operator=(const CalendarIndex &) = delete;

  /// Valid while this index lives.
  const XrCalendarView &view() const { return view_; }

private:
  std::vector<std::int32_t> workingBefore_;
  XrCalendarView view_{};
};

} // namespace xr::builtins
