// A generated population read back by the loader (runtime/load/input.h): every row loads, in
// CSV and JSON Lines, and every value is exactly the one the generator made.
#include "compiler/driver/compilation.h"
#include "runtime/load/input.h"
#include "runtime/synth/generator.h"
#include "runtime/synth/population_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace xr::synth {
namespace {

namespace fs = std::filesystem;

/// Reads `path` with the loader; every good record lands in `loaded`, the rest in `errors`.
void load(const ir::Program &program, const std::string &path, load::InputFormat format,
          batch::Batch &loaded, std::vector<load::LoadError> &errors) {
  load::InputOptions options;
  options.format = format;
  std::string error;
  auto reader = load::InputReader::open(path, options, error);
  ASSERT_TRUE(reader) << error;
  std::vector<load::MappingProblem> problems;
  std::vector<std::string> notes;
  auto parser = load::RecordParser::make(program, *reader, problems, notes);
  ASSERT_TRUE(parser) << (problems.empty() ? "" : problems.front().message);
  EXPECT_TRUE(notes.empty()) << notes.front(); // no unused column, no absent optional field
  load::RawChunk chunk;
  batch::Batch part(program);
  std::vector<std::uint64_t> recordOfRow;
  while (reader->next(64 * 1024, chunk, error)) {
    parser->parse(chunk, part, recordOfRow, errors);
    for (std::size_t row = 0; row < part.rows(); ++row) {
      const std::size_t target = loaded.addRow();
      for (std::uint32_t f = 0; f < program.fields.size(); ++f)
        loaded.set(f, target, batch::constantAt(part.column(f), row, part.arena()));
    }
  }
  EXPECT_EQ(error, "");
}

class SynthLoad : public ::testing::TestWithParam<output::OutputFormat> {
protected:
  void SetUp() override {
    compilation_ = compileFile(std::string(XUNCHA_SOURCE_DIR) + "/rulesets/national/2023.xr");
    ASSERT_TRUE(compilation_->program);
    path_ =
        fs::temp_directory_path() / ("xuncha-synth-load-" + std::to_string(getpid()) +
                                     (GetParam() == output::OutputFormat::Csv ? ".csv" : ".jsonl"));
  }
  void TearDown() override { fs::remove(path_); }

  std::unique_ptr<Compilation> compilation_;
  fs::path path_;
};

TEST_P(SynthLoad, EveryRowLoadsWithTheValuesTheGeneratorMade) {
  const ir::Program &program = *compilation_->program;
  std::vector<std::string> errors;
  auto params = batch::ParamValues::bind(program, std::vector<batch::ParamOverride>{}, errors);
  ASSERT_TRUE(params);
  std::vector<std::string> problems;
  auto generator = Generator::make(program, 2024, *params, problems);
  ASSERT_TRUE(generator);
  constexpr std::size_t kRows = 5000;
  WriteOptions options;
  options.format = GetParam();
  const WriteOutcome outcome = writePopulation(*generator, kRows, path_.string(), options);
  ASSERT_EQ(outcome.status, WriteOutcome::Status::Written) << outcome.error;

  batch::Batch loaded(program);
  std::vector<load::LoadError> loadErrors;
  load(program, path_.string(),
       GetParam() == output::OutputFormat::Csv ? load::InputFormat::Csv
                                               : load::InputFormat::JsonLines,
       loaded, loadErrors);
  for (std::size_t i = 0; i < std::min<std::size_t>(loadErrors.size(), 5); ++i)
    ADD_FAILURE() << "line " << loadErrors[i].line << " column " << loadErrors[i].column << ": "
                  << loadErrors[i].reason;
  ASSERT_EQ(loaded.rows(), kRows);

  batch::Batch made(program);
  generator->appendTo(made, 0, kRows);
  std::size_t missing = 0;
  for (std::uint32_t f = 0; f < program.fields.size(); ++f)
    for (std::size_t row = 0; row < kRows; ++row) {
      const ir::Constant want = batch::constantAt(made.column(f), row, made.arena());
      const ir::Constant got = batch::constantAt(loaded.column(f), row, loaded.arena());
      missing += !want.valid;
      ASSERT_EQ(got.valid, want.valid) << program.fields[f].name << " row " << row;
      ASSERT_EQ(got.i, want.i) << program.fields[f].name << " row " << row;
      ASSERT_EQ(got.d, want.d) << program.fields[f].name << " row " << row;
      ASSERT_EQ(got.text, want.text) << program.fields[f].name << " row " << row;
    }
  EXPECT_GT(missing, 0u); // optional fields are sometimes missing, and that survives the trip
}

std::string formatName(const ::testing::TestParamInfo<output::OutputFormat> &format) {
  return format.param == output::OutputFormat::Csv ? "Csv" : "JsonLines";
}

INSTANTIATE_TEST_SUITE_P(Formats, SynthLoad,
                         ::testing::Values(output::OutputFormat::Csv,
                                           output::OutputFormat::JsonLines),
                         formatName);

} // namespace
} // namespace xr::synth
