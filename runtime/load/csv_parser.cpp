// CSV records to batch rows: cells are read in place (string_views into the chunk; only a cell
// with doubled quotes is copied, into one reused buffer) and their values written straight
// into the batch's columns.
#include "runtime/load/csv_syntax.h"
#include "runtime/load/parsers.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::load {

namespace {

std::uint64_t lineFeeds(std::string_view text) {
  return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

/// What reading one record found.
struct RecordScan {
  std::size_t end = 0;    // where the next record starts
  bool multiline = false; // a quoted cell may hold line feeds: count them
  std::size_t cells = 0;  // cells in the record
  csv::CellStatus status = csv::CellStatus::Ok;
  std::size_t badCell = 0; // with a bad value: its cell (`reason` says why)
  bool badValue = false;
};

class CsvParser final : public RecordParser {
public:
  CsvParser(std::vector<FieldPlan> plans, std::vector<int> fieldOfColumn,
            std::vector<std::string> columns, bool fromGb18030)
      : plans_(std::move(plans)), fieldOfColumn_(std::move(fieldOfColumn)),
        columns_(std::move(columns)), fromGb18030_(fromGb18030) {}

  void parse(const RawChunk &chunk, batch::Batch &batch, std::vector<std::uint64_t> &recordOfRow,
             std::vector<LoadError> &errors) const override;

private:
  /// Reads the record at `start` into the sink's current row, up to its first bad value (its
  /// cells are still counted to the end).
  RecordScan scan(std::string_view text, std::size_t start, RowSink &sink, std::string &scratch,
                  std::string &reason) const;
  /// The record's one problem, if it has any: a malformed cell first, then a wrong number of
  /// cells (its values are likely in the wrong columns), then its first bad value.
  bool problem(const RecordScan &scan, std::string &reason, std::string &column) const;

  std::vector<FieldPlan> plans_;
  std::vector<int> fieldOfColumn_;
  std::vector<std::string> columns_;
  bool fromGb18030_;
};

RecordScan CsvParser::scan(std::string_view text, std::size_t start, RowSink &sink,
                           std::string &scratch, std::string &reason) const {
  RecordScan scan;
  std::size_t pos = start;
  csv::Cell cell;
  for (;;) {
    scan.status = csv::readCell(text, pos, cell, scratch);
    if (scan.status != csv::CellStatus::Ok) {
      scan.end = csv::findRecordEnd(text, start).end;
      scan.multiline = true;
      return scan;
    }
    scan.multiline |= cell.quoted;
    if (scan.cells < fieldOfColumn_.size() && !scan.badValue) {
      if (const int f = fieldOfColumn_[scan.cells]; f >= 0) {
        const FieldPlan &plan = plans_[static_cast<std::size_t>(f)];
        const Stored stored = storeText(sink, plan, cell.text, fromGb18030_, reason);
        if (stored == Stored::Missing && !plan.type.optional)
          reason = missingReason(plan, "an empty cell");
        if (stored == Stored::Bad || (stored == Stored::Missing && !plan.type.optional)) {
          scan.badValue = true;
          scan.badCell = scan.cells;
        }
      }
    }
    ++scan.cells;
    if (cell.last) {
      scan.end = pos;
      return scan;
    }
  }
}

bool CsvParser::problem(const RecordScan &scan, std::string &reason, std::string &column) const {
  const std::size_t expected = columns_.size();
  if (scan.status != csv::CellStatus::Ok) {
    column = scan.cells < expected ? columns_[scan.cells] : std::string();
    reason = csv::describe(scan.status);
  } else if (scan.cells != expected) {
    column.clear();
    reason = fmt::format("too {} cells: expected {} as in the header, found {}",
                         scan.cells < expected ? "few" : "many", expected, scan.cells);
  } else if (scan.badValue) {
    column = columns_[scan.badCell];
  } else {
    return false;
  }
  return true;
}

void CsvParser::parse(const RawChunk &chunk, batch::Batch &batch,
                      std::vector<std::uint64_t> &recordOfRow,
                      std::vector<LoadError> &errors) const {
  const std::string_view text = chunk.text;
  // Every record but the last ends at a line feed: an upper bound on the rows.
  RowSink sink(batch, lineFeeds(text) + 1);
  recordOfRow.clear();
  std::string scratch;
  std::string reason;
  std::string column;
  std::uint64_t line = chunk.firstLine;
  std::uint64_t record = chunk.firstRecord;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (const std::size_t blank = csv::blankLineLength(text, pos)) {
      line += text[pos + blank - 1] == '\n' ? 1 : 0;
      pos += blank;
      continue;
    }
    sink.beginRow();
    const RecordScan scan = this->scan(text, pos, sink, scratch, reason);
    if (problem(scan, reason, column)) {
      sink.discardRow();
      errors.push_back({record, line, column, reason});
    } else {
      sink.commitRow();
      recordOfRow.push_back(record);
    }
    line += scan.multiline ? lineFeeds(text.substr(pos, scan.end - pos)) : 1;
    ++record;
    pos = scan.end;
  }
  sink.finish();
}

} // namespace

std::unique_ptr<RecordParser> makeCsvParser(std::vector<FieldPlan> plans,
                                            std::vector<int> fieldOfColumn,
                                            std::vector<std::string> columns, bool fromGb18030) {
  return std::make_unique<CsvParser>(std::move(plans), std::move(fieldOfColumn), std::move(columns),
                                     fromGb18030);
}

} // namespace xr::load
