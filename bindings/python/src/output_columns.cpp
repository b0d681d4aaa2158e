// Results out. Numeric result columns leave as numpy views of the Results they belong to (a
// capsule holding the shared Results is the arrays' base), validity as a copy (one byte a row);
// text, sets, flags and actions become Python str objects (they must: pandas holds text as
// objects), formatted by the same code as the CSV writer.
#include "output_columns.h"

#include "runtime/output/output.h"
#include "runtime/output/text_out.h"
#include "runtime/output/value_out.h"

#include <pybind11/numpy.h>

#include <string>
#include <vector>

namespace xuncha::python {
namespace py = pybind11;
using xr::TypeKind;
using xr::batch::Column;
using xr::batch::Results;
using xr::batch::Storage;

namespace {

using Shared = std::shared_ptr<const Results>;

py::capsule owner(const Shared &results) {
  return py::capsule(new Shared(results), [](void *p) { delete static_cast<Shared *>(p); });
}

template <class T> py::array view(const Shared &results, const Column &column) {
  return py::array_t<T>({static_cast<py::ssize_t>(column.size())}, {sizeof(T)}, column.values<T>(),
                        owner(results));
}

py::array validity(const Column &column) {
  py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(column.size()));
  if (column.size() > 0)
    std::memcpy(out.mutable_data(), column.validity(), column.size());
  return out;
}

/// Integer codes of a column (enum members, checklist indexes, statuses), -1 where missing.
py::array codes(const Column &column) {
  py::array_t<std::int32_t> out(static_cast<py::ssize_t>(column.size()));
  std::int32_t *to = out.mutable_data();
  for (std::size_t row = 0; row < column.size(); ++row) {
    std::int64_t v = -1;
    if (column.valid(row)) {
      switch (column.storage()) {
      case Storage::U8:
        v = column.values<std::uint8_t>()[row];
        break;
      case Storage::I32:
        v = column.values<std::int32_t>()[row];
        break;
      case Storage::I64:
        v = column.values<std::int64_t>()[row];
        break;
      default:
        break;
      }
    }
    to[row] = static_cast<std::int32_t>(v);
  }
  return out;
}

/// Text of every row through the output's own formatting; None where missing.
py::array texts(const xr::ir::Program &program, const Results &results, const Column &column) {
  py::array out(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(column.size())});
  auto **cells = static_cast<PyObject **>(out.mutable_data());
  const xr::output::detail::ColumnReader reader(column, results.arena());
  std::string text;
  for (std::size_t row = 0; row < column.size(); ++row) {
    py::object cell = py::none();
    if (reader.valid(row)) {
      text.clear();
      xr::output::detail::appendValueText(text, program, reader.at(row));
      cell = py::str(text);
    }
    Py_XDECREF(cells[row]);
    cells[row] = cell.release().ptr();
  }
  return out;
}

py::array objectArray(const std::vector<py::object> &cells) {
  py::array out(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(cells.size())});
  auto **to = static_cast<PyObject **>(out.mutable_data());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Py_XDECREF(to[i]);
    to[i] = py::object(cells[i]).release().ptr();
  }
  return out;
}

/// The str object of a text, the previous one again when the text is the same.
class TextCells {
public:
  py::object of(const std::string &text) {
    if (!last_ || text != lastText_) {
      last_ = py::str(text);
      lastText_ = text;
    }
    return last_;
  }

private:
  py::object last_;
  std::string lastText_;
};

py::list names(const std::vector<std::string> &list) {
  py::list out;
  for (const std::string &n : list)
    out.append(py::str(n));
  return out;
}

/// One value column as (name, kind, values, valid, extra).
py::tuple valueColumn(const xr::ir::Program &program, const Shared &results,
                      const std::string &name, const Column &column, bool isChecklist) {
  const xr::Type &type = column.type();
  if (isChecklist)
    return py::make_tuple(name, "category", codes(column), validity(column),
                          names(program.checklists));
  switch (type.kind) {
  case TypeKind::Bool:
    return py::make_tuple(name, "bool", view<std::uint8_t>(results, column), validity(column),
                          py::none());
  case TypeKind::Int:
  case TypeKind::Duration:
    return py::make_tuple(name, "int", view<std::int64_t>(results, column), validity(column),
                          py::none());
  case TypeKind::Number:
    return py::make_tuple(name, "number", view<double>(results, column), validity(column),
                          py::none());
  case TypeKind::Date:
    return py::make_tuple(name, "date", view<std::int32_t>(results, column), validity(column),
                          py::none());
  case TypeKind::Enum: {
    std::vector<std::string> members;
    for (const xr::EnumMemberInfo &m : program.enums.get(type.enumId).members)
      members.push_back(m.name);
    return py::make_tuple(name, "category", codes(column), validity(column), names(members));
  }
  case TypeKind::Status: {
    std::vector<std::string> statuses;
    for (int s = 0; s < 4; ++s)
      statuses.emplace_back(xr::output::detail::statusName(s));
    return py::make_tuple(name, "category", codes(column), validity(column), names(statuses));
  }
  default: // text, sets
    return py::make_tuple(name, "text", texts(program, *results, column), validity(column),
                          py::none());
  }
}

} // namespace

py::list resultColumns(const xr::ir::Program &program, Shared results, bool indicators) {
  const Results &r = *results;
  const std::size_t rows = r.rows();
  py::list out;
  for (const xr::ir::FieldInfo &f : program.fields)
    if (f.key && r.hasKey()) {
      out.append(valueColumn(program, results, f.name, r.key(), false));
      break;
    }

  std::vector<py::object> error(rows), flags(rows), actions(rows);
  py::array_t<std::int32_t> status(static_cast<py::ssize_t>(rows));
  std::int32_t *statusCodes = status.mutable_data();
  // Most rows raise the same few flags and actions (mostly none): one str object for a run of
  // equal texts spares an allocation per row.
  TextCells flagCells, actionCells;
  std::string text;
  for (std::size_t row = 0; row < rows; ++row) {
    if (!r.ok(row)) {
      statusCodes[row] = 1;
      error[row] = py::str(xr::batch::errorMessage(program, r.error(row)));
      flags[row] = actions[row] = py::none();
      continue;
    }
    statusCodes[row] = 0;
    error[row] = py::none();
    text.clear();
    for (const xr::ir::FlagInfo &flag : program.flags) {
      bool raised = false;
      for (xr::ir::SlotId s : flag.raisedBy) {
        const Column &c = r.slot(s);
        raised = raised || (c.valid(row) && c.values<std::uint8_t>()[row] != 0);
      }
      if (raised) {
        if (!text.empty())
          text.push_back(';');
        text.append(flag.name);
      }
    }
    flags[row] = flagCells.of(text);
    text.clear();
    for (const xr::ir::EscalationInfo &e : program.escalations) {
      const Column &fired = r.slot(e.fired);
      if (!fired.valid(row) || fired.values<std::uint8_t>()[row] == 0)
        continue;
      for (const xr::ir::ActionInfo &a : e.actions) {
        if (!text.empty())
          text.push_back(';');
        text.append(e.name).append(".").append(a.name);
        if (a.argument == xr::ir::kNoSlot)
          continue;
        text.push_back('=');
        const Column &argument = r.slot(a.argument);
        if (argument.valid(row))
          xr::output::detail::appendValueText(
              text, program, xr::output::detail::ColumnReader(argument, r.arena()).at(row));
      }
    }
    actions[row] = actionCells.of(text);
  }
  py::list statuses;
  statuses.append("ok");
  statuses.append("error");
  out.append(py::make_tuple("status", "category", status, py::none(), statuses));
  out.append(py::make_tuple("error", "text", objectArray(error), py::none(), py::none()));
  for (const xr::ir::ResultColumn &c : program.results)
    if (indicators || !c.perIndicator)
      out.append(
          valueColumn(program, results, c.name, r.slot(c.slot), c.slot == program.checklistSlot));
  out.append(py::make_tuple("flags", "text", objectArray(flags), py::none(), py::none()));
  out.append(py::make_tuple("actions", "text", objectArray(actions), py::none(), py::none()));
  return out;
}

py::list formatNumbers(const py::array_t<double> &values) {
  py::list out;
  const auto in = values.unchecked<1>();
  std::string text;
  for (py::ssize_t i = 0; i < in.shape(0); ++i) {
    text.clear();
    xr::output::detail::appendNumber(text, in(i));
    out.append(py::str(text));
  }
  return out;
}

} // namespace xuncha::python
