// Zero-copy input: the caller fills the batch's own column arrays, and evaluation checks them
// first, as the copying setters check theirs.
#include "runtime/capi/handles.h"
#include "runtime/capi/value_checks.h"

using namespace xr::capi;
using xr::TypeKind;

namespace {

template <class T, class Problem>
void checkColumn(xr::batch::Column &column, const std::string &field, Problem problem) {
  T *values = column.template values<T>();
  std::uint8_t *valid = column.validity();
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (valid[row] == 0) {
      values[row] = T{};
      continue;
    }
    valid[row] = 1;
    if (std::string why = problem(values[row]); !why.empty())
      fail(XUNCHA_ERROR_VALUE, "field '" + field + "', row " + std::to_string(row) +
                                   " (filled in place): " + why +
                                   " (set its validity byte to 0 for a missing value); "
                                   "nothing was evaluated");
  }
}

} // namespace

namespace xr::capi {

void checkFilledColumns(xuncha_context &context) {
  const ir::Program &program = context.evaluator->ruleSet().program();
  for (std::uint32_t f = 0; f < context.filledInPlace.size(); ++f) {
    if (context.filledInPlace[f] == 0)
      continue;
    const ir::FieldInfo &field = program.fields[f];
    batch::Column &column = context.batch.column(f);
    switch (field.type.kind) {
    case TypeKind::Bool:
      checkColumn<std::uint8_t>(column, field.name, boolProblem);
      break;
    case TypeKind::Int:
      checkColumn<std::int64_t>(column, field.name, intProblem);
      break;
    case TypeKind::Number:
      checkColumn<double>(column, field.name, numberProblem);
      break;
    case TypeKind::Date:
      checkColumn<std::int32_t>(column, field.name, dateProblem);
      break;
    case TypeKind::Enum:
      checkColumn<std::int32_t>(column, field.name,
                                EnumProblem{program.enums.get(field.type.enumId)});
      break;
    default:
      fail(XUNCHA_ERROR_INTERNAL, "field '" + field.name + "' of type " +
                                      typeText(program, field.type) + " was filled in place");
    }
  }
}

} // namespace xr::capi

extern "C" {

xuncha_status xuncha_context_column_buffer(xuncha_context *context, size_t field, void **values,
                                           uint8_t **validity) {
  return boundary(__func__, [&] {
    xuncha_context &c = use(context, "context");
    const xr::ir::Program &program = c.evaluator->ruleSet().program();
    checkIndex(field, program.fields.size(), "field");
    const xr::ir::FieldInfo &info = program.fields[field];
    void *&valuesOut = out(values, "values");
    std::uint8_t *&validityOut = out(validity, "validity");
    switch (info.type.kind) {
    case TypeKind::Bool:
    case TypeKind::Int:
    case TypeKind::Number:
    case TypeKind::Date:
    case TypeKind::Enum:
      break;
    default:
      fail(XUNCHA_ERROR_TYPE, "field '" + info.name + "' is " + typeText(program, info.type) +
                                  ": its values live in the batch's text arena, not in a column "
                                  "of fixed-size elements; set it with xuncha_context_set_text");
    }
    xr::batch::Column &column = c.batch.column(static_cast<std::uint32_t>(field));
    c.filledInPlace.resize(program.fields.size(), 0);
    c.filledInPlace[field] = 1;
    valuesOut = column.rawValues();
    validityOut = column.validity();
  });
}

} // extern "C"
