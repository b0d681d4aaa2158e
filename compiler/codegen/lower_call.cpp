// Calls of the built-in kernels (the registry's `extern "C"` functions, reached by their symbol
// names, which the JIT session maps to the interpreter's very functions) and of the host
// helpers of abi.h. The kernel ABI of registry.h in LLVM terms: bool is `i1 zeroext`, int i64,
// number double, date i32, text a pointer and an i64 size; a failable kernel returns an i32
// code and writes its result through a pointer.
#include "compiler/codegen/abi.h"
#include "compiler/codegen/row_lowering.h"

#include <fmt/format.h>

namespace xr::codegen::detail {
namespace {

/// The ABI type of a kernel argument or result (text arguments are two: pointer, size).
llvm::Type *abiType(llvm::IRBuilder<> &b, TypeKind kind) {
  switch (kind) {
  case TypeKind::Bool:
    return b.getInt1Ty();
  case TypeKind::Int:
    return b.getInt64Ty();
  case TypeKind::Number:
    return b.getDoubleTy();
  case TypeKind::Date:
    return b.getInt32Ty();
  case TypeKind::Text:
    return b.getPtrTy();
  default:
    throw MalformedIr(fmt::format("a kernel of a {} in its signature", typeName(Type{kind})));
  }
}

/// The type a failable kernel writes its result as (C's bool is a byte).
llvm::Type *outType(llvm::IRBuilder<> &b, TypeKind kind) {
  return kind == TypeKind::Bool ? b.getInt8Ty() : abiType(b, kind);
}

} // namespace

llvm::Function *RowLowering::kernel(builtins::Fn fn) {
  if (fn >= builtins::Fn::Count_)
    throw MalformedIr("a call of a function that does not exist");
  const builtins::Builtin &entry = builtins::get(fn);
  const std::string name(entry.symbol);
  if (auto found = functions_.find(name); found != functions_.end())
    return found->second;

  std::vector<llvm::Type *> params;
  if (entry.failable) {
    params.push_back(ptr_); // const XrKernelContext *
    params.push_back(ptr_); // the result
  }
  bool text = false;
  for (const TypeKind kind : entry.params) {
    params.push_back(abiType(b_, kind));
    if (kind == TypeKind::Text) {
      params.push_back(b_.getInt64Ty());
      text = true;
    }
  }
  llvm::Type *result = entry.failable ? b_.getInt32Ty() : abiType(b_, entry.result);
  auto *type = llvm::FunctionType::get(result, params, false);
  llvm::Function *f = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m_);
  f->addFnAttr(llvm::Attribute::NoUnwind);
  f->addFnAttr(llvm::Attribute::WillReturn);
  if (!entry.failable) {
    // Pure: no state, no allocation (kernels.h), so calls may be merged and moved. Text
    // kernels read their arguments' bytes.
    f->setMemoryEffects(text ? llvm::MemoryEffects::argMemOnly(llvm::ModRefInfo::Ref)
                             : llvm::MemoryEffects::none());
  }
  for (unsigned i = 0; i < params.size(); ++i)
    if (params[i]->isIntegerTy(1))
      f->addParamAttr(i, llvm::Attribute::ZExt);
  if (result->isIntegerTy(1))
    f->addRetAttr(llvm::Attribute::ZExt);
  functions_.emplace(name, f);
  return f;
}

llvm::Function *RowLowering::helper(const char *name) {
  if (auto found = functions_.find(name); found != functions_.end())
    return found->second;
  llvm::Function *f = nullptr;
  if (std::string_view(name) == kTextAppendName) {
    auto *type = llvm::FunctionType::get(b_.getInt64Ty(), {ptr_, ptr_, b_.getInt64Ty()}, false);
    f = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m_);
  } else if (std::string_view(name) == kTextEqualName) {
    auto *type = llvm::FunctionType::get(b_.getInt1Ty(),
                                         {ptr_, b_.getInt64Ty(), ptr_, b_.getInt64Ty()}, false);
    f = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m_);
    f->addRetAttr(llvm::Attribute::ZExt);
    f->addFnAttr(llvm::Attribute::WillReturn);
    f->setMemoryEffects(llvm::MemoryEffects::argMemOnly(llvm::ModRefInfo::Ref));
  } else {
    throw MalformedIr(fmt::format("no host helper {}", name));
  }
  f->addFnAttr(llvm::Attribute::NoUnwind);
  functions_.emplace(name, f);
  return f;
}

Value RowLowering::call(const ir::Node &n, TypeKind kind) {
  if (n.a < 0 || n.a >= static_cast<std::int64_t>(builtins::Fn::Count_))
    throw MalformedIr("a call of a function that does not exist");
  const auto fn = static_cast<builtins::Fn>(n.a);
  const builtins::Builtin &entry = builtins::get(fn);
  if (n.argCount != entry.params.size())
    throw MalformedIr(fmt::format("{} called with {} arguments", entry.name, n.argCount));
  if (typeOf(entry.result) != typeOf(kind))
    throw MalformedIr(fmt::format("a call of {} typed unlike its result", entry.name));

  // Every argument, left to right; a missing one gives missing without calling the kernel.
  std::vector<Value> args;
  llvm::Value *allPresent = truth(true);
  for (std::uint32_t i = 0; i < n.argCount; ++i) {
    args.push_back(expr(arg(n, i), entry.params[i]));
    allPresent = b_.CreateAnd(allPresent, args.back().ok);
  }
  Var result = makeVar(kind, missing(kind));
  ifThen(allPresent, [&] {
    std::vector<llvm::Value *> abiArgs;
    llvm::AllocaInst *out = nullptr;
    if (entry.failable) {
      out = entryAlloca(outType(b_, entry.result), "kernel.out");
      // A kernel that fails writes nothing, and the row's code runs on with the value: zero
      // rather than undefined, which a branch on it would make undefined behaviour.
      b_.CreateStore(llvm::Constant::getNullValue(out->getAllocatedType()), out);
      abiArgs.push_back(kernelContext());
      abiArgs.push_back(out);
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
      abiArgs.push_back(args[i].v);
      if (entry.params[i] == TypeKind::Text)
        abiArgs.push_back(args[i].length);
    }
    llvm::CallInst *r = b_.CreateCall(kernel(fn), abiArgs);
    if (!entry.failable) {
      store(result, adapt(present(r), entry.result, kind));
      return;
    }
    raiseIf(b_.CreateICmpNE(r, i32(XR_KERNEL_OK)));
    llvm::Value *value = b_.CreateLoad(out->getAllocatedType(), out);
    if (entry.result == TypeKind::Bool)
      value = b_.CreateICmpNE(value, i8(0));
    store(result, adapt(present(value), entry.result, kind));
  });
  return load(result);
}

llvm::Value *RowLowering::pick(bool isMin, TypeKind kind, llvm::Value *a, llvm::Value *b) {
  builtins::Fn fn = builtins::Fn::MinInt;
  if (kind == TypeKind::Number)
    fn = isMin ? builtins::Fn::MinNumber : builtins::Fn::MaxNumber;
  else if (kind == TypeKind::Int)
    fn = isMin ? builtins::Fn::MinInt : builtins::Fn::MaxInt;
  else
    throw MalformedIr("a min or max table of something other than ints or numbers");
  return b_.CreateCall(kernel(fn), {a, b});
}

} // namespace xr::codegen::detail
