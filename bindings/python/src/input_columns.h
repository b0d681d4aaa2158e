#pragma once
// Python columns to a Batch of the rule set's record: what numpy arrays, pandas columns and
// Python objects become, field by field, with Python exceptions naming the field and row for
// anything that does not fit (never a crash, never a silent conversion).
#include "runtime/batch/batch.h"

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>

namespace xuncha::python {

/// Fills `batch` (made for `program`) with `rows` rows. `columns` has one entry per field of the
/// record, in field order: None for a field with no column (all missing), or a tuple
///   ("numeric", ndarray of bool/int/uint/float/datetime64, mask ndarray of bool or None)
///   ("objects", ndarray of Python objects, mask ndarray of bool or None)
///   ("categorical", codes ndarray of ints (-1: missing), ndarray of category objects)
/// where a mask is True for a missing value (pandas' convention). NaN and NaT are missing too.
/// Raises TypeError for a column whose values cannot be the field's type, ValueError for a value
/// that does not parse, does not fit, or is missing in a field that is not optional.
void fillBatch(const xr::ir::Program &program, xr::batch::Batch &batch, std::size_t rows,
               const pybind11::list &columns);

/// One field's column of `batch` (its rows already set), from one entry as fillBatch takes them.
void fillField(const xr::ir::Program &program, xr::batch::Batch &batch, std::uint32_t field,
               const pybind11::handle &entry);

/// For a batch whose value and validity arrays Python filled in place (numpy views of them):
/// checks what the copying path checks (validity 0 or 1, bools 0 or 1, finite numbers, dates
/// in years 1..9999, enum member indexes, no missing value in a field that is not optional)
/// and zeroes the elements of missing values. Raises ValueError naming the field and row.
void checkFilledInPlace(const xr::ir::Program &program, xr::batch::Batch &batch);

} // namespace xuncha::python
