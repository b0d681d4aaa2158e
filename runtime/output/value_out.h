#pragma once
// One value as every output shows it (formatValue's rules), read from a constant or straight
// from a result column without building a constant: the result writers call this per cell.
#include "compiler/ir/ir.h"
#include "runtime/batch/column.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace xr::output::detail {

/// A present value, borrowed: `text` points into a constant or an arena.
struct ValueView {
  TypeKind kind = TypeKind::Error;
  EnumId enumId = kNoEnum;
  std::int64_t i = 0; // bool, int, date, enum, set (bits), status, duration
  double d = 0;       // number
  std::string_view text;
};

ValueView viewOf(const ir::Constant &value);

/// A column's values for fast reading: the raw array fetched once.
class ColumnReader {
public:
  ColumnReader(const batch::Column &column, std::string_view arena);
  bool valid(std::size_t row) const { return validity_[row] != 0; }
  /// The value of a row that is valid().
  ValueView at(std::size_t row) const {
    ValueView v;
    v.kind = kind_;
    v.enumId = enumId_;
    switch (storage_) {
    case batch::Storage::U8:
      v.i = static_cast<const std::uint8_t *>(values_)[row];
      break;
    case batch::Storage::I32:
      v.i = static_cast<const std::int32_t *>(values_)[row];
      break;
    case batch::Storage::I64:
      v.i = static_cast<const std::int64_t *>(values_)[row];
      break;
    case batch::Storage::F64:
      v.d = static_cast<const double *>(values_)[row];
      break;
    case batch::Storage::U64:
      v.i = static_cast<std::int64_t>(static_cast<const std::uint64_t *>(values_)[row]);
      break;
    case batch::Storage::Text: {
      const batch::TextRef t = static_cast<const batch::TextRef *>(values_)[row];
      v.text = arena_.substr(t.offset, t.length);
      break;
    }
    }
    return v;
  }

private:
  const std::uint8_t *validity_;
  const void *values_;
  batch::Storage storage_;
  TypeKind kind_;
  EnumId enumId_;
  std::string_view arena_;
};

/// The text of a present value: 1, 0.3, 2024-06-30, true, member names, pass, a;b.
void appendValueText(std::string &out, const ir::Program &program, const ValueView &value);
/// The value as JSON: numbers and bools bare, sets as arrays of member names, the rest as
/// strings of appendValueText.
void appendValueJson(std::string &out, const ir::Program &program, const ValueView &value);
/// The CSV cell of a present value (quoted where its text needs it).
void appendValueCsv(std::string &out, const ir::Program &program, const ValueView &value,
                    std::string &scratch);

/// "pass", "fail", "not_assessed", "not_applicable".
std::string_view statusName(std::int64_t status);

} // namespace xr::output::detail
