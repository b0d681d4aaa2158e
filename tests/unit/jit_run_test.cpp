// Whole runs (xuncha::run) of the national rule set on each engine: a generated population with
// some records made unreadable and some made to fail, and the results, errors and report files
// byte-identical whether the interpreter, the JIT or auto (switching part way) evaluates them,
// for any thread count and batch size.
#include "runtime/synth/generator.h"
#include "runtime/synth/population_writer.h"
#include "xuncha/xuncha.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace xuncha {
namespace {

namespace fs = std::filesystem;

const std::string kNational = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/national/2024.xr";

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class JitRun : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("xuncha-jit-run-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    // A `let` of its own keeps the code out of every cache of the process, so that auto below
    // interprets before it compiles.
    LoadResult loaded =
        RuleSet::fromText(kNational, readFile(kNational) + "\nlet jit_run_marker = 1\n");
    ASSERT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
    rules = loaded.ruleSet;
    Evaluator evaluator(rules);
    std::vector<std::string> problems;
    auto params = evaluator.bindParams({}, problems);
    ASSERT_TRUE(params);
    auto generator = xr::synth::Generator::make(rules->program(), 7, *params, problems);
    ASSERT_TRUE(generator) << (problems.empty() ? "" : problems.front());
    data = dir / "population.csv";
    xr::synth::WriteOptions write;
    write.threads = 1;
    ASSERT_EQ(xr::synth::writePopulation(*generator, 6000, data.string(), write).status,
              xr::synth::WriteOutcome::Status::Written);
    // Some rows that cannot be read, and revenue/cost figures that no real firm reports.
    std::string csv = readFile(data);
    std::size_t line = 0;
    std::string damaged;
    std::istringstream lines(csv);
    for (std::string row; std::getline(lines, row); ++line)
      damaged += (line > 1 && line % 250 == 0 ? row.substr(0, row.size() / 2) : row) + "\n";
    std::ofstream(data, std::ios::binary) << damaged;
  }
  void TearDown() override { fs::remove_all(dir); }

  RunOptions options(const std::string &name) const {
    RunOptions o;
    o.dataPath = data.string();
    o.outPath = (dir / (name + ".csv")).string();
    o.reportPath = (dir / (name + ".report.json")).string();
    o.indicators = true;
    return o;
  }

  fs::path dir, data;
  std::shared_ptr<const RuleSet> rules;
};

TEST_F(JitRun, EveryEngineWritesTheSameBytes) {
  Evaluator automatic(rules, Engine::Auto,
                      {.autoJitRecords = 2000, .cacheDir = "", .keptSlots = {}});
  EXPECT_FALSE(automatic.jitStatus().compiled);
  Evaluator interpreter(rules, Engine::Interpreter);
  RunOptions reference = options("interp");
  reference.threads = 1;
  RunSummary expected = run(interpreter, reference);
  ASSERT_TRUE(expected.completed()) << expected.error;
  EXPECT_GT(expected.counts.rejected, 0u);
  const std::string results = readFile(reference.outPath);
  const std::string errors = readFile(expected.errorsPath);
  const std::string report = readFile(reference.reportPath);

  Evaluator jit(rules, Engine::Jit);
  int variant = 0;
  for (const Evaluator *evaluator : {&automatic, &jit}) // auto switches part way through
    for (unsigned threads : {1u, 2u})
      for (std::size_t chunkBytes : {std::size_t{50000}, std::size_t{1} << 20}) {
        RunOptions o = options(fmt::format("variant{}", ++variant));
        o.threads = threads;
        o.chunkBytes = chunkBytes;
        RunSummary summary = run(*evaluator, o);
        ASSERT_TRUE(summary.completed()) << summary.error;
        SCOPED_TRACE(fmt::format("{}, {} threads, {} bytes per batch",
                                 engineName(evaluator->engine()), threads, chunkBytes));
        EXPECT_EQ(summary.stats.engine, engineName(evaluator->engine()));
        EXPECT_EQ(readFile(o.outPath), results);
        EXPECT_EQ(readFile(summary.errorsPath), errors);
        EXPECT_EQ(readFile(o.reportPath), report);
      }
  EXPECT_GT(jit.jitStatus().records, 0u);
  EXPECT_TRUE(automatic.jitStatus().compiled);
  EXPECT_GT(automatic.jitStatus().records, 0u);
}

TEST_F(JitRun, KeepingOnlyWhatTheRunReadsWritesTheSameBytes) {
  for (bool indicators : {false, true}) {
    SCOPED_TRACE(indicators ? "with the per-indicator columns" : "without them");
    Evaluator interpreter(rules, Engine::Interpreter);
    RunOptions reference = options("all");
    reference.indicators = indicators;
    RunSummary expected = run(interpreter, reference);
    ASSERT_TRUE(expected.completed()) << expected.error;

    RunOptions o = options("kept");
    o.indicators = indicators;
    const SlotSelection kept = slotsReadByRun(rules->program(), o);
    EXPECT_LT(kept.count(rules->program().slots.size()), rules->program().slots.size());
    for (Engine engine : {Engine::Jit, Engine::Interpreter}) {
      EngineOptions narrowed;
      narrowed.keptSlots = kept;
      Evaluator evaluator(rules, engine, narrowed);
      RunSummary summary = run(evaluator, o);
      ASSERT_TRUE(summary.completed()) << summary.error;
      EXPECT_EQ(readFile(o.outPath), readFile(reference.outPath)) << engineName(engine);
      EXPECT_EQ(readFile(summary.errorsPath), readFile(expected.errorsPath));
      EXPECT_EQ(readFile(o.reportPath), readFile(reference.reportPath));
    }
  }
}

TEST_F(JitRun, AnEvaluatorKeepingTooLittleIsRefused) {
  RunOptions narrow = options("narrow");
  narrow.indicators = false;
  EngineOptions narrowed;
  narrowed.keptSlots = slotsReadByRun(rules->program(), narrow);
  Evaluator evaluator(rules, Engine::Jit, narrowed);
  RunOptions wide = options("wide");
  wide.indicators = true; // reads every indicator's status and score besides
  RunSummary summary = run(evaluator, wide);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Failed);
  EXPECT_NE(summary.error.find("does not keep slot"), std::string::npos) << summary.error;
  EXPECT_FALSE(fs::exists(wide.outPath));
}

} // namespace
} // namespace xuncha
