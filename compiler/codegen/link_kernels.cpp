#include "compiler/codegen/link_kernels.h"

#include "compiler/codegen/kernel_bitcode.h"
#include "compiler/support/sha256.h"

#include <llvm/ADT/StringSet.h>
#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Module.h>
#include <llvm/Linker/Linker.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Transforms/IPO/Internalize.h>

#include <map>
#include <vector>

namespace xr::codegen {
namespace {

llvm::StringRef bitcode() {
  return {reinterpret_cast<const char *>(kKernelBitcode), kKernelBitcodeSize};
}

/// Whether `f`'s body, and the bodies of what it calls, call nothing outside the bitcode but
/// LLVM intrinsics: the compiled code may only call the symbols the session defines (the
/// kernels and host helpers), not the C library a kernel's body may use (memchr, say). Reads
/// the bodies it looks at. False when a body cannot be read.
bool selfContained(llvm::Function &f, std::map<const llvm::Function *, bool> &known) {
  if (auto found = known.find(&f); found != known.end())
    return found->second;
  known[&f] = true; // a recursive call does not leave the bitcode
  bool contained = true;
  if (f.isIntrinsic()) {
    contained = true;
  } else if (f.materialize()) {
    contained = false;
  } else if (f.isDeclaration()) {
    contained = false;
  } else {
    for (const llvm::BasicBlock &block : f)
      for (const llvm::Instruction &instruction : block)
        if (const auto *call = llvm::dyn_cast<llvm::CallBase>(&instruction)) {
          llvm::Function *callee = call->getCalledFunction();
          if (!callee || !selfContained(*callee, known))
            contained = false;
        }
  }
  known[&f] = contained;
  return contained;
}

} // namespace

bool linkKernels(llvm::Module &module, std::string &error) {
  // What the module calls, with the signatures it calls them by.
  std::map<std::string, llvm::FunctionType *> declared;
  for (const llvm::Function &f : module.functions())
    if (f.isDeclaration() && !f.isIntrinsic())
      declared.emplace(f.getName().str(), f.getFunctionType());
  if (declared.empty())
    return true;

  // Lazily: only the bodies the module needs are read.
  llvm::Expected<std::unique_ptr<llvm::Module>> kernels = llvm::getOwningLazyBitcodeModule(
      llvm::MemoryBuffer::getMemBuffer(bitcode(), "kernels.bc", false), module.getContext());
  if (!kernels) {
    error = "the kernels' bitcode cannot be read: " + llvm::toString(kernels.takeError());
    return false;
  }
  std::map<const llvm::Function *, bool> contained;
  for (llvm::Function &f : (*kernels)->functions()) {
    auto called = declared.find(f.getName().str());
    if (called == declared.end())
      continue;
    if (called->second != f.getFunctionType()) {
      error = "kernel " + called->first + " is called with another signature than its body's";
      return false;
    }
    // A kernel whose body reaches outside the bitcode stays a call of the interpreter's copy.
    if (!selfContained(f, contained))
      f.deleteBody();
  }
  (*kernels)->setTargetTriple(module.getTargetTriple());
  (*kernels)->setDataLayout(module.getDataLayout());
  std::vector<std::string> linked;
  const bool failed = llvm::Linker::linkModules(
      module, std::move(*kernels), llvm::Linker::LinkOnlyNeeded,
      [&linked](llvm::Module &into, const llvm::StringSet<> &fromKernels) {
        for (const auto &name : fromKernels)
          linked.push_back(name.getKey().str());
        llvm::internalizeModule(into, [&](const llvm::GlobalValue &g) {
          return !g.hasName() || !fromKernels.contains(g.getName());
        });
      });
  if (failed) {
    error = "the kernels' bitcode does not link";
    return false;
  }
  // Compiled for a generic x86-64; in the module they take the host's features, as the code
  // that calls them does (the inliner refuses a callee with features its caller lacks). All
  // inline, into the row loops, where the vectoriser can widen them (optimise.cpp).
  for (const std::string &name : linked)
    if (llvm::Function *f = module.getFunction(name)) {
      f->removeFnAttr("target-cpu");
      f->removeFnAttr("target-features");
      f->removeFnAttr("tune-cpu");
      f->removeFnAttr(llvm::Attribute::NoInline);
      f->addFnAttr(llvm::Attribute::AlwaysInline);
    }
  return true;
}

const std::string &kernelBitcodeDigest() {
  static const std::string digest = [] {
    Sha256 hash;
    hash.update(std::string_view(bitcode().data(), bitcode().size()));
    return hash.hexDigest();
  }();
  return digest;
}

} // namespace xr::codegen
