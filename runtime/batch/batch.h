#pragma once
// A batch of input records, column by column (one Column per field of the program's record),
// and the values of the program's params for a run. Both back ends evaluate a Batch with a
// ParamValues into Results (results.h).
//
// Text lives in one UTF-8 arena per batch: appending a row never allocates per value.
#include "compiler/ir/ir.h"
#include "runtime/batch/column.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xr::batch {

class Batch {
public:
  /// An empty batch with one column per field of `program` (the program is not retained).
  explicit Batch(const ir::Program &program);

  std::size_t rows() const { return rows_; }
  std::size_t fieldCount() const { return columns_.size(); }
  const Column &column(std::uint32_t field) const { return columns_.at(field); }
  /// For loaders filling whole columns after resize(); text goes through appendText().
  Column &column(std::uint32_t field) { return columns_.at(field); }

  const std::string &arena() const { return arena_; }
  std::string_view text(TextRef ref) const {
    return std::string_view(arena_).substr(ref.offset, ref.length);
  }
  std::string_view text(std::uint32_t field, std::size_t row) const;

  /// No rows; keeps the memory of the columns and the arena for the next batch.
  void clear();
  void reserve(std::size_t rows, std::size_t textBytes = 0);
  /// Sets the number of rows; new rows have every field missing.
  void resize(std::size_t rows);
  /// Appends a row with every field missing; returns its index.
  std::size_t addRow();

  // Setters of one field of one row. Each checks the field's type and throws
  // std::invalid_argument on a mismatch (or an enum member index out of range): they are for
  // loaders and tests, which convert input text to the field's type first.
  void setMissing(std::uint32_t field, std::size_t row);
  void setBool(std::uint32_t field, std::size_t row, bool value);
  void setInt(std::uint32_t field, std::size_t row, std::int64_t value);
  void setNumber(std::uint32_t field, std::size_t row, double value);
  void setDate(std::uint32_t field, std::size_t row, std::int32_t days);
  void setEnum(std::uint32_t field, std::size_t row, std::int32_t member);
  void setText(std::uint32_t field, std::size_t row, std::string_view utf8);
  /// Any of the above from a constant of the field's type (an invalid constant: missing).
  void set(std::uint32_t field, std::size_t row, const ir::Constant &value);

  TextRef appendText(std::string_view utf8) { return batch::appendText(arena_, utf8); }

private:
  Column &checked(std::uint32_t field, TypeKind kind);

  std::vector<Column> columns_;
  std::vector<std::size_t> enumSizes_; // per field: members of its enum (0 when not an enum)
  std::string arena_;
  std::size_t rows_ = 0;
};

/// A value given for a param at run time, by name.
struct ParamOverride {
  std::string name;
  ir::Constant value;
};

/// The value of every param of a program for one run: its default unless the caller gave one.
/// Only bind() makes one, so a ParamValues is always complete and well typed.
class ParamValues {
public:
  /// Binds the params of `program`: the overrides first (by name, or by index), then the
  /// defaults. Returns nullopt, with one message per problem appended to `errors`, when an
  /// override names no param, has the wrong type, or a param has neither a default nor an
  /// override. An int is accepted for a number param (converted exactly up to 2^53).
  static std::optional<ParamValues> bind(const ir::Program &program,
                                         const std::vector<ParamOverride> &overrides,
                                         std::vector<std::string> &errors);
  static std::optional<ParamValues>
  bind(const ir::Program &program,
       const std::vector<std::pair<std::uint32_t, ir::Constant>> &overrides,
       std::vector<std::string> &errors);

  std::size_t size() const { return values_.size(); }
  const ir::Constant &value(std::uint32_t param) const { return values_.at(param); }
  const std::vector<ir::Constant> &values() const { return values_; }

private:
  std::vector<ir::Constant> values_;
};

} // namespace xr::batch
