#pragma once
// The population every benchmark measures, made once per process: a rule set (the shipped
// national 2023 one by default) and a population generated for its record, held in memory in
// the three forms a run goes through:
//  - the CSV file `xuncha gen` would write, in an anonymous in-memory file (memfd), so the
//    loader reads it through its ordinary file path without touching the disk;
//  - that file cut into chunks of whole records by the loader's InputReader, as `xuncha run`
//    cuts it (1 MiB each, about 3,000 records);
//  - each chunk parsed by the RecordParser into a Batch.
// Evaluation, result formatting and the memory floor all run over the same batches.
#include "runtime/batch/batch.h"
#include "runtime/load/input.h"
#include "xuncha/ruleset.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xr::bench {

struct PopulationSettings {
  std::string ruleSetPath;
  std::uint64_t rows = 1'000'000;
  std::uint64_t seed = 2024;         // the seed of the shipped examples/ sample
  std::size_t chunkBytes = 1u << 20; // as xuncha::RunOptions::chunkBytes
};

/// The settings from the environment: XR_BENCH_ROWS (default 1,000,000; CI runs it small) and
/// XR_BENCH_RULESET (default the shipped rulesets/national/2023.xr). nullopt with `error` set
/// when a value is not usable.
std::optional<PopulationSettings> settingsFromEnvironment(std::string &error);

class Population {
public:
  /// Loads the rule set, generates the rows, cuts and parses them. nullptr with `error` set when
  /// the rule set does not load, the generator cannot fill its record, or a generated row does
  /// not load back (a bug: the benchmarks need every row).
  static std::unique_ptr<Population> make(const PopulationSettings &settings, std::string &error);
  ~Population();
  Population(const Population &) = delete;
  Population &operator=(const Population &) = delete;

  const PopulationSettings &settings() const { return settings_; }
  const std::shared_ptr<const xuncha::RuleSet> &ruleSet() const { return ruleSet_; }
  const ir::Program &program() const { return ruleSet_->program(); }
  /// Every param at its default, as `xuncha run` without --param.
  const batch::ParamValues &params() const { return *params_; }

  /// Opens the CSV file from its start (header read), as `xuncha run` opens its input.
  std::unique_ptr<load::InputReader> openCsv(std::string &error) const;
  const load::RecordParser &parser() const { return *parser_; }
  const std::vector<load::RawChunk> &chunks() const { return chunks_; }
  const std::vector<batch::Batch> &batches() const { return batches_; }

  std::uint64_t rows() const { return settings_.rows; }
  std::uint64_t fileBytes() const { return fileBytes_; }     // the whole CSV file
  std::uint64_t recordBytes() const { return recordBytes_; } // the chunks' text: records only
  double makeSeconds() const { return makeSeconds_; }        // wall time make() took

  /// One line for the benchmark context: what was made and how long it took.
  std::string describe() const;

private:
  Population() = default;
  bool writeCsv(std::string &error);
  bool cutAndParse(std::string &error);

  PopulationSettings settings_;
  std::shared_ptr<const xuncha::RuleSet> ruleSet_;
  std::optional<batch::ParamValues> params_;
  int file_ = -1; // the memfd holding the CSV file
  std::unique_ptr<load::RecordParser> parser_;
  std::vector<load::RawChunk> chunks_;
  std::vector<batch::Batch> batches_;
  std::uint64_t fileBytes_ = 0;
  std::uint64_t recordBytes_ = 0;
  double makeSeconds_ = 0;
};

/// The population of this process: made from the environment's settings by the first call
/// (main makes it before any benchmark runs, so a failure stops the program there).
/// nullptr with `error` set when it cannot be made; later calls return the same answer.
const Population *sharedPopulation(std::string &error);
/// The same, for benchmark bodies, which run only once it exists.
const Population &population();

} // namespace xr::bench
