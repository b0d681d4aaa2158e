#include "runtime/synth/population_writer.h"

#include "runtime/driver/ordered_pipeline.h"
#include "runtime/output/atomic_file.h"
#include "runtime/synth/population_format.h"

#include <algorithm>
#include <thread>

namespace xr::synth {
namespace {

struct Block {
  std::uint64_t first = 0;
  std::uint64_t count = 0;
};

struct FormattedBlock {
  std::uint64_t rows = 0;
  std::string text;
};

} // namespace

WriteOutcome writePopulation(const Generator &generator, std::uint64_t rows,
                             const std::string &path, const WriteOptions &options) {
  WriteOutcome outcome;
  if (rows > maxRows()) {
    outcome.error = "cannot generate more than " + std::to_string(maxRows()) + " rows";
    return outcome;
  }
  output::AtomicFile file;
  if (!file.open(path, outcome.error))
    return outcome;
  const PopulationFormatter formatter(generator, options.format);
  const std::string header = formatter.header();
  if (!file.write(header, outcome.error))
    return outcome;
  outcome.bytes = header.size();

  const std::size_t blockRows = std::max<std::size_t>(options.rowsPerBlock, 1);
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::uint64_t next = 0;
  bool writeFailed = false;
  driver::OrderedPipeline<Block, FormattedBlock>::run(
      threads, 2 * static_cast<std::size_t>(threads) + 2,
      [&](Block &block) {
        if (next >= rows)
          return false;
        block.first = next;
        block.count = std::min<std::uint64_t>(blockRows, rows - next);
        next += block.count;
        return true;
      },
      [&](unsigned, Block &block, FormattedBlock &formatted) {
        formatted.rows = block.count;
        formatted.text.clear();
        Enterprise enterprise;
        for (std::uint64_t i = 0; i < block.count; ++i) {
          generator.draw(block.first + i, enterprise);
          formatter.appendRow(enterprise, formatted.text);
        }
      },
      [&](FormattedBlock &formatted) {
        if (!file.write(formatted.text, outcome.error)) {
          writeFailed = true;
          return false;
        }
        outcome.rows += formatted.rows;
        outcome.bytes += formatted.text.size();
        if (options.onProgress)
          options.onProgress(outcome.rows);
        return true;
      },
      options.cancel);

  if (writeFailed)
    return outcome; // the AtomicFile removes its temporary file
  if (options.cancel && options.cancel->load()) {
    outcome.status = WriteOutcome::Status::Cancelled;
    return outcome;
  }
  if (!file.commit(outcome.error))
    return outcome;
  outcome.status = WriteOutcome::Status::Written;
  return outcome;
}

} // namespace xr::synth
