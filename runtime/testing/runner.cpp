#include "runtime/testing/runner.h"

#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/interp/interpreter.h"
#include "runtime/jit/compiled_program.h"
#include "runtime/testing/values.h"

#include <memory>

namespace xr::testrun {
namespace {

struct Context {
  const ir::Program &program;
  const SourceManager &sources;
  const interp::Interpreter &interpreter;
  const jit::CompiledProgram *compiled = nullptr; // evaluates the records when set
};

/// The value of `expr` for the case's one record, or its error message.
ShownValue evaluateShown(const Context &c, ir::ExprId expr, const batch::Batch &record,
                         const batch::ParamValues &params, const batch::Results &results) {
  ShownValue shown;
  shown.expression = expressionText(c.program, c.sources, expr);
  interp::ExpressionValues v = c.interpreter.evaluateExpression(expr, record, params, results);
  if (v.status[0] != 0)
    shown.error = batch::errorMessage(c.program, v.errors[0]);
  else
    shown.value = batch::constantAt(v.values, 0, v.arena);
  return shown;
}

void checkExpectations(const Context &c, const ir::TestCase &tc, const batch::Batch &record,
                       const batch::ParamValues &params, const batch::Results &results,
                       CaseResult &out) {
  for (const ir::TestExpectation &x : tc.expectations) {
    interp::ExpressionValues v =
        c.interpreter.evaluateExpression(x.condition, record, params, results);
    FailedExpectation failed;
    if (v.status[0] != 0) {
      failed.outcome = "error";
      failed.error = batch::errorMessage(c.program, v.errors[0]);
    } else if (!v.values.valid(0)) {
      failed.outcome = "missing";
    } else if (v.values.values<std::uint8_t>()[0] == 0) {
      failed.outcome = "false";
    } else {
      continue;
    }
    failed.text = x.text;
    failed.location = sourceLine(c.sources, x.range);
    if (x.range.valid() && x.range.file < c.sources.size())
      failed.line = c.sources.file(x.range.file).position(x.range.begin).line;
    for (ir::ExprId shown : x.shown)
      failed.shown.push_back(evaluateShown(c, shown, record, params, results));
    out.failures.push_back(std::move(failed));
  }
}

CaseResult runCase(const Context &c, const ir::TestCase &tc) {
  const ir::Program &p = c.program;
  CaseResult out;
  out.title = tc.title;
  if (tc.range.valid() && tc.range.file < c.sources.size()) {
    const SourceFile &file = c.sources.file(tc.range.file);
    out.file = file.path();
    out.line = file.position(tc.range.begin).line;
  }
  for (std::uint32_t f = 0; f < tc.record.size() && f < p.fields.size(); ++f)
    if (tc.record[f].valid)
      out.record.emplace_back(p.fields[f].name, tc.record[f]);
  for (const auto &[param, value] : tc.params)
    if (param < p.params.size())
      out.params.emplace_back(p.params[param].name, value);

  batch::Batch record(p);
  record.addRow();
  for (std::uint32_t f = 0; f < tc.record.size(); ++f)
    record.set(f, 0, tc.record[f]);
  std::vector<std::string> errors;
  auto params = batch::ParamValues::bind(p, tc.params, errors);
  if (!params) {
    out.problem = "the case's params cannot be bound: " + errors.front();
    return out;
  }
  batch::Results results;
  if (c.compiled)
    c.compiled->evaluate(record, *params, results);
  else
    c.interpreter.evaluate(record, *params, results);

  const std::string quoted = "\"" + tc.errorContains + "\"";
  if (tc.expectError) {
    if (results.ok(0)) {
      out.problem = tc.errorContains.empty() ? "expected a record error, but the record has none"
                                             : "expected a record error containing " + quoted +
                                                   ", but the record has none";
    } else {
      const std::string message = batch::errorMessage(p, results.error(0));
      if (message.find(tc.errorContains) == std::string::npos)
        out.problem = "expected a record error containing " + quoted + ", got: " + message;
    }
  } else if (!results.ok(0)) {
    out.problem = "the record has an error: " + batch::errorMessage(p, results.error(0));
  }
  // Expectations read results, which an error record has none of.
  if (results.ok(0))
    checkExpectations(c, tc, record, *params, results, out);
  out.passed = out.problem.empty() && out.failures.empty();
  return out;
}

} // namespace

std::vector<CaseResult> runTests(const Compilation &compilation, const std::string &filter) {
  TestOptions options;
  options.filter = filter;
  return runTests(compilation, options).cases;
}

TestRun runTests(const Compilation &compilation, const TestOptions &options) {
  TestRun out;
  if (!compilation.program)
    return out;
  const ir::Program &p = *compilation.program;
  std::unique_ptr<jit::CompiledProgram> compiled;
  if (options.engine != TestEngine::Interpreter) {
    const bool cachedOnly = options.engine == TestEngine::Auto;
    compiled = jit::CompiledProgram::compile(p, out.error, {true, options.cacheDir, cachedOnly, {}});
    if (!compiled && !cachedOnly)
      return out;
    out.error.clear(); // auto: not cached, which is no error
  }
  out.engine = compiled ? "jit" : "interp";
  interp::Interpreter interpreter(p);
  const Context context{p, compilation.sources, interpreter, compiled.get()};
  for (const ir::TestCase &tc : p.tests)
    if (options.filter.empty() || tc.title.find(options.filter) != std::string::npos)
      out.cases.push_back(runCase(context, tc));
  return out;
}

} // namespace xr::testrun
