// xuncha::Evaluator: one back end prepared for a rule set, and params bound from text.
#include "xuncha/evaluate.h"

#include "compiler/sema/suggest.h"
#include "runtime/interp/interpreter.h"
#include "runtime/jit/code_cache.h"
#include "runtime/jit/compiled_program.h"
#include "runtime/load/value_text.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace xuncha {
namespace {

std::string joined(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &name : names)
    out += (out.empty() ? "" : ", ") + name;
  return out;
}

} // namespace

std::optional<Engine> parseEngine(const std::string &name) {
  if (name == "interp")
    return Engine::Interpreter;
  if (name == "jit")
    return Engine::Jit;
  if (name == "auto")
    return Engine::Auto;
  return std::nullopt;
}

const char *engineName(Engine engine) {
  switch (engine) {
  case Engine::Interpreter:
    return "interp";
  case Engine::Jit:
    return "jit";
  case Engine::Auto:
    return "auto";
  }
  return "interp";
}

/// The JIT's side of an evaluator: compiled once (Jit: at construction; Auto: by the thread
/// whose batch takes the count of records past the threshold), then shared by every thread.
struct Evaluator::JitState {
  enum Phase : int { NotStarted, Compiling, Ready, Failed };
  EngineOptions options;
  std::atomic<std::uint64_t> seen{0}; // records evaluated before the JIT was ready (Auto)
  std::atomic<std::uint64_t> records{0};
  std::atomic<int> phase{NotStarted};
  // Written before phase becomes Ready or Failed (release), read after (acquire).
  std::unique_ptr<xr::jit::CompiledProgram> compiled;
  std::string error;
  std::string cacheProblem;
  double compileSeconds = 0;
  bool cached = false;
};

std::string defaultJitCacheDir() { return xr::jit::defaultCacheDir(); }

Evaluator::Evaluator(std::shared_ptr<const RuleSet> ruleSet, Engine engine, EngineOptions options)
    : ruleSet_(std::move(ruleSet)), engine_(engine),
      interpreter_(std::make_unique<xr::interp::Interpreter>(ruleSet_->program())),
      jit_(std::make_unique<JitState>()) {
  jit_->options = std::move(options);
  if (engine_ == Engine::Jit) {
    jit_->phase.store(JitState::Compiling);
    compileJit();
  } else if (engine_ == Engine::Auto && !std::getenv("XUNCHA_JIT_DISABLE")) {
    // Code compiled before (by this process or an earlier run) costs a millisecond to link:
    // then the JIT evaluates from the first record.
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    auto cached = xr::jit::CompiledProgram::compile(
        ruleSet_->program(), error, {true, jit_->options.cacheDir, true, jit_->options.keptSlots});
    if (cached) {
      jit_->compileSeconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      jit_->compiled = std::move(cached);
      jit_->cached = true;
      jit_->phase.store(JitState::Ready, std::memory_order_release);
    }
  }
}

void Evaluator::compileJit() const {
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  std::unique_ptr<xr::jit::CompiledProgram> compiled;
  // An escape hatch for operators (and the tests of the fallback): no native code at all.
  if (const char *disabled = std::getenv("XUNCHA_JIT_DISABLE"); disabled && *disabled)
    error = "the JIT is disabled by XUNCHA_JIT_DISABLE";
  else
    compiled = xr::jit::CompiledProgram::compile(
        ruleSet_->program(), error, {true, jit_->options.cacheDir, false, jit_->options.keptSlots});
  if (compiled) {
    jit_->cached = compiled->stats().source != xr::jit::CompileStats::Source::Compiled;
    jit_->cacheProblem = compiled->stats().cacheProblem;
  }
  jit_->compileSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  jit_->compiled = std::move(compiled);
  jit_->error = std::move(error);
  jit_->phase.store(jit_->compiled ? JitState::Ready : JitState::Failed, std::memory_order_release);
}

Evaluator::JitStatus Evaluator::jitStatus() const {
  JitStatus status;
  const int phase = jit_->phase.load(std::memory_order_acquire);
  status.compiled = phase == JitState::Ready;
  status.cached = status.compiled && jit_->cached;
  status.failed = phase == JitState::Failed;
  if (status.compiled || status.failed)
    status.compileSeconds = jit_->compileSeconds;
  status.records = jit_->records.load();
  return status;
}

std::string Evaluator::compileError() const {
  return jit_->phase.load(std::memory_order_acquire) == JitState::Failed ? jit_->error : "";
}

std::vector<std::string> Evaluator::warnings() const {
  std::vector<std::string> out;
  const int phase = jit_->phase.load(std::memory_order_acquire);
  if (engine_ == Engine::Auto && phase == JitState::Failed)
    out.push_back("the JIT could not compile the rule set (" + jit_->error +
                  "); the interpreter evaluated the records instead");
  if (phase == JitState::Ready && !jit_->cacheProblem.empty())
    out.push_back(jit_->cacheProblem + "; the compiled code is not kept for the next run");
  return out;
}

Evaluator::~Evaluator() = default;

const SlotSelection &Evaluator::keptSlots() const { return jit_->options.keptSlots; }

std::optional<ParamValues> Evaluator::bindParams(const std::vector<ParamSetting> &settings,
                                                 std::vector<std::string> &problems) const {
  const xr::ir::Program &program = ruleSet_->program();
  std::vector<std::string> names;
  for (const xr::ir::ParamInfo &p : program.params)
    names.push_back(p.name);
  const std::size_t problemsBefore = problems.size();
  std::vector<std::pair<std::uint32_t, xr::ir::Constant>> overrides;
  for (const ParamSetting &setting : settings) {
    std::uint32_t index = 0;
    while (index < names.size() && names[index] != setting.name)
      ++index;
    if (index == names.size()) {
      std::string problem = "unknown param '" + setting.name + "'";
      if (auto match = xr::sema::closestMatch(setting.name, names))
        problem += "; did you mean '" + *match + "'?";
      else if (names.empty())
        problem += "; the rule set has no params";
      else
        problem += "; the params are " + joined(names);
      problems.push_back(std::move(problem));
      continue;
    }
    const xr::ir::ParamInfo &param = program.params[index];
    std::string reason;
    std::optional<xr::ir::Constant> value =
        xr::load::parseValue(program, param.type.required(), setting.value, reason);
    if (!value) {
      problems.push_back("param '" + setting.name + "': " + reason);
      continue;
    }
    if (!value->valid) {
      problems.push_back("param '" + setting.name + "' is given no value");
      continue;
    }
    overrides.emplace_back(index, std::move(*value));
  }
  if (problems.size() != problemsBefore)
    return std::nullopt;
  return ParamValues::bind(program, overrides, problems);
}

void Evaluator::evaluate(const Batch &batch, const ParamValues &params, Results &results) const {
  if (engine_ == Engine::Interpreter) {
    interpreter_->evaluate(batch, params, results);
    results.keepOnly(jit_->options.keptSlots);
    return;
  }
  int phase = jit_->phase.load(std::memory_order_acquire);
  if (engine_ == Engine::Jit && phase != JitState::Ready)
    throw std::runtime_error("the JIT cannot compile rule set '" + ruleSet_->program().title +
                             "': " + jit_->error);
  if (phase < JitState::Ready) { // Auto, not compiled yet
    const std::uint64_t seen = jit_->seen.fetch_add(batch.rows()) + batch.rows();
    int expected = JitState::NotStarted;
    if (seen >= jit_->options.autoJitRecords &&
        jit_->phase.compare_exchange_strong(expected, JitState::Compiling))
      compileJit(); // other threads go on interpreting meanwhile
    phase = jit_->phase.load(std::memory_order_acquire);
  }
  if (phase == JitState::Ready) {
    jit_->compiled->evaluate(batch, params, results);
    jit_->records.fetch_add(batch.rows());
    return;
  }
  interpreter_->evaluate(batch, params, results);
  results.keepOnly(jit_->options.keptSlots);
}

} // namespace xuncha
