#pragma once
// One ORC LLJIT instance holding native code: made for the host CPU (its features, so that
// loops vectorise), with every built-in kernel and host helper of the compiled code defined as
// an absolute symbol (the very functions the interpreter calls). No LLVM header here: only
// compiler/codegen and runtime/jit see LLVM.
//
// Nothing here throws: LLVM is built without exceptions, so every failure comes back as a
// message, and no exception may cross LLVM's frames.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
class TargetMachine;
} // namespace llvm

namespace xr::jit {

/// The host CPU as the compiled code is tuned for it: a disk cache entry made for another CPU
/// must not be run here.
struct HostTarget {
  std::string triple;
  std::string cpu;
  std::string features; // "+avx2,+sse4.2,..." as the target machine was given them
};

class Session {
public:
  /// A session for the host CPU. Returns null and sets `error` when LLVM cannot target it.
  static std::unique_ptr<Session> create(std::string &error);
  /// The host as a session would target it, without making one (cache keys are made before
  /// deciding whether a session is needed at all). Null with `error` as create().
  static const HostTarget *detectHost(std::string &error);
  ~Session();
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;

  const HostTarget &host() const;
  /// Every module compiled by this session must be made for this machine (its data layout and
  /// triple are set by optimise()); modules are made in contexts of their own.
  llvm::TargetMachine &targetMachine();

  /// Sets the module's triple and data layout, links the kernels it calls and runs the
  /// optimisation pipeline (codegen/optimise.h) with the host target. False with `error` when
  /// the kernels cannot be linked.
  bool optimise(llvm::Module &module, std::string &error);
  /// Emits an optimised module as an object file for the host (the bytes the disk cache keeps).
  bool emitObject(llvm::Module &module, std::vector<char> &object, std::string &error);
  /// Links an object file into the session (from emitObject or a cache). False with `error`
  /// when it does not link (a symbol undefined, a corrupt file).
  bool addObject(const std::vector<char> &object, std::string &error);
  /// Parses LLVM assembly, optimises, emits and adds it (for tests and `--emit=llvm` checks).
  bool addAssembly(std::string_view assembly, std::string &error);

  /// The address of a function of the added code; null with `error` when there is none.
  void *lookup(std::string_view name, std::string &error);

  /// The names the compiled code may call from the host, in a fixed order.
  static std::vector<std::string> hostSymbols();

private:
  struct Impl;
  explicit Session(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The LLVM version the code is compiled with ("19.1.7"), for cache keys and `--version`.
std::string llvmVersion();

} // namespace xr::jit
