#include "compiler/codegen/codegen.h"

#include "compiler/codegen/row_lowering.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

namespace xr::codegen {

LoweredProgram::LoweredProgram() = default;
LoweredProgram::~LoweredProgram() {
  module.reset(); // before its context
}
LoweredProgram::LoweredProgram(LoweredProgram &&) noexcept = default;
LoweredProgram &LoweredProgram::operator=(LoweredProgram &&other) noexcept {
  module.reset();
  context = std::move(other.context);
  module = std::move(other.module);
  return *this;
}

bool lowerProgram(const ir::Program &program, const StoragePlan &plan, LoweredProgram &out,
                  std::string &error) {
  auto context = std::make_unique<llvm::LLVMContext>();
  auto module = std::make_unique<llvm::Module>("xuncha.rules", *context);
  try {
    detail::RowLowering(program, plan, *module).lower();
  } catch (const std::exception &e) {
    // Thrown by our own lowering code between LLVM calls, never through an LLVM frame.
    error = std::string("malformed IR: ") + e.what();
    return false;
  }
  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyModule(*module, &stream)) {
    stream.flush();
    error = "the generated code does not verify: " + problems;
    return false;
  }
  out.module.reset();
  out.context = std::move(context);
  out.module = std::move(module);
  return true;
}

} // namespace xr::codegen
