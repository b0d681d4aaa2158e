// `xuncha run --stats` on the JIT: the compile time and whether the compiled code came from a
// cache stand beside the other phases (RunStats, statsJson), for each engine.
#include "xuncha/xuncha.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace xuncha {
namespace {

namespace fs = std::filesystem;

class JitStats : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xuncha-jit-stats-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "in.csv") << "id,x\na,3\nb,4\nc,6\n";
    // A marker of its own keeps this rule set's code out of the process's cache until the first
    // evaluator below compiles it.
    LoadResult loaded =
        RuleSet::fromText("stats.xr", "ruleset \"t\" version 1\n"
                                      "record R {\n  id: text key\n  x: number\n}\n"
                                      "let jit_stats_marker = " +
                                          std::to_string(getpid()) + std::to_string(++runs_) +
                                          "\noutput y: number = x / 3 + 1\n");
    ASSERT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
    rules_ = loaded.ruleSet;
  }
  void TearDown() override { fs::remove_all(dir_); }

  nlohmann::json runStats(const Evaluator &evaluator) {
    RunOptions options;
    options.dataPath = (dir_ / "in.csv").string();
    options.outPath = (dir_ / "out.csv").string();
    options.threads = 1;
    RunSummary summary = run(evaluator, options);
    EXPECT_TRUE(summary.completed()) << summary.error;
    return nlohmann::json::parse(statsJson(summary));
  }

  static inline int runs_ = 0; // a new marker for each test, also under --gtest_repeat
  fs::path dir_;
  std::shared_ptr<const RuleSet> rules_;
};

TEST_F(JitStats, ShowTheCompileTimeAndWhetherTheCacheHit) {
  Evaluator compiled(rules_, Engine::Jit);
  nlohmann::json first = runStats(compiled);
  EXPECT_EQ(first["engine"], "jit");
  EXPECT_EQ(first["jit"]["compiled"], true);
  EXPECT_EQ(first["jit"]["cache_hit"], false);
  EXPECT_EQ(first["jit"]["failed"], false);
  EXPECT_EQ(first["jit"]["records"], 3);
  EXPECT_GT(first["seconds"]["compile"].get<double>(), 0.0);

  Evaluator again(rules_, Engine::Jit); // the process keeps the code compiled above
  nlohmann::json second = runStats(again);
  EXPECT_EQ(second["jit"]["compiled"], true);
  EXPECT_EQ(second["jit"]["cache_hit"], true);
  EXPECT_EQ(second["jit"]["records"], 3);
}

TEST_F(JitStats, ShowNoCompilationForTheInterpreter) {
  Evaluator interpreter(rules_, Engine::Interpreter);
  nlohmann::json stats = runStats(interpreter);
  EXPECT_EQ(stats["engine"], "interp");
  EXPECT_EQ(stats["jit"]["compiled"], false);
  EXPECT_EQ(stats["jit"]["cache_hit"], false);
  EXPECT_EQ(stats["jit"]["records"], 0);
  EXPECT_EQ(stats["seconds"]["compile"].get<double>(), 0.0);
}

} // namespace
} // namespace xuncha
