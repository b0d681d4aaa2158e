#pragma once
// The module pipeline of the JIT: the new pass manager, with a pipeline of its own (see the
// .cpp) and the host target machine (without it the row loops stay scalar), then machine code
// as an object file. Floating point
// is never contracted: the target machine is made with FPOpFusion::Strict and the generated IR
// carries no fast-math flags, so every operation rounds as the interpreter's does.
#include <string>
#include <vector>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace xr::codegen {

/// Sets the module's triple and data layout for `target`, links the kernels it calls
/// (link_kernels.h) and optimises it (see the .cpp). False with `error` when the kernels
/// cannot be linked.
bool optimiseModule(llvm::Module &module, llvm::TargetMachine &target, std::string &error);

/// Machine code for the module as an ELF (or the host's) object file. False with `error` when
/// the target cannot emit one.
bool emitObject(llvm::Module &module, llvm::TargetMachine &target, std::vector<char> &object,
                std::string &error);

/// The module as LLVM assembly text (`xuncha check --emit=llvm`).
std::string printModule(const llvm::Module &module);

} // namespace xr::codegen
