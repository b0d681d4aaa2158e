#include "runtime/load/field_plan.h"

namespace xr::load {

std::vector<FieldPlan> planFields(const ir::Program &program) {
  std::vector<FieldPlan> plans;
  plans.reserve(program.fields.size());
  for (std::uint32_t f = 0; f < program.fields.size(); ++f) {
    const ir::FieldInfo &info = program.fields[f];
    FieldPlan plan;
    plan.field = f;
    plan.name = info.name;
    plan.type = info.type;
    if (info.type.kind == TypeKind::Enum && info.type.enumId < program.enums.size())
      plan.matcher.emplace(program.enums.get(info.type.enumId));
    plans.push_back(std::move(plan));
  }
  return plans;
}

Stored storeText(RowSink &sink, const FieldPlan &plan, std::string_view text, bool fromGb18030,
                 std::string &reason) {
  const std::uint32_t f = plan.field;
  if (plan.type.kind == TypeKind::Text) {
    if (text.empty())
      return Stored::Missing;
    if (const std::size_t at = invalidUtf8At(text); at != kValidUtf8) {
      reason = invalidUtf8Reason(text, at, fromGb18030);
      return Stored::Bad;
    }
    sink.setText(f, text);
    return Stored::Value;
  }
  const std::string_view t = trimSpaces(text);
  if (t.empty())
    return Stored::Missing;
  bool ok = false;
  switch (plan.type.kind) {
  case TypeKind::Int: {
    std::int64_t v;
    if ((ok = scanInt(t, v)))
      sink.setI64(f, v);
    break;
  }
  case TypeKind::Number: {
    double v;
    if ((ok = scanNumber(t, v)))
      sink.setF64(f, v);
    break;
  }
  case TypeKind::Date: {
    std::int32_t v;
    if ((ok = scanDate(t, v)))
      sink.setI32(f, v);
    break;
  }
  case TypeKind::Bool: {
    bool v;
    if ((ok = scanBool(t, v)))
      sink.setU8(f, v ? 1 : 0);
    break;
  }
  case TypeKind::Enum:
    if (plan.matcher) {
      const int member = plan.matcher->find(t);
      if ((ok = member >= 0))
        sink.setI32(f, member);
    }
    break;
  default:
    break;
  }
  if (ok)
    return Stored::Value;
  if (const std::size_t at = invalidUtf8At(t); at != kValidUtf8)
    reason = invalidUtf8Reason(t, at, fromGb18030);
  else
    reason = badValueReason(plan.type, plan.enumMatcher(), t);
  return Stored::Bad;
}

std::string missingReason(const FieldPlan &plan, std::string_view found) {
  return expectedValue(plan.type, plan.enumMatcher()) + ", got " + std::string(found) + " (field " +
         plan.name + " is not optional)";
}

} // namespace xr::load
