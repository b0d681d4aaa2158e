#include "compiler/syntax/nesting_guard.h"

#include "compiler/syntax/token_kinds.h"

#include "XrLexer.h"

#include <vector>

namespace xr::syntax {

namespace {

enum class Role { Other, Open, Close, Prefix, MaybePrefix, Reset, OperandEnd };

/// What each token type does to the nesting. Prefix chains only end where an expression
/// certainly ends (`=>`, `,`, `=`, a declaration keyword...); ending one too late only
/// overestimates, never the reverse.
class Roles {
public:
  Roles() {
    const TokenKinds &k = TokenKinds::get();
    roles_.assign(k.maxType() + 1, Role::Other);
    for (const char *t : {"(", "[", "{"})
      set(k.type(t), Role::Open);
    for (const char *t : {")", "]", "}"})
      set(k.type(t), Role::Close);
    for (const char *t : {"if", "??", "override"})
      set(k.type(t), Role::Prefix);
    for (const char *t : {"-", "not"})
      set(k.type(t), Role::MaybePrefix);
    for (const char *t :
         {"=>",        ",",      ":",       "=",     "|",      "record", "enum",     "param",
          "domain",    "check",  "let",     "table", "output", "rule",   "escalate", "deadline",
          "calendar",  "report", "example", "test",  "retire", "action", "given",    "expect",
          "otherwise", "when",   "for",     "by",    "with",   "import", "ruleset"})
      set(k.type(t), Role::Reset);
    for (const char *t :
         {"true",       "false",    "%",         "day",     "days",   "passes",  "fails",
          "unassessed", "missing",  "version",   "extends", "key",    "unit",    "weight",
          "points",     "critical", "major",     "minor",   "basis",  "score",   "pass",
          "flag",       "hit",      "title",     "year",    "source", "holiday", "workday",
          "target",     "cases",    "frequency", "count",   "all",    "any",     "error",
          "except",     "checklist"})
      set(k.type(t), Role::OperandEnd);
    for (std::size_t t : {grammar::XrLexer::ID, grammar::XrLexer::INT, grammar::XrLexer::NUMBER,
                          grammar::XrLexer::STRING, grammar::XrLexer::DATE})
      set(t, Role::OperandEnd);
    isToken_ = k.type("is");
  }

  Role of(std::size_t type) const { return type < roles_.size() ? roles_[type] : Role::Other; }
  std::size_t isToken() const { return isToken_; }

private:
  void set(std::size_t type, Role role) {
    if (type != 0 && type < roles_.size())
      roles_[type] = role;
  }
  std::vector<Role> roles_;
  std::size_t isToken_ = 0;
};

const Roles &roles() {
  static const Roles table;
  return table;
}

} // namespace

std::size_t effectiveDepthLimit(std::size_t configured) {
  constexpr std::size_t kHardCeiling = 1000;
  return configured < kHardCeiling ? configured : kHardCeiling;
}

std::optional<std::size_t>
findNestingOverflow(const std::vector<std::unique_ptr<antlr4::Token>> &tokens, std::size_t limit) {
  const Roles &r = roles();
  std::vector<std::size_t> prefixes{0}; // pending prefix operators per open bracket
  std::size_t depth = 0;                // open brackets plus pending prefix operators
  std::size_t previous = 0;             // type of the previous token (0: none)
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t type = tokens[i]->getType();
    Role role = r.of(type);
    if (role == Role::MaybePrefix) {
      // `a - b` and `x not in [...]`, `x is not missing` are not prefix operators.
      bool afterOperand = r.of(previous) == Role::OperandEnd || r.of(previous) == Role::Close;
      role = afterOperand || previous == r.isToken() ? Role::Other : Role::Prefix;
    }
    switch (role) {
    case Role::Open:
      ++depth;
      prefixes.push_back(0);
      break;
    case Role::Close:
      if (prefixes.size() > 1) {
        depth -= 1 + prefixes.back();
        prefixes.pop_back();
      }
      break;
    case Role::Prefix:
      ++depth;
      ++prefixes.back();
      break;
    case Role::Reset:
      depth -= prefixes.back();
      prefixes.back() = 0;
      break;
    default:
      break;
    }
    if (depth > limit)
      return i;
    previous = type;
  }
  return std::nullopt;
}

} // namespace xr::syntax
