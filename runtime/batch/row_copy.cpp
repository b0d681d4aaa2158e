#include "runtime/batch/row_copy.h"

#include <stdexcept>
#include <string_view>

namespace xr::batch {

Batch selectRows(const ir::Program &program, const Batch &from,
                 const std::vector<std::size_t> &rows) {
  Batch to(program);
  if (to.fieldCount() != from.fieldCount())
    throw std::invalid_argument("selectRows: a batch made for another program");
  to.resize(rows.size());
  auto append = [&to](std::string_view text) { return to.appendText(text); };
  for (std::uint32_t f = 0; f < from.fieldCount(); ++f)
    for (std::size_t i = 0; i < rows.size(); ++i)
      copyCell(from.column(f), rows[i], from.arena(), to.column(f), i, append);
  return to;
}

void placeRows(const Results &from, const std::vector<std::size_t> &rows, Results &to) {
  if (from.slotCount() != to.slotCount() || from.rows() != rows.size())
    throw std::invalid_argument("placeRows: results of another program or other rows");
  auto append = [&to](std::string_view text) { return appendText(to.arena(), text); };
  for (ir::SlotId s = 0; s < to.slotCount(); ++s)
    if (to.keeps(s))
      for (std::size_t i = 0; i < rows.size(); ++i)
        copyCell(from.slot(s), i, from.arena(), to.slot(s), rows[i], append);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    to.statusData()[rows[i]] = from.statusData()[i];
    to.errorData()[rows[i]] = from.error(i);
  }
}

} // namespace xr::batch
