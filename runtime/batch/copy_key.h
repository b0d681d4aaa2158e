#pragma once
// The results' key column is the batch's key field, row for row (text copied into the
// results' arena): both engines fill it the same way.
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"

#include <cstdint>

namespace xr::batch {

void copyKey(const Batch &batch, std::uint32_t field, Results &results);

} // namespace xr::batch
