// The population generator against the shipped national rule set (so CI catches a record field
// the generator cannot fill), against records it cannot serve, and its determinism: the same
// seed gives the same bytes whatever the thread count, row i does not depend on the rows asked
// for, and another seed gives another population.
#include "compiler/driver/compilation.h"
#include "runtime/synth/generator.h"
#include "runtime/synth/population_format.h"
#include "runtime/synth/population_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace xr::synth {
namespace {

namespace fs = std::filesystem;

const std::string kNational = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/national/2023.xr";

std::unique_ptr<Compilation> compileOrFail(std::unique_ptr<Compilation> c) {
  std::string problems;
  for (const Diagnostic &d : c->sortedDiagnostics())
    problems += d.message + "\n";
  EXPECT_TRUE(c->program) << problems;
  return c;
}

batch::ParamValues defaultParams(const ir::Program &program) {
  std::vector<std::string> errors;
  auto params = batch::ParamValues::bind(program, std::vector<batch::ParamOverride>{}, errors);
  EXPECT_TRUE(params.has_value());
  return *params;
}

/// The problems the generator reports for a rule set whose record is `record`.
std::vector<std::string> problemsFor(const std::string &record) {
  auto c = compileOrFail(compileText("t.xr", "ruleset \"t\" version 1\n" + record +
                                                 "\ndomain d weight 100%\n"
                                                 "indicator I in d weight 100% { pass when true }\n"
                                                 "checklist all for true { all }\n"));
  std::vector<std::string> problems;
  if (!c->program)
    return {"compile failed"};
  EXPECT_EQ(Generator::make(*c->program, 1, defaultParams(*c->program), problems), nullptr);
  return problems;
}

class SynthGenerator : public ::testing::Test {
protected:
  void SetUp() override {
    compilation_ = compileOrFail(compileFile(kNational));
    ASSERT_TRUE(compilation_->program);
    dir_ = fs::temp_directory_path() /
           ("xuncha-synth-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  const ir::Program &program() const { return *compilation_->program; }

  std::unique_ptr<Generator> generator(std::uint64_t seed) const {
    std::vector<std::string> problems;
    auto g = Generator::make(program(), seed, defaultParams(program()), problems);
    EXPECT_TRUE(g) << (problems.empty() ? "" : problems.front());
    return g;
  }

  /// The bytes of `rows` enterprises of `seed` written with `threads` threads.
  std::string written(std::uint64_t seed, std::uint64_t rows, unsigned threads = 1,
                      output::OutputFormat format = output::OutputFormat::Csv,
                      std::size_t rowsPerBlock = 4096) {
    auto g = generator(seed);
    const fs::path path = dir_ / "population.out";
    WriteOptions options;
    options.format = format;
    options.threads = threads;
    options.rowsPerBlock = rowsPerBlock;
    const WriteOutcome outcome = writePopulation(*g, rows, path.string(), options);
    EXPECT_EQ(outcome.status, WriteOutcome::Status::Written) << outcome.error;
    EXPECT_EQ(outcome.rows, rows);
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(outcome.bytes, text.str().size());
    return text.str();
  }

  std::unique_ptr<Compilation> compilation_;
  fs::path dir_;
};

TEST_F(SynthGenerator, EveryFieldOfTheNationalRecordHasADistribution) {
  auto g = generator(1);
  ASSERT_TRUE(g);
  ASSERT_EQ(g->fieldCount(), program().fields.size());
  Enterprise e;
  g->draw(0, e);
  for (std::size_t f = 0; f < g->fieldCount(); ++f)
    EXPECT_EQ(g->fieldName(f), program().fields[f].name);
  // Missing values only where the record allows them.
  for (std::uint64_t i = 0; i < 2000; ++i) {
    g->draw(i, e);
    for (std::size_t f = 0; f < g->fieldCount(); ++f) {
      if (!program().fields[f].type.optional) {
        ASSERT_TRUE(g->value(f, e).present) << program().fields[f].name << " row " << i;
      }
    }
  }
}

TEST_F(SynthGenerator, TheCsvHeaderIsTheRecordsFieldsInOrder) {
  auto g = generator(1);
  const std::string header = PopulationFormatter(*g, output::OutputFormat::Csv).header();
  std::string expected;
  for (const ir::FieldInfo &field : program().fields)
    expected += (expected.empty() ? "" : ",") + field.name;
  EXPECT_EQ(header, expected + "\n");
  EXPECT_EQ(written(1, 0), expected + "\n");
  EXPECT_EQ(PopulationFormatter(*g, output::OutputFormat::JsonLines).header(), "");
  EXPECT_EQ(written(1, 0, 1, output::OutputFormat::JsonLines), "");
}

TEST_F(SynthGenerator, SameSeedSameBytesOtherSeedOtherBytes) {
  const std::string a = written(2024, 3000);
  EXPECT_EQ(written(2024, 3000), a);
  EXPECT_NE(written(2025, 3000), a);
  // 3001 lines, each with as many cells as the record has fields.
  std::size_t lines = 0;
  std::istringstream in(a);
  for (std::string line; std::getline(in, line); ++lines)
    ASSERT_EQ(static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1,
              program().fields.size())
        << line;
  EXPECT_EQ(lines, 3001u);
}

TEST_F(SynthGenerator, BytesDoNotDependOnThreadsOrBlocks) {
  const std::string one = written(7, 5000, 1, output::OutputFormat::Csv, 4096);
  EXPECT_EQ(written(7, 5000, 3, output::OutputFormat::Csv, 97), one);
  EXPECT_EQ(written(7, 5000, 2, output::OutputFormat::Csv, 1), one);
}

TEST_F(SynthGenerator, ASmallPopulationIsThePrefixOfALargerOne) {
  const std::string small = written(11, 100);
  const std::string large = written(11, 1000);
  EXPECT_EQ(large.compare(0, small.size(), small), 0);
}

TEST_F(SynthGenerator, JsonLinesHoldTheSameValues) {
  const std::string csv = written(5, 200);
  const std::string jsonl = written(5, 200, 2, output::OutputFormat::JsonLines);
  std::istringstream csvIn(csv), jsonIn(jsonl);
  std::string csvLine, jsonLine;
  std::getline(csvIn, csvLine); // header
  std::size_t rows = 0;
  while (std::getline(jsonIn, jsonLine)) {
    ASSERT_TRUE(std::getline(csvIn, csvLine));
    const nlohmann::ordered_json object = nlohmann::ordered_json::parse(jsonLine);
    ASSERT_EQ(object.size(), program().fields.size());
    std::vector<std::string> cells;
    std::istringstream cellsIn(csvLine);
    for (std::string cell; std::getline(cellsIn, cell, ',');)
      cells.push_back(cell);
    if (csvLine.back() == ',')
      cells.push_back("");
    std::size_t f = 0;
    for (const auto &[key, value] : object.items()) {
      ASSERT_EQ(key, program().fields[f].name);
      const std::string asCsv = value.is_null()     ? ""
                                : value.is_string() ? value.get<std::string>()
                                                    : value.dump();
      ASSERT_EQ(asCsv, cells[f]) << key << " in " << jsonLine;
      ++f;
    }
    ++rows;
  }
  EXPECT_EQ(rows, 200u);
}

TEST_F(SynthGenerator, DatesFollowTheInspectionDateParam) {
  std::vector<std::string> errors;
  const auto later = batch::ParamValues::bind(
      program(),
      {batch::ParamOverride{
          "inspection_date",
          ir::Constant{Type::date(), true, *dates::makeDate(2024, 9, 30), 0, {}}}},
      errors);
  ASSERT_TRUE(later);
  std::vector<std::string> problems;
  auto g = Generator::make(program(), 3, *later, problems);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->settings().inspectionDate, *dates::makeDate(2024, 9, 30));
  EXPECT_EQ(generator(3)->settings().inspectionDate, *dates::makeDate(2023, 6, 30));
  // Fire checks are at most a few years before the inspection, never after it.
  std::size_t field = 0;
  while (program().fields[field].name != "last_fire_check")
    ++field;
  Enterprise e;
  for (std::uint64_t i = 0; i < 500; ++i) {
    g->draw(i, e);
    const FieldValue v = g->value(field, e);
    if (v.present) {
      ASSERT_LE(v.i, *dates::makeDate(2024, 9, 30));
      ASSERT_GT(v.i, *dates::makeDate(2022, 1, 1));
    }
  }
}

TEST_F(SynthGenerator, ACancelledOrFailedWriteLeavesNoFile) {
  auto g = generator(1);
  std::atomic<bool> cancel{false};
  WriteOptions options;
  options.rowsPerBlock = 10;
  options.cancel = &cancel;
  options.onProgress = [&](std::uint64_t rows) { cancel = rows >= 50; };
  const WriteOutcome cancelled = writePopulation(*g, 1000, (dir_ / "p.csv").string(), options);
  EXPECT_EQ(cancelled.status, WriteOutcome::Status::Cancelled);
  EXPECT_LT(cancelled.rows, 1000u);
  EXPECT_TRUE(fs::is_empty(dir_)); // neither the file nor its temporary file

  const WriteOutcome failed =
      writePopulation(*g, 10, (dir_ / "no-such-folder" / "p.csv").string(), WriteOptions{});
  EXPECT_EQ(failed.status, WriteOutcome::Status::Failed);
  EXPECT_NE(failed.error.find("no-such-folder"), std::string::npos) << failed.error;
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST(SynthGeneratorProblems, AFieldWithoutDistributionIsAnError) {
  const auto problems = problemsFor("record Enterprise {\n  id: text key\n  licence_number: text\n"
                                    "  drill_count: int\n  drills_per_year: int\n}");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("field 'licence_number' (text) has no distribution in the "
                             "generator"),
            std::string::npos)
      << problems[0];
  EXPECT_NE(problems[0].find("runtime/synth/field_catalog.cpp"), std::string::npos);
  EXPECT_NE(problems[1].find("'drill_count'"), std::string::npos) << problems[1];
}

TEST(SynthGeneratorProblems, AFieldOfAnotherTypeIsAnError) {
  const auto problems =
      problemsFor("record Enterprise {\n  id: text key\n  drills_per_year: number\n}");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("field 'drills_per_year' (number): the generator makes int values"),
            std::string::npos)
      << problems[0];
}

TEST(SynthGeneratorProblems, AFieldTheGeneratorLeavesMissingMustBeOptional) {
  const auto problems = problemsFor("record Enterprise {\n  id: text key\n  revenue: number\n}");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("field 'revenue' (number): the generator leaves it missing for some "
                             "enterprises, so it must be optional (`revenue: number?`)"),
            std::string::npos)
      << problems[0];
}

TEST(SynthGeneratorProblems, AnEnumMustHaveTheMembersTheGeneratorMakes) {
  const auto problems = problemsFor(
      "record Enterprise {\n  id: text key\n  credit: enum { A, B }\n  size: enum { above_scale, "
      "sme, micro }\n}");
  ASSERT_EQ(problems.size(), 1u) << problems.front();
  EXPECT_NE(problems[0].find("field 'credit'"), std::string::npos) << problems[0];
  EXPECT_NE(problems[0].find("the member 'C', which the enum does not have"), std::string::npos)
      << problems[0];
}

TEST(SynthGeneratorProblems, ASubsetOfTheNationalRecordIsServed) {
  auto c = compileOrFail(compileText(
      "t.xr", "ruleset \"t\" version 1\nrecord Enterprise {\n  id: text key\n  size: enum { sme, "
              "above_scale }\n  revenue: number?\n}\ndomain d weight 100%\n"
              "indicator I in d weight 100% { pass when true }\nchecklist all for true { all }\n"));
  ASSERT_TRUE(c->program);
  std::vector<std::string> problems;
  auto g = Generator::make(*c->program, 1, defaultParams(*c->program), problems);
  ASSERT_TRUE(g);
  // Members are mapped by name: the rule set lists sme first.
  Enterprise e;
  std::size_t smes = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    g->draw(i, e);
    const FieldValue size = g->value(1, e);
    EXPECT_EQ(g->memberName(1, size.i), e.size == Size::Sme ? "sme" : "above_scale");
    smes += size.i == 0;
  }
  EXPECT_GT(smes, 700u);
}

TEST(SynthFormat, CsvCellsAreQuotedOnlyWhenTheyMustBe) {
  std::string out;
  appendCsvCell("杭州市", out);
  EXPECT_EQ(out, "杭州市");
  out.clear();
  appendCsvCell("a,b", out);
  EXPECT_EQ(out, "\"a,b\"");
  out.clear();
  appendCsvCell("say \"hi\"\n", out);
  EXPECT_EQ(out, "\"say \"\"hi\"\"\n\"");
  out.clear();
  appendJsonString("a\"b\\c\n\x01杭", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\u000a\\u0001杭\"");
}

} // namespace
} // namespace xr::synth
