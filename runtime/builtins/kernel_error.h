#pragma once
// What a kernel's error code means, worded once for record error messages, so that the
// interpreter and the JIT report a failed built-in with the same text.
#include "runtime/builtins/registry.h"

#include <cstdint>
#include <string_view>

namespace xr::builtins {

/// Lower case, to follow "<function> in <context>: " in a record's message.
constexpr std::string_view kernelErrorText(std::int32_t code) {
  switch (code) {
  case XR_KERNEL_OK:
    return "no error";
  case XR_KERNEL_DATE_OUT_OF_RANGE:
    return "the resulting date is outside years 1..9999";
  case XR_KERNEL_NO_CALENDAR:
    return "no calendar covers a date it needs";
  case XR_KERNEL_DOMAIN:
    return "an argument is outside the function's domain";
  case XR_KERNEL_OVERFLOW:
    return "the result does not fit in an int";
  default:
    return "unknown kernel error";
  }
}

} // namespace xr::builtins
