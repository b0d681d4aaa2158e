#pragma once
// The state of a ReportAccumulator (report.h): per report and group, one accumulator per
// aggregate. Shared by report.cpp, which fills and finishes it, and report_serial.cpp, which
// writes it to bytes and merges it back (partial reports made in other processes).
#include "compiler/ir/ir.h"
#include "compiler/types/type.h"
#include "runtime/interp/exact_sum.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace xr::interp::detail {

__extension__ using I128 = __int128;
__extension__ using U128 = unsigned __int128;

/// A value to group or rank by: missing, an integer (bool, int, date, enum), a number or text.
/// Within one report all keys have one storage, so comparing every field in turn orders by the
/// one that is used.
struct KeyView {
  bool missing = true;
  std::int64_t i = 0;
  double d = 0;
  std::string_view text;
};

struct Key {
  bool missing = true;
  std::int64_t i = 0;
  double d = 0;
  std::string text;
  KeyView view() const { return {missing, i, d, text}; }
};

/// Total order: present before missing; then integers, numbers (NaN last, -0 equal to 0),
/// text bytewise.
inline int compareKeys(const KeyView &a, const KeyView &b) {
  if (a.missing != b.missing)
    return a.missing ? 1 : -1;
  if (a.missing)
    return 0;
  if (a.i != b.i)
    return a.i < b.i ? -1 : 1;
  const bool nanA = std::isnan(a.d);
  const bool nanB = std::isnan(b.d);
  if (nanA != nanB)
    return nanA ? 1 : -1;
  if (!nanA && a.d != b.d)
    return a.d < b.d ? -1 : 1;
  const int c = a.text.compare(b.text);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

struct KeyLess {
  using is_transparent = void;
  static KeyView v(const Key &k) { return k.view(); }
  static KeyView v(const KeyView &k) { return k; }
  template <class A, class B> bool operator()(const A &a, const B &b) const {
    return compareKeys(v(a), v(b)) < 0;
  }
};

/// A candidate of top/bottom: its value, its record key and its input position.
struct Ranked {
  double d = 0;
  std::int64_t i = 0;
  Key key;
  std::uint64_t ordinal = 0;
};

struct AggregateState {
  std::int64_t count = 0;   // records (count), true conditions (count if, rate), values
  std::int64_t records = 0; // rate: records of the group
  ExactSum sum;
  I128 intSum = 0;
  bool has = false; // min/max seen a value
  double extremeD = 0;
  std::int64_t extremeI = 0;
  std::vector<Ranked> ranked;
};

struct GroupState {
  std::int64_t records = 0;
  std::vector<AggregateState> aggregates;
};

/// What finish() needs to know about an aggregate beyond ir::AggregateInfo.
struct AggregatePlan {
  ir::AggregateKind kind = ir::AggregateKind::Count;
  Type input;  // the per-record value (Error when none)
  Type output; // the Aggregate node's type
  bool keyList = false;
};

struct ReportPlan {
  const ir::ReportInfo *info = nullptr;
  std::vector<AggregatePlan> aggregates;
  std::vector<std::vector<std::uint32_t>> itemAggregates; // per item: aggregates it reads
};

struct ReportState {
  std::vector<ReportPlan> plans;
  std::vector<std::map<Key, GroupState, KeyLess>> groups; // per report
  std::vector<std::int64_t> records;                      // per report, ok records
  std::vector<std::int64_t> errored;                      // per report
  bool hasKey = false;
};

} // namespace xr::interp::detail
