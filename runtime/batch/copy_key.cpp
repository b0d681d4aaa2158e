#include "runtime/batch/copy_key.h"

namespace xr::batch {

void copyKey(const Batch &batch, std::uint32_t field, Results &results) {
  const Column &from = batch.column(field);
  Column &to = results.key();
  for (std::size_t row = 0; row < batch.rows(); ++row) {
    if (!from.valid(row)) {
      to.setMissing(row);
      continue;
    }
    switch (from.storage()) {
    case Storage::U8:
      to.setU8(row, from.values<std::uint8_t>()[row]);
      break;
    case Storage::I32:
      to.setI32(row, from.values<std::int32_t>()[row]);
      break;
    case Storage::I64:
      to.setI64(row, from.values<std::int64_t>()[row]);
      break;
    case Storage::F64:
      to.setF64(row, from.values<double>()[row]);
      break;
    case Storage::U64:
      to.setU64(row, from.values<std::uint64_t>()[row]);
      break;
    case Storage::Text:
      to.setText(row, appendText(results.arena(), batch.text(from.values<TextRef>()[row])));
      break;
    }
  }
}

} // namespace xr::batch
