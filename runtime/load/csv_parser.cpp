// CSV records to batch rows: cells are read in place (string_views into the chunk; only a cell
// with doubled quotes is copied, into one reused buffer) and their values written straight
// into the batch's columns.
#include "runtime/load/csv_syntax.h"
#include "runtime/load/parsers.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::load {

namespace {

class CsvParser final : public RecordParser {
public:
  CsvParser(std::vector<FieldPlan> plans, std::vector<int> fieldOfColumn,
            std::vector<std::string> columns, bool fromGb18030)
      : plans_(std::move(plans)), fieldOfColumn_(std::move(fieldOfColumn)),
        columns_(std::move(columns)), fromGb18030_(fromGb18030) {}

  void parse(const RawChunk &chunk, batch::Batch &batch, std::vector<std::uint64_t> &recordOfRow,
             std::vector<LoadError> &errors) const override;

private:
  std::string columnName(std::size_t cell) const {
    return cell < columns_.size() ? columns_[cell] : std::string();
  }

  std::vector<FieldPlan> plans_;
  std::vector<int> fieldOfColumn_;
  std::vector<std::string> columns_;
  bool fromGb18030_;
};

void CsvParser::parse(const RawChunk &chunk, batch::Batch &batch,
                      std::vector<std::uint64_t> &recordOfRow,
                      std::vector<LoadError> &errors) const {
  const std::string_view text = chunk.text;
  // Every record ends at a line feed but the last: an upper bound on the rows.
  RowSink sink(batch, static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  recordOfRow.clear();
  const std::size_t expectedCells = columns_.size();
  std::string scratch;
  std::string reason;
  std::uint64_t line = chunk.firstLine;
  std::uint64_t record = chunk.firstRecord;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (const std::size_t blank = csv::blankLineLength(text, pos)) {
      line += text[pos + blank - 1] == '\n' ? 1 : 0;
      pos += blank;
      continue;
    }
    const std::size_t start = pos;
    sink.beginRow();
    std::size_t cells = 0;
    std::size_t badCell = expectedCells; // the cell of the first bad value, if any
    bool quoted = false;
    csv::CellStatus status = csv::CellStatus::Ok;
    csv::Cell cell;
    for (;;) {
      status = csv::readCell(text, pos, cell, scratch);
      if (status != csv::CellStatus::Ok)
        break;
      quoted |= cell.quoted;
      if (cells < expectedCells && badCell == expectedCells) {
        if (const int f = fieldOfColumn_[cells]; f >= 0) {
          const FieldPlan &plan = plans_[static_cast<std::size_t>(f)];
          const Stored stored = storeText(sink, plan, cell.text, fromGb18030_, reason);
          if (stored == Stored::Bad)
            badCell = cells;
          else if (stored == Stored::Missing && !plan.type.optional) {
            reason = missingReason(plan, "an empty cell");
            badCell = cells;
          }
        }
      }
      ++cells;
      if (cell.last)
        break;
    }
    std::size_t end = pos;
    if (status != csv::CellStatus::Ok) {
      end = csv::findRecordEnd(text, start).end;
      quoted = true;
    }
    // A problem with the row's shape comes first: its values are likely in the wrong cells.
    bool bad = true;
    if (status != csv::CellStatus::Ok)
      errors.push_back({record, line, columnName(cells), csv::describe(status)});
    else if (cells != expectedCells)
      errors.push_back({record,
                        line,
                        {},
                        fmt::format("too {} cells: expected {} as in the header, found {}",
                                    cells < expectedCells ? "few" : "many", expectedCells, cells)});
    else if (badCell != expectedCells)
      errors.push_back({record, line, columns_[badCell], reason});
    else
      bad = false;
    if (bad) {
      sink.discardRow();
    } else {
      sink.commitRow();
      recordOfRow.push_back(record);
    }
    line += quoted ? static_cast<std::uint64_t>(
                         std::count(text.begin() + static_cast<std::ptrdiff_t>(start),
                                    text.begin() + static_cast<std::ptrdiff_t>(end), '\n'))
                   : 1;
    ++record;
    pos = end;
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
