#pragma once
// Writing a generated population to a file: rows are drawn and formatted in blocks on worker
// threads and written in order as they come (no whole-population buffer), through an
// AtomicFile, so the file appears whole or not at all. The bytes do not depend on the number of
// threads.
#include "runtime/output/output.h"
#include "runtime/synth/generator.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace xr::synth {

struct WriteOptions {
  output::OutputFormat format = output::OutputFormat::Csv;
  unsigned threads = 0;            // 0: every core
  std::size_t rowsPerBlock = 4096; // rows drawn and formatted at a time
  /// Called on the writing thread after each block, with the rows written so far.
  std::function<void(std::uint64_t rows)> onProgress;
  /// Set (by a signal handler, say) to stop: the file is then not written.
  const std::atomic<bool> *cancel = nullptr;
};

struct WriteOutcome {
  enum class Status : std::uint8_t { Written, Failed, Cancelled };
  Status status = Status::Failed;
  std::string error; // Failed: one sentence naming the file
  std::uint64_t rows = 0;
  std::uint64_t bytes = 0;
};

/// Writes enterprises 0 .. rows - 1 of `generator` to `path` ("-": standard output).
WriteOutcome writePopulation(const Generator &generator, std::uint64_t rows,
                             const std::string &path, const WriteOptions &options);

} // namespace xr::synth
