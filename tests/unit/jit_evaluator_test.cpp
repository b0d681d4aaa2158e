// The embedding API's engines: --engine interp|jit|auto parsed, the JIT evaluating through
// xuncha::Evaluator with the interpreter's results, auto switching to the JIT once enough
// records went through and falling back to the interpreter, with a warning, when the JIT
// cannot compile.
#include "jit_test_support.h"
#include "xuncha/xuncha.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace xuncha {
namespace {

const std::string kSketch = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr";

std::shared_ptr<const RuleSet> sketch() {
  LoadResult loaded = RuleSet::load(kSketch);
  EXPECT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
  return loaded.ruleSet;
}

/// The sketch with an output of its own, so that no cache of the process has its code yet.
std::shared_ptr<const RuleSet> freshSketch(int marker) {
  std::ifstream in(kSketch, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf() << "\noutput jit_test_marker: number = " << marker << "\n";
  LoadResult loaded = RuleSet::fromText(kSketch, text.str());
  EXPECT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
  return loaded.ruleSet;
}

/// Sets an environment variable for the life of the object.
class ScopedEnvironment {
public:
  ScopedEnvironment(const char *name, const char *value) : name_(name) { ::setenv(name, value, 1); }
  ~ScopedEnvironment() { ::unsetenv(name_); }

private:
  const char *name_;
};

TEST(JitEvaluator, EngineNamesParseBothWays) {
  for (Engine e : {Engine::Interpreter, Engine::Jit, Engine::Auto})
    EXPECT_EQ(parseEngine(engineName(e)), e);
  EXPECT_FALSE(parseEngine("llvm"));
}

TEST(JitEvaluator, TheJitGivesTheInterpretersResults) {
  auto rules = sketch();
  ASSERT_TRUE(rules);
  const xr::ir::Program &p = rules->program();
  Evaluator interp(rules, Engine::Interpreter);
  Evaluator jit(rules, Engine::Jit);
  EXPECT_TRUE(jit.jitStatus().compiled) << jit.compileError();
  EXPECT_GT(jit.jitStatus().compileSeconds, 0);
  EXPECT_FALSE(interp.jitStatus().compiled);
  std::vector<std::string> problems;
  auto params = jit.bindParams({}, problems);
  ASSERT_TRUE(params);
  const Batch batch = xr::testing::randomRecords(p, 3000, 11);
  Results a, b;
  interp.evaluate(batch, *params, a);
  jit.evaluate(batch, *params, b);
  std::string why;
  EXPECT_TRUE(xr::batch::sameResults(p, a, b, &why)) << why;
  EXPECT_EQ(jit.jitStatus().records, 3000u);
  EXPECT_TRUE(jit.warnings().empty());
}

TEST(JitEvaluator, AutoInterpretsUntilTheThresholdThenUsesTheJit) {
  auto rules = freshSketch(1);
  ASSERT_TRUE(rules);
  const xr::ir::Program &p = rules->program();
  Evaluator reference(rules, Engine::Interpreter);
  Evaluator automatic(rules, Engine::Auto, {.autoJitRecords = 2500, .cacheDir = "", .keptSlots = {}});
  std::vector<std::string> problems;
  auto params = automatic.bindParams({}, problems);
  ASSERT_TRUE(params);
  std::uint64_t evaluated = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Batch batch = xr::testing::randomRecords(p, 1000, seed);
    Results a, b;
    reference.evaluate(batch, *params, a);
    automatic.evaluate(batch, *params, b);
    evaluated += batch.rows();
    std::string why;
    EXPECT_TRUE(xr::batch::sameResults(p, a, b, &why)) << seed << ": " << why;
    // The batch that takes the count to 2500 is the first the JIT evaluates.
    const bool jitReady = evaluated >= 2500;
    EXPECT_EQ(automatic.jitStatus().compiled, jitReady) << seed;
    EXPECT_EQ(automatic.jitStatus().records, jitReady ? evaluated - 2000 : 0) << seed;
  }
  EXPECT_TRUE(automatic.warnings().empty());
}

TEST(JitEvaluator, AutoKeepsInterpretingOnOtherThreadsAndAgreesAcrossThem) {
  auto rules = freshSketch(2);
  ASSERT_TRUE(rules);
  const xr::ir::Program &p = rules->program();
  Evaluator reference(rules, Engine::Interpreter);
  Evaluator automatic(rules, Engine::Auto, {.autoJitRecords = 1500, .cacheDir = "", .keptSlots = {}});
  std::vector<std::string> problems;
  auto params = automatic.bindParams({}, problems);
  ASSERT_TRUE(params);
  const Batch batch = xr::testing::randomRecords(p, 500, 5);
  Results expected;
  reference.evaluate(batch, *params, expected);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(3, 0);
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&, t] {
      Results r;
      for (int round = 0; round < 6; ++round) {
        automatic.evaluate(batch, *params, r);
        mismatches[t] += xr::batch::sameResults(p, expected, r) ? 0 : 1;
      }
    });
  for (auto &t : threads)
    t.join();
  for (int m : mismatches)
    EXPECT_EQ(m, 0);
  EXPECT_TRUE(automatic.jitStatus().compiled);
  EXPECT_GT(automatic.jitStatus().records, 0u);
}

TEST(JitEvaluator, AutoUsesCachedCodeFromTheFirstRecord) {
  auto rules = freshSketch(3);
  ASSERT_TRUE(rules);
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("xuncha-jit-auto-" + std::to_string(::getpid()));
  EngineOptions options;
  options.cacheDir = dir.string();
  {
    Evaluator before(rules, Engine::Auto, options); // nothing cached: interprets
    EXPECT_FALSE(before.jitStatus().compiled);
    Evaluator jit(rules, Engine::Jit, options); // compiles, and keeps the code on disk
    ASSERT_TRUE(jit.jitStatus().compiled);
  }
  Evaluator automatic(rules, Engine::Auto, options);
  EXPECT_TRUE(automatic.jitStatus().compiled);
  EXPECT_TRUE(automatic.jitStatus().cached);
  std::vector<std::string> problems;
  auto params = automatic.bindParams({}, problems);
  ASSERT_TRUE(params);
  Results r;
  automatic.evaluate(xr::testing::randomRecords(rules->program(), 10, 1), *params, r);
  EXPECT_EQ(automatic.jitStatus().records, 10u);
  std::filesystem::remove_all(dir);
}

TEST(JitEvaluator, AutoFallsBackToTheInterpreterWithAWarningWhenTheJitCannotCompile) {
  auto rules = freshSketch(4);
  ASSERT_TRUE(rules);
  ScopedEnvironment disabled("XUNCHA_JIT_DISABLE", "1");
  Evaluator automatic(rules, Engine::Auto, {.autoJitRecords = 10, .cacheDir = "", .keptSlots = {}});
  std::vector<std::string> problems;
  auto params = automatic.bindParams({}, problems);
  ASSERT_TRUE(params);
  const Batch batch = xr::testing::randomRecords(rules->program(), 100, 3);
  Results r;
  automatic.evaluate(batch, *params, r);
  automatic.evaluate(batch, *params, r);
  EXPECT_TRUE(automatic.jitStatus().failed);
  EXPECT_EQ(automatic.jitStatus().records, 0u);
  ASSERT_EQ(automatic.warnings().size(), 1u);
  EXPECT_NE(automatic.warnings()[0].find("XUNCHA_JIT_DISABLE"), std::string::npos);
  EXPECT_EQ(r.rows(), 100u);
}

TEST(JitEvaluator, AnExplicitJitThatCannotCompileIsAClearError) {
  auto rules = sketch();
  ASSERT_TRUE(rules);
  ScopedEnvironment disabled("XUNCHA_JIT_DISABLE", "1");
  Evaluator jit(rules, Engine::Jit);
  EXPECT_TRUE(jit.jitStatus().failed);
  EXPECT_NE(jit.compileError().find("disabled"), std::string::npos);
  std::vector<std::string> problems;
  auto params = jit.bindParams({}, problems);
  ASSERT_TRUE(params);
  Results r;
  try {
    jit.evaluate(xr::testing::randomRecords(rules->program(), 5, 1), *params, r);
    ADD_FAILURE() << "evaluated without a JIT";
  } catch (const std::runtime_error &e) {
    EXPECT_NE(std::string(e.what()).find("the JIT cannot compile rule set"), std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace xuncha
