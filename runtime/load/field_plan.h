#pragma once
// How the parsers read one record field: its type, its enum's names and labels, the input
// column it comes from; and the one way a piece of text becomes the field's value in a row.
#include "compiler/ir/ir.h"
#include "runtime/load/row_sink.h"
#include "runtime/load/value_scan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xr::load {

struct FieldPlan {
  std::uint32_t field = 0;
  std::string name; // the field's name in the record
  Type type;
  std::string column; // the input column (CSV header name, JSON key); empty: no column
  std::optional<EnumMatcher> matcher; // for an enum field

  const EnumMatcher *enumMatcher() const { return matcher ? &*matcher : nullptr; }
};

/// One plan per field of `program`'s record, in field order, without columns.
std::vector<FieldPlan> planFields(const ir::Program &program);

enum class Stored : std::uint8_t { Value, Missing, Bad };

/// Reads `text` (a CSV cell, a JSON string) as the value of `plan`'s field in the sink's
/// current row. Empty text (or only spaces, for other types than text) is Missing and stores
/// nothing: the row is missing already. Bad sets `reason`.
Stored storeText(RowSink &sink, const FieldPlan &plan, std::string_view text, bool fromGb18030,
                 std::string &reason);

/// "expected a date like 2024-06-30, got an empty cell (field license_expiry is not optional)".
std::string missingReason(const FieldPlan &plan, std::string_view found);

} // namespace xr::load
