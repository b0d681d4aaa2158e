#pragma once
// What a change of rule set does to a population (`xuncha diff OLD NEW --data FILE`): both rule
// sets evaluate the same input records, each reading them with its own record mapping (a new
// year may add fields), and the results are paired record by record: how many records move
// from which tier to which, records that fail (cannot be read, or end in a record error) under
// one rule set only, indicators that change from pass to fail and back, the average score.
#include "runtime/load/input.h"
#include "xuncha/evaluate.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xr::compare {

struct PopulationOptions {
  std::string dataPath;                     // "-": standard input
  load::InputOptions input;                 // format, encoding, --map (for both rule sets)
  std::vector<xuncha::ParamSetting> params; // --param, given to both rule sets
};

/// A record's result under one rule set.
struct RecordOutcome {
  enum class Kind : std::uint8_t { Ok, Error, Unreadable };
  Kind kind = Kind::Ok;
  std::string tier;   // Ok: the tier's member name ("" when the table gave none)
  std::string detail; // Error: the record error; Unreadable: why it cannot be read
};

struct RecordDifference {
  std::uint64_t record = 0; // 0-based position among the input's records
  std::string key;          // the record's key as the old rule set reads it ("" when none)
  RecordOutcome before, after;
};

struct IndicatorFlip {
  std::string indicator;
  std::string title;
  std::uint64_t newlyFailing = 0; // pass before, fail after
  std::uint64_t newlyPassing = 0; // fail before, pass after
};

/// A tier as a matrix heading: its member name ("" for no tier) and label.
struct TierName {
  std::string name;
  std::string label;
};

struct PopulationComparison {
  std::string dataPath;
  std::uint64_t records = 0;  // data records in the input
  std::uint64_t compared = 0; // evaluated without error by both rule sets
  std::uint64_t unreadableBefore = 0, unreadableAfter = 0;
  std::uint64_t errorsBefore = 0, errorsAfter = 0;

  /// The tier tables (rule book's tierTable); "" when a rule set has none, and then there is
  /// no matrix.
  std::string tierBefore, tierAfter;
  std::vector<TierName> tiersBefore, tiersAfter;  // matrix rows and columns: enum order
  std::vector<std::vector<std::uint64_t>> matrix; // [before][after], over `compared` records
  /// Tiers are ranked by their enum's member order, the first the most severe (as `hit
  /// priority` ranks them); a tier that exists in one rule set only is ranked by its relative
  /// position. Moves to or from no tier count in the matrix only.
  std::uint64_t moreSevere = 0, lessSevere = 0, sameTier = 0;
  std::uint64_t movedCount = 0;
  std::vector<RecordDifference> moved; // the first kListed, in input order

  std::uint64_t failsInOneCount = 0;
  std::vector<RecordDifference> failsInOne; // the first kListed, in input order

  std::vector<IndicatorFlip> flips; // indicators of both rule sets whose outcome changes

  std::string totalBefore, totalAfter; // the weighted scores' names ("" when none)
  std::string totalTitle;              // the new rule set's title of it
  std::optional<double> meanTotalBefore, meanTotalAfter; // over the `compared` records
};

inline constexpr std::size_t kListed = 20;

/// Reads `options.dataPath` once and evaluates every record with both rule sets. nullopt, with
/// `error` (one sentence) and `help`, when the file cannot be opened or read, its columns do not
/// fit a rule set's record, or a --param does not bind; records that cannot be read by one rule
/// set are not errors of the comparison (they are counted and listed).
std::optional<PopulationComparison> comparePopulation(const xuncha::Evaluator &before,
                                                      const xuncha::Evaluator &after,
                                                      const PopulationOptions &options,
                                                      std::string &error,
                                                      std::vector<std::string> &help);

} // namespace xr::compare
