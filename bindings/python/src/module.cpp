// xuncha._xuncha: the engine for Python. Loading, evaluation (the GIL released while records
// are evaluated and reports accumulated), report figures and their partial states, explain and
// the rule set's tests. The pure-Python package `xuncha` (bindings/python/xuncha) builds the
// pandas side on top of these functions.
#include "input_columns.h"
#include "output_columns.h"
#include "ruleset_binding.h"

#include "runtime/explain/explain.h"
#include "runtime/explain/render.h"
#include "runtime/interp/report.h"
#include "runtime/output/output.h"
#include "runtime/testing/format.h"
#include "runtime/testing/runner.h"

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace xuncha::python {

std::shared_ptr<const Evaluator> RuleSetBinding::evaluator(Engine engine,
                                                           const std::string &cacheDir) {
  std::lock_guard lock(mutex_);
  auto &slot = evaluators_[{engine, engine == Engine::Interpreter ? std::string() : cacheDir}];
  if (!slot) {
    EngineOptions options;
    options.cacheDir = cacheDir;
    slot = std::make_shared<const Evaluator>(rules_, engine, options);
  }
  return slot;
}

namespace {

using Binding = std::shared_ptr<RuleSetBinding>;

Engine engineOf(const std::string &name) {
  const std::optional<Engine> engine = parseEngine(name);
  if (!engine)
    throw py::value_error("unknown engine '" + name + "': use \"interp\", \"jit\" or \"auto\"");
  return *engine;
}

const char *severityName(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}

/// (rule set or None, [(severity, code, message, file, line, column)], rendered text).
py::tuple loaded(LoadResult result, const std::string &path) {
  py::list diagnostics;
  for (const Diagnostic &d : result.diagnostics)
    diagnostics.append(
        py::make_tuple(severityName(d.severity), d.code, d.message, d.file, d.line, d.column));
  py::object rules = py::none();
  if (result.ok())
    rules = py::cast(std::make_shared<RuleSetBinding>(result.ruleSet, path));
  return py::make_tuple(rules, diagnostics, result.renderDiagnostics(false));
}

ParamValues bindParams(const Evaluator &evaluator,
                       const std::vector<std::pair<std::string, std::string>> &settings) {
  std::vector<ParamSetting> given;
  for (const auto &[name, value] : settings)
    given.push_back({name, value});
  std::vector<std::string> problems;
  std::optional<ParamValues> params = evaluator.bindParams(given, problems);
  if (!params)
    throw py::value_error(problems.size() == 1
                              ? problems.front()
                              : fmt::format("the params are wrong: {}", fmt::join(problems, "; ")));
  return *params;
}

/// Report figures with the counts of the records they came from, as `xuncha run` writes them.
struct Report {
  std::shared_ptr<const RuleSet> rules;
  xr::output::RunCounts counts;
  std::vector<xr::interp::ReportResult> reports;

  std::string json() const { return xr::output::reportJson(rules->program(), counts, reports); }
  std::string text() const { return xr::output::reportText(rules->program(), reports); }
};

/// A batch of the rule set's record whose numeric columns Python fills in place, through numpy
/// views of the batch's own arrays: the zero-copy input path.
struct BatchBinding {
  BatchBinding(Binding owner, std::size_t rows)
      : rules(std::move(owner)), batch(rules->rules().program()) {
    batch.resize(rows);
  }
  Binding rules;
  Batch batch;

  std::uint32_t field(const std::string &name) const {
    const auto &fields = rules->rules().program().fields;
    for (std::uint32_t f = 0; f < fields.size(); ++f)
      if (fields[f].name == name)
        return f;
    throw py::value_error(
        fmt::format("the record of rule set '{}' has no field {}", rules->rules().name(), name));
  }
};
using SharedBatch = std::shared_ptr<BatchBinding>;

/// A writable view of one array of a batch column; the view keeps the batch alive.
py::array batchView(const SharedBatch &self, const std::string &name, bool validity) {
  const std::uint32_t f = self->field(name);
  xr::batch::Column &column = self->batch.column(f);
  const auto rows = static_cast<py::ssize_t>(self->batch.rows());
  const py::object base = py::cast(self);
  if (validity)
    return py::array(py::dtype("?"), {rows}, {py::ssize_t{1}}, column.validity(), base);
  const char *format = nullptr;
  py::ssize_t size = 0;
  switch (column.type().kind) {
  case xr::TypeKind::Bool:
    format = "?", size = 1;
    break;
  case xr::TypeKind::Int:
    format = "int64", size = 8;
    break;
  case xr::TypeKind::Number:
    format = "float64", size = 8;
    break;
  case xr::TypeKind::Date:
  case xr::TypeKind::Enum:
    format = "int32", size = 4;
    break;
  default:
    throw py::type_error(
        fmt::format("field {} is {}: its values are not an array to fill in "
                    "place; give them with Batch.set",
                    name, xr::typeName(column.type(), &self->rules->rules().program().enums)));
  }
  return py::array(py::dtype(format), {rows}, {size}, column.rawValues(), base);
}

py::dict evaluateBatch(const Binding &self, const Batch &batch, const ParamValues &params,
                       const std::shared_ptr<const Evaluator> &evaluator, bool indicators,
                       const std::string &reportMode) {
  const xr::ir::Program &program = self->rules().program();
  const std::size_t rows = batch.rows();
  auto results = std::make_shared<Results>();
  std::optional<Report> figures;
  std::string state;
  {
    py::gil_scoped_release release;
    evaluator->evaluate(batch, params, *results);
    if (reportMode != "none") {
      xr::interp::ReportAccumulator accumulator(evaluator->interpreter());
      accumulator.add(*results, std::uint64_t{0});
      if (reportMode == "state") {
        state = accumulator.serialise();
      } else {
        figures = Report{self->shared(), {}, accumulator.finish(params)};
        figures->counts = {rows, rows, results->errorCount(), 0};
      }
    }
  }
  py::dict out;
  out["columns"] = resultColumns(program, results, indicators);
  out["record_errors"] = results->errorCount();
  out["warnings"] = evaluator->warnings();
  if (figures)
    out["report"] = py::cast(std::move(*figures));
  else if (reportMode == "state")
    out["report"] = py::bytes(state);
  else
    out["report"] = py::none();
  return out;
}

std::shared_ptr<const Evaluator> prepare(const Binding &self, const std::string &engineName,
                                         const std::string &cacheDir,
                                         const std::string &reportMode) {
  if (reportMode != "none" && reportMode != "figures" && reportMode != "state")
    throw py::value_error("report must be \"none\", \"figures\" or \"state\"");
  const Engine engine = engineOf(engineName);
  py::gil_scoped_release release;
  return self->evaluator(engine, cacheDir);
}

py::dict evaluate(const Binding &self, const py::list &columns, std::size_t rows,
                  const std::vector<std::pair<std::string, std::string>> &settings,
                  const std::string &engineName, const std::string &cacheDir, bool indicators,
                  const std::string &reportMode) {
  const auto evaluator = prepare(self, engineName, cacheDir, reportMode);
  const ParamValues params = bindParams(*evaluator, settings);
  const xr::ir::Program &program = self->rules().program();
  Batch batch(program);
  fillBatch(program, batch, rows, columns);
  return evaluateBatch(self, batch, params, evaluator, indicators, reportMode);
}

py::dict evaluateInPlace(const Binding &self, const SharedBatch &batch,
                         const std::vector<std::pair<std::string, std::string>> &settings,
                         const std::string &engineName, const std::string &cacheDir,
                         bool indicators, const std::string &reportMode) {
  if (batch->rules.get() != self.get() && batch->rules->rules().sha256() != self->rules().sha256())
    throw py::value_error("the batch was made for another rule set");
  const auto evaluator = prepare(self, engineName, cacheDir, reportMode);
  const ParamValues params = bindParams(*evaluator, settings);
  checkFilledInPlace(self->rules().program(), batch->batch);
  return evaluateBatch(self, batch->batch, params, evaluator, indicators, reportMode);
}

/// Figures from partial states [(bytes, first record)], merged in the order given (any order
/// gives the same figures), with counts (records in, evaluated, record errors).
Report mergeReports(const Binding &self,
                    const std::vector<std::pair<py::bytes, std::uint64_t>> &parts,
                    std::uint64_t recordsIn, std::uint64_t evaluated, std::uint64_t recordErrors,
                    const std::vector<std::pair<std::string, std::string>> &settings) {
  std::shared_ptr<const Evaluator> evaluator;
  {
    py::gil_scoped_release release;
    evaluator = self->evaluator(Engine::Interpreter, "");
  }
  const ParamValues params = bindParams(*evaluator, settings);
  std::vector<std::pair<std::string, std::uint64_t>> states;
  for (const auto &[bytes, first] : parts)
    states.emplace_back(std::string(bytes), first);
  Report report{self->shared(), {recordsIn, evaluated, recordErrors, 0}, {}};
  py::gil_scoped_release release;
  xr::interp::ReportAccumulator accumulator(evaluator->interpreter());
  for (const auto &[bytes, first] : states)
    accumulator.mergeSerialised(bytes, first);
  report.reports = accumulator.finish(params);
  return report;
}

/// (explanation as JSON text, as text for a terminal) of a one-row column set.
py::tuple explain(const Binding &self, const py::list &columns,
                  const std::vector<std::pair<std::string, std::string>> &settings) {
  std::shared_ptr<const Evaluator> evaluator;
  {
    py::gil_scoped_release release;
    evaluator = self->evaluator(Engine::Interpreter, "");
  }
  const ParamValues params = bindParams(*evaluator, settings);
  const xr::ir::Program &program = self->rules().program();
  Batch record(program);
  fillBatch(program, record, 1, columns);
  std::string json, text;
  {
    py::gil_scoped_release release;
    const xr::explain::Explanation e = xr::explain::explainRecord(
        self->rules().compilation(), evaluator->interpreter(), record, params);
    json = xr::explain::explanationJson(program, e).dump();
    text = xr::explain::explanationText(program, e, false);
  }
  return py::make_tuple(json, text);
}

/// [(case as JSON text, as text, passed)] for the cases whose title contains `filter`.
py::list runTests(const Binding &self, const std::string &filter) {
  std::vector<xr::testrun::CaseResult> cases;
  {
    py::gil_scoped_release release;
    cases = xr::testrun::runTests(self->rules().compilation(), filter);
  }
  py::list out;
  const xr::ir::Program &program = self->rules().program();
  for (const xr::testrun::CaseResult &c : cases)
    out.append(py::make_tuple(xr::testrun::caseJson(program, c).dump(),
                              xr::testrun::caseText(program, c, false), c.passed));
  return out;
}

py::list fields(const Binding &self) {
  const xr::ir::Program &program = self->rules().program();
  py::list out;
  for (const xr::ir::FieldInfo &f : program.fields) {
    py::dict d;
    d["name"] = f.name;
    d["type"] = xr::typeName(f.type, &program.enums);
    d["optional"] = f.type.optional;
    d["key"] = f.key;
    py::object members = py::none();
    if (f.type.kind == xr::TypeKind::Enum || f.type.kind == xr::TypeKind::Set) {
      py::list names;
      for (const xr::EnumMemberInfo &m : program.enums.get(f.type.enumId).members)
        names.append(m.name);
      members = names;
    }
    d["members"] = members;
    out.append(d);
  }
  return out;
}

py::list params(const Binding &self) {
  const xr::ir::Program &program = self->rules().program();
  py::list out;
  for (const xr::ir::ParamInfo &p : program.params) {
    py::dict d;
    d["name"] = p.name;
    d["type"] = xr::typeName(p.type, &program.enums);
    d["default"] = p.hasDefault
                       ? py::object(py::str(xr::output::formatValue(program, p.defaultValue)))
                       : py::object(py::none());
    out.append(d);
  }
  return out;
}

} // namespace
} // namespace xuncha::python

PYBIND11_MODULE(_xuncha, m) {
  using namespace xuncha::python;
  m.doc() = "The Xuncha rule engine (use the `xuncha` package, not this module).";

  py::class_<RuleSetBinding, std::shared_ptr<RuleSetBinding>>(m, "RuleSet")
      .def_property_readonly("name", [](const Binding &b) { return b->rules().name(); })
      .def_property_readonly("version", [](const Binding &b) { return b->rules().version(); })
      .def_property_readonly("sha256", [](const Binding &b) { return b->rules().sha256(); })
      .def_property_readonly("path", [](const Binding &b) { return b->path(); })
      .def("fields", &fields)
      .def("params", &params)
      .def("evaluate", &evaluate)
      .def("evaluate_batch", &evaluateInPlace)
      .def("batch", [](const Binding &self,
                       std::size_t rows) { return std::make_shared<BatchBinding>(self, rows); })
      .def("merge_reports", &mergeReports)
      .def("explain", &explain)
      .def("run_tests", &runTests)
      .def("csv_preamble", [](const Binding &b, bool indicators) {
        return xr::output::ResultFormatter(b->rules().program(), xr::output::OutputFormat::Csv,
                                           indicators)
            .preamble();
      });

  py::class_<BatchBinding, std::shared_ptr<BatchBinding>>(m, "Batch")
      .def_property_readonly("rows", [](const SharedBatch &b) { return b->batch.rows(); })
      .def("values",
           [](const SharedBatch &b, const std::string &name) { return batchView(b, name, false); })
      .def("valid",
           [](const SharedBatch &b, const std::string &name) { return batchView(b, name, true); })
      .def("set", [](const SharedBatch &b, const std::string &name, const py::handle &spec) {
        fillField(b->rules->rules().program(), b->batch, b->field(name), spec);
      });

  py::class_<Report>(m, "Report")
      .def("json", &Report::json)
      .def("text", &Report::text)
      .def_property_readonly("records_in", [](const Report &r) { return r.counts.recordsIn; })
      .def_property_readonly("evaluated", [](const Report &r) { return r.counts.evaluated; })
      .def_property_readonly("record_errors",
                             [](const Report &r) { return r.counts.recordErrors; });

  m.def("load", [](const std::string &path) {
    xuncha::LoadResult result;
    {
      py::gil_scoped_release release;
      result = xuncha::RuleSet::load(path);
    }
    return loaded(std::move(result), path);
  });
  m.def("from_text", [](const std::string &path, std::string text) {
    xuncha::LoadResult result;
    {
      py::gil_scoped_release release;
      result = xuncha::RuleSet::fromText(path, std::move(text));
    }
    return loaded(std::move(result), path);
  });
  m.def("format_numbers", &formatNumbers);
  m.def("default_cache_dir", &xuncha::defaultJitCacheDir);
}
