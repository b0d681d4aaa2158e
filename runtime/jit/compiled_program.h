#pragma once
// A rule set compiled to native code: the JIT back end's counterpart of interp::Interpreter,
// with the same evaluate() contract (results.h), bit for bit.
#include "compiler/ir/ir.h"
#include "compiler/ir/slot_selection.h"
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"

#include <cstdint>
#include <memory>
#include <string>

namespace xr::jit {

/// What to compile for, and where compiled code may come from besides the compiler
/// (code_cache.h).
struct CompileOptions {
  bool memoryCache = true; // the process's cache of object files
  std::string cacheDir;    // the disk cache; "" for none
  bool cachedOnly = false; // take the code from a cache or fail: never run the compiler
  /// The slots evaluate() leaves in the results (results.h); the code keeps the others to
  /// itself, which makes it faster the fewer are kept. Part of the code's cache key.
  ir::SlotSelection kept;
};

/// Where compiling went, in seconds of the compiling thread's CPU time.
struct CompileStats {
  enum class Source : std::uint8_t { Compiled, MemoryCache, DiskCache };
  Source source = Source::Compiled;
  std::string key;            // of the code in the caches (program, versions, host CPU)
  double lowerSeconds = 0;    // IR to LLVM IR
  double optimiseSeconds = 0; // the optimisation pipeline (optimise.h)
  double emitSeconds = 0;     // machine code
  double linkSeconds = 0;     // into the JIT, and the lookup
  std::string cacheProblem;   // a disk cache that could not be written (compiling went on)
};

class CompiledProgram {
public:
  /// Compiles `program` for the host CPU, or takes its code from a cache; the program must
  /// outlive the result. Returns null, with `error` saying why, when it cannot be compiled
  /// (malformed IR, an LLVM failure).
  static std::unique_ptr<CompiledProgram> compile(const ir::Program &program, std::string &error,
                                                  const CompileOptions &options = {});
  ~CompiledProgram();
  CompiledProgram(const CompiledProgram &) = delete;
  CompiledProgram &operator=(const CompiledProgram &) = delete;

  const ir::Program &program() const;
  const CompileStats &stats() const;

  /// As Interpreter::evaluate: every row of `batch` into `results` (reset to the batch's rows
  /// and the kept slots of CompileOptions); a record that raises an error gets status Error,
  /// its first error and every kept slot missing.
  /// Thread safe. Throws std::invalid_argument when the batch was not made for this program's
  /// record, std::length_error when the results' text passes 4 GiB.
  void evaluate(const batch::Batch &batch, const batch::ParamValues &params,
                batch::Results &results) const;

  /// The optimised LLVM IR of the program, every slot kept (`xuncha check --emit=llvm`).
  static bool optimisedIr(const ir::Program &program, std::string &text, std::string &error);

private:
  struct Impl;
  explicit CompiledProgram(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace xr::jit
