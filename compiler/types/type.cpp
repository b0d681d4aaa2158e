#include "compiler/types/type.h"

namespace xr {

int EnumInfo::find(std::string_view member) const {
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i].name == member || members[i].label == member)
      return static_cast<int>(i);
  return -1;
}

EnumId EnumTable::add(EnumInfo info) {
  enums_.push_back(std::move(info));
  return static_cast<EnumId>(enums_.size() - 1);
}

std::string typeName(const Type &type, const EnumTable *enums) {
  std::string base;
  switch (type.kind) {
  case TypeKind::Error: return "<error>";
  case TypeKind::Bool: base = "bool"; break;
  case TypeKind::Int: base = "int"; break;
  case TypeKind::Number: base = "number"; break;
  case TypeKind::Text: base = "text"; break;
  case TypeKind::Date: base = "date"; break;
  case TypeKind::Duration:
    base = type.duration == DurationKind::Days ? "duration" : "working-day duration";
    break;
  case TypeKind::Enum:
    base = enums && type.enumId < enums->size() ? "enum " + enums->get(type.enumId).name : "enum";
    break;
  case TypeKind::Set:
    base = enums && type.enumId < enums->size() ? "set of " + enums->get(type.enumId).name
                                                 : "set";
    break;
  case TypeKind::Status: base = "indicator status"; break;
  }
  return type.optional ? base + "?" : base;
}

} // namespace xr
