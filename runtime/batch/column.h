#pragma once
// A typed column of values with a validity byte per row: the one memory layout of record
// fields (Batch), per-record results (Results) and both back ends. The JIT reads and writes
// these arrays through the raw pointers below, so the layout is an ABI:
//
//   type        element      notes
//   bool        uint8_t      0 or 1
//   int         int64_t
//   number      double
//   date        int32_t      days since 1970-01-01
//   enum        int32_t      member index
//   set         uint64_t     bit i = member i
//   status      uint8_t      ir::Status
//   text        TextRef      {offset, length} into the UTF-8 arena of the owning Batch/Results
//   duration    int64_t      (never stored by the IR; kept for completeness)
//
// Validity: 1 = present, 0 = missing. Where a value is missing its element is all zero bytes
// (TextRef {0, 0}), so two columns with the same values compare equal byte for byte.
#include "compiler/ir/ir.h"
#include "compiler/types/type.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace xr::batch {

/// The element type a value of some type is stored as.
enum class Storage : std::uint8_t { U8, I32, I64, F64, U64, Text };

/// Throws std::invalid_argument for TypeKind::Error, which has no values.
Storage storageOf(TypeKind kind);

/// The bytes of one element of a storage.
constexpr std::size_t elementBytes(Storage storage) {
  switch (storage) {
  case Storage::U8:
    return 1;
  case Storage::I32:
    return 4;
  default:
    return 8;
  }
}

/// A text value: `length` bytes of UTF-8 at `offset` in the arena of the batch or results that
/// holds the column.
struct TextRef {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  friend bool operator==(const TextRef &, const TextRef &) = default;
};
static_assert(sizeof(TextRef) == 8 && std::is_standard_layout_v<TextRef>,
              "TextRef is part of the batch ABI the JIT reads");

class Column {
public:
  Column() = default;
  explicit Column(Type type);

  const Type &type() const { return type_; }
  Storage storage() const { return storage_; }
  std::size_t size() const { return valid_.size(); }

  /// Rows added are missing (zero values); rows removed are dropped.
  void resize(std::size_t rows);
  void reserve(std::size_t rows);

  std::uint8_t *validity() { return valid_.data(); }
  const std::uint8_t *validity() const { return valid_.data(); }
  bool valid(std::size_t row) const { return valid_[row] != 0; }

  /// The value array; T must be the element type of storage() (std::bad_variant_access else).
  template <class T> T *values() { return std::get<std::vector<T>>(values_).data(); }
  template <class T> const T *values() const { return std::get<std::vector<T>>(values_).data(); }
  /// The value array whatever its element type, for code that dispatches on storage().
  void *rawValues();
  const void *rawValues() const;

  /// Sets a row missing (validity 0, zero value).
  void setMissing(std::size_t row);
  /// Sets a present value; the setter must match storage() (bool and status: U8; int: I64;
  /// number: F64; date and enum: I32; set: U64; text: Text).
  void setU8(std::size_t row, std::uint8_t v) { set<std::uint8_t>(row, v); }
  void setI32(std::size_t row, std::int32_t v) { set<std::int32_t>(row, v); }
  void setI64(std::size_t row, std::int64_t v) { set<std::int64_t>(row, v); }
  void setF64(std::size_t row, double v) { set<double>(row, v); }
  void setU64(std::size_t row, std::uint64_t v) { set<std::uint64_t>(row, v); }
  void setText(std::size_t row, TextRef v) { set<TextRef>(row, v); }

  /// Number of missing values (counted on demand).
  std::size_t missingCount() const;

private:
  template <class T> void set(std::size_t row, T v) {
    std::get<std::vector<T>>(values_)[row] = v;
    valid_[row] = 1;
  }

  Type type_;
  Storage storage_ = Storage::U8;
  std::vector<std::uint8_t> valid_;
  std::variant<std::vector<std::uint8_t>, std::vector<std::int32_t>, std::vector<std::int64_t>,
               std::vector<double>, std::vector<std::uint64_t>, std::vector<TextRef>>
      values_;
};

/// The value of a row as an ir::Constant of the column's type (invalid when missing); text is
/// read from `arena`.
ir::Constant constantAt(const Column &column, std::size_t row, std::string_view arena);

/// Stores a constant into a row: its kind must be the column's (an int is accepted for a
/// number column and converted). Text is appended to `arena`. Throws std::invalid_argument on
/// a kind mismatch.
void storeConstant(Column &column, std::size_t row, const ir::Constant &value, std::string &arena);

/// Appends text to an arena; throws std::length_error beyond 4 GiB of text.
TextRef appendText(std::string &arena, std::string_view text);

} // namespace xr::batch
