#pragma once
// Random input records for a generated rule set, as the cells of a CSV file. Values are drawn
// where the interesting cases are: zeros and boundaries (59, 60, 100), huge ints that overflow,
// empty cells for optional fields, dates at the edges of the calendar's years and on its
// holidays, and the ends of the date range.
#include "tests/differential/source_generator.h"

#include <cstdint>
#include <string>
#include <vector>

namespace xr::differential {

struct RecordTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// `count` records of `schema`; the same seed gives the same records.
RecordTable generateRecords(const Schema &schema, std::size_t count, std::uint64_t seed);

/// RFC 4180 text: a header line, then one line per row (cells quoted where needed).
std::string renderCsv(const RecordTable &table);

} // namespace xr::differential
