// Whole runs through the embedding API (xuncha::run) on the sketch rule set: every input row
// ends up in exactly one output, outputs are byte-identical for any thread count and batch
// size, and a run that fails, stops at a bad row (--strict) or is cancelled writes nothing.
#include "xuncha/xuncha.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <sstream>

namespace xuncha {
namespace {

namespace fs = std::filesystem;

const std::string kSketch = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr";

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeFile(const fs::path &path, const std::string &text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::size_t lineCount(const std::string &text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

const char *kHeader = "id,region,size,credit,license_expiry,special_equipment_checked,"
                      "drills_per_year,certified_staff_ratio,so2,so2_limit,electricity_kwh,"
                      "reported_output,revenue,cost,data_encrypted,incidents_3y,"
                      "overdue_rectifications\n";

/// A population of the sketch's record with some rows that cannot be read (a bad date, a
/// short row, a bad enum) and some whose evaluation fails (cost 0: division by zero).
std::string population(std::size_t rows, std::size_t &unreadable, std::size_t &failing) {
  std::mt19937_64 rng(11);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  const char *regions[] = {"杭州", "宁波", "温州", "\"嘉兴, 南湖\""};
  std::string csv = kHeader;
  unreadable = failing = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    const int kind = pick(100);
    if (kind == 0) {
      csv += fmt::format("E{:05},杭州,sme,B,2024-02-30,true,2,0.9,20,35,,,,,true,0,0\n", i);
      ++unreadable;
      continue;
    }
    if (kind == 1) {
      csv += fmt::format("E{:05},杭州,sme,B\n", i);
      ++unreadable;
      continue;
    }
    if (kind == 2) {
      csv += fmt::format("E{:05},杭州,huge,B,2025-01-01,true,2,0.9,20,35,,,,,true,0,0\n", i);
      ++unreadable;
      continue;
    }
    const bool zeroCost = kind == 3;
    failing += zeroCost;
    csv += fmt::format("E{:05},{},{},{},2024-{:02}-15,{},{},{},{},35,{},{},{},{},{},{},{}\n", i,
                       regions[pick(4)], pick(5) == 0 ? "above_scale" : "sme",
                       "ABC"[pick(3)], 1 + pick(12), pick(10) ? "true" : "false", pick(6),
                       pick(101) / 100.0, pick(50), pick(4) ? std::to_string(pick(2000000)) : "",
                       pick(4) ? std::to_string(1 + pick(1000)) : "", 100000 + pick(900000),
                       zeroCost ? std::string("0") : std::to_string(50000 + pick(900000)),
                       pick(3) ? "是" : "否", pick(12) == 0 ? 1 : 0, pick(6) == 0 ? 2 : 0);
  }
  return csv;
}

class DriverRun : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("xuncha-run-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
           "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    LoadResult loaded = RuleSet::load(kSketch);
    ASSERT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
    evaluator = std::make_unique<Evaluator>(loaded.ruleSet);
    data = dir / "population.csv";
    writeFile(data, population(3000, unreadable, failing));
  }
  void TearDown() override { fs::remove_all(dir); }

  RunOptions options(const std::string &name) const {
    RunOptions o;
    o.dataPath = data.string();
    o.outPath = (dir / (name + ".csv")).string();
    o.reportPath = (dir / (name + ".report.json")).string();
    return o;
  }

  fs::path dir, data;
  std::unique_ptr<Evaluator> evaluator;
  std::size_t unreadable = 0, failing = 0;
};

TEST_F(DriverRun, EveryRowEndsUpInExactlyOneOutput) {
  RunSummary summary = run(*evaluator, options("out"));
  ASSERT_TRUE(summary.completed()) << summary.error;
  EXPECT_EQ(summary.counts.recordsIn, 3000u);
  EXPECT_EQ(summary.counts.rejected, unreadable);
  EXPECT_EQ(summary.counts.evaluated, 3000u - unreadable);
  EXPECT_EQ(summary.counts.recordErrors, failing);
  EXPECT_GT(unreadable, 0u);
  EXPECT_GT(failing, 0u);
  // Results and errors each have a provenance line and a header line.
  const std::string results = readFile(dir / "out.csv");
  const std::string errors = readFile(dir / "out.errors.csv");
  EXPECT_EQ(lineCount(results) - 2, summary.counts.evaluated);
  EXPECT_EQ(lineCount(errors) - 2, summary.counts.rejected);
  EXPECT_EQ(summary.errorsPath, (dir / "out.errors.csv").string());
  // Every output names the rule set by its content hash.
  const std::string &hash = evaluator->ruleSet().sha256();
  EXPECT_NE(results.substr(0, results.find('\n')).find(hash), std::string::npos);
  EXPECT_NE(errors.substr(0, errors.find('\n')).find(hash), std::string::npos);
  EXPECT_NE(readFile(dir / "out.report.json").find(hash), std::string::npos);
  // The first unreadable rows are kept in input order with their line numbers.
  ASSERT_FALSE(summary.loadErrors.empty());
  for (std::size_t i = 1; i < summary.loadErrors.size(); ++i)
    EXPECT_LT(summary.loadErrors[i - 1].line, summary.loadErrors[i].line);
  EXPECT_FALSE(summary.reports.empty());
}

TEST_F(DriverRun, WithoutAnErrorsFileEveryUnreadableRowIsInTheSummary) {
  // With an errors file the summary keeps only the first 20...
  RunOptions o = options("file");
  RunSummary summary = run(*evaluator, o);
  ASSERT_TRUE(summary.completed()) << summary.error;
  ASSERT_GT(unreadable, 20u);
  EXPECT_EQ(summary.loadErrors.size(), 20u);
  // ...while a run to standard output has no errors file by default and keeps them all.
  o.outPath = "-";
  o.errorsPath.clear();
  o.reportPath.clear();
  testing::internal::CaptureStdout();
  summary = run(*evaluator, o);
  const std::string printed = testing::internal::GetCapturedStdout();
  ASSERT_TRUE(summary.completed()) << summary.error;
  EXPECT_TRUE(summary.errorsPath.empty());
  EXPECT_EQ(summary.loadErrors.size(), unreadable);
  EXPECT_EQ(lineCount(printed) - 2, summary.counts.evaluated);
}

TEST_F(DriverRun, OutputsAreByteIdenticalForAnyThreadCountAndBatchSize) {
  RunOptions reference = options("reference");
  reference.threads = 1;
  ASSERT_TRUE(run(*evaluator, reference).completed());
  const std::string results = readFile(reference.outPath);
  const std::string errors = readFile(dir / "reference.errors.csv");
  const std::string report = readFile(reference.reportPath);
  int variant = 0;
  for (unsigned threads : {2u, 3u, 8u})
    for (std::size_t chunkBytes : {std::size_t{64}, std::size_t{1000}, std::size_t{1} << 20}) {
      RunOptions o = options("variant" + std::to_string(++variant));
      o.threads = threads;
      o.chunkBytes = chunkBytes;
      RunSummary summary = run(*evaluator, o);
      ASSERT_TRUE(summary.completed()) << summary.error;
      SCOPED_TRACE(fmt::format("{} threads, {} bytes per batch", threads, chunkBytes));
      EXPECT_EQ(readFile(o.outPath), results);
      EXPECT_EQ(readFile(summary.errorsPath), errors);
      EXPECT_EQ(readFile(o.reportPath), report);
    }
}

TEST_F(DriverRun, StrictStopsAtTheFirstBadRowAndWritesNothing) {
  RunOptions o = options("strict");
  o.strict = true;
  o.threads = 4;
  o.chunkBytes = 200;
  RunSummary summary = run(*evaluator, o);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::StoppedAtBadRow);
  ASSERT_EQ(summary.loadErrors.size(), 1u);
  // The first bad row of the input, whatever thread read it first.
  RunSummary lenient = run(*evaluator, options("lenient"));
  ASSERT_FALSE(lenient.loadErrors.empty());
  EXPECT_EQ(summary.loadErrors[0].line, lenient.loadErrors[0].line);
  EXPECT_FALSE(fs::exists(o.outPath));
  EXPECT_FALSE(fs::exists(o.reportPath));
  EXPECT_FALSE(fs::exists(dir / "strict.errors.csv"));
}

TEST_F(DriverRun, ACancelledRunLeavesNoFileAndKeepsAnOldOne) {
  RunOptions o = options("cancelled");
  writeFile(o.outPath, "old results\n");
  std::atomic<bool> cancel{true};
  o.cancel = &cancel;
  RunSummary summary = run(*evaluator, o);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Cancelled);
  EXPECT_EQ(readFile(o.outPath), "old results\n");
  EXPECT_FALSE(fs::exists(o.reportPath));
  // No temporary file is left behind either.
  for (const auto &entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".xuncha-"), std::string::npos)
        << entry.path();
}

TEST_F(DriverRun, AMissingColumnStopsTheRunBeforeAnyWork) {
  std::string csv = readFile(data);
  csv.replace(csv.find("license_expiry"), 14, "licence_expiry");
  writeFile(data, csv);
  RunSummary summary = run(*evaluator, options("missing"));
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Failed);
  EXPECT_NE(summary.error.find("license_expiry"), std::string::npos) << summary.error;
  EXPECT_FALSE(fs::exists(dir / "missing.csv"));
  // --map names the column.
  RunOptions mapped = options("mapped");
  mapped.columnOfField = {{"license_expiry", "licence_expiry"}};
  EXPECT_TRUE(run(*evaluator, mapped).completed());
}

TEST_F(DriverRun, BadParamsAndPathsAreClearErrors) {
  RunOptions o = options("params");
  o.params = {{"inspection_dat", "2024-09-30"}};
  RunSummary summary = run(*evaluator, o);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Failed);
  EXPECT_EQ(summary.error, "unknown param 'inspection_dat'; did you mean 'inspection_date'?");

  o.params = {{"inspection_date", "2024-13-01"}};
  summary = run(*evaluator, o);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Failed);
  EXPECT_NE(summary.error.find("param 'inspection_date'"), std::string::npos) << summary.error;

  o = options("paths");
  o.outPath = data.string();
  summary = run(*evaluator, o);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Failed);
  EXPECT_NE(summary.error.find("would overwrite the input"), std::string::npos);

  o = options("paths");
  o.dataPath = (dir / "absent.csv").string();
  summary = run(*evaluator, o);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Failed);
  EXPECT_NE(summary.error.find("absent.csv"), std::string::npos) << summary.error;

  o = options("paths");
  o.outPath = (dir / "results.xlsx").string();
  summary = run(*evaluator, o);
  EXPECT_EQ(summary.outcome, RunSummary::Outcome::Failed);
  EXPECT_NE(summary.error.find("cannot tell the format"), std::string::npos);
}

TEST_F(DriverRun, AParamChangesTheResults) {
  RunOptions early = options("early"), late = options("late");
  early.params = {{"inspection_date", "2023-01-01"}};
  late.params = {{"inspection_date", "2026-01-01"}};
  ASSERT_TRUE(run(*evaluator, early).completed());
  ASSERT_TRUE(run(*evaluator, late).completed());
  EXPECT_NE(readFile(early.outPath), readFile(late.outPath));
}

TEST_F(DriverRun, JsonLinesInAndOutGiveTheSameFigures) {
  RunOptions csv = options("csv");
  RunOptions jsonl = options("jsonl");
  jsonl.outPath = (dir / "jsonl.jsonl").string();
  ASSERT_TRUE(run(*evaluator, csv).completed());
  RunSummary summary = run(*evaluator, jsonl);
  ASSERT_TRUE(summary.completed()) << summary.error;
  EXPECT_EQ(lineCount(readFile(jsonl.outPath)) - 1, summary.counts.evaluated);
  EXPECT_EQ(readFile(csv.reportPath), readFile(jsonl.reportPath));
}

} // namespace
} // namespace xuncha
