#pragma once
// What evaluating a Batch gives, row for row: a status (ok or error, with the error), and the
// value of every slot of the program (a Column per slot, the layout of column.h), plus a copy
// of the record key (for reports and outputs). Both back ends fill Results; differential tests
// compare two Results with sameResults(), which must hold bit for bit.
//
// Contract for a back end writing Results (Interpreter::evaluate is the reference):
//  - status[row] is RowStatus::Error exactly for the rows whose per-record evaluation raised an
//    error, and error(row) is the FIRST error of that record in per-record evaluation order;
//  - every slot of an error row is missing (validity 0, zero value);
//  - every slot of an ok row holds its value after the whole per-record program; a missing
//    value has a zero element (column.h);
//  - only the slots the results keep (reset's `kept`, ir::SlotSelection) need be written: the
//    others have no rows, and reading them is a logic error (slot() throws).
#include "compiler/ir/ir.h"
#include "compiler/ir/slot_selection.h"
#include "runtime/batch/column.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace xr::batch {

enum class RowStatus : std::uint8_t { Ok = 0, Error = 1 };

/// A record error. `site` names the declaration and the source position (ir::ErrorSite);
/// `kind` says what happened. It is the site's kind, except that a kernel failure at a
/// BuiltinFailed site says which failure: NoCalendar, DateOutOfRange, IntegerOverflow, or
/// BuiltinFailed itself for an argument outside the function's domain; and an int overflow
/// of a `collect sum` table is IntegerOverflow at the table's `conflict` site.
/// Details, by kind:
///   UniqueConflict, AnyConflict: detail = the two table rows, 1-based, in row order;
///   ScoreOutOfRange: detail[0] = the bits of the score (a double);
///   NothingAssessed: detail[0] = the index of the applied checklist;
///   kernel failures: fn = the builtins::Fn, code = the XrKernelError, detail = the first two
///     arguments (int, date and bool as integers, number as the bits of the double, text 0).
struct RowError {
  ir::ErrorSiteId site = 0;
  ir::ErrorKind kind = ir::ErrorKind::DivisionByZero;
  std::uint16_t fn = 0;
  std::int32_t code = 0;
  std::int64_t detail[2] = {0, 0};
  friend bool operator==(const RowError &, const RowError &) = default;
};
static_assert(std::is_standard_layout_v<RowError> && sizeof(RowError) == 32,
              "RowError is part of the results ABI the JIT writes");

/// The message of a record error, lower case, as ir.h describes it:
///   "division by zero in indicator C3 (rules/x.xr:14:15)"
///   "rows 2 and 4 of table tier both match (rules/x.xr:80:7)"
///   "no calendar covers 2027-01-04 + 5 working days in deadline feedback (rules/x.xr:9:1)"
std::string errorMessage(const ir::Program &program, const RowError &error);

class Results {
public:
  Results() = default;

  /// Shapes the results for `rows` rows of `program`: a column of `rows` rows per kept slot
  /// (the others get none), every row ok, a key column when the record has a key field. Slot
  /// values are left for the back end to write (it writes every kept slot of every row). Keeps
  /// memory across batches.
  void reset(const ir::Program &program, std::size_t rows, const ir::SlotSelection &kept = {});
  /// Stops keeping the slots outside `kept`: for a back end that computed every slot, before
  /// the results go to a consumer that asked for fewer (so that it fails the same way whichever
  /// back end evaluated, should it read one it did not ask for).
  void keepOnly(const ir::SlotSelection &kept);

  std::size_t rows() const { return status_.size(); }
  std::size_t slotCount() const { return slots_.size(); }
  const ir::SlotSelection &kept() const { return kept_; }
  bool keeps(ir::SlotId slot) const { return slot < slots_.size() && kept_.contains(slot); }

  RowStatus status(std::size_t row) const { return static_cast<RowStatus>(status_[row]); }
  bool ok(std::size_t row) const { return status_[row] == 0; }
  /// The error of a row whose status is Error.
  const RowError &error(std::size_t row) const { return errors_[row]; }
  std::size_t errorCount() const;

  /// A kept slot's column; throws std::out_of_range for a slot that does not exist and
  /// std::logic_error for one the results do not keep.
  const Column &slot(ir::SlotId slot) const { return slots_.at(checkKept(slot)); }
  Column &slot(ir::SlotId slot) { return slots_.at(checkKept(slot)); }
  /// The value of a slot as a constant (invalid when missing), for tests, `explain` and writers.
  ir::Constant value(ir::SlotId slot, std::size_t row) const;

  /// The key field's values (a copy of the batch's key column), when the record has a key.
  bool hasKey() const { return hasKey_; }
  const Column &key() const { return key_; }
  Column &key() { return key_; }

  const std::string &arena() const { return arena_; }
  std::string &arena() { return arena_; }
  std::string_view text(TextRef ref) const {
    return std::string_view(arena_).substr(ref.offset, ref.length);
  }

  // For back ends.
  std::uint8_t *statusData() { return status_.data(); }
  const std::uint8_t *statusData() const { return status_.data(); }
  RowError *errorData() { return errors_.data(); }
  void setError(std::size_t row, const RowError &error) {
    status_[row] = static_cast<std::uint8_t>(RowStatus::Error);
    errors_[row] = error;
  }

private:
  ir::SlotId checkKept(ir::SlotId slot) const;

  std::vector<std::uint8_t> status_;
  std::vector<RowError> errors_;
  std::vector<Column> slots_;
  ir::SlotSelection kept_;
  Column key_;
  bool hasKey_ = false;
  std::string arena_;
};

/// Whether two results agree bit for bit: statuses, errors, the slots kept, and for every kept
/// slot the validity and the value bytes (text compared by its bytes, not its arena offset). On a
/// difference, `difference` (when given) says where, e.g. "row 3, slot tier: 1 vs 2".
bool sameResults(const ir::Program &program, const Results &a, const Results &b,
                 std::string *difference = nullptr);

} // namespace xr::batch
