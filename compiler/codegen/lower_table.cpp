// Decision tables for one record, in the order of ir.h's TableStmt (which decides which error a
// record reports): first stops at its first match; unique raises at the second match; the
// other policies evaluate every condition, then the outcomes of the matching rows in row order.
#include "compiler/codegen/row_lowering.h"

#include <fmt/format.h>

namespace xr::codegen::detail {

using Policy = ir::TableStmt::Policy;

void RowLowering::statement(const ir::TableStmt &s) {
  if (s.outcomes.size() != s.conditions.size())
    throw MalformedIr("a table with unequal numbers of conditions and outcomes");
  const TypeKind kind = slot(s.slot).kind;
  switch (s.policy) {
  case Policy::First:
    tableFirst(s, kind);
    return;
  case Policy::Unique:
    tableUnique(s, kind);
    return;
  case Policy::Any:
    tableAny(s, kind);
    return;
  case Policy::Priority:
    if (kind != TypeKind::Enum)
      throw MalformedIr("a priority table whose slot is not an enum");
    tableFold(s, kind);
    return;
  case Policy::Sum:
  case Policy::Min:
  case Policy::Max:
    if (kind != TypeKind::Int && kind != TypeKind::Number)
      throw MalformedIr("a numeric collect table whose slot is not a number");
    tableFold(s, kind);
    return;
  case Policy::Collect:
    if (kind != TypeKind::Set)
      throw MalformedIr("a collect table whose slot is not a set");
    tableCollect(s);
    return;
  case Policy::Count:
    if (kind != TypeKind::Int)
      throw MalformedIr("a collect count table whose slot is not an int");
    tableCount(s);
    return;
  }
}

void RowLowering::noMatch(const ir::TableStmt &s, llvm::Value *none, const Var &value,
                          TypeKind kind, const Value &fallback) {
  ifThen(none,
         [&] { store(value, s.otherwise == ir::kNoExpr ? fallback : expr(s.otherwise, kind)); });
}

void RowLowering::tableFirst(const ir::TableStmt &s, TypeKind kind) {
  // Conditions in row order up to the first match, then that row's outcome.
  Var value = makeVar(kind, missing(kind));
  llvm::BasicBlock *done = block("table.done");
  for (std::size_t k = 0; k < s.conditions.size(); ++k) {
    Value c = expr(s.conditions[k], TypeKind::Bool);
    llvm::BasicBlock *match = block("table.match");
    llvm::BasicBlock *next = block("table.next");
    b_.CreateCondBr(b_.CreateAnd(c.ok, c.v), match, next);
    b_.SetInsertPoint(match);
    store(value, expr(s.outcomes[k], kind));
    b_.CreateBr(done);
    b_.SetInsertPoint(next);
  }
  if (s.otherwise != ir::kNoExpr)
    store(value, expr(s.otherwise, kind));
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  store(slot(s.slot), load(value));
}

void RowLowering::tableUnique(const ir::TableStmt &s, TypeKind kind) {
  // Conditions in row order; a second match raises the conflict at once.
  const auto count = static_cast<std::uint32_t>(s.conditions.size());
  Var first = makeVar(TypeKind::Date, present(i32(count))); // an i32 row index; count: none
  for (std::uint32_t k = 0; k < count; ++k) {
    Value c = expr(s.conditions[k], TypeKind::Bool);
    ifThen(b_.CreateAnd(c.ok, c.v), [&] {
      llvm::Value *earlier = load(first).v;
      raiseIf(b_.CreateICmpNE(earlier, i32(count)));
      store(first, present(i32(k)));
    });
  }
  // Then the one matching row's outcome.
  Var value = makeVar(kind, missing(kind));
  llvm::Value *matched = load(first).v;
  llvm::BasicBlock *done = block("table.done");
  llvm::BasicBlock *none = block("table.none");
  llvm::SwitchInst *dispatch = b_.CreateSwitch(matched, none, count);
  for (std::uint32_t k = 0; k < count; ++k) {
    llvm::BasicBlock *outcome = block("table.outcome");
    dispatch->addCase(b_.getInt32(k), outcome);
    b_.SetInsertPoint(outcome);
    store(value, expr(s.outcomes[k], kind));
    b_.CreateBr(done);
  }
  b_.SetInsertPoint(none);
  if (s.otherwise != ir::kNoExpr)
    store(value, expr(s.otherwise, kind));
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  store(slot(s.slot), load(value));
}

std::vector<llvm::Value *> RowLowering::tableHits(const ir::TableStmt &s) {
  std::vector<llvm::Value *> hits;
  for (ir::ExprId c : s.conditions) {
    Value v = expr(c, TypeKind::Bool);
    hits.push_back(b_.CreateAnd(v.ok, v.v));
  }
  return hits;
}

llvm::Value *RowLowering::noHit(const std::vector<llvm::Value *> &hits) {
  llvm::Value *any = truth(false);
  for (llvm::Value *h : hits)
    any = b_.CreateOr(any, h);
  return b_.CreateNot(any);
}

llvm::Value *RowLowering::firstHit(const std::vector<llvm::Value *> &hits) {
  llvm::Value *first = i32(static_cast<std::int64_t>(hits.size()));
  for (std::size_t k = hits.size(); k-- > 0;)
    first = b_.CreateSelect(hits[k], i32(static_cast<std::int64_t>(k)), first);
  return first;
}

void RowLowering::tableAny(const ir::TableStmt &s, TypeKind kind) {
  // Every matching row must give the first one's outcome (missing equals only missing).
  std::vector<llvm::Value *> hits = tableHits(s);
  llvm::Value *first = firstHit(hits);
  Var value = makeVar(kind, missing(kind));
  for (std::uint32_t k = 0; k < hits.size(); ++k) {
    ifThen(hits[k], [&] {
      Value outcome = expr(s.outcomes[k], kind);
      ifThenElse(
          b_.CreateICmpEQ(first, i32(k)), [&] { store(value, outcome); },
          [&] {
            llvm::Value *same = sameValue(load(value), outcome, kind);
            raiseIf(b_.CreateNot(same));
          });
    });
  }
  noMatch(s, noHit(hits), value, kind, missing(kind));
  store(slot(s.slot), load(value));
}

void RowLowering::tableFold(const ir::TableStmt &s, TypeKind kind) {
  // priority, collect sum/min/max: the present outcomes of the matching rows, in row order.
  std::vector<llvm::Value *> hits = tableHits(s);
  const bool isSum = s.policy == Policy::Sum;
  const Value start = isSum ? present(llvm::Constant::getNullValue(typeOf(kind))) : missing(kind);
  Var value = makeVar(kind, start);
  for (std::uint32_t k = 0; k < hits.size(); ++k) {
    ifThen(hits[k], [&] {
      Value outcome = expr(s.outcomes[k], kind);
      ifThen(outcome.ok, [&] {
        Value acc = load(value);
        llvm::Value *x = outcome.v;
        switch (s.policy) {
        case Policy::Priority: // the lowest enum index
          store(value,
                present(b_.CreateSelect(
                    b_.CreateOr(b_.CreateNot(acc.ok), b_.CreateICmpSLT(x, acc.v)), x, acc.v)));
          break;
        case Policy::Sum:
          if (kind == TypeKind::Int) {
            llvm::Value *sum = b_.CreateAdd(acc.v, x);
            raiseIf(addOverflows(acc.v, x, sum));
            store(value, present(sum));
          } else {
            store(value, present(b_.CreateFAdd(acc.v, x)));
          }
          break;
        default: { // min, max: the registry's kernels (-0 below +0)
          const bool isMin = s.policy == Policy::Min;
          Var picked = makeVar(kind, present(x));
          ifThen(acc.ok, [&] { store(picked, present(pick(isMin, kind, acc.v, x))); });
          store(value, load(picked));
          break;
        }
        }
      });
    });
  }
  noMatch(s, noHit(hits), value, kind, start);
  store(slot(s.slot), load(value));
}

void RowLowering::tableCollect(const ir::TableStmt &s) {
  // The set of the matching rows' present outcomes; with no match, the set of otherwise's one
  // member (the empty set when there is no otherwise, or it is missing).
  std::vector<llvm::Value *> hits = tableHits(s);
  Var set = makeVar(TypeKind::Set, present(i64(0)));
  auto member = [&](const Value &m) {
    llvm::Value *inRange = b_.CreateAnd(
        m.ok, b_.CreateAnd(b_.CreateICmpSGE(m.v, i32(0)), b_.CreateICmpSLT(m.v, i32(64))));
    llvm::Value *bit =
        b_.CreateShl(i64(1), b_.CreateZExt(b_.CreateAnd(m.v, i32(63)), b_.getInt64Ty()));
    return std::pair{inRange, bit};
  };
  for (std::uint32_t k = 0; k < hits.size(); ++k) {
    ifThen(hits[k], [&] {
      auto [inRange, bit] = member(expr(s.outcomes[k], TypeKind::Enum));
      llvm::Value *current = load(set).v;
      store(set, present(b_.CreateSelect(inRange, b_.CreateOr(current, bit), current)));
    });
  }
  if (s.otherwise != ir::kNoExpr)
    ifThen(noHit(hits), [&] {
      auto [inRange, bit] = member(expr(s.otherwise, TypeKind::Enum));
      store(set, present(b_.CreateSelect(inRange, bit, load(set).v)));
    });
  store(slot(s.slot), load(set));
}

void RowLowering::tableCount(const ir::TableStmt &s) {
  std::vector<llvm::Value *> hits = tableHits(s);
  llvm::Value *n = i64(0);
  for (llvm::Value *h : hits)
    n = b_.CreateAdd(n, b_.CreateZExt(h, b_.getInt64Ty()));
  Var value = makeVar(TypeKind::Int, present(n));
  noMatch(s, noHit(hits), value, TypeKind::Int, present(i64(0)));
  store(slot(s.slot), load(value));
}

} // namespace xr::codegen::detail
