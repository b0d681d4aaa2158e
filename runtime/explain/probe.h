#pragma once
// Values of expressions of one record at a point of its evaluation: an expression evaluated by
// the interpreter (Interpreter::evaluateExpression) against a frame of the record's trace, and
// the operands a person needs to see why a condition came out as it did.
#include "compiler/ir/ir.h"
#include "compiler/source/source.h"
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/explain/explain.h"
#include "runtime/interp/interpreter.h"

#include <vector>

namespace xr::explain {

class Probe {
public:
  Probe(const SourceManager &sources, const interp::Interpreter &interpreter,
        const batch::Batch &record, const batch::ParamValues &params)
      : program_(interpreter.program()), sources_(sources), interpreter_(interpreter),
        record_(record), params_(params) {}

  /// The value of `expr` in `frame`, named by its rule text.
  Value value(ir::ExprId expr, const batch::Results &frame) const;

  /// A condition's outcome in `frame` and its operands: the non-constant sides of the
  /// comparisons under its and/or/not, the statuses it tests, and the names read below an
  /// operand that is not itself a name ("revenue / cost > 2": revenue / cost, revenue, cost).
  Condition condition(ir::ExprId expr, const batch::Results &frame) const;

  /// The fields, params and slots `expr` reads, in order of first use, each once.
  void references(ir::ExprId expr, std::vector<ir::ExprId> &out) const;

  std::uint32_t line(SourceRange range) const;
  std::string text(ir::ExprId expr) const;

private:
  void operands(ir::ExprId expr, std::vector<ir::ExprId> &out) const;
  void addOperand(ir::ExprId expr, std::vector<ir::ExprId> &out) const;

  const ir::Program &program_;
  const SourceManager &sources_;
  const interp::Interpreter &interpreter_;
  const batch::Batch &record_;
  const batch::ParamValues &params_;
};

} // namespace xr::explain
