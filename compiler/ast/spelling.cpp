#include "compiler/ast/spelling.h"

#include <fmt/format.h>

namespace xr::ast {

std::string_view binaryOpText(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::Eq:
    return "==";
  case BinaryOp::Ne:
    return "!=";
  case BinaryOp::Lt:
    return "<";
  case BinaryOp::Le:
    return "<=";
  case BinaryOp::Gt:
    return ">";
  case BinaryOp::Ge:
    return ">=";
  case BinaryOp::And:
    return "and";
  case BinaryOp::Or:
    return "or";
  case BinaryOp::Coalesce:
    return "??";
  }
  return "?";
}

std::string_view severityText(Severity severity) {
  switch (severity) {
  case Severity::Critical:
    return "critical";
  case Severity::Major:
    return "major";
  case Severity::Minor:
    return "minor";
  }
  return "?";
}

std::string_view missingPolicyKeyword(MissingPolicyKind kind) {
  switch (kind) {
  case MissingPolicyKind::NotAssessed:
    return "not_assessed";
  case MissingPolicyKind::Fail:
    return "fail";
  case MissingPolicyKind::Pass:
    return "pass";
  case MissingPolicyKind::Score:
    return "score";
  case MissingPolicyKind::Skip:
    return "skip";
  case MissingPolicyKind::Flag:
    return "flag";
  case MissingPolicyKind::Invalid:
    return "invalid";
  }
  return "?";
}

std::string missingPolicyText(const MissingPolicy &policy) {
  switch (policy.kind) {
  case MissingPolicyKind::Score:
    return fmt::format("score {}", policy.score);
  case MissingPolicyKind::Invalid:
    return policy.written.text;
  default:
    return std::string(missingPolicyKeyword(policy.kind));
  }
}

} // namespace xr::ast
