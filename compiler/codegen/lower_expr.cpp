// Expressions, op by op as ir.h defines them, for one record: operands left to right, lazy
// operands (and/or, if/when, ??) only when chosen (or, when small and free of kernel calls,
// for every record with their errors held until the choice), an error as the row's flag
// (row_lowering.h).
#include "compiler/codegen/row_lowering.h"

#include <fmt/format.h>

#include <limits>

namespace xr::codegen::detail {

const ir::Node &RowLowering::node(ir::ExprId id) const {
  if (id >= p_.nodes.size())
    throw MalformedIr(fmt::format("expression {} is not a node", id));
  return p_.nodes[id];
}

ir::ExprId RowLowering::arg(const ir::Node &n, std::uint32_t i) const {
  if (i >= n.argCount || static_cast<std::size_t>(n.firstArg) + i >= p_.args.size())
    throw MalformedIr(fmt::format("a {} node without operand {}", ir::opName(n.op), i));
  return p_.arg(n, i);
}

TypeKind RowLowering::kindOf(ir::ExprId id) const {
  const TypeKind kind = node(id).type.kind;
  return kind == TypeKind::Error ? TypeKind::Bool : kind; // a Fail node: any kind will do
}

Value RowLowering::expr(ir::ExprId id, TypeKind want) {
  if (!hoisting_ && invariantCalls_.contains(id))
    return hoistedCall(id, want);
  const ir::Node &n = node(id);
  const TypeKind own = n.type.kind == TypeKind::Error ? want : n.type.kind;
  Value v;
  switch (n.op) {
  case ir::Op::Const: {
    if (n.a < 0 || static_cast<std::size_t>(n.a) >= p_.constants.size())
      throw MalformedIr(fmt::format("constant {} does not exist", n.a));
    const auto index = static_cast<std::size_t>(n.a);
    v = constant(p_.constants[index], own, index);
    break;
  }
  case ir::Op::Field: {
    if (n.a < 0 || static_cast<std::size_t>(n.a) >= p_.fields.size())
      throw MalformedIr(fmt::format("field {} does not exist", n.a));
    const auto f = static_cast<std::size_t>(n.a);
    const TypeKind kind = p_.fields[f].type.kind;
    v = adapt(loadField(static_cast<std::uint32_t>(f)), kind, own);
    break;
  }
  case ir::Op::Param: {
    if (n.a < 0 || static_cast<std::size_t>(n.a) >= p_.params.size())
      throw MalformedIr(fmt::format("param {} does not exist", n.a));
    const auto i = static_cast<std::size_t>(n.a);
    v = adapt(paramValue(static_cast<std::uint32_t>(i)), p_.params[i].type.kind, own);
    break;
  }
  case ir::Op::Slot: {
    if (n.a < 0)
      throw MalformedIr("a negative slot");
    const Var &var = slot(static_cast<ir::SlotId>(n.a));
    v = adapt(load(var), var.kind, own);
    break;
  }
  case ir::Op::Aggregate:
    throw MalformedIr("a report aggregate in the per-record program");
  case ir::Op::IntToNumber: {
    Value a = expr(arg(n, 0), TypeKind::Int);
    v = Value{b_.CreateSIToFP(a.v, b_.getDoubleTy()), nullptr, a.ok};
    break;
  }
  case ir::Op::BoolToInt: {
    Value a = expr(arg(n, 0), TypeKind::Bool);
    v = Value{b_.CreateZExt(a.v, b_.getInt64Ty()), nullptr, a.ok};
    break;
  }
  case ir::Op::Neg: {
    Value a = expr(arg(n, 0), own);
    if (own == TypeKind::Int) {
      constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
      raiseIf(b_.CreateAnd(a.ok, b_.CreateICmpEQ(a.v, i64(kMin))));
      v = Value{b_.CreateSub(i64(0), a.v), nullptr, a.ok};
    } else if (own == TypeKind::Number) {
      v = Value{b_.CreateFNeg(a.v), nullptr, a.ok};
    } else {
      throw MalformedIr("negation of something other than an int or a number");
    }
    break;
  }
  case ir::Op::Add:
  case ir::Op::Sub:
  case ir::Op::Mul:
  case ir::Op::Div:
    v = arithmetic(n, own);
    break;
  case ir::Op::Eq:
  case ir::Op::Ne:
  case ir::Op::Lt:
  case ir::Op::Le:
  case ir::Op::Gt:
  case ir::Op::Ge:
    v = comparison(n);
    break;
  case ir::Op::Not: {
    Value a = expr(arg(n, 0), TypeKind::Bool);
    v = Value{b_.CreateNot(a.v), nullptr, a.ok};
    break;
  }
  case ir::Op::And:
  case ir::Op::Or:
    v = logic(n, n.op == ir::Op::And);
    break;
  case ir::Op::IsMissing: {
    Value a = exprOwn(arg(n, 0));
    v = present(b_.CreateNot(a.ok));
    break;
  }
  case ir::Op::Coalesce:
    v = coalesce(n, own);
    break;
  case ir::Op::If:
  case ir::Op::When:
    v = choice(n, own);
    break;
  case ir::Op::SetHas: {
    Value set = expr(arg(n, 0), TypeKind::Set);
    Value member = expr(arg(n, 1), TypeKind::Enum);
    llvm::Value *inRange =
        b_.CreateAnd(b_.CreateICmpSGE(member.v, i32(0)), b_.CreateICmpSLT(member.v, i32(64)));
    llvm::Value *shift = b_.CreateZExt(b_.CreateAnd(member.v, i32(63)), b_.getInt64Ty());
    llvm::Value *bit = b_.CreateTrunc(b_.CreateLShr(set.v, shift), b_.getInt1Ty());
    v = Value{b_.CreateAnd(inRange, bit), nullptr, b_.CreateAnd(set.ok, member.ok)};
    break;
  }
  case ir::Op::StatusIn: {
    // Never missing: a missing status reads as its zero element (not applicable), as the
    // interpreter reads it; a value chosen by a select may not be zero when missing.
    Value status = expr(arg(n, 0), TypeKind::Status);
    llvm::Value *s = b_.CreateZExt(b_.CreateSelect(status.ok, status.v, i8(0)), b_.getInt64Ty());
    llvm::Value *bit =
        b_.CreateTrunc(b_.CreateLShr(i64(n.a), b_.CreateAnd(s, i64(63))), b_.getInt1Ty());
    v = present(b_.CreateAnd(b_.CreateICmpULT(s, i64(64)), bit)); // a status is never missing
    break;
  }
  case ir::Op::Call:
    v = call(n, own);
    break;
  case ir::Op::Fail:
    raise();
    v = missing(own);
    break;
  }
  return adapt(v, own, want);
}

Value RowLowering::hoistedCall(ir::ExprId id, TypeKind want) {
  auto found = hoisted_.find({id, want});
  if (found == hoisted_.end()) {
    llvm::IRBuilderBase::InsertPointGuard back(b_);
    Hoisted h;
    h.raised = entryAlloca(b_.getInt1Ty(), "hoisted.raised");
    b_.SetInsertPoint(preheader_);
    b_.CreateStore(truth(false), h.raised);
    llvm::AllocaInst *rowFlag = raised_;
    llvm::AllocaInst *held = held_;
    raised_ = h.raised;
    held_ = nullptr;
    hoisting_ = true;
    h.value = expr(id, want);
    hoisting_ = false;
    held_ = held;
    raised_ = rowFlag;
    preheader_ = b_.GetInsertBlock(); // the call's blocks end here
    found = hoisted_.emplace(std::pair{id, want}, h).first;
  }
  raiseIf(b_.CreateLoad(b_.getInt1Ty(), found->second.raised));
  return found->second.value;
}

Value RowLowering::arithmetic(const ir::Node &n, TypeKind kind) {
  if (n.op == ir::Op::Div && kind != TypeKind::Number)
    throw MalformedIr("division whose result is not a number");
  if (kind != TypeKind::Int && kind != TypeKind::Number)
    throw MalformedIr("arithmetic on something other than ints or numbers");
  Value a = expr(arg(n, 0), kind);
  Value b = expr(arg(n, 1), kind);
  llvm::Value *ok = b_.CreateAnd(a.ok, b.ok);
  if (kind == TypeKind::Number) {
    llvm::Value *r = nullptr;
    switch (n.op) {
    case ir::Op::Add:
      r = b_.CreateFAdd(a.v, b.v);
      break;
    case ir::Op::Sub:
      r = b_.CreateFSub(a.v, b.v);
      break;
    case ir::Op::Mul:
      r = b_.CreateFMul(a.v, b.v);
      break;
    default:
      raiseIf(b_.CreateAnd(ok, b_.CreateFCmpOEQ(b.v, f64(0.0)))); // also -0
      r = b_.CreateFDiv(a.v, b.v);
      break;
    }
    return Value{r, nullptr, ok};
  }
  // Wrapping arithmetic and the overflow test in plain operations: the loop vectoriser cannot
  // widen the overflow intrinsics.
  llvm::Value *r = nullptr;
  llvm::Value *overflow = nullptr;
  switch (n.op) {
  case ir::Op::Add:
    r = b_.CreateAdd(a.v, b.v);
    overflow = addOverflows(a.v, b.v, r);
    break;
  case ir::Op::Sub:
    r = b_.CreateSub(a.v, b.v);
    // a - b overflows when a and b differ in sign and the result's sign is not a's.
    overflow = b_.CreateICmpSLT(b_.CreateAnd(b_.CreateXor(a.v, b.v), b_.CreateXor(a.v, r)), i64(0));
    break;
  default: {
    r = b_.CreateMul(a.v, b.v);
    // Flagged when the product, computed in double, reaches 2^62 in magnitude: below that the
    // rounding of the conversions and of the product (a few 2^-53) cannot hide an overflow of
    // int64; from 2^62 to 2^63 the flag is conservative and the interpreter, which checks
    // exactly, decides.
    llvm::Value *product = b_.CreateFMul(b_.CreateSIToFP(a.v, b_.getDoubleTy()),
                                         b_.CreateSIToFP(b.v, b_.getDoubleTy()));
    llvm::Value *magnitude = b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, product);
    overflow = b_.CreateFCmpOGE(magnitude, f64(0x1p62));
    break;
  }
  }
  raiseIf(b_.CreateAnd(ok, overflow));
  return Value{r, nullptr, ok};
}

Value RowLowering::comparison(const ir::Node &n) {
  const ir::ExprId left = arg(n, 0);
  const ir::ExprId right = arg(n, 1);
  // The operands' kind; a Fail operand takes the other one's.
  TypeKind kind = node(left).type.kind;
  if (kind == TypeKind::Error)
    kind = kindOf(right);
  Value a = expr(left, kind);
  Value b = expr(right, kind);
  llvm::Value *ok = b_.CreateAnd(a.ok, b.ok);
  if (kind == TypeKind::Text) {
    if (n.op != ir::Op::Eq && n.op != ir::Op::Ne)
      throw MalformedIr("an order comparison of texts");
    llvm::Value *eq = textEqual(a, b);
    return Value{n.op == ir::Op::Eq ? eq : b_.CreateNot(eq), nullptr, ok};
  }
  llvm::Value *r = nullptr;
  if (kind == TypeKind::Number) {
    switch (n.op) {
    case ir::Op::Eq:
      r = b_.CreateFCmpOEQ(a.v, b.v);
      break;
    case ir::Op::Ne:
      r = b_.CreateFCmpUNE(a.v, b.v);
      break;
    case ir::Op::Lt:
      r = b_.CreateFCmpOLT(a.v, b.v);
      break;
    case ir::Op::Le:
      r = b_.CreateFCmpOLE(a.v, b.v);
      break;
    case ir::Op::Gt:
      r = b_.CreateFCmpOGT(a.v, b.v);
      break;
    default:
      r = b_.CreateFCmpOGE(a.v, b.v);
      break;
    }
    return Value{r, nullptr, ok};
  }
  // Bytes (bool, status) and sets compare unsigned, ints, dates and enums signed, as the
  // interpreter's element types do.
  const bool isSigned = kind == TypeKind::Int || kind == TypeKind::Date || kind == TypeKind::Enum ||
                        kind == TypeKind::Duration;
  switch (n.op) {
  case ir::Op::Eq:
    r = b_.CreateICmpEQ(a.v, b.v);
    break;
  case ir::Op::Ne:
    r = b_.CreateICmpNE(a.v, b.v);
    break;
  case ir::Op::Lt:
    r = isSigned ? b_.CreateICmpSLT(a.v, b.v) : b_.CreateICmpULT(a.v, b.v);
    break;
  case ir::Op::Le:
    r = isSigned ? b_.CreateICmpSLE(a.v, b.v) : b_.CreateICmpULE(a.v, b.v);
    break;
  case ir::Op::Gt:
    r = isSigned ? b_.CreateICmpSGT(a.v, b.v) : b_.CreateICmpUGT(a.v, b.v);
    break;
  default:
    r = isSigned ? b_.CreateICmpSGE(a.v, b.v) : b_.CreateICmpUGE(a.v, b.v);
    break;
  }
  return Value{r, nullptr, ok};
}

bool RowLowering::speculable(ir::ExprId id) {
  if (auto known = speculable_.find(id); known != speculable_.end())
    return known->second;
  const ir::Node &n = node(id);
  bool safe = true;
  switch (n.op) {
  case ir::Op::Div:
  case ir::Op::Fail:
  case ir::Op::Call: // kernels cost, and some fail
  case ir::Op::Aggregate:
    safe = false;
    break;
  case ir::Op::Neg:
  case ir::Op::Add:
  case ir::Op::Sub:
  case ir::Op::Mul:
    safe = n.type.kind != TypeKind::Int; // int arithmetic can overflow
    break;
  default:
    break;
  }
  for (std::uint32_t i = 0; i < n.argCount && safe; ++i)
    safe = speculable(arg(n, i));
  speculable_.emplace(id, safe);
  return safe;
}

bool RowLowering::eager(ir::ExprId id) {
  // Larger operands cost more to compute for every record than a mispredicted branch.
  constexpr std::uint32_t kMostNodes = 24;
  auto nodes = [this](auto &self, ir::ExprId e) -> std::uint32_t {
    if (auto known = eagerNodes_.find(e); known != eagerNodes_.end())
      return known->second;
    const ir::Node &n = node(e);
    std::uint32_t count = 1;
    if (n.op == ir::Op::Call || n.op == ir::Op::Aggregate)
      count = 0;
    for (std::uint32_t i = 0; i < n.argCount && count > 0; ++i) {
      const std::uint32_t operand = self(self, arg(n, i));
      count = operand == 0 ? 0 : count + operand;
    }
    if (count > kMostNodes)
      count = 0;
    eagerNodes_.emplace(e, count);
    return count;
  };
  return speculable(id) || nodes(nodes, id) > 0;
}

Value RowLowering::select(llvm::Value *cond, const Value &a, const Value &b) {
  Value out;
  out.v = b_.CreateSelect(cond, a.v, b.v);
  if (a.length)
    out.length = b_.CreateSelect(cond, a.length, b.length);
  out.ok = b_.CreateSelect(cond, a.ok, b.ok);
  return out;
}

Value RowLowering::logic(const ir::Node &n, bool isAnd) {
  // Kleene logic: decided by a present decisive operand, else present when both are.
  Value left = expr(arg(n, 0), TypeKind::Bool);
  auto decides = [&](const Value &v) {
    return b_.CreateAnd(v.ok, isAnd ? b_.CreateNot(v.v) : v.v);
  };
  auto combine = [&](llvm::Value *decided, const Value &right) {
    llvm::Value *both = b_.CreateAnd(left.ok, right.ok);
    llvm::Value *value = isAnd ? b_.CreateAnd(both, b_.CreateNot(decided)) : decided;
    return Value{value, nullptr, b_.CreateOr(decided, both)};
  };
  if (eager(arg(n, 1))) {
    // Evaluated for every record and chosen without a branch; its error, if it raised one,
    // only when the left operand does not decide.
    llvm::AllocaInst *held = nullptr;
    Value right = eagerOperand(arg(n, 1), TypeKind::Bool, held);
    llvm::Value *leftDecides = decides(left);
    raiseHeld(held, b_.CreateNot(leftDecides));
    return combine(b_.CreateOr(leftDecides, decides(right)), right);
  }
  // The right operand only when the left one does not decide.
  Var result = makeVar(TypeKind::Bool, present(truth(!isAnd)));
  ifThen(b_.CreateNot(decides(left)), [&] {
    Value right = expr(arg(n, 1), TypeKind::Bool);
    store(result, combine(decides(right), right));
  });
  return load(result);
}

Value RowLowering::coalesce(const ir::Node &n, TypeKind kind) {
  Value value = expr(arg(n, 0), kind);
  if (eager(arg(n, 1))) {
    llvm::AllocaInst *held = nullptr;
    Value fallback = eagerOperand(arg(n, 1), kind, held);
    raiseHeld(held, b_.CreateNot(value.ok));
    return select(value.ok, value, fallback);
  }
  Var result = makeVar(kind, value);
  ifThen(b_.CreateNot(value.ok), [&] { store(result, expr(arg(n, 1), kind)); });
  return load(result);
}

Value RowLowering::choice(const ir::Node &n, TypeKind kind) {
  Value cond = expr(arg(n, 0), TypeKind::Bool);
  llvm::Value *chosen = b_.CreateAnd(cond.ok, cond.v);
  if (eager(arg(n, 1)) && eager(arg(n, 2))) {
    llvm::AllocaInst *heldThen = nullptr, *heldElse = nullptr;
    Value then = eagerOperand(arg(n, 1), kind, heldThen);
    Value otherwise = eagerOperand(arg(n, 2), kind, heldElse);
    // If: a missing condition chooses neither branch; When: it chooses `else`.
    raiseHeld(heldThen, chosen);
    raiseHeld(heldElse, n.op == ir::Op::If ? b_.CreateAnd(cond.ok, b_.CreateNot(cond.v))
                                           : b_.CreateNot(chosen));
    Value picked = select(chosen, then, otherwise);
    if (n.op == ir::Op::If) // a missing condition gives missing
      picked.ok = b_.CreateAnd(cond.ok, picked.ok);
    return picked;
  }
  Var result = makeVar(kind, missing(kind));
  auto branches = [&] {
    ifThenElse(
        chosen, [&] { store(result, expr(arg(n, 1), kind)); },
        [&] { store(result, expr(arg(n, 2), kind)); });
  };
  if (n.op == ir::Op::When)
    branches(); // a missing condition chooses the else branch
  else
    ifThen(cond.ok, branches); // a missing condition gives missing, evaluating neither
  return load(result);
}

} // namespace xr::codegen::detail
