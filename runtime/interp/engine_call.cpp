// Calls of built-in functions: each Fn bound to its kernel from runtime/builtins/kernels.h,
// the very function the JIT calls. The kernel's C signature drives the evaluator (argument
// element types, result, failable or not); the engine checks that the kernel bound here is the
// registry's (builtins::get(fn).kernel), so the two cannot disagree.
#include "runtime/builtins/kernels.h"
#include "runtime/interp/engine.h"

#include <bit>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace xr::interp::detail {
namespace {

template <class F> struct KernelTraits;
template <class R, class... A> struct KernelTraits<R (*)(A...) noexcept> {
  static constexpr bool failable = false;
  using Result = R;
  using Args = std::tuple<A...>;
};
template <class O, class... A>
struct KernelTraits<std::int32_t (*)(const XrKernelContext *, O *, A...) noexcept> {
  static constexpr bool failable = true;
  using Result = O;
  using Args = std::tuple<A...>;
};

/// The element type a kernel argument or result is kept in (column.h): bool is a byte.
template <class C> using Stored = std::conditional_t<std::is_same_v<C, bool>, std::uint8_t, C>;

// Text kernels take (data, size) pairs; these adapters take the interpreter's string_view.
std::int64_t lengthOf(std::string_view s) noexcept {
  return xr_length(s.data(), static_cast<std::int64_t>(s.size()));
}
bool containsOf(std::string_view s, std::string_view part) noexcept {
  return xr_contains(s.data(), static_cast<std::int64_t>(s.size()), part.data(),
                     static_cast<std::int64_t>(part.size()));
}
bool startsWithOf(std::string_view s, std::string_view prefix) noexcept {
  return xr_starts_with(s.data(), static_cast<std::int64_t>(s.size()), prefix.data(),
                        static_cast<std::int64_t>(prefix.size()));
}
bool endsWithOf(std::string_view s, std::string_view suffix) noexcept {
  return xr_ends_with(s.data(), static_cast<std::int64_t>(s.size()), suffix.data(),
                      static_cast<std::int64_t>(suffix.size()));
}

template <class T> std::int64_t rawArgument(const T &v) {
  if constexpr (std::is_same_v<T, double>)
    return std::bit_cast<std::int64_t>(v);
  else if constexpr (std::is_same_v<T, std::string_view>)
    return 0;
  else
    return static_cast<std::int64_t>(v);
}

ir::ErrorKind kindOf(std::int32_t code) {
  switch (code) {
  case XR_KERNEL_NO_CALENDAR:
    return ir::ErrorKind::NoCalendar;
  case XR_KERNEL_DATE_OUT_OF_RANGE:
    return ir::ErrorKind::DateOutOfRange;
  case XR_KERNEL_OVERFLOW:
    return ir::ErrorKind::IntegerOverflow;
  default:
    return ir::ErrorKind::BuiltinFailed;
  }
}

template <auto K, std::size_t... I>
Vec evalKernel(const Engine &e, Workspace &ws, const XNode &x, Sel &sel,
               std::index_sequence<I...>) {
  using Traits = KernelTraits<decltype(K)>;
  using Args = typename Traits::Args;
  using R = Stored<typename Traits::Result>;
  constexpr std::size_t N = sizeof...(I);

  // Arguments left to right; a row that fails in one is not seen by the next.
  Vec args[N];
  for (std::size_t i = 0; i < N; ++i)
    args[i] = e.eval(ws, x.args[i], sel);
  if (sel.empty())
    return Engine::missing();

  auto arg = [&]<std::size_t J>(Row r) {
    using C = std::tuple_element_t<J, Args>;
    return static_cast<C>(args[J].template at<Stored<C>>(r));
  };
  const bool allValid = (... && !args[I].valid);
  auto present = [&](Row r) { return allValid || (... && args[I].validAt(r)); };

  Vec out;
  out.own = ws.scratch();
  R *o = out.own.values<R>();
  std::uint8_t *ov = out.own.valid();
  out.data = o;
  out.valid = allValid ? nullptr : ov;

  if constexpr (!Traits::failable) {
    if (allValid)
      sel.forEach([&](Row r) { o[r] = static_cast<R>(K(arg.template operator()<I>(r)...)); });
    else
      sel.forEach([&](Row r) {
        const bool ok = present(r);
        ov[r] = ok;
        o[r] = ok ? static_cast<R>(K(arg.template operator()<I>(r)...)) : R{};
      });
  } else {
    const std::uint64_t before = ws.errorCount;
    sel.forEach([&](Row r) {
      const bool ok = present(r);
      ov[r] = ok;
      o[r] = R{};
      if (!ok)
        return;
      typename Traits::Result value{};
      const std::int32_t code = K(&ws.kernelContext, &value, arg.template operator()<I>(r)...);
      if (code != XR_KERNEL_OK) [[unlikely]] {
        batch::RowError err;
        err.site = static_cast<ir::ErrorSiteId>(x.b);
        err.kind = kindOf(code);
        err.fn = static_cast<std::uint16_t>(x.a);
        err.code = code;
        std::int64_t raw[N] = {rawArgument(arg.template operator()<I>(r))...};
        for (std::size_t i = 0; i < N && i < 2; ++i)
          err.detail[i] = raw[i];
        ws.raise(r, err);
        return;
      }
      o[r] = static_cast<R>(value);
    });
    if (ws.errorCount != before)
      sel.dropErrored(ws);
  }
  return out;
}

template <auto K> Vec callKernel(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  constexpr std::size_t N = std::tuple_size_v<typename KernelTraits<decltype(K)>::Args>;
  return evalKernel<K>(e, ws, x, sel, std::make_index_sequence<N>{});
}

template <auto K> BuiltinBinding bind(const void *kernel) { return {&callKernel<K>, kernel}; }

#define XR_BIND(ID, KERNEL)                                                                        \
  case builtins::Fn::ID:                                                                           \
    return bind<&KERNEL>(reinterpret_cast<const void *>(&KERNEL))
#define XR_BIND_TEXT(ID, ADAPTER, KERNEL)                                                          \
  case builtins::Fn::ID:                                                                           \
    return bind<&ADAPTER>(reinterpret_cast<const void *>(&KERNEL))

} // namespace

BuiltinBinding bindBuiltin(builtins::Fn fn) {
  switch (fn) {
    XR_BIND(AbsInt, xr_abs_int);
    XR_BIND(AbsNumber, xr_abs_number);
    XR_BIND(MinInt, xr_min_int);
    XR_BIND(MinNumber, xr_min_number);
    XR_BIND(MaxInt, xr_max_int);
    XR_BIND(MaxNumber, xr_max_number);
    XR_BIND(ClampInt, xr_clamp_int);
    XR_BIND(ClampNumber, xr_clamp_number);
    XR_BIND(Round, xr_round);
    XR_BIND(RoundTo, xr_round_to);
    XR_BIND(Floor, xr_floor);
    XR_BIND(Ceil, xr_ceil);
    XR_BIND(Trunc, xr_trunc);
    XR_BIND(Sqrt, xr_sqrt);
    XR_BIND(Pow, xr_pow);
    XR_BIND(Year, xr_year);
    XR_BIND(Month, xr_month);
    XR_BIND(Day, xr_day);
    XR_BIND(Weekday, xr_weekday);
    XR_BIND(DaysBetween, xr_days_between);
    XR_BIND(AddDays, xr_add_days);
    XR_BIND(AddMonths, xr_add_months);
    XR_BIND(AddWorkdays, xr_add_workdays);
    XR_BIND(WorkdaysBetween, xr_workdays_between);
    XR_BIND(IsWorkday, xr_is_workday);
    XR_BIND_TEXT(Length, lengthOf, xr_length);
    XR_BIND_TEXT(Contains, containsOf, xr_contains);
    XR_BIND_TEXT(StartsWith, startsWithOf, xr_starts_with);
    XR_BIND_TEXT(EndsWith, endsWithOf, xr_ends_with);
  case builtins::Fn::Count_:
    break;
  }
  return {};
}

} // namespace xr::interp::detail
