// Population report figures accumulated over the batches contexts evaluate.
#include "runtime/capi/handles.h"
#include "runtime/output/output.h"

using namespace xr::capi;

namespace {

const xuncha_context &sameRuleSet(const xuncha_report &report, const xuncha_context *handle) {
  const xuncha_context &context = use(handle, "context");
  if (&context.evaluator->ruleSet() != &report.evaluator->ruleSet())
    fail(XUNCHA_ERROR_ARGUMENT, "the context evaluates rule set '" +
                                    context.evaluator->ruleSet().name() + "', not the report's ('" +
                                    report.evaluator->ruleSet().name() + "')");
  if (!context.evaluated)
    fail(XUNCHA_ERROR_ARGUMENT, "the context has no results yet: call xuncha_context_evaluate");
  return context;
}

void count(xuncha_report &report, const xuncha_context &context) {
  report.records += context.results.rows();
  report.recordErrors += context.results.errorCount();
}

} // namespace

extern "C" {

xuncha_status xuncha_report_create(const xuncha_compiled *compiled, xuncha_report **report) {
  return boundary(__func__, [&] {
    const xuncha_compiled &c = use(compiled, "compiled");
    out(report, "report") = make<xuncha_report>(c.evaluator);
  });
}

xuncha_status xuncha_report_free(xuncha_report *report) {
  return boundary(__func__, [&] { destroy(report, "report"); });
}

xuncha_status xuncha_report_add(xuncha_report *report, const xuncha_context *context) {
  return boundary(__func__, [&] {
    xuncha_report &r = use(report, "report");
    const xuncha_context &c = sameRuleSet(r, context);
    r.accumulator.add(c.results);
    count(r, c);
  });
}

xuncha_status xuncha_report_add_at(xuncha_report *report, const xuncha_context *context,
                                   uint64_t first_record) {
  return boundary(__func__, [&] {
    xuncha_report &r = use(report, "report");
    const xuncha_context &c = sameRuleSet(r, context);
    r.accumulator.add(c.results, first_record);
    count(r, c);
  });
}

xuncha_status xuncha_report_merge(xuncha_report *report, const xuncha_report *other) {
  return boundary(__func__, [&] {
    xuncha_report &r = use(report, "report");
    const xuncha_report &o = use(other, "other");
    if (&r == &o)
      fail(XUNCHA_ERROR_ARGUMENT, "a report cannot be merged into itself");
    if (&o.evaluator->ruleSet() != &r.evaluator->ruleSet())
      fail(XUNCHA_ERROR_ARGUMENT, "the other report is of rule set '" +
                                      o.evaluator->ruleSet().name() + "', not '" +
                                      r.evaluator->ruleSet().name() + "'");
    r.accumulator.merge(o.accumulator);
    r.records += o.records;
    r.recordErrors += o.recordErrors;
  });
}

xuncha_status xuncha_report_json(const xuncha_report *report, const xuncha_params *params,
                                 char **json) {
  return boundary(__func__, [&] {
    const xuncha_report &r = use(report, "report");
    char *&result = out(json, "json");
    std::optional<xuncha::ParamValues> values;
    if (params != nullptr) {
      const xuncha_params &p = use(params, "params");
      if (&p.evaluator->ruleSet() != &r.evaluator->ruleSet())
        fail(XUNCHA_ERROR_ARGUMENT, "the params were bound for rule set '" +
                                        p.evaluator->ruleSet().name() + "', not the report's");
      values = p.values;
    } else {
      std::vector<std::string> problems;
      values = r.evaluator->bindParams({}, problems);
      if (!values)
        fail(XUNCHA_ERROR_PARAMS, (problems.empty() ? std::string("params") : problems.front()) +
                                      " (give the params with xuncha_params_bind)");
    }
    xuncha::RunCounts counts;
    counts.recordsIn = r.records;
    counts.evaluated = r.records;
    counts.recordErrors = r.recordErrors;
    const xr::ir::Program &program = r.evaluator->ruleSet().program();
    result = ownedCopy(xr::output::reportJson(program, counts, r.accumulator.finish(*values)));
  });
}

} // extern "C"
