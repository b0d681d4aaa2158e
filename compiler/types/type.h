#pragma once
// The checked types of the language, shared by sema, the IR and both back ends.
#include <cstdint>
#include <string>
#include <vector>

namespace xr {

enum class TypeKind : std::uint8_t {
  Error,     // the type of something already reported; it silences follow-on errors
  Bool,
  Int,       // 64-bit two's complement
  Number,    // IEEE double
  Text,      // UTF-8
  Date,      // days since 1970-01-01
  Duration,  // a count of days or working days (only in date arithmetic)
  Enum,      // an index into the rule set's enum table
  Set,       // a set of members of one enum (collect tables, flags), at most 64 members
  Status,    // an indicator's status: pass, fail, not assessed, not applicable
};

enum class DurationKind : std::uint8_t { Days, WorkingDays };

using EnumId = std::uint32_t;
inline constexpr EnumId kNoEnum = ~EnumId{0};

struct Type {
  TypeKind kind = TypeKind::Error;
  bool optional = false;  // the value may be missing
  EnumId enumId = kNoEnum; // for Enum and Set
  DurationKind duration = DurationKind::Days;

  static Type error() { return {}; }
  static Type boolean(bool opt = false) { return {TypeKind::Bool, opt}; }
  static Type integer(bool opt = false) { return {TypeKind::Int, opt}; }
  static Type number(bool opt = false) { return {TypeKind::Number, opt}; }
  static Type text(bool opt = false) { return {TypeKind::Text, opt}; }
  static Type date(bool opt = false) { return {TypeKind::Date, opt}; }
  static Type durationOf(DurationKind d, bool opt = false) {
    return {TypeKind::Duration, opt, kNoEnum, d};
  }
  static Type enumeration(EnumId id, bool opt = false) { return {TypeKind::Enum, opt, id}; }
  static Type set(EnumId id) { return {TypeKind::Set, false, id}; }
  static Type status() { return {TypeKind::Status, false}; }

  bool isError() const { return kind == TypeKind::Error; }
  bool isNumeric() const { return kind == TypeKind::Int || kind == TypeKind::Number; }
  Type required() const { Type t = *this; t.optional = false; return t; }
  Type withOptional(bool opt) const { Type t = *this; t.optional = opt; return t; }
  /// Same kind (and enum, and duration kind), ignoring optionality.
  bool sameBase(const Type &other) const {
    return kind == other.kind && enumId == other.enumId &&
           (kind != TypeKind::Duration || duration == other.duration);
  }
  friend bool operator==(const Type &, const Type &) = default;
};

struct EnumMemberInfo {
  std::string name;
  std::string label; // display label, or the name when none was given
};

/// An enum of the rule set: declared (`enum Tier {...}`), inline in a field or output, or
/// implied by a table whose outcomes are bare names.
struct EnumInfo {
  std::string name; // "Tier", or "Enterprise.size" for an inline field enum
  std::vector<EnumMemberInfo> members;
  int find(std::string_view member) const; // index, or -1
};

class EnumTable;
/// "int", "number?", "enum Tier", "set of Tier", "date", ...
std::string typeName(const Type &type, const EnumTable *enums = nullptr);

class EnumTable {
public:
  EnumId add(EnumInfo info);
  const EnumInfo &get(EnumId id) const { return enums_.at(id); }
  std::size_t size() const { return enums_.size(); }
  const std::vector<EnumInfo> &all() const { return enums_; }

private:
  std::vector<EnumInfo> enums_;
};

} // namespace xr
