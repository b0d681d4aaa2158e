#pragma once
// Tracing one record through the per-record program, statement by statement, for `xuncha
// explain`: the frame (every slot's value) before each statement ran. It is the interpreter's
// own evaluation (Engine::runStatement on a one-row chunk, the loop of Interpreter::evaluate),
// so a trace agrees with evaluate() and, through the differential tests, with the JIT; values
// that explain shows beyond the slots (the operands of a condition that failed) are evaluated
// with Interpreter::evaluateExpression against the frame of the statement that read them.
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/interp/interpreter.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace xr::interp {

struct Trace {
  /// frames[i]: the one-row frame just before statement i ran, for every statement that ran;
  /// then one more, the frame after the last statement that ran. Slots not yet written are
  /// missing. Every frame has status Ok, so that expressions can be evaluated against it
  /// (Interpreter::evaluateExpression), even the last frame of a record that failed: it holds
  /// the values computed before the error (evaluate() clears them), and `error` says what failed.
  std::vector<batch::Results> frames;
  /// The statements that ran: 0 .. ran-1 (every statement of the program unless one failed).
  std::size_t ran = 0;
  /// The record's error and the statement that raised it, when it failed.
  std::optional<batch::RowError> error;
  std::size_t failedStatement = 0;

  const batch::Results &before(std::size_t statement) const { return frames.at(statement); }
  const batch::Results &after(std::size_t statement) const { return frames.at(statement + 1); }
  const batch::Results & final() const { return frames.back(); }
};

/// Evaluates row 0 of `record` (a batch of one row made for the interpreter's program) with
/// `params`, keeping the frame before every statement. The final frame equals what evaluate()
/// gives for the row when the record is ok; when it fails, the error is the one evaluate()
/// reports. Throws std::invalid_argument when the batch is not one row of this program's record.
Trace traceRecord(const Interpreter &interpreter, const batch::Batch &record,
                  const batch::ParamValues &params);

} // namespace xr::interp
