// The LLJIT session: host target, absolute symbols for the kernels and helpers, object files in,
// function addresses out.
#include "runtime/jit/session.h"

#include "compiler/codegen/abi.h"
#include "compiler/codegen/optimise.h"
#include "runtime/builtins/registry.h"

#include <llvm/AsmParser/Parser.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <cstring>
#include <mutex>
#include <optional>
#include <strings.h>
#include <utility>

namespace xr::jit {
namespace {

std::string message(llvm::Error error) { return llvm::toString(std::move(error)); }

void initialiseNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

struct HostSymbol {
  std::string name;
  const void *address;
};

/// Everything compiled code may call: the kernels of the one registry (the interpreter's very
/// functions), the text helpers, and the C library's memory functions that LLVM may emit for
/// copies and comparisons. Nothing else of the process is visible to compiled code.
std::vector<HostSymbol> hostSymbolTable() {
  std::vector<HostSymbol> table;
  for (const builtins::Builtin &b : builtins::all())
    table.push_back({std::string(b.symbol), b.kernel});
  table.push_back({codegen::kTextAppendName, reinterpret_cast<const void *>(&xr_jit_text_append)});
  table.push_back({codegen::kTextEqualName, reinterpret_cast<const void *>(&xr_jit_text_equal)});
  table.push_back({"memcpy", reinterpret_cast<const void *>(&::memcpy)});
  table.push_back({"memmove", reinterpret_cast<const void *>(&::memmove)});
  table.push_back({"memset", reinterpret_cast<const void *>(&::memset)});
  table.push_back({"memcmp", reinterpret_cast<const void *>(&::memcmp)});
  table.push_back({"bcmp", reinterpret_cast<const void *>(&::bcmp)});
  return table;
}

} // namespace

struct Session::Impl {
  std::unique_ptr<llvm::TargetMachine> target;
  std::unique_ptr<llvm::orc::LLJIT> jit;
  HostTarget host;
  std::mutex reportedMutex;
  std::string reported; // what the execution session reported besides returned errors
};

Session::Session(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Session::~Session() = default;

std::unique_ptr<Session> Session::create(std::string &error) {
  initialiseNativeTarget();
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder) {
    error = "cannot target the host CPU: " + message(builder.takeError());
    return nullptr;
  }
  // Machine code at the "less" level: a tenth less time emitting than the default level, and no
  // slower code measured on the national rule sets. The "none" level emits in a quarter of the
  // time, but its vector loops ran a sixth slower.
  builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Less);
  builder->getOptions().AllowFPOpFusion = llvm::FPOpFusion::Strict; // no fused multiply-add

  auto impl = std::make_unique<Impl>();
  impl->host.triple = builder->getTargetTriple().str();
  impl->host.cpu = builder->getCPU();
  impl->host.features = builder->getFeatures().getString();
  auto target = builder->createTargetMachine();
  if (!target) {
    error = "cannot make a target machine for the host: " + message(target.takeError());
    return nullptr;
  }
  impl->target = std::move(*target);

  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*builder))
                 .setLinkProcessSymbolsByDefault(false)
                 // Compiled rules have no static initialisers: no platform runtime, and so
                 // no need for the process's symbols.
                 .setPlatformSetUp(llvm::orc::setUpInactivePlatform)
                 .create();
  if (!jit) {
    error = "cannot start the JIT: " + message(jit.takeError());
    return nullptr;
  }
  impl->jit = std::move(*jit);
  Impl *raw = impl.get();
  impl->jit->getExecutionSession().setErrorReporter([raw](llvm::Error e) {
    std::lock_guard lock(raw->reportedMutex);
    raw->reported += message(std::move(e));
  });

  llvm::orc::SymbolMap symbols;
  for (const HostSymbol &s : hostSymbolTable())
    symbols[impl->jit->mangleAndIntern(s.name)] = llvm::orc::ExecutorSymbolDef(
        llvm::orc::ExecutorAddr::fromPtr(s.address),
        llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable);
  if (auto e =
          impl->jit->getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(symbols)))) {
    error = "cannot define the kernels' symbols: " + message(std::move(e));
    return nullptr;
  }
  return std::unique_ptr<Session>(new Session(std::move(impl)));
}

const HostTarget &Session::host() const { return impl_->host; }

const HostTarget *Session::detectHost(std::string &error) {
  // The host does not change while the process runs: detect it once.
  static const std::pair<std::optional<HostTarget>, std::string> detected = [] {
    initialiseNativeTarget();
    auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
    if (!builder)
      return std::pair<std::optional<HostTarget>, std::string>{
          std::nullopt, "cannot target the host CPU: " + message(builder.takeError())};
    HostTarget host{builder->getTargetTriple().str(), builder->getCPU(),
                    builder->getFeatures().getString()};
    return std::pair<std::optional<HostTarget>, std::string>{host, ""};
  }();
  if (!detected.first) {
    error = detected.second;
    return nullptr;
  }
  return &*detected.first;
}

llvm::TargetMachine &Session::targetMachine() { return *impl_->target; }

bool Session::optimise(llvm::Module &module, std::string &error) {
  return codegen::optimiseModule(module, *impl_->target, error);
}

bool Session::emitObject(llvm::Module &module, std::vector<char> &object, std::string &error) {
  return codegen::emitObject(module, *impl_->target, object, error);
}

bool Session::addObject(const std::vector<char> &object, std::string &error) {
  auto buffer = llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(object.data(), object.size()),
                                                     "xuncha-rules.o");
  if (auto e = impl_->jit->addObjectFile(std::move(buffer))) {
    error = "cannot link the compiled rules: " + message(std::move(e));
    return false;
  }
  return true;
}

bool Session::addAssembly(std::string_view assembly, std::string &error) {
  llvm::LLVMContext context;
  llvm::SMDiagnostic diagnostic;
  std::unique_ptr<llvm::Module> module = llvm::parseAssemblyString(
      llvm::StringRef(assembly.data(), assembly.size()), diagnostic, context);
  if (!module) {
    std::string text;
    llvm::raw_string_ostream stream(text);
    diagnostic.print("assembly", stream, false);
    error = stream.str();
    return false;
  }
  std::vector<char> object;
  return optimise(*module, error) && emitObject(*module, object, error) && addObject(object, error);
}

void *Session::lookup(std::string_view name, std::string &error) {
  auto address = impl_->jit->lookup(llvm::StringRef(name.data(), name.size()));
  if (!address) {
    error = message(address.takeError());
    std::lock_guard lock(impl_->reportedMutex);
    if (!impl_->reported.empty())
      error += " (" + impl_->reported + ")";
    return nullptr;
  }
  return address->toPtr<void *>();
}

std::vector<std::string> Session::hostSymbols() {
  std::vector<std::string> names;
  for (const HostSymbol &s : hostSymbolTable())
    names.push_back(s.name);
  return names;
}

std::string llvmVersion() { return LLVM_VERSION_STRING; }

} // namespace xr::jit
