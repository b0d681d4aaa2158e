#include "runtime/explain/probe.h"

#include "runtime/testing/values.h"

#include <algorithm>

namespace xr::explain {
namespace {

bool isReference(ir::Op op) {
  return op == ir::Op::Field || op == ir::Op::Param || op == ir::Op::Slot;
}

bool isComparison(ir::Op op) {
  switch (op) {
  case ir::Op::Eq:
  case ir::Op::Ne:
  case ir::Op::Lt:
  case ir::Op::Le:
  case ir::Op::Gt:
  case ir::Op::Ge:
  case ir::Op::SetHas:
  case ir::Op::IsMissing:
    return true;
  default:
    return false;
  }
}

/// Two nodes read the same thing (the same field, param or slot).
bool sameReference(const ir::Node &a, const ir::Node &b) { return a.op == b.op && a.a == b.a; }

} // namespace

std::string Probe::text(ir::ExprId expr) const {
  return testrun::expressionText(program_, sources_, expr);
}

std::uint32_t Probe::line(SourceRange range) const {
  if (!range.valid() || range.file >= sources_.size())
    return 0;
  return sources_.file(range.file).position(range.begin).line;
}

Value Probe::value(ir::ExprId expr, const batch::Results &frame) const {
  Value out;
  out.name = text(expr);
  interp::ExpressionValues v = interpreter_.evaluateExpression(expr, record_, params_, frame);
  if (v.status[0] != 0)
    out.error = batch::errorMessage(program_, v.errors[0]);
  else
    out.value = batch::constantAt(v.values, 0, v.arena);
  return out;
}

void Probe::references(ir::ExprId expr, std::vector<ir::ExprId> &out) const {
  const ir::Node &n = program_.node(expr);
  if (isReference(n.op)) {
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](ir::ExprId e) { return sameReference(program_.node(e), n); });
    if (!seen)
      out.push_back(expr);
    return;
  }
  for (std::uint32_t i = 0; i < n.argCount; ++i)
    references(program_.arg(n, i), out);
}

void Probe::addOperand(ir::ExprId expr, std::vector<ir::ExprId> &out) const {
  const ir::Node &n = program_.node(expr);
  if (n.op == ir::Op::Const)
    return;
  if (isReference(n.op)) {
    references(expr, out);
    return;
  }
  const std::string shown = text(expr);
  const bool seen = std::any_of(out.begin(), out.end(), [&](ir::ExprId e) {
    return !isReference(program_.node(e).op) && text(e) == shown;
  });
  if (!seen)
    out.push_back(expr);
  references(expr, out);
}

void Probe::operands(ir::ExprId expr, std::vector<ir::ExprId> &out) const {
  const ir::Node &n = program_.node(expr);
  switch (n.op) {
  case ir::Op::And:
  case ir::Op::Or:
  case ir::Op::Not:
  case ir::Op::If:
  case ir::Op::When:
  case ir::Op::Coalesce:
    for (std::uint32_t i = 0; i < n.argCount; ++i)
      operands(program_.arg(n, i), out);
    return;
  case ir::Op::StatusIn:
    addOperand(program_.arg(n, 0), out);
    return;
  case ir::Op::Const:
    return;
  default:
    break;
  }
  if (isComparison(n.op)) {
    for (std::uint32_t i = 0; i < n.argCount; ++i)
      addOperand(program_.arg(n, i), out);
    return;
  }
  addOperand(expr, out); // a bool name, a call: its value and what it reads
}

Condition Probe::condition(ir::ExprId expr, const batch::Results &frame) const {
  Condition out;
  Value whole = value(expr, frame);
  out.text = whole.name;
  out.line = line(program_.node(expr).range);
  if (!whole.error.empty()) {
    out.outcome = "error";
    out.error = whole.error;
  } else if (!whole.value.valid) {
    out.outcome = "missing";
  } else {
    out.outcome = whole.value.i != 0 ? "true" : "false";
  }
  std::vector<ir::ExprId> shown;
  operands(expr, shown);
  for (ir::ExprId e : shown)
    out.operands.push_back(value(e, frame));
  return out;
}

} // namespace xr::explain
