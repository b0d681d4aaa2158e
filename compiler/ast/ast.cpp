#include "compiler/ast/ast.h"

namespace xr::ast {

std::string_view declKindName(DeclKind kind) {
  switch (kind) {
  case DeclKind::Record: return "record";
  case DeclKind::Enum: return "enum";
  case DeclKind::Param: return "param";
  case DeclKind::Domain: return "domain";
  case DeclKind::Indicator: return "indicator";
  case DeclKind::Check: return "check";
  case DeclKind::Checklist: return "checklist";
  case DeclKind::Let: return "let";
  case DeclKind::Score: return "score";
  case DeclKind::Table: return "table";
  case DeclKind::Output: return "output";
  case DeclKind::Frequency: return "frequency";
  case DeclKind::Rule: return "rule";
  case DeclKind::Escalate: return "escalate";
  case DeclKind::Deadline: return "deadline";
  case DeclKind::Calendar: return "calendar";
  case DeclKind::Report: return "report";
  case DeclKind::Example: return "example";
  case DeclKind::Test: return "test";
  case DeclKind::Retire: return "retire";
  }
  return "declaration";
}

double WeightSpec::asFraction() const {
  double value = static_cast<double>(micro) / 1e6;
  return kind == WeightKind::Share ? value / 100.0 : value;
}

} // namespace xr::ast
