#pragma once
// Random rule sets as source text, well typed by construction: the generator declares names
// with their types and writes each expression for a type it asks for, from the names visible
// at that point. It reaches every declaration kind, every table hit policy, every missing-data
// policy, every built-in function, dates and working days over a random calendar, and values
// that make records fail (division by zero, integer overflow, scores outside 0..100, dates out
// of range). The same seed gives the same text on every machine: std::mt19937_64 is fully
// specified and every draw is our own arithmetic on its output.
#include "tests/differential/source_model.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace xr::differential {

struct EnumSpec {
  std::string name;
  std::vector<std::string> members;
  std::vector<std::string> labels; // per member; "" when it has none
};

struct FieldSpec {
  std::string name;
  ValueType type;
  bool optional = false;
  bool key = false;
};

/// What the records of a generated rule set look like.
struct Schema {
  std::vector<FieldSpec> fields;
  std::vector<EnumSpec> enums;
  std::vector<std::int32_t> calendarYears; // empty: no calendar
  std::vector<std::string> holidays;       // ISO dates, for records near them
};

struct GeneratedRuleSet {
  RuleSource source;
  Schema schema;
};

/// The rule set of `seed`.
GeneratedRuleSet generateRuleSet(std::uint64_t seed);

/// Our own draws on std::mt19937_64 (the standard's distributions differ between libraries).
class Draw {
public:
  explicit Draw(std::uint64_t seed);
  /// 0 .. n-1 (n > 0).
  std::uint64_t below(std::uint64_t n);
  /// lo .. hi inclusive.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  bool chance(int percent);
  template <class T> const T &one(const std::vector<T> &v) { return v[below(v.size())]; }

private:
  std::mt19937_64 engine_;
};

} // namespace xr::differential
