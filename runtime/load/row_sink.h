#pragma once
// Filling the rows of a batch in place, for the parsers: values go straight into the column
// arrays (no per-value call through Batch's checked setters), and a record found bad halfway
// through is wiped from its row, which the next record then reuses.
#include "runtime/batch/batch.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace xr::load {

class RowSink {
public:
  /// Clears `batch` and makes room for `expectedRows` rows (more are added as needed).
  RowSink(batch::Batch &batch, std::size_t expectedRows) : batch_(batch) {
    batch_.clear();
    targets_.resize(batch_.fieldCount());
    grow(std::max<std::size_t>(expectedRows, 16));
  }

  /// The row the current record is written to.
  std::size_t row() const { return rows_; }
  void beginRow() {
    if (rows_ == capacity_)
      grow(capacity_ * 2);
  }

  void setU8(std::uint32_t field, std::uint8_t v) { put(field, v); }
  void setI32(std::uint32_t field, std::int32_t v) { put(field, v); }
  void setI64(std::uint32_t field, std::int64_t v) { put(field, v); }
  void setF64(std::uint32_t field, double v) { put(field, v); }
  void setText(std::uint32_t field, std::string_view utf8) { put(field, batch_.appendText(utf8)); }

  /// The current record was good: keep its row.
  void commitRow() { ++rows_; }
  /// The current record was bad: every field of its row back to missing.
  void discardRow() {
    for (Target &t : targets_) {
      t.valid[rows_] = 0;
      std::memset(t.values + rows_ * t.size, 0, t.size);
    }
  }
  /// The batch gets exactly the committed rows.
  void finish() { batch_.resize(rows_); }

private:
  struct Target {
    std::uint8_t *valid = nullptr;
    std::uint8_t *values = nullptr;
    std::size_t size = 0; // bytes per value
  };

  template <class T> void put(std::uint32_t field, T v) {
    Target &t = targets_[field];
    std::memcpy(t.values + rows_ * sizeof(T), &v, sizeof(T));
    t.valid[rows_] = 1;
  }

  void grow(std::size_t rows) {
    capacity_ = rows;
    batch_.resize(capacity_);
    for (std::uint32_t f = 0; f < targets_.size(); ++f) {
      batch::Column &column = batch_.column(f);
      targets_[f].valid = column.validity();
      targets_[f].values = static_cast<std::uint8_t *>(column.rawValues());
      targets_[f].size = elementSize(column.storage());
    }
  }

  static std::size_t elementSize(batch::Storage storage) {
    switch (storage) {
    case batch::Storage::U8:
      return 1;
    case batch::Storage::I32:
      return 4;
    case batch::Storage::I64:
    case batch::Storage::F64:
    case batch::Storage::U64:
      return 8;
    case batch::Storage::Text:
      return sizeof(batch::TextRef);
    }
    return 8;
  }

  batch::Batch &batch_;
  std::vector<Target> targets_;
  std::size_t rows_ = 0;
  std::size_t capacity_ = 0;
};

} // namespace xr::load
