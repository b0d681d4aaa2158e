// The registry of built-in functions. Each entry is checked at compile time against its
// kernel's C signature (the ABI of registry.h), so the checker, the interpreter and the JIT
// cannot disagree about a kernel's parameters, result or failability.
#include "runtime/builtins/registry.h"

#include "runtime/builtins/kernels.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <type_traits>

namespace xr::builtins {
namespace {

/// One machine-level argument or result of the kernel ABI.
enum class Abi : std::uint8_t { Bool, I32, I64, F64, Ptr };

template <class T> constexpr Abi abiOf() {
  if constexpr (std::is_same_v<T, bool>)
    return Abi::Bool;
  else if constexpr (std::is_same_v<T, std::int32_t>)
    return Abi::I32;
  else if constexpr (std::is_same_v<T, std::int64_t>)
    return Abi::I64;
  else if constexpr (std::is_same_v<T, double>)
    return Abi::F64;
  else {
    static_assert(std::is_same_v<T, const char *>, "type outside the kernel ABI");
    return Abi::Ptr;
  }
}

struct Shape {
  bool failable = false;
  Abi result = Abi::Bool;
  std::array<Abi, 8> args{};
  std::size_t argCount = 0;
  friend constexpr bool operator==(const Shape &, const Shape &) = default;
};

template <class... A> constexpr void addArgs(Shape &shape) {
  ((shape.args[shape.argCount++] = abiOf<A>()), ...);
}

// The shape of a kernel, deduced from its C type. A failable kernel is recognised by its
// first two parameters; partial ordering prefers this overload when both match.
template <class Out, class... A>
constexpr Shape shapeOf(std::int32_t (*)(const XrKernelContext *, Out *, A...) noexcept) {
  Shape shape;
  shape.failable = true;
  shape.result = abiOf<Out>();
  addArgs<A...>(shape);
  return shape;
}
template <class R, class... A> constexpr Shape shapeOf(R (*)(A...) noexcept) {
  Shape shape;
  shape.result = abiOf<R>();
  addArgs<A...>(shape);
  return shape;
}

/// The shape registry.h prescribes for a signature in language types.
constexpr Shape expectedShape(bool failable, TypeKind result,
                              std::initializer_list<TypeKind> params) {
  auto abi = [](TypeKind kind) {
    switch (kind) {
    case TypeKind::Bool:
      return Abi::Bool;
    case TypeKind::Int:
      return Abi::I64;
    case TypeKind::Number:
      return Abi::F64;
    case TypeKind::Date:
      return Abi::I32;
    default:
      return Abi::Ptr; // text (as a result: not in the ABI, and no kernel returns it)
    }
  };
  Shape shape;
  shape.failable = failable;
  shape.result = abi(result);
  for (const TypeKind kind : params) {
    shape.args[shape.argCount++] = abi(kind);
    if (kind == TypeKind::Text)
      shape.args[shape.argCount++] = Abi::I64; // text is data and size
  }
  return shape;
}

template <auto Kernel, TypeKind Result, TypeKind... Params>
Builtin entry(Fn id, std::string_view name, std::string_view symbol, bool needsCalendar,
              std::string_view signature, std::string_view doc) {
  constexpr Shape shape = shapeOf(Kernel);
  static_assert(shape == expectedShape(shape.failable, Result, {Params...}),
                "kernel signature does not match the registry entry");
  static_assert(Result != TypeKind::Text, "text results are not in the kernel ABI");
  return Builtin{id,
                 name,
                 {Params...},
                 Result,
                 shape.failable,
                 needsCalendar,
                 symbol,
                 reinterpret_cast<const void *>(Kernel),
                 signature,
                 doc};
}

// XR_BUILTIN(Fn id, "name", kernel, calendar?, signature, doc, result, params...): the symbol
// is the kernel's own name, so the two cannot drift apart.
#define XR_BUILTIN(ID, NAME, KERNEL, CALENDAR, SIGNATURE, DOC, RESULT, ...)                        \
  entry<&KERNEL, RESULT, __VA_ARGS__>(Fn::ID, NAME, #KERNEL, CALENDAR, SIGNATURE, DOC)

constexpr TypeKind Bool = TypeKind::Bool;
constexpr TypeKind Int = TypeKind::Int;
constexpr TypeKind Number = TypeKind::Number;
constexpr TypeKind Date = TypeKind::Date;
constexpr TypeKind Text = TypeKind::Text;
constexpr bool kCalendar = true;
constexpr bool kNoCalendar = false;

std::vector<Builtin> makeRegistry() {
  std::vector<Builtin> v = {
      XR_BUILTIN(AbsInt, "abs", xr_abs_int, kNoCalendar, "abs(int) -> int",
                 "The absolute value of an int; an integer overflow error for the smallest int "
                 "(-9223372036854775808), whose magnitude is not an int.",
                 Int, Int),
      XR_BUILTIN(AbsNumber, "abs", xr_abs_number, kNoCalendar, "abs(number) -> number",
                 "The absolute value of a number (abs(-0) is 0).", Number, Number),
      XR_BUILTIN(MinInt, "min", xr_min_int, kNoCalendar, "min(int, int) -> int",
                 "The smaller of two ints.", Int, Int, Int),
      XR_BUILTIN(MinNumber, "min", xr_min_number, kNoCalendar, "min(number, number) -> number",
                 "The smaller of two numbers; -0 counts as smaller than 0, so min(0, -0) and "
                 "min(-0, 0) are both -0.",
                 Number, Number, Number),
      XR_BUILTIN(MaxInt, "max", xr_max_int, kNoCalendar, "max(int, int) -> int",
                 "The larger of two ints.", Int, Int, Int),
      XR_BUILTIN(MaxNumber, "max", xr_max_number, kNoCalendar, "max(number, number) -> number",
                 "The larger of two numbers; 0 counts as larger than -0, so max(0, -0) and "
                 "max(-0, 0) are both 0.",
                 Number, Number, Number),
      XR_BUILTIN(ClampInt, "clamp", xr_clamp_int, kNoCalendar, "clamp(int, int, int) -> int",
                 "clamp(x, lo, hi) is x limited to lo..hi: lo when x < lo, hi when x > hi, "
                 "else x; a domain error when lo > hi.",
                 Int, Int, Int, Int),
      XR_BUILTIN(ClampNumber, "clamp", xr_clamp_number, kNoCalendar,
                 "clamp(number, number, number) -> number",
                 "clamp(x, lo, hi) is x limited to lo..hi, that is min(max(x, lo), hi) with "
                 "the min and max of numbers; a domain error when lo > hi.",
                 Number, Number, Number, Number),
      XR_BUILTIN(Round, "round", xr_round, kNoCalendar, "round(number) -> int",
                 "The nearest int, halves rounded away from zero (round(2.5) = 3, round(-2.5) = "
                 "-3); an integer overflow error when the result is outside the int range.",
                 Int, Number),
      XR_BUILTIN(RoundTo, "round", xr_round_to, kNoCalendar, "round(number, int) -> number",
                 "round(x, digits) rounds x to `digits` decimal places (negative digits: to "
                 "tens, hundreds, ...), halves away from zero, on the decimal digits x prints "
                 "as (round(2.675, 2) = 2.68, round(1250, -2) = 1300); a zero result is 0; a "
                 "domain error when digits is outside -15..15.",
                 Number, Number, Int),
      XR_BUILTIN(Floor, "floor", xr_floor, kNoCalendar, "floor(number) -> int",
                 "The largest int not above x (floor(-2.5) = -3); an integer overflow error "
                 "when the result is outside the int range.",
                 Int, Number),
      XR_BUILTIN(Ceil, "ceil", xr_ceil, kNoCalendar, "ceil(number) -> int",
                 "The smallest int not below x (ceil(2.1) = 3, ceil(-2.5) = -2); an integer "
                 "overflow error when the result is outside the int range.",
                 Int, Number),
      XR_BUILTIN(Trunc, "trunc", xr_trunc, kNoCalendar, "trunc(number) -> int",
                 "x with its fraction dropped, rounding toward zero (trunc(-2.7) = -2); an "
                 "integer overflow error when the result is outside the int range.",
                 Int, Number),
      XR_BUILTIN(Sqrt, "sqrt", xr_sqrt, kNoCalendar, "sqrt(number) -> number",
                 "The square root, correctly rounded; a domain error for a negative argument.",
                 Number, Number),
      XR_BUILTIN(Pow, "pow", xr_pow, kNoCalendar, "pow(number, number) -> number",
                 "pow(x, y) is x to the power y (pow(0, 0) = 1); a domain error when the result "
                 "is not a finite number, as for pow(0, -1), pow(-8, 0.5) or pow(10, 400).",
                 Number, Number, Number),
      XR_BUILTIN(Year, "year", xr_year, kNoCalendar, "year(date) -> int",
                 "The year of a date (1..9999).", Int, Date),
      XR_BUILTIN(Month, "month", xr_month, kNoCalendar, "month(date) -> int",
                 "The month of a date, 1 = January .. 12 = December.", Int, Date),
      XR_BUILTIN(Day, "day_of_month", xr_day, kNoCalendar, "day_of_month(date) -> int",
                 "The day of the month of a date (1..31).", Int, Date),
      XR_BUILTIN(Weekday, "weekday", xr_weekday, kNoCalendar, "weekday(date) -> int",
                 "The day of the week of a date, 1 = Monday .. 7 = Sunday.", Int, Date),
      XR_BUILTIN(DaysBetween, "days_between", xr_days_between, kNoCalendar,
                 "days_between(date, date) -> int",
                 "days_between(a, b) is the number of days from a to b, b - a: negative when b "
                 "is before a.",
                 Int, Date, Date),
      XR_BUILTIN(AddDays, "add_days", xr_add_days, kNoCalendar, "add_days(date, int) -> date",
                 "add_days(d, n) is the date n days after d (before it when n < 0); a date out "
                 "of range error when the result is not in years 1..9999.",
                 Date, Date, Int),
      XR_BUILTIN(AddMonths, "add_months", xr_add_months, kNoCalendar,
                 "add_months(date, int) -> date",
                 "add_months(d, n) is the same day n months later (earlier when n < 0), moved "
                 "back to the month's last day when the month is shorter (2024-01-31 + 1 month "
                 "= 2024-02-29); a date out of range error outside years 1..9999.",
                 Date, Date, Int),
      XR_BUILTIN(AddWorkdays, "add_workdays", xr_add_workdays, kCalendar,
                 "add_workdays(date, int) -> date",
                 "add_workdays(d, n) is the n-th working day after d (n > 0) or before d "
                 "(n < 0); for n = 0, d itself when it is a working day, else the next working "
                 "day. A working day is a Monday to Friday that is not a holiday, or a declared "
                 "working day; a no-calendar error when a date passed over lies outside every "
                 "calendar's years.",
                 Date, Date, Int),
      XR_BUILTIN(WorkdaysBetween, "workdays_between", xr_workdays_between, kCalendar,
                 "workdays_between(date, date) -> int",
                 "workdays_between(a, b) is the number of working days after a up to and "
                 "including b, negated when b is before a (the working days after b up to and "
                 "including a); a no-calendar error when a date in between lies outside every "
                 "calendar's years.",
                 Int, Date, Date),
      XR_BUILTIN(IsWorkday, "is_workday", xr_is_workday, kCalendar, "is_workday(date) -> bool",
                 "Whether a date is a working day: a Monday to Friday that is not a holiday, or "
                 "a declared working day; a no-calendar error when the date lies outside every "
                 "calendar's years.",
                 Bool, Date),
      XR_BUILTIN(Length, "length", xr_length, kNoCalendar, "length(text) -> int",
                 "The number of Unicode code points of a text (length(\"巡查\") = 2), not "
                 "bytes.",
                 Int, Text),
      XR_BUILTIN(Contains, "contains", xr_contains, kNoCalendar, "contains(text, text) -> bool",
                 "contains(s, part) is whether part occurs in s, compared exactly byte by byte "
                 "(no case folding or normalisation); every text contains \"\".",
                 Bool, Text, Text),
      XR_BUILTIN(StartsWith, "starts_with", xr_starts_with, kNoCalendar,
                 "starts_with(text, text) -> bool",
                 "starts_with(s, prefix) is whether s begins with prefix, compared exactly byte "
                 "by byte; every text starts with \"\".",
                 Bool, Text, Text),
      XR_BUILTIN(EndsWith, "ends_with", xr_ends_with, kNoCalendar, "ends_with(text, text) -> bool",
                 "ends_with(s, suffix) is whether s ends with suffix, compared exactly byte by "
                 "byte; every text ends with \"\".",
                 Bool, Text, Text),
  };
  return v;
}

#undef XR_BUILTIN

} // namespace

const std::vector<Builtin> &all() {
  static const std::vector<Builtin> registry = makeRegistry();
  return registry;
}

const Builtin &get(Fn id) {
  assert(id < Fn::Count_ && "not a function id");
  return all()[static_cast<std::size_t>(id)];
}

std::vector<const Builtin *> overloads(std::string_view name) {
  std::vector<const Builtin *> found;
  for (const Builtin &b : all())
    if (b.name == name)
      found.push_back(&b);
  return found;
}

std::vector<std::string_view> names() {
  std::vector<std::string_view> result;
  for (const Builtin &b : all())
    result.push_back(b.name);
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

} // namespace xr::builtins
