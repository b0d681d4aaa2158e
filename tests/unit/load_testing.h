#pragma once
// Loader tests: a small record, input files in a temporary folder, and a whole input read
// chunk by chunk into printable rows and errors (checking on the way that every record is
// either a row or an error, once).
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/builtins/dates.h"
#include "runtime/load/input.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace xr::load::testing {

/// record Enterprise { id: text key; size: enum { above_scale "规模以上", sme "中小企业" };
/// license_expiry: date; drills: int; ratio: number; checked: bool; revenue: number?;
/// note: text? }
inline ir::Program enterprise() {
  ir::Program p;
  EnumInfo size;
  size.name = "Enterprise.size";
  size.members = {{"above_scale", "规模以上"}, {"sme", "中小企业"}};
  const EnumId sizeId = p.enums.add(size);
  p.fields = {{"id", Type::text(), true},
              {"size", Type::enumeration(sizeId), false},
              {"license_expiry", Type::date(), false},
              {"drills", Type::integer(), false},
              {"ratio", Type::number(), false},
              {"checked", Type::boolean(), false},
              {"revenue", Type::number(true), false},
              {"note", Type::text(true), false}};
  return p;
}

inline const char *kEnterpriseHeader = "id,size,license_expiry,drills,ratio,checked,revenue,note\n";

/// A file holding `bytes`, removed when the test ends.
class TempFile {
public:
  explicit TempFile(std::string_view bytes, std::string_view extension = ".csv") {
    static std::atomic<int> counter{0};
    path_ = fmt::format("{}xuncha_load_{}_{}{}", ::testing::TempDir(), ::getpid(), counter++,
                        extension);
    std::ofstream out(path_, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

/// One value as a test reads it: "-" for missing, enum members by name, dates as ISO.
inline std::string show(const ir::Program &p, const batch::Batch &b, std::uint32_t f,
                        std::size_t row) {
  const batch::Column &c = b.column(f);
  if (!c.valid(row))
    return "-";
  switch (c.type().kind) {
  case TypeKind::Text:
    return std::string(b.text(f, row));
  case TypeKind::Int:
    return std::to_string(c.values<std::int64_t>()[row]);
  case TypeKind::Number:
    return fmt::format("{}", c.values<double>()[row]);
  case TypeKind::Bool:
    return c.values<std::uint8_t>()[row] ? "true" : "false";
  case TypeKind::Date: {
    const auto d = dates::civilFromDays(c.values<std::int32_t>()[row]);
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  }
  case TypeKind::Enum:
    return p.enums.get(c.type().enumId)
        .members.at(static_cast<std::size_t>(c.values<std::int32_t>()[row]))
        .name;
  default:
    return "?";
  }
}

inline std::string showRow(const ir::Program &p, const batch::Batch &b, std::size_t row) {
  std::string out;
  for (std::uint32_t f = 0; f < b.fieldCount(); ++f)
    out += (f ? "|" : "") + show(p, b, f, row);
  return out;
}

inline std::string showError(const LoadError &e) {
  return fmt::format("record {} line {} [{}] {}", e.record, e.line, e.column, e.reason);
}

struct Loaded {
  std::string openError;
  std::vector<MappingProblem> problems;
  std::vector<std::string> notes;
  std::vector<std::string> rows;      // showRow of every good record, in order
  std::vector<std::uint64_t> records; // the input record of each row
  std::vector<LoadError> errors;
  std::vector<std::string> columns; // the reader's header
  std::size_t chunks = 0;

  std::vector<std::string> errorLines() const {
    std::vector<std::string> out;
    for (const LoadError &e : errors)
      out.push_back(showError(e));
    return out;
  }
  /// Everything a run would see, for comparing two ways of reading one input.
  std::string all() const {
    std::string out;
    for (std::size_t i = 0; i < rows.size(); ++i)
      out += fmt::format("{}: {}\n", records[i], rows[i]);
    for (const LoadError &e : errors)
      out += showError(e) + "\n";
    return out;
  }
};

/// Reads a whole input, chunks of about `targetBytes`.
inline Loaded loadFile(const ir::Program &p, const std::string &path,
                       const InputOptions &options = {}, std::size_t targetBytes = 1 << 20) {
  Loaded out;
  auto reader = InputReader::open(path, options, out.openError);
  if (!reader)
    return out;
  out.columns = reader->columns();
  auto parser = RecordParser::make(p, *reader, out.problems, out.notes);
  if (!parser)
    return out;
  batch::Batch b(p);
  RawChunk chunk;
  std::vector<std::uint64_t> recordOfRow;
  std::vector<LoadError> errors;
  std::string error;
  std::uint64_t nextRecord = 0;
  while (reader->next(targetBytes, chunk, error)) {
    ++out.chunks;
    EXPECT_EQ(chunk.firstRecord, nextRecord) << "chunks follow each other";
    errors.clear();
    parser->parse(chunk, b, recordOfRow, errors);
    EXPECT_EQ(b.rows(), recordOfRow.size());
    // Every record of the chunk is a row or an error, exactly once, in order.
    std::vector<std::uint64_t> seen = recordOfRow;
    for (const LoadError &e : errors)
      seen.push_back(e.record);
    std::sort(seen.begin(), seen.end());
    for (std::size_t i = 0; i < seen.size(); ++i)
      EXPECT_EQ(seen[i], chunk.firstRecord + i) << "record lost or doubled in chunk " << out.chunks;
    EXPECT_TRUE(std::is_sorted(recordOfRow.begin(), recordOfRow.end()));
    EXPECT_FALSE(seen.empty()) << "a chunk has at least one record";
    nextRecord = chunk.firstRecord + seen.size();
    for (std::size_t r = 0; r < b.rows(); ++r) {
      out.rows.push_back(showRow(p, b, r));
      out.records.push_back(recordOfRow[r]);
    }
    out.errors.insert(out.errors.end(), errors.begin(), errors.end());
  }
  EXPECT_EQ(error, "") << "no I/O error";
  return out;
}

inline Loaded loadText(const ir::Program &p, std::string_view bytes,
                       const InputOptions &options = {}, std::size_t targetBytes = 1 << 20) {
  TempFile file(bytes, options.format == InputFormat::Csv ? ".csv" : ".jsonl");
  return loadFile(p, file.path(), options, targetBytes);
}

inline InputOptions jsonLines() {
  InputOptions o;
  o.format = InputFormat::JsonLines;
  return o;
}

} // namespace xr::load::testing
