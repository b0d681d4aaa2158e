#pragma once
// The record `xuncha explain` explains: one JSON object given on the command line (--record),
// or the record of a population file whose key is an id (--data FILE --id ID). Both are read by
// the loader (runtime/load), exactly as `xuncha run` reads them, so a record is explained with
// the values a run gives it.
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/load/input.h"

#include <cstdint>
#include <string>
#include <vector>

namespace xr::explain {

struct RecordLookup {
  bool found = false;
  std::string problem;           // when not found: one sentence saying why
  std::vector<std::string> help; // more lines: what to do, the first rows that could not be read
  std::uint64_t searched = 0;    // --data: records read before it was found (or in all)
};

/// Reads one JSON object (a record as a line of JSON Lines; line breaks in it are allowed) into
/// `out`, a batch of the program's record, as its only row. `options.columnOfField` is --map.
RecordLookup recordFromJson(const ir::Program &program, const std::string &json,
                            const load::InputOptions &options, batch::Batch &out);

/// Reads `path` until the record whose key field shows as `id` (the text formatValue gives);
/// `out` gets it as its only row. Records that cannot be read are skipped and counted; the
/// first of them are listed in `help` when the id is not found.
RecordLookup recordFromFile(const ir::Program &program, const std::string &path,
                            const load::InputOptions &options, const std::string &id,
                            batch::Batch &out);

} // namespace xr::explain
