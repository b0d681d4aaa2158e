// Explaining one record of a context's batch, as `xuncha explain` does.
#include "runtime/explain/explain.h"
#include "runtime/capi/handles.h"
#include "runtime/explain/render.h"

using namespace xr::capi;

extern "C" {

xuncha_status xuncha_context_explain(xuncha_context *context, size_t row, int json, char **text) {
  return boundary(__func__, [&] {
    xuncha_context &c = use(context, "context");
    checkIndex(row, c.batch.rows(), "row");
    char *&result = out(text, "text");
    checkFilledColumns(c);
    const xuncha::RuleSet &rules = c.evaluator->ruleSet();
    const xr::ir::Program &program = rules.program();
    // The explainer takes a batch of the one record.
    xuncha::Batch record(program);
    record.addRow();
    for (std::uint32_t f = 0; f < program.fields.size(); ++f)
      record.set(f, 0, xr::batch::constantAt(c.batch.column(f), row, c.batch.arena()));
    const xr::explain::Explanation explanation = xr::explain::explainRecord(
        rules.compilation(), c.evaluator->interpreter(), record, c.params);
    result = ownedCopy(json != 0 ? xr::explain::explanationJson(program, explanation).dump(2) + "\n"
                                 : xr::explain::explanationText(program, explanation, false));
  });
}

} // extern "C"
