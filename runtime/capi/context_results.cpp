// Evaluating a context's batch, and reading its results in place.
#include "runtime/capi/handles.h"
#include "runtime/output/output.h"

#include <stdexcept>

using namespace xr::capi;
using xr::batch::Storage;

namespace {

const xuncha_context &evaluated(const xuncha_context *handle) {
  const xuncha_context &context = use(handle, "context");
  if (!context.evaluated)
    fail(XUNCHA_ERROR_ARGUMENT, "the context has no results yet: call xuncha_context_evaluate");
  return context;
}

const char *readerFor(Storage storage) {
  switch (storage) {
  case Storage::U8:
    return "xuncha_context_result_uint8";
  case Storage::I32:
    return "xuncha_context_result_int32";
  case Storage::I64:
    return "xuncha_context_result_int64";
  case Storage::F64:
    return "xuncha_context_result_double";
  case Storage::U64:
    return "xuncha_context_result_uint64";
  case Storage::Text:
    return "xuncha_context_result_text";
  }
  return "xuncha_context_result_format";
}

/// Result column `column` of an evaluated context, checked to be stored as `storage`.
const xr::batch::Column &resultColumn(const xuncha_context &context, size_t column,
                                      Storage storage) {
  const xr::ir::Program &program = context.evaluator->ruleSet().program();
  checkIndex(column, program.results.size(), "result column");
  const xr::ir::ResultColumn &info = program.results[column];
  const xr::batch::Column &values = context.results.slot(info.slot);
  if (values.storage() != storage)
    fail(XUNCHA_ERROR_TYPE, "result column '" + info.name + "' is " +
                                typeText(program, values.type()) + "; read it with " +
                                readerFor(values.storage()));
  return values;
}

template <class T>
void readColumn(const xuncha_context *handle, size_t column, Storage storage, const T **values,
                const uint8_t **validity) {
  const xr::batch::Column &c = resultColumn(evaluated(handle), column, storage);
  maybeSet(values, c.template values<T>());
  maybeSet(validity, c.validity());
}

void checkRow(const xuncha_context &context, size_t row) {
  checkIndex(row, context.results.rows(), "row");
}

} // namespace

extern "C" {

xuncha_status xuncha_context_evaluate(xuncha_context *context) {
  return boundary(__func__, [&] {
    xuncha_context &c = use(context, "context");
    c.evaluated = false;
    checkFilledColumns(c);
    try {
      c.evaluator->evaluate(c.batch, c.params, c.results);
    } catch (const std::runtime_error &error) {
      // The one failure of a whole batch: an explicit JIT whose compilation failed.
      if (!c.evaluator->compileError().empty())
        fail(XUNCHA_ERROR_ENGINE, error.what());
      throw;
    }
    c.evaluated = true;
  });
}

xuncha_status xuncha_context_result_rows(const xuncha_context *context, size_t *rows) {
  return boundary(__func__, [&] { out(rows, "rows") = evaluated(context).results.rows(); });
}

xuncha_status xuncha_context_result_status(const xuncha_context *context, const uint8_t **status,
                                           size_t *errors) {
  return boundary(__func__, [&] {
    const xuncha_context &c = evaluated(context);
    maybeSet(status, c.results.statusData());
    maybeSet(errors, c.results.errorCount());
  });
}

xuncha_status xuncha_context_result_error(xuncha_context *context, size_t row,
                                          const char **message) {
  return boundary(__func__, [&] {
    const xuncha_context &c = evaluated(context);
    checkRow(c, row);
    const char *&result = out(message, "message");
    context->scratch = c.results.ok(row) ? std::string()
                                         : xr::batch::errorMessage(c.evaluator->ruleSet().program(),
                                                                   c.results.error(row));
    result = context->scratch.c_str();
  });
}

xuncha_status xuncha_context_result_uint8(const xuncha_context *context, size_t column,
                                          const uint8_t **values, const uint8_t **validity) {
  return boundary(__func__, [&] { readColumn(context, column, Storage::U8, values, validity); });
}

xuncha_status xuncha_context_result_int64(const xuncha_context *context, size_t column,
                                          const int64_t **values, const uint8_t **validity) {
  return boundary(__func__, [&] { readColumn(context, column, Storage::I64, values, validity); });
}

xuncha_status xuncha_context_result_double(const xuncha_context *context, size_t column,
                                           const double **values, const uint8_t **validity) {
  return boundary(__func__, [&] { readColumn(context, column, Storage::F64, values, validity); });
}

xuncha_status xuncha_context_result_int32(const xuncha_context *context, size_t column,
                                          const int32_t **values, const uint8_t **validity) {
  return boundary(__func__, [&] { readColumn(context, column, Storage::I32, values, validity); });
}

xuncha_status xuncha_context_result_uint64(const xuncha_context *context, size_t column,
                                           const uint64_t **values, const uint8_t **validity) {
  return boundary(__func__, [&] { readColumn(context, column, Storage::U64, values, validity); });
}

xuncha_status xuncha_context_result_text(const xuncha_context *context, size_t column, size_t row,
                                         const char **data, size_t *length, int *present) {
  return boundary(__func__, [&] {
    const xuncha_context &c = evaluated(context);
    const xr::batch::Column &values = resultColumn(c, column, Storage::Text);
    checkRow(c, row);
    const std::string_view text = c.results.text(values.values<xr::batch::TextRef>()[row]);
    maybeSet(data, text.data());
    maybeSet(length, text.size());
    maybeSet(present, values.valid(row) ? 1 : 0);
  });
}

xuncha_status xuncha_context_result_format(xuncha_context *context, size_t column, size_t row,
                                           const char **text) {
  return boundary(__func__, [&] {
    const xuncha_context &c = evaluated(context);
    const xr::ir::Program &program = c.evaluator->ruleSet().program();
    checkIndex(column, program.results.size(), "result column");
    checkRow(c, row);
    const char *&result = out(text, "text");
    context->scratch =
        xr::output::formatValue(program, c.results.value(program.results[column].slot, row));
    result = context->scratch.c_str();
  });
}

xuncha_status xuncha_context_format_results(const xuncha_context *context, const char *format,
                                            int indicators, int header, char **text,
                                            size_t *length) {
  return boundary(__func__, [&] {
    const xuncha_context &c = evaluated(context);
    std::optional<xr::output::OutputFormat> parsed =
        xr::output::parseOutputFormat(required(format, "format"));
    if (!parsed)
      fail(XUNCHA_ERROR_ARGUMENT,
           std::string("unknown results format '") + format + "'; the formats are csv and jsonl");
    char *&result = out(text, "text");
    xr::output::ResultFormatter formatter(c.evaluator->ruleSet().program(), *parsed,
                                          indicators != 0);
    std::string formatted = header != 0 ? formatter.preamble() : std::string();
    formatter.format(c.results, formatted);
    result = ownedCopy(formatted);
    maybeSet(length, formatted.size());
  });
}

} // extern "C"
