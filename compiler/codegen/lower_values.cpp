// Values, variables, blocks and record errors of the row lowering.
#include "compiler/codegen/abi.h"
#include "compiler/codegen/row_lowering.h"

#include <fmt/format.h>

namespace xr::codegen::detail {

llvm::Type *RowLowering::typeOf(TypeKind kind) {
  switch (kind) {
  case TypeKind::Bool:
    return b_.getInt1Ty();
  case TypeKind::Status:
    return b_.getInt8Ty();
  case TypeKind::Date:
  case TypeKind::Enum:
    return b_.getInt32Ty();
  case TypeKind::Int:
  case TypeKind::Duration:
  case TypeKind::Set:
    return b_.getInt64Ty();
  case TypeKind::Number:
    return b_.getDoubleTy();
  case TypeKind::Text:
    return ptr_;
  case TypeKind::Error:
    break;
  }
  throw MalformedIr("a value of the error type");
}

llvm::Value *RowLowering::f64(double v) { return llvm::ConstantFP::get(b_.getDoubleTy(), v); }

Value RowLowering::missing(TypeKind kind) {
  Value out;
  out.v = llvm::Constant::getNullValue(typeOf(kind));
  if (kind == TypeKind::Text)
    out.length = i64(0);
  out.ok = truth(false);
  return out;
}

Value RowLowering::present(llvm::Value *v, llvm::Value *length) {
  return Value{v, length, truth(true)};
}

Value RowLowering::constant(const ir::Constant &c, TypeKind kind, std::size_t index) {
  if (!c.valid)
    return missing(kind);
  switch (kind) {
  case TypeKind::Bool:
    return present(truth(static_cast<std::uint8_t>(c.i) != 0));
  case TypeKind::Status:
    return present(i8(static_cast<std::uint8_t>(c.i)));
  case TypeKind::Date:
  case TypeKind::Enum:
    return present(i32(static_cast<std::int32_t>(c.i)));
  case TypeKind::Int:
  case TypeKind::Duration:
  case TypeKind::Set:
    return present(i64(c.i));
  case TypeKind::Number:
    // As the interpreter binds it: an int constant in a number context is converted.
    return present(f64(c.type.kind == TypeKind::Int ? static_cast<double>(c.i) : c.d));
  case TypeKind::Text: {
    auto found = texts_.find(index);
    if (found == texts_.end())
      found = texts_.emplace(index, b_.CreateGlobalString(c.text, "text", 0, &m_)).first;
    return present(found->second, i64(static_cast<std::int64_t>(c.text.size())));
  }
  case TypeKind::Error:
    break;
  }
  throw MalformedIr("a constant of the error type");
}

llvm::AllocaInst *RowLowering::entryAlloca(llvm::Type *type, const char *name) {
  llvm::IRBuilder<> at(entry_, entry_->begin());
  return at.CreateAlloca(type, nullptr, name);
}

Var RowLowering::makeVar(TypeKind kind, const Value &initial) {
  Var var;
  var.kind = kind;
  var.v = entryAlloca(typeOf(kind), "v");
  if (kind == TypeKind::Text)
    var.length = entryAlloca(b_.getInt64Ty(), "len");
  var.ok = entryAlloca(b_.getInt1Ty(), "ok");
  store(var, initial);
  return var;
}

Value RowLowering::load(const Var &var) {
  if (var.slot != ir::kNoSlot)
    return loadSlot(var.slot);
  if (var.scratch != ir::kNoSlot)
    return loadScratch(var.scratch);
  Value out;
  out.v = b_.CreateLoad(typeOf(var.kind), var.v);
  if (var.length)
    out.length = b_.CreateLoad(b_.getInt64Ty(), var.length);
  out.ok = b_.CreateLoad(b_.getInt1Ty(), var.ok);
  return out;
}

void RowLowering::store(const Var &var, const Value &value) {
  Value zeroed;
  zeroed.v = b_.CreateSelect(value.ok, value.v, llvm::Constant::getNullValue(typeOf(var.kind)));
  if (var.kind == TypeKind::Text)
    zeroed.length = b_.CreateSelect(value.ok, value.length, i64(0));
  zeroed.ok = value.ok;
  if (var.slot != ir::kNoSlot) {
    storeSlot(var.slot, zeroed);
    return;
  }
  if (var.scratch != ir::kNoSlot) {
    storeScratch(var.scratch, zeroed);
    return;
  }
  b_.CreateStore(zeroed.v, var.v);
  if (var.length)
    b_.CreateStore(zeroed.length, var.length);
  b_.CreateStore(zeroed.ok, var.ok);
}

Value RowLowering::adapt(const Value &value, TypeKind from, TypeKind to) {
  if (from == to || typeOf(from) == typeOf(to))
    return value;
  if (from == TypeKind::Bool && to == TypeKind::Status)
    return Value{b_.CreateZExt(value.v, b_.getInt8Ty()), nullptr, value.ok};
  if (from == TypeKind::Status && to == TypeKind::Bool)
    return Value{b_.CreateICmpNE(value.v, i8(0)), nullptr, value.ok};
  throw MalformedIr(fmt::format("a {} used as a {}", typeName(Type{from}), typeName(Type{to})));
}

llvm::BasicBlock *RowLowering::block(const char *name) {
  return llvm::BasicBlock::Create(c_, name, fn_);
}

void RowLowering::ifThen(llvm::Value *cond, const std::function<void()> &then) {
  llvm::BasicBlock *yes = block("then");
  llvm::BasicBlock *join = block("join");
  b_.CreateCondBr(cond, yes, join);
  b_.SetInsertPoint(yes);
  then();
  b_.CreateBr(join);
  b_.SetInsertPoint(join);
}

void RowLowering::ifThenElse(llvm::Value *cond, const std::function<void()> &then,
                             const std::function<void()> &otherwise) {
  llvm::BasicBlock *yes = block("then");
  llvm::BasicBlock *no = block("else");
  llvm::BasicBlock *join = block("join");
  b_.CreateCondBr(cond, yes, no);
  b_.SetInsertPoint(yes);
  then();
  b_.CreateBr(join);
  b_.SetInsertPoint(no);
  otherwise();
  b_.CreateBr(join);
  b_.SetInsertPoint(join);
}

llvm::Value *RowLowering::textEqual(const Value &a, const Value &b) {
  // Only called when both are present: a missing text's pointer means nothing.
  Var equal = makeVar(TypeKind::Bool, present(truth(false)));
  ifThen(b_.CreateAnd(a.ok, b.ok), [&] {
    llvm::Value *r =
        b_.CreateCall(helper(kTextEqualName), {a.v, a.length, b.v, b.length}, "texteq");
    store(equal, present(r));
  });
  return load(equal).v;
}

llvm::Value *RowLowering::sameValue(const Value &a, const Value &b, TypeKind kind) {
  llvm::Value *eq = nullptr;
  if (kind == TypeKind::Text)
    eq = textEqual(a, b);
  else if (kind == TypeKind::Number)
    eq = b_.CreateFCmpOEQ(a.v, b.v);
  else
    eq = b_.CreateICmpEQ(a.v, b.v);
  return b_.CreateAnd(b_.CreateICmpEQ(a.ok, b.ok), b_.CreateOr(b_.CreateNot(a.ok), eq));
}

// ------------------------------------------------------------------------------ errors

void RowLowering::raise() { raiseIf(truth(true)); }

void RowLowering::raiseIf(llvm::Value *cond) {
  // Into the held error of the eager operand being evaluated, if any, else the row's flag;
  // without a branch either way.
  llvm::AllocaInst *flag = held_ ? held_ : raised_;
  b_.CreateStore(b_.CreateOr(b_.CreateLoad(b_.getInt1Ty(), flag), cond), flag);
}

llvm::Value *RowLowering::addOverflows(llvm::Value *a, llvm::Value *b, llvm::Value *r) {
  // When the result's sign is neither operand's.
  return b_.CreateICmpSLT(b_.CreateAnd(b_.CreateXor(a, r), b_.CreateXor(b, r)), i64(0));
}

Value RowLowering::eagerOperand(ir::ExprId id, TypeKind kind, llvm::AllocaInst *&held) {
  held = nullptr;
  if (speculable(id))
    return expr(id, kind); // it can raise nothing
  held = entryAlloca(b_.getInt1Ty(), "held");
  b_.CreateStore(truth(false), held);
  llvm::AllocaInst *outer = held_;
  held_ = held;
  Value v = expr(id, kind);
  held_ = outer;
  return v;
}

void RowLowering::raiseHeld(llvm::AllocaInst *held, llvm::Value *chosen) {
  if (held) // into an outer operand's, if any
    raiseIf(b_.CreateAnd(chosen, b_.CreateLoad(b_.getInt1Ty(), held)));
}

} // namespace xr::codegen::detail
