#include "runtime/batch/copy_key.h"

#include "runtime/batch/row_copy.h"

namespace xr::batch {

void copyKey(const Batch &batch, std::uint32_t field, Results &results) {
  auto append = [&results](std::string_view text) { return appendText(results.arena(), text); };
  for (std::size_t row = 0; row < batch.rows(); ++row)
    copyCell(batch.column(field), row, batch.arena(), results.key(), row, append);
}

} // namespace xr::batch
