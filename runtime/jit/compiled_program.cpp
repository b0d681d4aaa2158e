// Compiling a program (lower, optimise, emit, link) and running the compiled row loop over a
// batch: the frame of abi.h filled from the Batch, the ParamValues and the Results.
#include "runtime/jit/compiled_program.h"

#include "compiler/codegen/abi.h"
#include "compiler/codegen/codegen.h"
#include "compiler/codegen/link_kernels.h"
#include "compiler/codegen/optimise.h"
#include "compiler/codegen/program_key.h"
#include "compiler/codegen/slot_storage.h"
#include "compiler/support/sha256.h"
#include "runtime/batch/copy_key.h"
#include "runtime/batch/row_copy.h"
#include "runtime/builtins/calendar.h"
#include "runtime/interp/interpreter.h"
#include "runtime/jit/code_cache.h"
#include "runtime/jit/session.h"

#include <fmt/format.h>

#include <cstring>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace xr::jit {
namespace {

/// The calling thread's CPU time: compile phases are measured in it, so that other jobs on a
/// shared machine do not inflate them.
struct Clock {
  using time_point = double;
  static double now() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
};

double secondsSince(Clock::time_point start) { return Clock::now() - start; }

/// A param's value as the compiled code reads it (the element of column.h).
XrJitParam jitParam(const ir::Constant &c, TypeKind kind) {
  XrJitParam cell{0, 0, static_cast<std::uint8_t>(c.valid ? 1 : 0)};
  if (!c.valid)
    return cell;
  switch (batch::storageOf(kind)) {
  case batch::Storage::U8:
    cell.bits = static_cast<std::uint8_t>(c.i);
    break;
  case batch::Storage::I32:
    cell.bits = static_cast<std::uint32_t>(static_cast<std::int32_t>(c.i));
    break;
  case batch::Storage::I64:
  case batch::Storage::U64:
    cell.bits = static_cast<std::uint64_t>(c.i);
    break;
  case batch::Storage::F64: {
    const double d = c.type.kind == TypeKind::Int ? static_cast<double>(c.i) : c.d;
    std::memcpy(&cell.bits, &d, sizeof d);
    break;
  }
  case batch::Storage::Text:
    cell.bits = reinterpret_cast<std::uintptr_t>(c.text.data());
    cell.length = c.text.size();
    break;
  }
  return cell;
}

/// Rows [from, to) of a column missing, with zero elements.
void clearRows(batch::Column &column, std::size_t from, std::size_t to) {
  const std::size_t size = batch::elementBytes(column.storage());
  std::memset(static_cast<std::byte *>(column.rawValues()) + from * size, 0, (to - from) * size);
  std::memset(column.validity() + from, 0, to - from);
}

} // namespace

struct CompiledProgram::Impl {
  const ir::Program *program = nullptr;
  std::unique_ptr<Session> session;
  codegen::EntryFunction entry = nullptr;
  CompileStats stats;
  std::unique_ptr<builtins::CalendarIndex> calendar; // as the interpreter makes it
  XrKernelContext kernelContext{nullptr};
  std::int64_t keyField = -1;
  codegen::StoragePlan plan; // which results columns the code fills; its scratch buffer
  std::unique_ptr<interp::Interpreter> exact; // for the rows the code flags (abi.h)
};

CompiledProgram::CompiledProgram(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledProgram::~CompiledProgram() = default;

const ir::Program &CompiledProgram::program() const { return *impl_->program; }
const CompileStats &CompiledProgram::stats() const { return impl_->stats; }

/// The key of the code for this program on this host: the program's code, the slots it keeps in
/// the results and where it keeps the others, this engine's version, the kernels it may inline,
/// LLVM's version, and the CPU and its features the code is tuned for.
std::string cacheKey(const ir::Program &program, const ir::SlotSelection &kept,
                     const codegen::StoragePlan &plan, const HostTarget &host) {
  Sha256 hash;
  for (const std::string &part :
       {codegen::programKey(program), kept.key(), codegen::planKey(plan),
        std::to_string(codegen::kCodegenVersion), codegen::kernelBitcodeDigest(), llvmVersion(),
        host.triple, host.cpu, host.features}) {
    hash.update(std::to_string(part.size()) + ":");
    hash.update(part);
  }
  return hash.hexDigest();
}

std::unique_ptr<CompiledProgram> CompiledProgram::compile(const ir::Program &program,
                                                          std::string &error,
                                                          const CompileOptions &options) {
  auto impl = std::make_unique<Impl>();
  impl->program = &program;
  const HostTarget *host = Session::detectHost(error);
  if (!host)
    return nullptr;
  CompileStats &stats = impl->stats;
  impl->plan = codegen::planStorage(program, options.kept);
  stats.key = cacheKey(program, options.kept, impl->plan, *host);

  // Cached code first; a disk entry that does not link is dropped and compiled anew.
  ObjectFile object;
  if (options.memoryCache && (object = MemoryCodeCache::process().find(stats.key)))
    stats.source = CompileStats::Source::MemoryCache;
  else if ((object = readCachedObject(options.cacheDir, stats.key)))
    stats.source = CompileStats::Source::DiskCache;
  if (!object && options.cachedOnly) {
    error = "the code is in no cache";
    return nullptr; // without having made a session: asking costs a key and a file lookup
  }
  impl->session = Session::create(error);
  if (!impl->session)
    return nullptr;
  Clock::time_point start = Clock::now();
  std::string linkError;
  if (object && impl->session->addObject(*object, linkError) &&
      (impl->entry = reinterpret_cast<codegen::EntryFunction>(
           impl->session->lookup(codegen::kEntryName, linkError)))) {
    stats.linkSeconds = secondsSince(start);
    // Code the process had: keep it on disk too, for the next run.
    if (stats.source == CompileStats::Source::MemoryCache && !options.cacheDir.empty() &&
        !std::filesystem::exists(cacheFilePath(options.cacheDir, stats.key)))
      writeCachedObject(options.cacheDir, stats.key, *object, stats.cacheProblem);
  } else {
    if (object) {
      // Cached but unusable: start again in a fresh session, which the failed link has not
      // left half-defined symbols in.
      impl->session = Session::create(error);
      if (!impl->session)
        return nullptr;
    }
    if (options.cachedOnly) {
      error = "the code is in no cache";
      return nullptr;
    }
    stats.source = CompileStats::Source::Compiled;
    start = Clock::now();
    codegen::LoweredProgram lowered;
    if (!codegen::lowerProgram(program, impl->plan, lowered, error))
      return nullptr;
    stats.lowerSeconds = secondsSince(start);
    start = Clock::now();
    if (!impl->session->optimise(*lowered.module, error))
      return nullptr;
    stats.optimiseSeconds = secondsSince(start);
    start = Clock::now();
    std::vector<char> bytes;
    if (!impl->session->emitObject(*lowered.module, bytes, error))
      return nullptr;
    stats.emitSeconds = secondsSince(start);
    start = Clock::now();
    if (!impl->session->addObject(bytes, error))
      return nullptr;
    void *entry = impl->session->lookup(codegen::kEntryName, error);
    if (!entry)
      return nullptr;
    impl->entry = reinterpret_cast<codegen::EntryFunction>(entry);
    stats.linkSeconds = secondsSince(start);
    auto shared = std::make_shared<const std::vector<char>>(std::move(bytes));
    if (options.memoryCache)
      MemoryCodeCache::process().put(stats.key, shared);
    if (!options.cacheDir.empty())
      writeCachedObject(options.cacheDir, stats.key, *shared, stats.cacheProblem);
  }

  try {
    impl->exact = std::make_unique<interp::Interpreter>(program);
  } catch (const std::invalid_argument &e) {
    error = e.what();
    return nullptr;
  }
  if (!program.calendar.years.empty()) {
    impl->calendar = std::make_unique<builtins::CalendarIndex>(
        program.calendar.years, program.calendar.holidays, program.calendar.workdays);
    impl->kernelContext.calendar = &impl->calendar->view();
  }
  for (std::size_t f = 0; f < program.fields.size(); ++f)
    if (program.fields[f].key) {
      impl->keyField = static_cast<std::int64_t>(f);
      break;
    }
  return std::unique_ptr<CompiledProgram>(new CompiledProgram(std::move(impl)));
}

void CompiledProgram::evaluate(const batch::Batch &batch, const batch::ParamValues &params,
                               batch::Results &results) const {
  const ir::Program &p = *impl_->program;
  if (batch.fieldCount() != p.fields.size())
    throw std::invalid_argument(fmt::format("a batch of {} fields for a record of {}",
                                            batch.fieldCount(), p.fields.size()));
  for (std::uint32_t f = 0; f < p.fields.size(); ++f)
    if (!(batch.column(f).type().required() == p.fields[f].type.required()))
      throw std::invalid_argument(fmt::format("the batch's column {} is a {}, field {} a {}", f,
                                              typeName(batch.column(f).type()), p.fields[f].name,
                                              typeName(p.fields[f].type)));
  if (params.size() != p.params.size())
    throw std::invalid_argument(fmt::format("{} param values for a program with {} params",
                                            params.size(), p.params.size()));
  const std::size_t rows = batch.rows();
  const codegen::StoragePlan &plan = impl_->plan;
  results.reset(p, rows, plan.kept);

  std::vector<const void *> fieldValues(p.fields.size());
  std::vector<const std::uint8_t *> fieldValid(p.fields.size());
  for (std::uint32_t f = 0; f < p.fields.size(); ++f) {
    fieldValues[f] = batch.column(f).rawValues();
    fieldValid[f] = batch.column(f).validity();
  }
  std::vector<void *> slotValues(p.slots.size(), nullptr);
  std::vector<std::uint8_t *> slotValid(p.slots.size(), nullptr);
  for (ir::SlotId s = 0; s < p.slots.size(); ++s)
    if (results.keeps(s)) {
      slotValues[s] = results.slot(s).rawValues();
      slotValid[s] = results.slot(s).validity();
    }
  // One tile's scratch columns, reused by the thread from batch to batch (a fresh buffer per
  // batch would cost page faults every time).
  thread_local std::vector<std::uint64_t> scratchWords;
  const std::size_t words = plan.scratchBytes / sizeof(std::uint64_t) + 8;
  if (scratchWords.size() < words)
    scratchWords.resize(words);
  auto *scratch = reinterpret_cast<std::uint8_t *>(scratchWords.data());
  scratch += (64 - reinterpret_cast<std::uintptr_t>(scratch) % 64) % 64;
  std::vector<XrJitParam> cells;
  for (std::uint32_t i = 0; i < p.params.size(); ++i)
    cells.push_back(jitParam(params.value(i), p.params[i].type.kind));

  XrJitTextSink sink{results.arena().data(), &results.arena(), 0};
  const XrJitFrame frame{fieldValues.data(),
                         fieldValid.data(),
                         slotValues.data(),
                         slotValid.data(),
                         scratch,
                         results.statusData(),
                         batch.arena().data(),
                         cells.data(),
                         &impl_->kernelContext,
                         &sink,
                         0,
                         rows};
  impl_->entry(&frame);
  if (sink.failed != 0)
    throw std::length_error("the text of a batch's results passes 4 GiB");
  for (ir::SlotId s : plan.unwrittenKept)
    clearRows(results.slot(s), 0, rows);
  // The rows that raised an error, or might have: the interpreter's results for them.
  std::vector<std::size_t> raised;
  const std::uint8_t *status = results.statusData();
  for (std::size_t row = 0; row < rows; ++row)
    if (status[row] != static_cast<std::uint8_t>(batch::RowStatus::Ok))
      raised.push_back(row);
  if (!raised.empty()) {
    batch::Results exact;
    impl_->exact->evaluate(batch::selectRows(p, batch, raised), params, exact);
    batch::placeRows(exact, raised, results);
  }
  if (impl_->keyField >= 0 && results.hasKey())
    batch::copyKey(batch, static_cast<std::uint32_t>(impl_->keyField), results);
}

bool CompiledProgram::optimisedIr(const ir::Program &program, std::string &text,
                                  std::string &error) {
  codegen::LoweredProgram lowered;
  if (!codegen::lowerProgram(program, codegen::planStorage(program, {}), lowered, error))
    return false;
  auto session = Session::create(error);
  if (!session)
    return false;
  if (!session->optimise(*lowered.module, error))
    return false;
  text = codegen::printModule(*lowered.module);
  return true;
}

} // namespace xr::jit
