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

Raised RowLowering::siteError(std::int64_t site) {
  if (site < 0 || static_cast<std::size_t>(site) >= p_.errors.size())
    throw MalformedIr(fmt::format("error site {} does not exist", site));
  Raised r;
  r.site = static_cast<ir::ErrorSiteId>(site);
  r.kind = errorKind(p_.errors[static_cast<std::size_t>(site)].kind);
  return r;
}

void RowLowering::raise(const Raised &error) {
  if (!error.siteValue && error.site >= p_.errors.size())
    throw MalformedIr(fmt::format("error site {} does not exist", error.site));
  if (held_) {
    raiseIf(truth(true), error);
    return;
  }
  // The row's error is written here, on the cold path, rather than merged into the error exit:
  // a rule set has hundreds of raise sites, and merging their fields costs registers and
  // compile time in every loop.
  llvm::Value *at = b_.CreateInBoundsGEP(b_.getInt8Ty(), errors(),
                                         b_.CreateMul(row_, i64(sizeof(batch::RowError))));
  auto put = [&](std::size_t offset, llvm::Value *v) {
    tagged(b_.CreateStore(v, b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), at, offset)), "errors");
  };
  put(offsetof(batch::RowError, site), error.siteValue ? error.siteValue : i32(error.site));
  put(offsetof(batch::RowError, kind), error.kind ? error.kind : i8(0));
  put(offsetof(batch::RowError, fn), error.fnValue ? error.fnValue : b_.getInt16(error.fn));
  put(offsetof(batch::RowError, code), error.code ? error.code : i32(0));
  put(offsetof(batch::RowError, detail), error.detail0 ? error.detail0 : i64(0));
  put(offsetof(batch::RowError, detail) + sizeof(std::int64_t),
      error.detail1 ? error.detail1 : i64(0));
  b_.CreateBr(failed_);
  b_.SetInsertPoint(block("after.error")); // never reached
}

void RowLowering::raiseIf(llvm::Value *cond, const Raised &error) {
  if (!held_) {
    ifThen(cond, [&] { raise(error); });
    return;
  }
  // Evaluating an eager operand: keep the operand's first error, without a branch.
  if (!error.siteValue && error.site >= p_.errors.size())
    throw MalformedIr(fmt::format("error site {} does not exist", error.site));
  const Held &h = *held_;
  llvm::Value *pending = b_.CreateLoad(b_.getInt1Ty(), h.pending);
  llvm::Value *first = b_.CreateAnd(cond, b_.CreateNot(pending));
  auto keep = [&](llvm::AllocaInst *at, llvm::Value *v) {
    b_.CreateStore(b_.CreateSelect(first, v, b_.CreateLoad(at->getAllocatedType(), at)), at);
  };
  keep(h.site, error.siteValue ? error.siteValue : i32(error.site));
  keep(h.kind, error.kind ? error.kind : i8(0));
  keep(h.fn, error.fnValue ? error.fnValue : b_.getInt16(error.fn));
  keep(h.code, error.code ? error.code : i32(0));
  keep(h.detail0, error.detail0 ? error.detail0 : i64(0));
  keep(h.detail1, error.detail1 ? error.detail1 : i64(0));
  b_.CreateStore(b_.CreateOr(pending, cond), h.pending);
}

Value RowLowering::eagerOperand(ir::ExprId id, TypeKind kind, std::optional<Held> &held) {
  if (speculable(id))
    return expr(id, kind); // it can raise nothing
  held.emplace();
  Held &h = *held;
  auto variable = [&](llvm::Type *type, const char *name) {
    llvm::AllocaInst *at = entryAlloca(type, name);
    b_.CreateStore(llvm::Constant::getNullValue(type), at);
    return at;
  };
  h.pending = variable(b_.getInt1Ty(), "held");
  h.site = variable(b_.getInt32Ty(), "held.site");
  h.kind = variable(b_.getInt8Ty(), "held.kind");
  h.fn = variable(b_.getInt16Ty(), "held.fn");
  h.code = variable(b_.getInt32Ty(), "held.code");
  h.detail0 = variable(b_.getInt64Ty(), "held.detail0");
  h.detail1 = variable(b_.getInt64Ty(), "held.detail1");
  Held *outer = held_;
  held_ = &h;
  Value v = expr(id, kind);
  held_ = outer;
  return v;
}

void RowLowering::raiseHeld(const std::optional<Held> &held, llvm::Value *chosen) {
  if (!held)
    return;
  const Held &h = *held;
  auto load = [&](llvm::AllocaInst *at) { return b_.CreateLoad(at->getAllocatedType(), at); };
  Raised error;
  error.siteValue = load(h.site);
  error.kind = load(h.kind);
  error.fnValue = load(h.fn);
  error.code = load(h.code);
  error.detail0 = load(h.detail0);
  error.detail1 = load(h.detail1);
  raiseIf(b_.CreateAnd(chosen, load(h.pending)), error); // into an outer operand's, if any
}

} // namespace xr::codegen::detail
