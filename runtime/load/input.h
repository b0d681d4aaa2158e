#pragma once
// Reading a population: an input file (CSV or JSON Lines) becomes batches of records of a
// program's `record`, plus one LoadError for every record that could not be read. Rows in =
// rows in batches + load errors, always: nothing is dropped silently.
//
// Two steps, so a run can parse on several threads while one thread reads:
//  - InputReader (sequential): opens the file, reads the header, decodes the encoding to UTF-8
//    and cuts the input into RawChunks of whole records, in order;
//  - RecordParser (immutable, shared by threads): maps record fields to input columns once,
//    then turns any RawChunk into a Batch and LoadErrors.
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xr::load {

enum class InputFormat : std::uint8_t { Csv, JsonLines };

/// The format a file name implies: .csv and .txt -> Csv; .jsonl, .ndjson and .json -> JsonLines
/// (case-insensitive); nullopt for any other extension.
std::optional<InputFormat> inputFormatFromPath(std::string_view path);
/// "csv" / "jsonl" (as --input-format takes them).
std::optional<InputFormat> parseInputFormat(std::string_view name);

struct InputOptions {
  InputFormat format = InputFormat::Csv;
  /// "utf-8" (the default; a BOM is skipped) or "gb18030" ("gbk" and "gb2312" are read as
  /// gb18030, their superset). Case-insensitive. Anything else: InputReader::open fails.
  std::string encoding = "utf-8";
  /// --map field=column: the input column (CSV header name, JSON key) of a record field whose
  /// column has another name. Fields not listed use their own name.
  std::vector<std::pair<std::string, std::string>> columnOfField;
};

/// A record that could not be read.
struct LoadError {
  std::uint64_t record = 0; // 0-based position of the record among the input's data records
  std::uint64_t line = 0;   // 1-based physical line of the input where the record starts
  std::string column;       // the input column at fault; empty when the row as a whole is
  std::string reason;       // lower case, says what was expected and what was found:
                            // "expected a date like 2024-06-30, got '2024-02-30'"
};

/// Whole records of the input, in order, as UTF-8 text in the input's own syntax (CSV rows or
/// JSON lines). Bytes the input encoding cannot decode are kept as they are (invalid UTF-8), so
/// the parser reports them on their record and column.
struct RawChunk {
  std::string text;
  std::uint64_t firstRecord = 0; // index of the chunk's first record
  std::uint64_t firstLine = 0;   // 1-based input line of the chunk's first record
};

class InputReader {
public:
  /// Opens `path` ("-" reads standard input) and, for CSV, reads the header line. Returns
  /// nullptr and sets `error` (a sentence naming the file) when the file cannot be opened,
  /// the encoding is unknown, or the CSV header is missing or malformed.
  static std::unique_ptr<InputReader> open(const std::string &path, const InputOptions &options,
                                           std::string &error);
  virtual ~InputReader() = default;

  const std::string &path() const { return path_; }
  const InputOptions &options() const { return options_; }
  /// CSV: the header's column names in order (BOM removed). JSON Lines: empty.
  const std::vector<std::string> &columns() const { return columns_; }

  /// Fills `chunk` with the next whole records, about `targetBytes` of them (at least one
  /// record unless the input is at its end). Returns false at the end of the input, or on an
  /// I/O error (then `error` is set and the run must stop). Blank lines between records are
  /// skipped (they are not records) but counted in line numbers.
  virtual bool next(std::size_t targetBytes, RawChunk &chunk, std::string &error) = 0;

  /// Bytes of the file consumed so far, and its size (0 when unknown, e.g. a pipe): progress.
  virtual std::uint64_t bytesRead() const = 0;
  virtual std::uint64_t totalBytes() const = 0;

protected:
  InputReader(std::string path, InputOptions options) : path_(std::move(path)), options_(std::move(options)) {}
  std::string path_;
  InputOptions options_;
  std::vector<std::string> columns_;
};

/// Problems that stop a run before any work: a field the rule set needs has no column, a
/// --map names an unknown field or column, two fields map to one column... One sentence each.
struct MappingProblem {
  std::string message; // "column 'license_expiry' (field license_expiry: date) is missing"
  std::string help;    // "did you mean 'licence_expiry'?" / "use --map license_expiry=<column>"
};

class RecordParser {
public:
  /// Maps the fields of `program`'s record to the reader's columns. Every field that is not
  /// optional (`?` in the record) must have a column in a CSV input; optional fields without a
  /// column are missing in every record (listed in `notes`). Columns no field reads are
  /// ignored (also listed in `notes`). Returns nullptr when there is any problem.
  static std::unique_ptr<RecordParser> make(const ir::Program &program, const InputReader &reader,
                                            std::vector<MappingProblem> &problems,
                                            std::vector<std::string> &notes);
  virtual ~RecordParser() = default;

  /// Parses every record of `chunk`. `batch` (made for the same program) is cleared first and
  /// gets the good records in input order; recordOfRow[i] is the input record index of batch
  /// row i (cleared first too). Every other record of the chunk gets exactly one LoadError
  /// (appended), its first problem. Thread safe (const); does no heap allocation per value.
  virtual void parse(const RawChunk &chunk, batch::Batch &batch,
                     std::vector<std::uint64_t> &recordOfRow,
                     std::vector<LoadError> &errors) const = 0;
};

} // namespace xr::load
