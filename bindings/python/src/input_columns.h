#pragma once
// Python columns to a Batch of the rule set's record: what numpy arrays, pandas columns and
// Python objects become, field by field, with Python exceptions naming the field and row for
// anything that does not fit (never a crash, never a silent conversion).
#include "runtime/batch/batch.h"

#include <pybind11/pybind11.h>

#include <cstddef>

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

} // namespace xuncha::python
