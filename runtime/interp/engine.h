#pragma once
// The compiled form of a program for the interpreter: one XNode per IR node, each with the
// evaluator specialised for its op and types, and the statement runners. Internal to
// runtime/interp; the public face is interpreter.h. See interpreter.cpp for why vectorised
// evaluation gives the same result as evaluating each record on its own.
#include "compiler/ir/ir.h"
#include "runtime/builtins/calendar.h"
#include "runtime/interp/workspace.h"

#include <array>
#include <memory>
#include <mutex>
#include <vector>

namespace xr::interp::detail {

class Engine;
struct XNode;

/// Evaluates a node for the rows of `sel`; rows that raise an error are removed from `sel`.
using EvalFn = Vec (*)(const Engine &, Workspace &, const XNode &, Sel &);

struct XNode {
  EvalFn fn = nullptr;
  std::uint32_t args[3] = {};
  std::uint32_t argCount = 0;
  batch::Storage storage = batch::Storage::U8; // of the node's value
  std::int64_t a = 0;                          // as in ir::Node
  std::int64_t b = 0;
  alignas(16) std::byte constant[16] = {}; // Const: the value
  std::uint8_t constantValid = 0;
  /// The lazily evaluated operands (the right side of and/or, the branches of if/when, the
  /// fallback of ??) can raise no error and call nothing with an effect: evaluating them for
  /// more rows than need them is unobservable, so they are evaluated for all rows at once,
  /// without narrowing the selection.
  bool lazyOperandsSafe = false;
};

class Engine {
public:
  /// Compiles every node and checks the program's shape (arities, operand types, slot types);
  /// throws std::invalid_argument naming the node or statement when the IR is malformed.
  explicit Engine(const ir::Program &program);

  const ir::Program &program() const { return p_; }

  Vec eval(Workspace &ws, ir::ExprId id, Sel &sel) const {
    if (sel.empty())
      return missing();
    const XNode &x = nodes_[id];
    return x.fn(*this, ws, x, sel);
  }
  /// A constant missing value (of any type: its bytes are zero).
  static Vec missing();

  /// Runs statement `index` of the program for the active rows of the chunk; rows that raise
  /// an error are removed from `active`.
  void runStatement(Workspace &ws, std::size_t index, Sel &active) const;

  /// Writes v into a slot of the results for the rows of sel (text is copied into the results'
  /// arena); a missing value is stored as validity 0 and a zero element. `coversActive`: sel is
  /// every active row of the chunk (lets later reads skip validity when nothing is missing).
  void store(Workspace &ws, ir::SlotId slot, const Vec &v, const Sel &sel, bool coversActive) const;
  void storeMissing(Workspace &ws, ir::SlotId slot, const Sel &sel) const;

  /// The weights of a WeightedStmt, flattened: [checklist * count + index].
  struct Weights {
    std::size_t checklists = 0;
    std::vector<double> indicator; // [c * indicators + i]
    std::vector<double> domain;    // [c * domains + d]
  };
  const Weights &weights(std::size_t statement) const { return weights_[statement]; }

  /// A workspace for one evaluation (from a pool; thread safe).
  std::unique_ptr<Workspace> acquire() const;
  void release(std::unique_ptr<Workspace> ws) const;
  /// Binds params and the kernel context into a workspace.
  void bindParams(Workspace &ws, const batch::ParamValues &params) const;

  /// Slots no statement writes: the evaluation sets them missing.
  const std::vector<ir::SlotId> &unwrittenSlots() const { return unwritten_; }

private:
  void compileNode(ir::ExprId id);
  /// Whether evaluating a node can raise a record error (memoised in canFail_).
  bool canFail(ir::ExprId id);
  void checkStatements();

  const ir::Program &p_;
  std::vector<XNode> nodes_;
  std::vector<std::int8_t> canFail_; // -1 unknown, 0 no, 1 yes
  std::unique_ptr<builtins::CalendarIndex> calendar_; // null when the program has no calendar
  std::vector<ir::SlotId> unwritten_;
  std::vector<Weights> weights_; // per statement (empty unless weighted)

  mutable std::mutex poolMutex_;
  mutable std::vector<std::unique_ptr<Workspace>> pool_;
};

/// Writes v into a column for the rows of sel (row start + r), text into `arena` (a value already
/// in the arena keeps its place). Returns whether every written value is present.
bool storeColumn(Workspace &ws, batch::Column &column, std::string &arena, const Vec &v,
                 const Sel &sel);

/// Evaluates expression `expr` for rows [0, rows) a chunk at a time, into `out` (a column of
/// the expression's type, resized to `rows`; text into `arena`). Rows with skip[row] set are
/// left missing and not evaluated. Errors go to ws.statusOut/ws.errorOut. The workspace must be
/// bound to what the expression reads (batch, frame, aggregates, params).
void evaluateColumn(const Engine &engine, Workspace &ws, ir::ExprId expr, std::size_t rows,
                    const std::uint8_t *skip, batch::Column &out, std::string &arena);

/// Writes a present constant into a value cell (a param's, a Const node's) as a column of
/// `storage` holds it: an int given for a number is converted, text is a view of c.text.
void storeConstant(std::byte (&cell)[16], batch::Storage storage, const ir::Constant &c);

/// A 1 for every row of a chunk: the validity of a vector that has none.
alignas(64) inline constexpr std::array<std::uint8_t, kChunk> kAllOnes = [] {
  std::array<std::uint8_t, kChunk> a{};
  for (auto &x : a)
    x = 1;
  return a;
}();

/// The values and validity of a Vec as two full arrays, whatever its form: a constant is
/// spread over the rows of the selection (into `own`), an absent validity is kAllOnes. Rows
/// outside the selection hold stale but initialised bytes.
template <class T> struct RowArrays {
  const T *value = nullptr;
  const std::uint8_t *valid = nullptr;
  Scratch own;
};

template <class T> RowArrays<T> rowArrays(Workspace &ws, const Sel &sel, const Vec &v) {
  RowArrays<T> out;
  if (!v.constant) {
    out.value = v.template as<T>();
    out.valid = v.valid ? v.valid : kAllOnes.data();
    return out;
  }
  out.own = ws.scratch();
  T *value = out.own.template values<T>();
  std::uint8_t *valid = out.own.valid();
  const T c = v.template at<T>(0);
  const std::uint8_t cv = v.validAt(0);
  sel.forEach([&](Row r) {
    value[r] = c;
    valid[r] = cv;
  });
  out.value = value;
  out.valid = valid;
  return out;
}

/// The evaluator of a built-in call and the address of the kernel it calls (engine_call.cpp).
struct BuiltinBinding {
  EvalFn fn = nullptr;
  const void *kernel = nullptr;
};
BuiltinBinding bindBuiltin(builtins::Fn fn);

} // namespace xr::interp::detail
