#pragma once
// A generated rule file kept as a tree rather than as flat text, so that the shrinker can
// remove a declaration, a line of one, or a part of an expression and print the file again.
// Every expression remembers the type the generator gave it: the shrinker replaces a value
// only by one of its parts of the same type, or by a plain literal of that type.
#include <cstdint>
#include <string>
#include <vector>

namespace xr::differential {

/// The value kinds the generator writes expressions of. None marks syntax that is not a value
/// (a whole line, a duration, a list), which the shrinker never replaces.
enum class Kind : std::uint8_t { None, Bool, Int, Number, Text, Date, Enum };

struct ValueType {
  Kind kind = Kind::None;
  int enumId = -1; // for Kind::Enum: index into Schema::enums

  bool operator==(const ValueType &) const = default;
};

/// A piece of source: text[0] kid[0] text[1] kid[1] ... text[n]. A leaf has one text.
struct Expr {
  ValueType type;
  bool optional = false; // may be missing (the generator's own bookkeeping)
  std::vector<std::string> text;
  std::vector<Expr> kids;

  static Expr leaf(ValueType type, std::string text, bool optional = false);
  std::string render() const;
  void renderTo(std::string &out) const;
  /// Nodes in pre-order (this one first); used by the shrinker to address a node by index.
  std::size_t size() const;
};

/// One line of a declaration. `removable`: the declaration still makes sense without it (a
/// table row, a body item), though it may then not compile, which the shrinker checks.
struct Line {
  Expr content;
  bool removable = false;
};

/// One top-level declaration; line 0 is its header.
struct Decl {
  std::vector<Line> lines;
  bool removable = true;
};

struct RuleSource {
  std::string header; // the `ruleset ... version ...` line
  std::vector<Decl> decls;

  std::string render() const;
};

} // namespace xr::differential
