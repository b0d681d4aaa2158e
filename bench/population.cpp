#include "bench/population.h"

#include "bench/summary.h"
#include "runtime/synth/generator.h"
#include "runtime/synth/population_format.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <mutex>
#include <sys/mman.h>
#include <unistd.h>

namespace xr::bench {
namespace {

constexpr std::uint64_t kRowsPerBlock = 4096; // rows generated and written at a time

bool writeAll(int fd, std::string_view bytes, std::string &error) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR)
      continue;
    if (written <= 0) {
      error = fmt::format("cannot write the in-memory population file: {}", std::strerror(errno));
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

} // namespace

std::optional<PopulationSettings> settingsFromEnvironment(std::string &error) {
  PopulationSettings settings;
  settings.ruleSetPath = XUNCHA_SOURCE_DIR "/rulesets/national/2023.xr";
  if (const char *path = std::getenv("XR_BENCH_RULESET"); path && *path)
    settings.ruleSetPath = path;
  if (const char *rows = std::getenv("XR_BENCH_ROWS"); rows && *rows) {
    const std::string_view text(rows);
    std::uint64_t value = 0;
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failure != std::errc() || end != text.data() + text.size() || value == 0 ||
        value > synth::maxRows()) {
      error = fmt::format("XR_BENCH_ROWS='{}' is not a number of rows from 1 to {}", text,
                          grouped(synth::maxRows()));
      return std::nullopt;
    }
    settings.rows = value;
  }
  return settings;
}

std::unique_ptr<Population> Population::make(const PopulationSettings &settings,
                                             std::string &error) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Population> population(new Population());
  population->settings_ = settings;

  xuncha::LoadResult loaded = xuncha::RuleSet::load(settings.ruleSetPath);
  if (!loaded.ok()) {
    error = fmt::format("the rule set '{}' does not load:\n{}", settings.ruleSetPath,
                        loaded.renderDiagnostics(false));
    return nullptr;
  }
  population->ruleSet_ = loaded.ruleSet;
  std::vector<std::string> problems;
  population->params_ = batch::ParamValues::bind(population->program(),
                                                 std::vector<batch::ParamOverride>{}, problems);
  if (!population->params_) {
    error = fmt::format("the rule set '{}' has params without a default: {}", settings.ruleSetPath,
                        fmt::join(problems, "; "));
    return nullptr;
  }
  if (!population->writeCsv(error) || !population->cutAndParse(error))
    return nullptr;
  population->makeSeconds_ =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return population;
}

Population::~Population() {
  if (file_ >= 0)
    ::close(file_);
}

bool Population::writeCsv(std::string &error) {
  std::vector<std::string> problems;
  const auto generator = synth::Generator::make(program(), settings_.seed, *params_, problems);
  if (!generator) {
    error = fmt::format("cannot generate records for '{}': {}", settings_.ruleSetPath,
                        fmt::join(problems, "; "));
    return false;
  }
  file_ = ::memfd_create("xuncha-bench-population.csv", MFD_CLOEXEC);
  if (file_ < 0) {
    error = fmt::format("cannot make an in-memory file: {}", std::strerror(errno));
    return false;
  }
  const synth::PopulationFormatter formatter(*generator, output::OutputFormat::Csv);
  std::string block = formatter.header();
  synth::Enterprise enterprise;
  for (std::uint64_t first = 0; first < settings_.rows; first += kRowsPerBlock) {
    const std::uint64_t end = std::min(settings_.rows, first + kRowsPerBlock);
    for (std::uint64_t row = first; row < end; ++row) {
      generator->draw(row, enterprise);
      formatter.appendRow(enterprise, block);
    }
    if (!writeAll(file_, block, error))
      return false;
    fileBytes_ += block.size();
    block.clear();
  }
  return true;
}

std::unique_ptr<load::InputReader> Population::openCsv(std::string &error) const {
  // The memfd opened again by path: a reader of its own, from the start of the file.
  return load::InputReader::open(fmt::format("/proc/self/fd/{}", file_), load::InputOptions{},
                                 error);
}

bool Population::cutAndParse(std::string &error) {
  std::unique_ptr<load::InputReader> reader = openCsv(error);
  if (!reader)
    return false;
  std::vector<load::MappingProblem> mapping;
  std::vector<std::string> notes;
  parser_ = load::RecordParser::make(program(), *reader, mapping, notes);
  if (!parser_) {
    error = "the generated columns do not fit the record:";
    for (const load::MappingProblem &problem : mapping)
      error += "\n  " + problem.message;
    return false;
  }
  load::RawChunk chunk;
  while (reader->next(settings_.chunkBytes, chunk, error))
    chunks_.push_back(std::move(chunk));
  if (!error.empty())
    return false;

  std::vector<std::uint64_t> recordOfRow;
  std::vector<load::LoadError> loadErrors;
  std::uint64_t rows = 0;
  batches_.reserve(chunks_.size());
  for (const load::RawChunk &raw : chunks_) {
    batches_.emplace_back(program());
    parser_->parse(raw, batches_.back(), recordOfRow, loadErrors);
    if (!loadErrors.empty()) {
      const load::LoadError &first = loadErrors.front();
      error = fmt::format("generated record {} (line {}) does not load back: column '{}': {}",
                          first.record + 1, first.line, first.column, first.reason);
      return false;
    }
    rows += batches_.back().rows();
    recordBytes_ += raw.text.size();
  }
  if (rows != settings_.rows) {
    error = fmt::format("{} rows were generated but {} were loaded", settings_.rows, rows);
    return false;
  }
  return true;
}

std::string Population::describe() const {
  return fmt::format("{} records of {} (seed {}), {:.1f} MB of CSV in {} chunks; made in {:.1f} s",
                     grouped(rows()), settings_.ruleSetPath, settings_.seed,
                     static_cast<double>(fileBytes_) / 1e6, chunks_.size(), makeSeconds_);
}

const Population *sharedPopulation(std::string &error) {
  static std::once_flag once;
  static std::unique_ptr<Population> population;
  static std::string failure;
  std::call_once(once, [] {
    if (auto settings = settingsFromEnvironment(failure))
      population = Population::make(*settings, failure);
  });
  error = failure;
  return population.get();
}

const Population &population() {
  std::string error;
  const Population *made = sharedPopulation(error);
  if (!made) {
    // main makes the population before any benchmark; reaching this is a bug of the bench.
    fmt::print(stderr, "xuncha_bench: {}\n", error);
    std::abort();
  }
  return *made;
}

} // namespace xr::bench
