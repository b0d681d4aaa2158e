// The interpreter: column-at-a-time evaluation with selection vectors.
//
// How it runs. A batch is cut into chunks of up to kChunk rows. For each chunk the statements
// of the per-record program run in order over the chunk's "active" rows (a selection vector);
// each statement evaluates its expressions node by node, every node over all the rows it
// applies to at once (engine_expr.cpp), and writes its slots into Results (engine_stmt.cpp).
//
// Why the result equals evaluating each record alone, left to right (the contract with the
// JIT, which does exactly that, and the reason a record's FIRST error is the one reported):
//  1. Rows never interact. A node computes row r from row r of its operands only; statements
//     read and write row r of the slots only. So it suffices that, for every row r, the
//     vectorised run performs the same operations, on the same values, in the same order as
//     the per-record run of r.
//  2. Same operations, same order. Per record, the program is a fixed sequence: statements in
//     order, inside each the expressions in the order ir.h gives, inside each expression the
//     operands left to right and then the node (post-order). The vectorised run visits the
//     statements, expressions and nodes in that same order, evaluating each for a selection
//     of rows. Children are evaluated left to right and always before their parent.
//  3. Same rows. A node is evaluated for row r exactly when the per-record run evaluates it
//     for r: lazy operands get a narrowed selection (the right side of and/or only for the
//     rows the left side did not decide; the branch of if/when only for the rows whose
//     condition chose it; the fallback of ?? only for rows whose value is missing); indicator
//     bodies only for rows whose checklist lists the indicator; rule assignments only for
//     rows whose rule applies; table outcomes only for rows that matched that table row.
//     One exception, which cannot be observed: a lazy operand that can raise no error (no
//     division, no int arithmetic, no failable built-in, no Fail below it) is evaluated for all
//     the rows at once, the unneeded values being dropped when the results are merged; such an
//     operand has no effect but its value (XNode::lazyOperandsSafe).
//  4. Errors. When a node raises an error for row r, r is marked (Workspace::raise keeps only
//     the first error of a row) and removed from the node's selection, which is the caller's
//     selection object, or, for a narrowed selection, removed from the caller's selection as
//     soon as the narrowed evaluation returns. So r takes part in no later node or statement,
//     exactly as the per-record run stops at its first error. At the end of the chunk every
//     slot of a failed row is cleared, since the per-record run leaves none defined.
//  5. Values. Each op is computed with the same scalar semantics as ir.h prescribes: checked
//     int arithmetic, IEEE double arithmetic without contraction, built-ins through the same
//     kernels (engine_call.cpp). Weighted scores and table folds accumulate per row in the
//     documented order (indicators, domains and table rows in index order).
#include "runtime/interp/interpreter.h"

#include "runtime/batch/copy_key.h"
#include "runtime/interp/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace xr::interp {

using detail::kChunk;
using detail::Row;
using detail::Sel;

namespace {

/// Returns a workspace to the engine's pool however the evaluation ends.
class Borrowed {
public:
  explicit Borrowed(const detail::Engine &engine) : engine_(engine), ws_(engine.acquire()) {}
  ~Borrowed() { engine_.release(std::move(ws_)); }
  Borrowed(const Borrowed &) = delete;
  Borrowed &operator=(const Borrowed &) = delete;
  detail::Workspace &operator*() const { return *ws_; }
  detail::Workspace *operator->() const { return ws_.get(); }

private:
  const detail::Engine &engine_;
  std::unique_ptr<detail::Workspace> ws_;
};

bool allPresent(const batch::Column &column, std::size_t rows) {
  return rows == 0 || std::memchr(column.validity(), 0, rows) == nullptr;
}

void clearFailedRows(batch::Results &results, const detail::Workspace &ws) {
  std::vector<std::size_t> failed;
  for (Row r = 0; r < ws.rows; ++r)
    if (ws.errored[r])
      failed.push_back(ws.start + r);
  for (std::size_t s = 0; s < results.slotCount(); ++s) {
    batch::Column &column = results.slot(static_cast<ir::SlotId>(s));
    std::uint8_t *valid = column.validity();
    auto clear = [&](auto *values) {
      for (std::size_t row : failed) {
        values[row] = {};
        valid[row] = 0;
      }
    };
    switch (column.storage()) {
    case batch::Storage::U8:
      clear(column.values<std::uint8_t>());
      break;
    case batch::Storage::I32:
      clear(column.values<std::int32_t>());
      break;
    case batch::Storage::I64:
      clear(column.values<std::int64_t>());
      break;
    case batch::Storage::F64:
      clear(column.values<double>());
      break;
    case batch::Storage::U64:
      clear(column.values<std::uint64_t>());
      break;
    case batch::Storage::Text:
      clear(column.values<batch::TextRef>());
      break;
    }
  }
}

} // namespace

Interpreter::Interpreter(const ir::Program &program)
    : engine_(std::make_unique<detail::Engine>(program)) {
  for (std::size_t f = 0; f < program.fields.size(); ++f)
    if (program.fields[f].key) {
      keyField_ = static_cast<std::int64_t>(f);
      break;
    }
}

Interpreter::~Interpreter() = default;

const ir::Program &Interpreter::program() const { return engine_->program(); }

void Interpreter::checkBatch(const batch::Batch &batch) const {
  const ir::Program &p = program();
  if (batch.fieldCount() != p.fields.size())
    throw std::invalid_argument(fmt::format("a batch of {} fields for a record of {}",
                                            batch.fieldCount(), p.fields.size()));
  for (std::uint32_t f = 0; f < p.fields.size(); ++f)
    if (!(batch.column(f).type().required() == p.fields[f].type.required()))
      throw std::invalid_argument(fmt::format("the batch's column {} is a {}, field {} a {}", f,
                                              typeName(batch.column(f).type()), p.fields[f].name,
                                              typeName(p.fields[f].type)));
}

void Interpreter::evaluate(const batch::Batch &batch, const batch::ParamValues &params,
                           batch::Results &results) const {
  const ir::Program &p = program();
  checkBatch(batch);
  const std::size_t rows = batch.rows();
  results.reset(p, rows);

  Borrowed ws(*engine_);
  engine_->bindParams(*ws, params);
  ws->batch = &batch;
  ws->frame = &results;
  ws->results = &results;
  ws->statusOut = results.statusData();
  ws->errorOut = results.errorData();
  for (std::uint32_t f = 0; f < p.fields.size(); ++f)
    ws->fieldAllValid[f] = allPresent(batch.column(f), rows);
  for (ir::SlotId s : engine_->unwrittenSlots())
    for (std::size_t row = 0; row < rows; ++row)
      results.slot(s).setMissing(row);

  for (std::size_t start = 0; start < rows; start += kChunk) {
    const auto n = static_cast<std::uint32_t>(std::min<std::size_t>(kChunk, rows - start));
    ws->start = start;
    ws->rows = n;
    std::memset(ws->errored, 0, n);
    std::fill(ws->slotAllValid.begin(), ws->slotAllValid.end(), 0);
    ws->members.clear();
    const std::uint64_t before = ws->errorCount;
    Sel active = Sel::dense(n);
    for (std::size_t i = 0; i < p.statements.size() && !active.empty(); ++i)
      engine_->runStatement(*ws, i, active);
    if (ws->errorCount != before)
      clearFailedRows(results, *ws);
  }
  ws->members.clear(); // their rows are scratch of this evaluation
  if (keyField_ >= 0 && results.hasKey())
    batch::copyKey(batch, static_cast<std::uint32_t>(keyField_), results);
}

ExpressionValues Interpreter::evaluateExpression(ir::ExprId expr, const batch::Batch &batch,
                                                 const batch::ParamValues &params,
                                                 const batch::Results &results) const {
  const ir::Program &p = program();
  checkBatch(batch);
  if (expr >= p.nodes.size())
    throw std::invalid_argument(fmt::format("expression {} is not a node", expr));
  if (results.rows() != batch.rows() || results.slotCount() != p.slots.size())
    throw std::invalid_argument("the results are not the evaluation of this batch");
  const std::size_t rows = batch.rows();

  ExpressionValues out;
  out.values = batch::Column(p.nodes[expr].type);
  out.status.assign(results.statusData(), results.statusData() + rows);
  out.errors.resize(rows);
  for (std::size_t row = 0; row < rows; ++row)
    if (!results.ok(row))
      out.errors[row] = results.error(row);

  Borrowed ws(*engine_);
  engine_->bindParams(*ws, params);
  ws->batch = &batch;
  ws->frame = &results;
  ws->statusOut = out.status.data();
  ws->errorOut = out.errors.data();
  for (std::uint32_t f = 0; f < p.fields.size(); ++f)
    ws->fieldAllValid[f] = allPresent(batch.column(f), rows);
  detail::evaluateColumn(*engine_, *ws, expr, rows, results.statusData(), out.values, out.arena);
  return out;
}

} // namespace xr::interp
