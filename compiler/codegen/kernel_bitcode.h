#pragma once
// The built-in kernels as LLVM bitcode: runtime/builtins/registry.cpp, which takes the address
// of every kernel and so holds the bodies of the ones kernels.h defines inline (the small, hot
// ones), compiled by clang++-19 at build time (CMakeLists.txt) and embedded here. The JIT links
// the ones a rule set calls into its module, where they inline: the interpreter's source, with
// no call in the row loops. Larger kernels stay declarations, resolved to the interpreter's
// functions (runtime/jit/session.cpp).
#include <cstddef>

namespace xr::codegen {

extern const unsigned char kKernelBitcode[];
extern const std::size_t kKernelBitcodeSize;

} // namespace xr::codegen
