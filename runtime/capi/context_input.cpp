// Contexts and their input: whole typed columns (copied into the batch, checked on the way),
// text columns parsed by the field's type, and rows of text.
#include "runtime/capi/handles.h"
#include "runtime/capi/value_checks.h"
#include "runtime/load/value_scan.h"
#include "runtime/load/value_text.h"

#include <stdexcept>
#include <string_view>

using namespace xr::capi;
using xr::TypeKind;

namespace {

/// The call that sets a column of a field of this kind, for messages.
const char *setterFor(TypeKind kind) {
  switch (kind) {
  case TypeKind::Bool:
    return "xuncha_context_set_bool";
  case TypeKind::Int:
    return "xuncha_context_set_int64";
  case TypeKind::Number:
    return "xuncha_context_set_double";
  case TypeKind::Date:
    return "xuncha_context_set_date";
  case TypeKind::Enum:
    return "xuncha_context_set_enum";
  default:
    return "xuncha_context_set_text";
  }
}

struct Target {
  xuncha_context &context;
  const xr::ir::FieldInfo &field;
  std::uint32_t index;
};

/// The field `field` of the context's rule set, checked against the batch's row count and, when
/// `kind` is not Error, against the kind of the call.
Target target(xuncha_context *handle, size_t field, size_t length, TypeKind kind) {
  xuncha_context &context = use(handle, "context");
  const xr::ir::Program &program = context.evaluator->ruleSet().program();
  checkIndex(field, program.fields.size(), "field");
  const xr::ir::FieldInfo &info = program.fields[field];
  if (kind != TypeKind::Error && info.type.kind != kind)
    fail(XUNCHA_ERROR_TYPE, "field '" + info.name + "' is " + typeText(program, info.type) +
                                ", not " + xr::typeName(xr::Type{kind}) + "; set it with " +
                                setterFor(info.type.kind) +
                                " (or xuncha_context_set_text with its values as text)");
  if (length != context.batch.rows())
    fail(XUNCHA_ERROR_LENGTH, "the column for field '" + info.name + "' has " +
                                  std::to_string(length) + " values but the batch has " +
                                  std::to_string(context.batch.rows()) +
                                  " rows (set the row count first with xuncha_context_set_rows)");
  return {context, info, static_cast<std::uint32_t>(field)};
}

void clearColumn(Target &t) {
  xr::batch::Column &column = t.context.batch.column(t.index);
  for (std::size_t row = 0; row < column.size(); ++row)
    column.setMissing(row);
}

/// Copies a typed column; `problem(value)` says why a present value is not one of the field's
/// type ("" when it is). Missing values get the zero element the batch layout requires.
template <class T, class Problem>
void copyColumn(Target t, const T *values, const uint8_t *validity, Problem problem) {
  if (values == nullptr && t.context.batch.rows() != 0)
    fail(XUNCHA_ERROR_ARGUMENT, "'values' is NULL");
  xr::batch::Column &column = t.context.batch.column(t.index);
  T *to = column.template values<T>();
  std::uint8_t *valid = column.validity();
  for (std::size_t row = 0; row < column.size(); ++row) {
    const bool present = validity == nullptr || validity[row] != 0;
    if (!present) {
      to[row] = T{};
      valid[row] = 0;
      continue;
    }
    if (std::string why = problem(values[row]); !why.empty()) {
      clearColumn(t);
      fail(XUNCHA_ERROR_VALUE, "field '" + t.field.name + "', row " + std::to_string(row) + ": " +
                                   why + " (mark missing values 0 in 'validity')");
    }
    to[row] = values[row];
    valid[row] = 1;
  }
}

/// Sets a column from text values: `textOf(row)` gives a row's bytes, or nullopt for missing.
template <class TextOf> void textColumn(Target t, const uint8_t *validity, TextOf textOf) {
  const xr::ir::Program &program = t.context.evaluator->ruleSet().program();
  xr::batch::Batch &batch = t.context.batch;
  const bool isText = t.field.type.kind == TypeKind::Text;
  for (std::size_t row = 0; row < batch.rows(); ++row) {
    std::optional<std::string_view> text;
    if (validity == nullptr || validity[row] != 0)
      text = textOf(row);
    if (!text) {
      batch.setMissing(t.index, row);
      continue;
    }
    std::string why;
    if (isText) {
      if (std::size_t at = xr::load::invalidUtf8At(*text); at != xr::load::kValidUtf8)
        why = xr::load::invalidUtf8Reason(*text, at, false);
      else
        batch.column(t.index).setText(row, batch.appendText(*text));
    } else if (auto value = xr::load::parseValue(program, t.field.type.required(), *text, why)) {
      batch.set(t.index, row, *value);
    }
    if (!why.empty()) {
      clearColumn(t);
      fail(XUNCHA_ERROR_VALUE,
           "field '" + t.field.name + "', row " + std::to_string(row) + ": " + why);
    }
  }
}

} // namespace

extern "C" {

xuncha_status xuncha_context_create(const xuncha_compiled *compiled, const xuncha_params *params,
                                    xuncha_context **context) {
  return boundary(__func__, [&] {
    const xuncha_compiled &c = use(compiled, "compiled");
    xuncha_context *&result = out(context, "context");
    std::optional<xuncha::ParamValues> values;
    if (params != nullptr) {
      const xuncha_params &p = use(params, "params");
      if (&p.evaluator->ruleSet() != &c.evaluator->ruleSet())
        fail(XUNCHA_ERROR_ARGUMENT,
             "the params were bound for rule set '" + p.evaluator->ruleSet().name() +
                 "', not for the compiled rule set's own ('" + c.evaluator->ruleSet().name() +
                 "'): bind them with xuncha_params_bind on this compiled rule set");
      values = p.values;
    } else {
      std::vector<std::string> problems;
      values = c.evaluator->bindParams({}, problems);
      if (!values) {
        std::string message;
        for (const std::string &problem : problems)
          message += (message.empty() ? "" : "; ") + problem;
        fail(XUNCHA_ERROR_PARAMS, message + " (give the params with xuncha_params_bind)");
      }
    }
    result = make<xuncha_context>(c.evaluator, std::move(*values));
  });
}

xuncha_status xuncha_context_free(xuncha_context *context) {
  return boundary(__func__, [&] { destroy(context, "context"); });
}

xuncha_status xuncha_context_set_rows(xuncha_context *context, size_t rows) {
  return boundary(__func__, [&] {
    xuncha_context &c = use(context, "context");
    c.batch.clear();
    c.batch.resize(rows);
    c.filledInPlace.clear();
  });
}

xuncha_status xuncha_context_rows(const xuncha_context *context, size_t *rows) {
  return boundary(__func__, [&] { out(rows, "rows") = use(context, "context").batch.rows(); });
}

xuncha_status xuncha_context_set_bool(xuncha_context *context, size_t field, const uint8_t *values,
                                      const uint8_t *validity, size_t length) {
  return boundary(__func__, [&] {
    copyColumn(target(context, field, length, TypeKind::Bool), values, validity, boolProblem);
  });
}

xuncha_status xuncha_context_set_int64(xuncha_context *context, size_t field, const int64_t *values,
                                       const uint8_t *validity, size_t length) {
  return boundary(__func__, [&] {
    copyColumn(target(context, field, length, TypeKind::Int), values, validity, intProblem);
  });
}

xuncha_status xuncha_context_set_double(xuncha_context *context, size_t field, const double *values,
                                        const uint8_t *validity, size_t length) {
  return boundary(__func__, [&] {
    copyColumn(target(context, field, length, TypeKind::Number), values, validity, numberProblem);
  });
}

xuncha_status xuncha_context_set_date(xuncha_context *context, size_t field, const int32_t *days,
                                      const uint8_t *validity, size_t length) {
  return boundary(__func__, [&] {
    copyColumn(target(context, field, length, TypeKind::Date), days, validity, dateProblem);
  });
}

xuncha_status xuncha_context_set_enum(xuncha_context *context, size_t field, const int32_t *members,
                                      const uint8_t *validity, size_t length) {
  return boundary(__func__, [&] {
    Target t = target(context, field, length, TypeKind::Enum);
    copyColumn(
        t, members, validity,
        EnumProblem{t.context.evaluator->ruleSet().program().enums.get(t.field.type.enumId)});
  });
}

xuncha_status xuncha_context_set_text(xuncha_context *context, size_t field,
                                      const char *const *values, const size_t *lengths,
                                      const uint8_t *validity, size_t length) {
  return boundary(__func__, [&] {
    Target t = target(context, field, length, TypeKind::Error);
    if (values == nullptr && length != 0)
      fail(XUNCHA_ERROR_ARGUMENT, "'values' is NULL");
    textColumn(t, validity, [&](std::size_t row) -> std::optional<std::string_view> {
      if (values[row] == nullptr)
        return std::nullopt;
      return lengths == nullptr ? std::string_view(values[row])
                                : std::string_view(values[row], lengths[row]);
    });
  });
}

xuncha_status xuncha_context_set_text_offsets(xuncha_context *context, size_t field,
                                              const char *data, const int64_t *offsets,
                                              const uint8_t *validity, size_t length) {
  return boundary(__func__, [&] {
    Target t = target(context, field, length, TypeKind::Error);
    if (offsets == nullptr)
      fail(XUNCHA_ERROR_ARGUMENT, "'offsets' is NULL (it has length + 1 entries)");
    if (data == nullptr && offsets[length] != offsets[0])
      fail(XUNCHA_ERROR_ARGUMENT, "'data' is NULL");
    for (std::size_t row = 0; row < length; ++row)
      if (offsets[row] < 0 || offsets[row + 1] < offsets[row])
        fail(XUNCHA_ERROR_ARGUMENT, "the offsets of field '" + t.field.name +
                                        "' decrease or are negative at row " + std::to_string(row));
    textColumn(t, validity, [&](std::size_t row) -> std::optional<std::string_view> {
      return std::string_view(data + offsets[row],
                              static_cast<std::size_t>(offsets[row + 1] - offsets[row]));
    });
  });
}

xuncha_status xuncha_context_add_row(xuncha_context *context, const char *const *values,
                                     size_t count) {
  return boundary(__func__, [&] {
    xuncha_context &c = use(context, "context");
    const xr::ir::Program &program = c.evaluator->ruleSet().program();
    if (count != program.fields.size())
      fail(XUNCHA_ERROR_LENGTH, "the row has " + std::to_string(count) +
                                    " values but the record has " +
                                    std::to_string(program.fields.size()) +
                                    " fields (give one per field, NULL for missing)");
    if (values == nullptr && count != 0)
      fail(XUNCHA_ERROR_ARGUMENT, "'values' is NULL");
    // Every value is parsed before the row is added, so a bad one adds nothing.
    std::vector<xr::ir::Constant> parsed;
    for (std::size_t f = 0; f < count; ++f) {
      const xr::ir::FieldInfo &field = program.fields[f];
      std::string why;
      std::optional<xr::ir::Constant> value = xr::load::parseValue(
          program, field.type.required(), values[f] == nullptr ? "" : values[f], why);
      if (!value)
        fail(XUNCHA_ERROR_VALUE, "field '" + field.name + "': " + why);
      parsed.push_back(std::move(*value));
    }
    const std::size_t row = c.batch.addRow();
    for (std::size_t f = 0; f < count; ++f)
      c.batch.set(static_cast<std::uint32_t>(f), row, parsed[f]);
  });
}

} // extern "C"
