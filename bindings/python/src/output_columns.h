#pragma once
// Results out: the columns of `xuncha run`'s results (key, status, error, result columns, flags,
// actions) as numpy arrays the Python package turns into a pandas DataFrame.
#include "runtime/batch/results.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <memory>

namespace xuncha::python {

/// One tuple per output column, in `xuncha run`'s CSV order: (name, kind, values, valid, extra):
///   kind "bool"       values uint8, valid uint8 (1: present)
///   kind "int"        values int64
///   kind "number"     values float64
///   kind "date"       values int32, days since 1970-01-01
///   kind "category"   values int32 codes (-1 where missing), extra: the category names
///   kind "text"       values an object array of str (None where missing)
/// Numeric values are views of the result columns (no copy): the arrays keep `results` alive.
/// Values of rows that are missing are zero. `status` is a category (ok, error). A row with an
/// error has every value column missing and its message in the error column; flags and actions are
/// ';'-joined names as in the CSV.
pybind11::list resultColumns(const xr::ir::Program &program,
                             std::shared_ptr<const xr::batch::Results> results, bool indicators);

/// The text of numbers as every output writes them (shortest round trip; whole numbers below
/// 1e15 as integers; -0 as 0), for formatting a results frame like `xuncha run`.
pybind11::list formatNumbers(const pybind11::array_t<double> &values);

} // namespace xuncha::python
