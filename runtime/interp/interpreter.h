#pragma once
// The interpreter back end: runs a program's per-record statements over a Batch, column at a
// time, into Results. The reference the JIT is tested against, bit for bit.
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace xr::interp {

namespace detail {
class Engine;
}

/// The value of one expression for every row of an evaluated batch (see evaluateExpression).
struct ExpressionValues {
  batch::Column values;                // typed as the expression; missing where not ok
  std::string arena;                   // the text of `values`
  std::vector<std::uint8_t> status;    // per row: batch::RowStatus
  std::vector<batch::RowError> errors; // per row, where status is Error
};

class Interpreter {
public:
  /// Compiles the program once. The program must outlive the interpreter. Throws
  /// std::invalid_argument when the IR is malformed (a compiler bug, not a user error).
  explicit Interpreter(const ir::Program &program);
  ~Interpreter();
  Interpreter(const Interpreter &) = delete;
  Interpreter &operator=(const Interpreter &) = delete;

  const ir::Program &program() const;

  /// Evaluates every row of `batch` into `results` (reset to the batch's rows). A record that
  /// raises an error gets status Error, its first error, and every slot missing; the others
  /// are unaffected. Thread safe: several threads may evaluate different batches at once.
  /// Throws std::invalid_argument when the batch was not made for this program's record.
  void evaluate(const batch::Batch &batch, const batch::ParamValues &params,
                batch::Results &results) const;

  /// Evaluates one expression of the program (a test expectation, a value `explain` shows)
  /// for every row of a batch already evaluated into `results`: fields come from the batch,
  /// slots are their final values. Rows whose record failed are not evaluated: their status
  /// is Error with the record's error. Otherwise status is Error when the expression itself
  /// raised one (e.g. a division by zero in the expectation).
  ExpressionValues evaluateExpression(ir::ExprId expr, const batch::Batch &batch,
                                      const batch::ParamValues &params,
                                      const batch::Results &results) const;

  /// The compiled program, for the report evaluator (runtime/interp/report.h).
  const detail::Engine &engine() const { return *engine_; }

private:
  void checkBatch(const batch::Batch &batch) const;

  std::unique_ptr<detail::Engine> engine_;
  std::int64_t keyField_ = -1;
};

} // namespace xr::interp
