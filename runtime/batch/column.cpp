#include "runtime/batch/column.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <stdexcept>

namespace xr::batch {

Storage storageOf(TypeKind kind) {
  switch (kind) {
  case TypeKind::Bool:
  case TypeKind::Status:
    return Storage::U8;
  case TypeKind::Int:
  case TypeKind::Duration:
    return Storage::I64;
  case TypeKind::Number:
    return Storage::F64;
  case TypeKind::Date:
  case TypeKind::Enum:
    return Storage::I32;
  case TypeKind::Set:
    return Storage::U64;
  case TypeKind::Text:
    return Storage::Text;
  case TypeKind::Error:
    break;
  }
  throw std::invalid_argument("a column of the error type has no values");
}

Column::Column(Type type) : type_(type), storage_(storageOf(type.kind)) {
  switch (storage_) {
  case Storage::U8:
    values_ = std::vector<std::uint8_t>{};
    break;
  case Storage::I32:
    values_ = std::vector<std::int32_t>{};
    break;
  case Storage::I64:
    values_ = std::vector<std::int64_t>{};
    break;
  case Storage::F64:
    values_ = std::vector<double>{};
    break;
  case Storage::U64:
    values_ = std::vector<std::uint64_t>{};
    break;
  case Storage::Text:
    values_ = std::vector<TextRef>{};
    break;
  }
}

void Column::resize(std::size_t rows) {
  valid_.resize(rows, 0);
  std::visit([rows](auto &v) { v.resize(rows); }, values_);
}

void Column::reserve(std::size_t rows) {
  valid_.reserve(rows);
  std::visit([rows](auto &v) { v.reserve(rows); }, values_);
}

void *Column::rawValues() {
  return std::visit([](auto &v) -> void * { return v.data(); }, values_);
}

const void *Column::rawValues() const {
  return std::visit([](const auto &v) -> const void * { return v.data(); }, values_);
}

void Column::setMissing(std::size_t row) {
  valid_[row] = 0;
  std::visit([row](auto &v) { v[row] = {}; }, values_);
}

std::size_t Column::missingCount() const {
  return static_cast<std::size_t>(std::count(valid_.begin(), valid_.end(), std::uint8_t{0}));
}

ir::Constant constantAt(const Column &column, std::size_t row, std::string_view arena) {
  ir::Constant c;
  c.type = column.type().required();
  c.valid = column.valid(row);
  if (!c.valid)
    return c;
  switch (column.storage()) {
  case Storage::U8:
    c.i = column.values<std::uint8_t>()[row];
    break;
  case Storage::I32:
    c.i = column.values<std::int32_t>()[row];
    break;
  case Storage::I64:
    c.i = column.values<std::int64_t>()[row];
    break;
  case Storage::F64:
    c.d = column.values<double>()[row];
    break;
  case Storage::U64:
    c.i = static_cast<std::int64_t>(column.values<std::uint64_t>()[row]);
    break;
  case Storage::Text: {
    const TextRef t = column.values<TextRef>()[row];
    c.text = std::string(arena.substr(t.offset, t.length));
    break;
  }
  }
  return c;
}

void storeConstant(Column &column, std::size_t row, const ir::Constant &value, std::string &arena) {
  const TypeKind want = column.type().kind;
  const TypeKind have = value.type.kind;
  const bool intForNumber = want == TypeKind::Number && have == TypeKind::Int;
  if (have != want && !intForNumber && have != TypeKind::Error)
    throw std::invalid_argument("a " + typeName(value.type) + " value for a column of type " +
                                typeName(column.type()));
  if (!value.valid) {
    column.setMissing(row);
    return;
  }
  switch (column.storage()) {
  case Storage::U8:
    column.setU8(row, static_cast<std::uint8_t>(value.i));
    break;
  case Storage::I32:
    column.setI32(row, static_cast<std::int32_t>(value.i));
    break;
  case Storage::I64:
    column.setI64(row, value.i);
    break;
  case Storage::F64:
    column.setF64(row, intForNumber ? static_cast<double>(value.i) : value.d);
    break;
  case Storage::U64:
    column.setU64(row, static_cast<std::uint64_t>(value.i));
    break;
  case Storage::Text:
    column.setText(row, appendText(arena, value.text));
    break;
  }
}

TextRef appendText(std::string &arena, std::string_view text) {
  constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max();
  if (arena.size() > kMax || text.size() > kMax - arena.size())
    throw std::length_error("more than 4 GiB of text in one batch");
  TextRef ref{static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(text.size())};
  arena.append(text);
  return ref;
}

} // namespace xr::batch
