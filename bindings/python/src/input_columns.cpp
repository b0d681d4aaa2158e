// Columns in: numeric arrays of the field's storage type are copied with one memcpy (numpy and
// pandas own their memory; the Batch owns its columns); other numeric dtypes are converted value
// by value; Python objects (str, bool, int, float, date) are read one by one, text through the
// loader's own parser (runtime/load/value_text.h), so "2024-06-30", "规模以上" or "85%" mean
// what they mean in a CSV file.
#include "input_columns.h"

#include "runtime/builtins/dates.h"
#include "runtime/capi/value_checks.h"
#include "runtime/load/value_text.h"

#include <fmt/format.h>
#include <pybind11/numpy.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

namespace xuncha::python {
namespace py = pybind11;
using xr::Type;
using xr::TypeKind;
using xr::batch::Column;
using xr::ir::Constant;

namespace {

/// The field a column is being read into, for messages.
struct Target {
  const xr::ir::Program &program;
  const xr::ir::FieldInfo &field;
  std::uint32_t index;
  xr::batch::Batch &batch;

  std::string type() const { return xr::typeName(field.type, &program.enums); }
  [[noreturn]] void badType(const std::string &found, const std::string &hint) const {
    throw py::type_error(fmt::format("field {} is {}, but its column holds {}{}", field.name,
                                     type(), found, hint.empty() ? "" : "; " + hint));
  }
  [[noreturn]] void badValue(std::size_t row, const std::string &reason) const {
    throw py::value_error(fmt::format("field {}, row {}: {}", field.name, row, reason));
  }
};

/// Row i of a 1-d array of element type T, whatever its strides.
template <class T> T at(const py::array &a, std::size_t i) {
  T v;
  std::memcpy(&v, static_cast<const char *>(a.data()) + static_cast<py::ssize_t>(i) * a.strides(0),
              sizeof(T));
  return v;
}

std::vector<std::uint8_t> readMask(const py::object &mask, std::size_t rows) {
  std::vector<std::uint8_t> missing(rows, 0);
  if (mask.is_none())
    return missing;
  py::array m = py::array::ensure(mask);
  if (!m || m.ndim() != 1 || static_cast<std::size_t>(m.shape(0)) != rows ||
      m.dtype().kind() != 'b')
    throw py::value_error("a mask must be a 1-d bool array as long as its column");
  for (std::size_t i = 0; i < rows; ++i)
    missing[i] = at<bool>(m, i) ? 1 : 0;
  return missing;
}

/// Numeric values of any dtype as integers or doubles, row by row.
struct NumericReader {
  const py::array &a;
  char kind; // numpy's dtype kind: b i u f M
  std::size_t size;

  bool isFloat() const { return kind == 'f'; }
  double real(std::size_t i) const {
    switch (size) {
    case 2: // float16 has no C++ type: numpy converts
      return a.attr("item")(i).cast<double>();
    case 4:
      return at<float>(a, i);
    default:
      return at<double>(a, i);
    }
  }
  /// An integer of kind b/i/u/M; false when a uint64 does not fit int64.
  bool integer(std::size_t i, std::int64_t &v) const {
    if (kind == 'u') {
      std::uint64_t u = 0;
      switch (size) {
      case 1:
        u = at<std::uint8_t>(a, i);
        break;
      case 2:
        u = at<std::uint16_t>(a, i);
        break;
      case 4:
        u = at<std::uint32_t>(a, i);
        break;
      default:
        u = at<std::uint64_t>(a, i);
        break;
      }
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return false;
      v = static_cast<std::int64_t>(u);
      return true;
    }
    switch (size) {
    case 1:
      v = at<std::int8_t>(a, i);
      break;
    case 2:
      v = at<std::int16_t>(a, i);
      break;
    case 4:
      v = at<std::int32_t>(a, i);
      break;
    default:
      v = at<std::int64_t>(a, i);
      break;
    }
    return true;
  }
};

/// Days per unit of a datetime64 dtype ("<M8[ns]"): a divisor of whole days, or 0 when the
/// unit is coarser than a day (weeks, months, years: not dates of a calendar day).
std::int64_t unitsPerDay(const py::dtype &dtype) {
  const std::string text = py::str(py::object(dtype)).cast<std::string>(); // "datetime64[ns]"
  const auto open = text.find('['), close = text.find(']');
  const std::string unit = open == std::string::npos ? "" : text.substr(open + 1, close - open - 1);
  if (unit == "D")
    return 1;
  if (unit == "h")
    return 24;
  if (unit == "m")
    return 24 * 60;
  if (unit == "s")
    return 86400;
  if (unit == "ms")
    return 86400'000;
  if (unit == "us")
    return 86400'000'000;
  if (unit == "ns")
    return 86400'000'000'000;
  return 0;
}

void fillNumeric(const Target &t, std::size_t rows, const py::array &a,
                 const std::vector<std::uint8_t> &missing) {
  Column &column = t.batch.column(t.index);
  std::uint8_t *valid = column.validity();
  const NumericReader in{a, a.dtype().kind(), static_cast<std::size_t>(a.itemsize())};
  const TypeKind kind = t.field.type.kind;
  const std::string dtype = py::str(py::object(a.dtype())).cast<std::string>();
  auto check = [&](bool ok, const char *hint) {
    if (!ok)
      t.badType(dtype + " values", hint);
  };

  switch (kind) {
  case TypeKind::Bool: {
    check(in.kind == 'b' || in.kind == 'i' || in.kind == 'u' || in.kind == 'f', "");
    auto *values = column.values<std::uint8_t>();
    for (std::size_t i = 0; i < rows; ++i) {
      if (missing[i])
        continue;
      double v = 0;
      if (in.kind == 'b')
        v = at<bool>(a, i);
      else if (in.isFloat())
        v = in.real(i);
      else {
        std::int64_t n = 0;
        v = in.integer(i, n) ? static_cast<double>(n) : 2;
      }
      if (std::isnan(v))
        continue;
      if (v != 0 && v != 1)
        t.badValue(i, fmt::format("expected true/false (or 1/0), got {}", v));
      values[i] = v != 0;
      valid[i] = 1;
    }
    return;
  }
  case TypeKind::Int: {
    check(in.kind == 'i' || in.kind == 'u' || in.kind == 'f', "");
    auto *values = column.values<std::int64_t>();
    if (in.kind == 'i' && in.size == 8 && a.strides(0) == 8) {
      std::memcpy(values, a.data(), rows * 8); // the int64 fast path: one copy
      for (std::size_t i = 0; i < rows; ++i) {
        valid[i] = !missing[i];
        if (missing[i])
          values[i] = 0; // a missing value's element is zero (column.h)
      }
      return;
    }
    for (std::size_t i = 0; i < rows; ++i) {
      if (missing[i])
        continue;
      if (in.isFloat()) {
        const double v = in.real(i);
        if (std::isnan(v))
          continue;
        if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0) || std::trunc(v) != v)
          t.badValue(i, fmt::format("expected a whole number, got {}", v));
        values[i] = static_cast<std::int64_t>(v);
      } else if (!in.integer(i, values[i])) {
        t.badValue(i, "the value does not fit a 64-bit signed int");
      }
      valid[i] = 1;
    }
    return;
  }
  case TypeKind::Number: {
    check(in.kind == 'i' || in.kind == 'u' || in.kind == 'f', "");
    auto *values = column.values<double>();
    const bool fast = in.kind == 'f' && in.size == 8 && a.strides(0) == 8;
    if (fast)
      std::memcpy(values, a.data(), rows * 8); // the float64 fast path: one copy
    for (std::size_t i = 0; i < rows; ++i) {
      double v = 0;
      if (!missing[i]) {
        if (fast)
          v = values[i];
        else if (in.isFloat())
          v = in.real(i);
        else {
          std::int64_t n = 0;
          if (!in.integer(i, n))
            t.badValue(i, "the value does not fit a 64-bit signed int");
          v = static_cast<double>(n);
        }
      }
      if (missing[i] || std::isnan(v)) {
        values[i] = 0;
        valid[i] = 0;
        continue;
      }
      if (std::isinf(v))
        t.badValue(i, "expected a finite number, got an infinity");
      values[i] = v;
      valid[i] = 1;
    }
    return;
  }
  case TypeKind::Date: {
    check(in.kind == 'M', "give datetime64 values, datetime.date objects or ISO text");
    const std::int64_t perDay = unitsPerDay(a.dtype());
    if (perDay == 0)
      t.badType(dtype + " values", "give days or a finer unit");
    auto *values = column.values<std::int32_t>();
    for (std::size_t i = 0; i < rows; ++i) {
      const std::int64_t v = at<std::int64_t>(a, i);
      if (missing[i] || v == std::numeric_limits<std::int64_t>::min()) // NaT
        continue;
      if (v % perDay != 0)
        t.badValue(i, "expected a date, got a time of day other than midnight");
      const std::int64_t days = v / perDay;
      if (!xr::dates::inRange(days))
        t.badValue(i, "the date is outside the years 1..9999");
      values[i] = static_cast<std::int32_t>(days);
      valid[i] = 1;
    }
    return;
  }
  case TypeKind::Enum:
    t.badType(dtype + " values", "give member names (text) or a categorical of them");
  default:
    t.badType(dtype + " values", kind == TypeKind::Text ? "convert it with .astype(str)" : "");
  }
}

/// A Python object as a value of the field's type; nullopt for missing.
std::optional<Constant> objectValue(const Target &t, std::size_t row, py::handle cell) {
  const Type type = t.field.type;
  if (cell.is_none())
    return std::nullopt;
  if (py::isinstance<py::str>(cell)) {
    std::string reason;
    std::optional<Constant> value =
        xr::load::parseValue(t.program, type, cell.cast<std::string>(), reason);
    if (!value)
      t.badValue(row, reason);
    if (!value->valid)
      return std::nullopt;
    return value;
  }
  Constant c;
  c.type = type.required();
  const std::string found = py::str(py::type::of(cell).attr("__name__")).cast<std::string>();
  // Checked in this order: bool is an int in Python, and numpy scalars are not Python ints.
  const bool isBool = py::isinstance<py::bool_>(cell) || found == "bool_";
  const bool isInt = !isBool && (py::isinstance<py::int_>(cell) || py::hasattr(cell, "__index__"));
  const bool isFloat = !isBool && !isInt && py::isinstance<py::float_>(cell);
  switch (type.kind) {
  case TypeKind::Bool:
    if (!isBool)
      break;
    c.i = cell.cast<bool>() ? 1 : 0;
    return c;
  case TypeKind::Int:
    if (isInt) {
      try {
        c.i = py::int_(py::reinterpret_borrow<py::object>(cell)).cast<std::int64_t>();
      } catch (const py::cast_error &) {
        t.badValue(row, "the value does not fit a 64-bit signed int");
      }
      return c;
    }
    if (isFloat) {
      const double v = cell.cast<double>();
      if (std::isnan(v))
        return std::nullopt;
      if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0) || std::trunc(v) != v)
        t.badValue(row, fmt::format("expected a whole number, got {}", v));
      c.i = static_cast<std::int64_t>(v);
      return c;
    }
    break;
  case TypeKind::Number:
    if (isInt || isFloat) {
      c.d = py::float_(py::reinterpret_borrow<py::object>(cell)).cast<double>();
      if (std::isnan(c.d))
        return std::nullopt;
      if (std::isinf(c.d))
        t.badValue(row, "expected a finite number, got an infinity");
      return c;
    }
    break;
  case TypeKind::Date:
    if (py::hasattr(cell, "year") && py::hasattr(cell, "month") && py::hasattr(cell, "day")) {
      if (py::hasattr(cell, "hour")) {
        for (const char *part : {"hour", "minute", "second", "microsecond"})
          if (py::hasattr(cell, part) && cell.attr(part).cast<std::int64_t>() != 0)
            t.badValue(row, "expected a date, got a time of day other than midnight");
      }
      const auto y = cell.attr("year").cast<std::int32_t>();
      const auto m = cell.attr("month").cast<std::int32_t>();
      const auto d = cell.attr("day").cast<std::int32_t>();
      const std::optional<std::int32_t> days = xr::dates::makeDate(y, m, d);
      if (!days)
        t.badValue(row, "the date is outside the years 1..9999");
      c.i = *days;
      return c;
    }
    break;
  default:
    break;
  }
  t.badType(found + " values", type.kind == TypeKind::Text ? "convert it with .astype(str)" : "");
}

void store(const Target &t, std::size_t row, const std::optional<Constant> &value) {
  if (value)
    t.batch.set(t.index, row, *value);
}

void fillObjects(const Target &t, std::size_t rows, const py::array &a,
                 const std::vector<std::uint8_t> &missing) {
  if (a.dtype().kind() != 'O')
    throw py::type_error(
        fmt::format("field {}: an \"objects\" column must have dtype object", t.field.name));
  for (std::size_t i = 0; i < rows; ++i) {
    if (missing[i])
      continue;
    const auto *cells = static_cast<const char *>(a.data());
    PyObject *cell = nullptr;
    std::memcpy(&cell, cells + static_cast<py::ssize_t>(i) * a.strides(0), sizeof cell);
    store(t, i, objectValue(t, i, cell));
  }
}

void fillCategorical(const Target &t, std::size_t rows, const py::array &codes,
                     const py::sequence &categories) {
  std::vector<std::optional<Constant>> values;
  for (std::size_t c = 0; c < categories.size(); ++c) {
    try {
      values.push_back(objectValue(t, c, categories[c]));
    } catch (py::error_already_set &) {
      throw;
    } catch (const py::value_error &e) {
      throw py::value_error(fmt::format("field {}, category {}: {}", t.field.name,
                                        py::repr(categories[c]).cast<std::string>(), e.what()));
    }
  }
  const char kind = codes.dtype().kind();
  if (kind != 'i' || codes.ndim() != 1)
    throw py::type_error(fmt::format("field {}: categorical codes must be integers", t.field.name));
  const NumericReader in{codes, kind, static_cast<std::size_t>(codes.itemsize())};
  for (std::size_t i = 0; i < rows; ++i) {
    std::int64_t code = -1;
    in.integer(i, code);
    if (code < 0)
      continue;
    if (static_cast<std::size_t>(code) >= values.size())
      t.badValue(i, "a categorical code beyond its categories");
    store(t, i, values[static_cast<std::size_t>(code)]);
  }
}

std::size_t elementSize(xr::batch::Storage storage) {
  switch (storage) {
  case xr::batch::Storage::U8:
    return 1;
  case xr::batch::Storage::I32:
    return 4;
  case xr::batch::Storage::Text:
    return sizeof(xr::batch::TextRef);
  default:
    return 8;
  }
}

/// Rows of a non-optional field that are missing: the first few, as a sentence.
void checkRequired(const Target &t, std::size_t rows) {
  if (t.field.type.optional)
    return;
  const Column &column = t.batch.column(t.index);
  std::vector<std::size_t> missing;
  std::size_t count = 0;
  for (std::size_t i = 0; i < rows; ++i)
    if (!column.valid(i) && count++ < 5)
      missing.push_back(i);
  if (count == 0)
    return;
  throw py::value_error(fmt::format(
      "field {} is not optional ({}), but {} row{} {} missing (row{} {}{}); give every row a "
      "value or make the field optional in the rule set",
      t.field.name, t.type(), count, count == 1 ? "" : "s", count == 1 ? "is" : "are",
      missing.size() == 1 ? "" : "s", fmt::join(missing, ", "),
      count > missing.size() ? ", ..." : ""));
}

} // namespace

void fillField(const xr::ir::Program &program, xr::batch::Batch &batch, std::uint32_t field,
               const py::handle &entry) {
  const std::size_t rows = batch.rows();
  const Target t{program, program.fields.at(field), field, batch};
  Column &column = batch.column(field);
  std::fill(column.validity(), column.validity() + rows, std::uint8_t{0});
  std::memset(column.rawValues(), 0, rows * elementSize(column.storage()));
  if (entry.is_none()) {
    checkRequired(t, rows);
    return;
  }
  const auto spec = entry.cast<py::tuple>();
  const auto form = spec[0].cast<std::string>();
  const py::array values = py::array::ensure(spec[1]);
  if (!values || values.ndim() != 1)
    throw py::value_error(
        fmt::format("field {}: the column must be one-dimensional", t.field.name));
  if (static_cast<std::size_t>(values.shape(0)) != rows)
    throw py::value_error(fmt::format("field {}: the column has {} values, the others {}",
                                      t.field.name, values.shape(0), rows));
  if (form == "numeric")
    fillNumeric(t, rows, values, readMask(spec[2], rows));
  else if (form == "objects")
    fillObjects(t, rows, values, readMask(spec[2], rows));
  else if (form == "categorical")
    fillCategorical(t, rows, values, spec[2].cast<py::sequence>());
  else
    throw py::value_error("unknown column form " + form);
  checkRequired(t, rows);
}

void fillBatch(const xr::ir::Program &program, xr::batch::Batch &batch, std::size_t rows,
               const py::list &columns) {
  if (columns.size() != program.fields.size())
    throw py::value_error("one column entry per field is needed");
  batch.clear();
  batch.resize(rows);
  for (std::uint32_t f = 0; f < program.fields.size(); ++f)
    fillField(program, batch, f, columns[f]);
}

void checkFilledInPlace(const xr::ir::Program &program, xr::batch::Batch &batch) {
  const std::size_t rows = batch.rows();
  for (std::uint32_t f = 0; f < program.fields.size(); ++f) {
    const Target t{program, program.fields[f], f, batch};
    Column &column = batch.column(f);
    std::uint8_t *valid = column.validity();
    const std::size_t size = elementSize(column.storage());
    auto *bytes = static_cast<unsigned char *>(column.rawValues());
    for (std::size_t i = 0; i < rows; ++i) {
      if (valid[i] > 1)
        t.badValue(i, fmt::format("a validity byte is 0 or 1, got {}", unsigned{valid[i]}));
      if (valid[i] == 0) // a missing value's element is zero (column.h)
        std::memset(bytes + i * size, 0, size);
    }
    auto check = [&](auto values, auto problemOf) {
      for (std::size_t i = 0; i < rows; ++i)
        if (valid[i])
          if (const std::string problem = problemOf(values[i]); !problem.empty())
            t.badValue(i, problem);
    };
    switch (t.field.type.kind) {
    case TypeKind::Bool:
      check(column.values<std::uint8_t>(), xr::capi::boolProblem);
      break;
    case TypeKind::Number:
      check(column.values<double>(), xr::capi::numberProblem);
      break;
    case TypeKind::Date:
      check(column.values<std::int32_t>(), xr::capi::dateProblem);
      break;
    case TypeKind::Enum:
      check(column.values<std::int32_t>(),
            xr::capi::EnumProblem{program.enums.get(t.field.type.enumId)});
      break;
    default:
      break;
    }
    checkRequired(t, rows);
  }
}

} // namespace xuncha::python
