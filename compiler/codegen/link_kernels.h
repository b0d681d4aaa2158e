#pragma once
// Linking the bitcode of the built-in kernels (kernel_bitcode.h) into a lowered module: the
// kernels it calls that have a body there become internal functions of the module, which the
// optimiser inlines into the row loops.
#include <string>

namespace llvm {
class Module;
} // namespace llvm

namespace xr::codegen {

/// Links into `module` (its triple and data layout already set) the body of every kernel it
/// declares that the bitcode defines. False with `error` when the bitcode cannot be read or
/// linked (a broken build), or a kernel's body has another signature than the module's call.
bool linkKernels(llvm::Module &module, std::string &error);

/// A digest of the kernel bitcode, part of the compiled code's cache key: code that inlined
/// other kernels must not be taken from a cache.
const std::string &kernelBitcodeDigest();

} // namespace xr::codegen
