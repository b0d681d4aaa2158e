#pragma once
// Copies of cells and of chosen rows: out of a batch into a batch of their own, and back from
// the results of that batch into the rows they came from. The JIT uses them to have the
// interpreter evaluate again the rows its compiled code flagged (compiler/codegen/abi.h);
// copyKey copies the key column with copyCell.
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"

#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace xr::batch {

/// Row `fromRow` of `from` into row `toRow` of `to` (columns of one storage): the element and
/// its validity; a text through `appendText(std::string_view) -> TextRef`, which puts it where
/// `to`'s references point. `fromArena` is where `from`'s references point.
template <class AppendText>
void copyCell(const Column &from, std::size_t fromRow, std::string_view fromArena, Column &to,
              std::size_t toRow, AppendText &&appendText) {
  if (!from.valid(fromRow)) {
    to.setMissing(toRow);
    return;
  }
  if (from.storage() == Storage::Text) {
    const TextRef ref = from.values<TextRef>()[fromRow];
    to.setText(toRow, appendText(fromArena.substr(ref.offset, ref.length)));
    return;
  }
  const std::size_t size = elementBytes(from.storage());
  std::memcpy(static_cast<std::byte *>(to.rawValues()) + toRow * size,
              static_cast<const std::byte *>(from.rawValues()) + fromRow * size, size);
  to.validity()[toRow] = 1;
}

/// A batch of the listed rows of `from`, in that order (text copied into its arena). `program`
/// is the one `from` was made for.
Batch selectRows(const ir::Program &program, const Batch &from,
                 const std::vector<std::size_t> &rows);

/// Row i of `from` into row rows[i] of `to`, for every i: the slots `to` keeps, the status and
/// the error (text copied into to's arena). `from` keeps at least the slots `to` keeps, and
/// both are for the same program.
void placeRows(const Results &from, const std::vector<std::size_t> &rows, Results &to);

} // namespace xr::batch
