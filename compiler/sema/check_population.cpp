// Reports: population figures built from aggregates over the records of each group.
#include "compiler/sema/checker.h"

#include <fmt/format.h>

namespace xr::sema {

void Checker::checkReport(std::uint32_t i) {
  ReportInfo &report = m_.reports[i];
  if (report.groupBy) {
    ScopeGuard guard(*this, scopeFor("report " + report.name));
    Type t = expr(*report.groupBy);
    const bool groupable = t.kind == TypeKind::Bool || t.kind == TypeKind::Int ||
                           t.kind == TypeKind::Text || t.kind == TypeKind::Date ||
                           t.kind == TypeKind::Enum;
    if (!t.isError() && !groupable)
      d_.report(DiagCode::TypeMismatch, report.groupBy->range,
                fmt::format("report {} groups records by a bool, int, text, date or enum value, "
                            "not by {}",
                            report.name, typeText(t)));
  }
  for (ReportItemInfo &item : report.items) {
    Scope scope = scopeFor("report " + report.name);
    scope.report = true;
    ScopeGuard guard(*this, scope);
    item.type = item.value ? expr(*item.value) : Type::error();
    if (!item.target)
      continue;
    Type target = expr(*item.target, item.type.isError() ? nullptr : &item.type);
    if (!item.type.isError() && !target.isError() && item.targetOp)
      comparable(item.type, target, *item.targetOp, item.target->range);
  }
}

} // namespace xr::sema
