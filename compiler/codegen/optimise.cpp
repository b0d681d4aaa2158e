#include "compiler/codegen/optimise.h"

#include "compiler/codegen/link_kernels.h"

#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

namespace xr::codegen {

bool optimiseModule(llvm::Module &module, llvm::TargetMachine &target, std::string &error) {
  module.setTargetTriple(target.getTargetTriple().str());
  module.setDataLayout(target.createDataLayout());
  if (!linkKernels(module, error))
    return false;

  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager cgscc;
  llvm::ModuleAnalysisManager modules;
  // Loops vectorise, but are not unrolled or interleaved: a rule set has a hundred loops over
  // rows, and unrolling each doubled the compile time for little speed. The straight-line
  // (SLP) vectoriser finds nothing in code whose every value comes from a column of its own,
  // and took a quarter of the O2 pipeline's time (both measured on the national rule sets).
  // O1 rather than O2: it vectorises the same loops, and the national rule sets ran as fast
  // (within the noise of the shared machine, 5 repetitions) while optimising took a quarter
  // less time (GVN and the second round of InstCombine are what O2 adds here).
  llvm::PipelineTuningOptions tuning;
  tuning.LoopUnrolling = false;
  tuning.LoopInterleaving = false;
  tuning.LoopVectorization = true;
  tuning.SLPVectorization = false;
  llvm::PassBuilder builder(&target, tuning);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(cgscc);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, cgscc, modules);
  llvm::ModulePassManager pipeline =
      builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O1);
  pipeline.run(module, modules);
  return true;
}

bool emitObject(llvm::Module &module, llvm::TargetMachine &target, std::vector<char> &object,
                std::string &error) {
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream stream(buffer);
  llvm::legacy::PassManager passes;
  if (target.addPassesToEmitFile(passes, stream, nullptr, llvm::CodeGenFileType::ObjectFile)) {
    error = "the host target cannot emit object files";
    return false;
  }
  passes.run(module);
  object.assign(buffer.begin(), buffer.end());
  return true;
}

std::string printModule(const llvm::Module &module) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  module.print(stream, nullptr);
  stream.flush();
  return text;
}

} // namespace xr::codegen
