#pragma once
// The one registry of built-in functions. The checker takes signatures from it, the IR
// lowering resolves calls to an Fn id, the interpreter calls the kernel, and the JIT calls
// (or inlines) the very same `extern "C"` kernel by its symbol name. No back end has a table
// of its own.
//
// Kernel ABI (C): Bool is `bool`, Int `int64_t`, Number `double`, Date `int32_t` (days since
// 1970-01-01), Text two arguments `const char *data, int64_t size`.
//   pure kernels:      R kernel(args...)
//   failable kernels:  int32_t kernel(const XrKernelContext *ctx, R *out, args...)
//                      returning 0 on success or an XrKernelError code.
// Calendar kernels are failable (a date no calendar covers) and read ctx->calendar.
// Missing arguments never reach a kernel: the caller propagates missing.
#include "compiler/types/type.h"

#include <cstdint>
#include <string_view>
#include <vector>

extern "C" {
struct XrCalendarView {
  const std::int32_t *years;
  std::int64_t yearCount;
  const std::int32_t *holidays; // sorted
  std::int64_t holidayCount;
  const std::int32_t *workdays; // sorted weekend days declared working days
  std::int64_t workdayCount;
  // Optional (null when absent) index for speed, made by xr::builtins::CalendarIndex:
  // workingBefore[i] = working days in [indexFirst, indexFirst + i) for i in 0..indexDays.
  // Kernels give the same results with or without it.
  const std::int32_t *workingBefore;
  std::int32_t indexFirst;
  std::int64_t indexDays;
  // 1 when the calendar covers every day the index spans (its years are consecutive): a range
  // inside the index is then covered, without finding the years of its ends.
  std::int32_t indexAllCovered;
};

struct XrKernelContext {
  const XrCalendarView *calendar; // null when the rule set has no calendar
};

enum XrKernelError : std::int32_t {
  XR_KERNEL_OK = 0,
  XR_KERNEL_DATE_OUT_OF_RANGE = 1, // the result is not a date in years 1..9999
  XR_KERNEL_NO_CALENDAR = 2,       // a date outside every calendar's year
  XR_KERNEL_DOMAIN = 3,            // an argument outside the function's domain (sqrt(-1))
  XR_KERNEL_OVERFLOW = 4,
};
}

namespace xr::builtins {

enum class Fn : std::uint16_t {
  AbsInt,
  AbsNumber,
  MinInt,
  MinNumber,
  MaxInt,
  MaxNumber,
  ClampInt,
  ClampNumber,
  Round,      // number -> int, half away from zero
  RoundTo,    // number, int digits -> number
  Floor,      // number -> int
  Ceil,       // number -> int
  Trunc,      // number -> int
  Sqrt,       // failable: negative
  Pow,        // failable: non-finite result
  Year,       // date -> int
  Month,      // date -> int
  Day,        // day_of_month: date -> int (`day` is the unit word of `1 day`)
  Weekday,    // date -> int, 1 = Monday .. 7 = Sunday
  DaysBetween,      // date, date -> int (b - a)
  AddDays,          // date, int -> date; failable: out of range
  AddMonths,        // date, int -> date (clamped to month end); failable
  AddWorkdays,      // date, int -> date; failable: no calendar
  WorkdaysBetween,  // date, date -> int; failable: no calendar
  IsWorkday,        // date -> bool; failable: no calendar
  Length,           // text -> int (code points)
  Contains,         // text, text -> bool
  StartsWith,       // text, text -> bool
  EndsWith,         // text, text -> bool
  Count_            // number of functions; not a function
};

struct Builtin {
  Fn id;
  std::string_view name;    // as written in rule files: "max"
  std::vector<TypeKind> params;
  TypeKind result;
  bool failable = false;
  bool needsCalendar = false;
  std::string_view symbol;  // the extern "C" kernel's name, for the JIT
  const void *kernel = nullptr;
  std::string_view signature; // "max(number, number) -> number", for hover and completion
  std::string_view doc;       // one or two sentences, for hover and docs/language.md
};

/// Every built-in, indexed by Fn.
const std::vector<Builtin> &all();
const Builtin &get(Fn id);
/// The overloads of a name, in registry order (int overloads before number ones).
std::vector<const Builtin *> overloads(std::string_view name);
/// Distinct names, sorted, for completion and did-you-mean.
std::vector<std::string_view> names();

} // namespace xr::builtins
