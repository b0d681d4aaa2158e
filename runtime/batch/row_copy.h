#pragma once
// Copies of chosen rows: out of a batch into a batch of their own, and back from the results of
// that batch into the rows they came from. The JIT uses them to have the interpreter evaluate
// again the rows its compiled code flagged (compiler/codegen/abi.h).
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"

#include <cstddef>
#include <vector>

namespace xr::batch {

/// A batch of the listed rows of `from`, in that order (text copied into its arena). `program`
/// is the one `from` was made for.
Batch selectRows(const ir::Program &program, const Batch &from,
                 const std::vector<std::size_t> &rows);

/// Row i of `from` into row rows[i] of `to`, for every i: the slots `to` keeps, the status and
/// the error (text copied into to's arena). `from` keeps at least the slots `to` keeps, and
/// both are for the same program.
void placeRows(const Results &from, const std::vector<std::size_t> &rows, Results &to);

} // namespace xr::batch
