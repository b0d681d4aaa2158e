#pragma once
// Why a present input value is not one of its field's type ("" when it is): the checks every
// typed column goes through, copied in (context_input.cpp) or filled in place
// (context_in_place.cpp). The batch's engines assume them: bools are 0 or 1, numbers finite
// (the language has no NaN or infinity), dates within years 1 to 9999, enum indexes members.
#include "compiler/types/type.h"
#include "runtime/builtins/dates.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace xr::capi {

inline std::string boolProblem(std::uint8_t v) {
  return v <= 1 ? std::string() : "a bool is 0 or 1, got " + std::to_string(unsigned{v});
}

inline std::string intProblem(std::int64_t) { return {}; }

inline std::string numberProblem(double v) {
  return std::isfinite(v)
             ? std::string()
             : std::string("a number is finite, got ") + (std::isnan(v) ? "NaN" : "an infinity");
}

inline std::string dateProblem(std::int32_t v) {
  return dates::inRange(v)
             ? std::string()
             : "a date is a day of the years 1 to 9999 (days " + std::to_string(dates::kMinDays) +
                   " to " + std::to_string(dates::kMaxDays) + " from 1970-01-01), got " +
                   std::to_string(v);
}

struct EnumProblem {
  const EnumInfo &info;
  std::string operator()(std::int32_t v) const {
    const std::size_t count = info.members.size();
    return v >= 0 && static_cast<std::size_t>(v) < count
               ? std::string()
               : "enum " + info.name + " has members 0 to " + std::to_string(count - 1) + ", got " +
                     std::to_string(v);
  }
};

} // namespace xr::capi
