#pragma once
// Every record field the generator can fill, by name: its type, whether some enterprises lack
// it, and where its value is in a drawn Enterprise. A record field that is not here cannot be
// generated (the generator says so and stops): the generator and the rule set's record cannot
// drift apart silently.
#include "runtime/synth/enterprise.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace xr::synth {

enum class ValueKind : std::uint8_t { Bool, Int, Number, Date, Text, Enum };

/// One field's value in one enterprise.
struct FieldValue {
  bool present = true;
  std::int64_t i = 0;    // Bool (0/1), Int, Date (days since 1970-01-01), Enum (member index)
  double d = 0;          // Number
  std::string_view text; // Text (points into the Enterprise or a static table)
};

struct FieldSpec {
  std::string_view name;
  ValueKind kind;
  bool mayBeMissing;
  std::span<const std::string_view> members; // Enum: member names; index = FieldValue::i
  FieldValue (*read)(const Enterprise &);
};

std::span<const FieldSpec> fieldCatalog();
/// The field named `name`, or nullptr.
const FieldSpec *findField(std::string_view name);
/// "bool", "int", ... as the rule language writes the type.
std::string_view kindName(ValueKind kind);

} // namespace xr::synth
