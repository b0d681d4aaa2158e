#include "runtime/load/value_text.h"

#include "runtime/load/value_scan.h"

#include <optional>

namespace xr::load {

std::optional<ir::Constant> parseValue(const ir::Program &program, const Type &type,
                                       std::string_view text, std::string &reason) {
  ir::Constant value{type.required(), true, 0, 0, {}};
  const std::string_view trimmed = type.kind == TypeKind::Text ? text : trimSpaces(text);
  if (trimmed.empty()) {
    value.valid = false;
    return value;
  }
  switch (type.kind) {
  case TypeKind::Text:
    if (const std::size_t at = invalidUtf8At(text); at != kValidUtf8) {
      reason = invalidUtf8Reason(text, at, false);
      return std::nullopt;
    }
    value.text = std::string(text);
    return value;
  case TypeKind::Int:
    if (scanInt(trimmed, value.i))
      return value;
    break;
  case TypeKind::Number:
    if (scanNumber(trimmed, value.d))
      return value;
    break;
  case TypeKind::Bool: {
    bool b = false;
    if (scanBool(trimmed, b)) {
      value.i = b ? 1 : 0;
      return value;
    }
    break;
  }
  case TypeKind::Date: {
    std::int32_t days = 0;
    if (scanDate(trimmed, days)) {
      value.i = days;
      return value;
    }
    break;
  }
  case TypeKind::Enum: {
    if (type.enumId >= program.enums.size()) {
      reason = "the type of this value names no enum of the rule set";
      return std::nullopt;
    }
    const EnumMatcher matcher(program.enums.get(type.enumId));
    if (const int member = matcher.find(trimmed); member >= 0) {
      value.i = member;
      return value;
    }
    reason = badValueReason(type, &matcher, trimmed);
    return std::nullopt;
  }
  default:
    reason = "values of type " + typeName(type, &program.enums) + " are not read from text";
    return std::nullopt;
  }
  reason = badValueReason(type, nullptr, trimmed);
  return std::nullopt;
}

} // namespace xr::load
