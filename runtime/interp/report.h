#pragma once
// Report figures over a population: the aggregates of each report (ir::ReportInfo) per group,
// accumulated batch by batch from Results, then each item's expression evaluated over them.
//
// Determinism: the figures are identical whatever the batch size, the number of threads and
// the order partial accumulators are merged in. Counts are exact integers; sums of numbers are
// exact (ExactSum) and rounded once; min/max are order independent; top/bottom break ties by the
// record key, then by input position, a total order. Records with an error are left out of
// every aggregate and counted apart.
//
// Semantics (docs/language.md, "Reports"): count = records; count(c) = records where c is true
// (missing counts as false); rate(c) = count(c) / count as a number, missing for no record;
// sum(e) skips missing values (0 when none; an int sum is an int and may overflow: the item
// then has an error); avg(e) = exact sum / count of present values (missing when none);
// min/max skip missing values; top(n, e) / bottom(n, e) = the keys of the n records with the
// highest / lowest e (missing and NaN values skipped), ties by key then input position.
// Groups: one per distinct value of the `by` expression, sorted (text bytewise, enums by member
// index, numbers and dates by value, false before true), the group of records whose value is
// missing last; without `by`, one group whose key is missing.
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/interp/interpreter.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xr::interp {

/// An item's figure: one value, or for top/bottom the keys of the records.
struct ReportValue {
  ir::Constant scalar; // invalid: missing (or a key list)
  bool isKeyList = false;
  std::vector<ir::Constant> keys; // the record keys; the 1-based input row numbers (ints) when
                                  // the record has no key field
};

struct ReportItemResult {
  std::string name;
  std::string title;
  ReportValue value;
  bool hasTarget = false;
  std::optional<bool> targetMet; // nullopt without a target, or when it is missing
  std::string targetText;        // ">= 95%"
  std::string error;             // the figure could not be computed (division by zero, ...)
};

struct ReportGroup {
  ir::Constant key; // the group's `by` value; invalid for the missing group and for no `by`
  std::int64_t records = 0;
  std::vector<ReportItemResult> items;
};

struct ReportResult {
  std::string name;
  std::string title;
  bool grouped = false;            // has a `by`
  std::int64_t records = 0;        // records aggregated (status ok)
  std::int64_t erroredRecords = 0; // records left out because of their error
  std::vector<ReportGroup> groups;
};

namespace detail {
struct ReportState;
}

/// Accumulates the reports of the interpreter's program batch by batch.
class ReportAccumulator {
public:
  /// Throws std::invalid_argument when a report uses top/bottom other than as a whole item.
  explicit ReportAccumulator(const Interpreter &interpreter);
  ~ReportAccumulator();
  ReportAccumulator(ReportAccumulator &&) noexcept;
  ReportAccumulator &operator=(ReportAccumulator &&) noexcept;

  /// Adds the next batch in input order.
  void add(const batch::Results &results);
  /// Adds a batch whose first record is record `firstRow` (0-based) of the input: batches may
  /// then be added in any order, e.g. by several threads with their own accumulators.
  void add(const batch::Results &results, std::uint64_t firstRow);
  /// Adds a batch whose row i is input record recordOfRow[i] (a run's batches skip the records
  /// that could not be read, so their rows are not consecutive records).
  void add(const batch::Results &results, const std::uint64_t *recordOfRow);
  /// Adds another accumulator's records (of the same program).
  void merge(const ReportAccumulator &other);

  /// The records added so far as bytes (report_serial.cpp), for an accumulator of the same
  /// program in another process to merge with mergeSerialised(): partial reports computed
  /// where the data is (one per partition of a distributed data frame) and merged in one place
  /// give the figures of one accumulator over all the records.
  std::string serialise() const;
  /// Merges a serialise()d state as merge() would, adding `rowOffset` to the input positions of
  /// its records (a partition's accumulator counts its records from 0; whoever merges knows
  /// where the partition starts). Throws std::invalid_argument, leaving this accumulator as it
  /// was, when the bytes are not a state of this program (another rule set, truncated, corrupt).
  void mergeSerialised(std::string_view bytes, std::uint64_t rowOffset = 0);

  /// The figures, with item expressions evaluated under `params`.
  std::vector<ReportResult> finish(const batch::ParamValues &params) const;

private:
  template <class PositionOf> void addRows(const batch::Results &results, PositionOf positionOf);

  const Interpreter *interpreter_;
  std::unique_ptr<detail::ReportState> state_;
  std::uint64_t nextRow_ = 0;
};

/// The slots ReportAccumulator::add reads for the program's reports (the results must keep
/// them).
ir::SlotSelection slotsReadByReports(const ir::Program &program);

/// The reports over batches given in input order.
std::vector<ReportResult> aggregate(const Interpreter &interpreter,
                                    const std::vector<const batch::Results *> &batchesInInputOrder,
                                    const batch::ParamValues &params);

} // namespace xr::interp
