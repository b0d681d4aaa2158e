#pragma once
// The LLVM back end's front half: a rule set's per-record program (ir.h), the very IR the
// interpreter runs, lowered to an LLVM module with one function, xr_eval (abi.h), that loops
// over a batch's rows. Built-ins are calls of the registry's kernels by their symbols; the JIT
// session (runtime/jit) maps them to the interpreter's functions. Nothing here sees a Batch.
#include "compiler/codegen/slot_storage.h"
#include "compiler/ir/ir.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace xr::codegen {

/// A module and the context it lives in (destroyed in that order).
struct LoweredProgram {
  LoweredProgram();
  ~LoweredProgram();
  LoweredProgram(LoweredProgram &&) noexcept;
  LoweredProgram &operator=(LoweredProgram &&) noexcept;

  std::unique_ptr<llvm::LLVMContext> context;
  std::unique_ptr<llvm::Module> module;
};

/// Lowers `program`, keeping its slots as `plan` (planStorage) says: the code fills the
/// results columns of the plan's kept slots only. Returns false, with `error` naming what is
/// wrong, when the IR is malformed (a compiler bug: the interpreter rejects the same programs)
/// or uses what only report figures may (aggregates). Never throws.
bool lowerProgram(const ir::Program &program, const StoragePlan &plan, LoweredProgram &out,
                  std::string &error);

} // namespace xr::codegen
