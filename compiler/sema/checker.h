#pragma once
// Name resolution and type checking of every expression of the model (internal to
// compiler/sema). One Checker runs once over a built Model (see collect.h): it fills
// Model::exprTypes, resolved, exprUnits and references, the types of lets, scores, tables,
// outputs and deadlines, rule assignments, and the mayBeMissing flags, and reports the XR03xx
// diagnostics and the name errors found in expressions.
//
// Top-level values (lets, scores, tables, outputs, deadlines) are typed on demand, so a use
// may come before the declaration; a dependency cycle is left to orderEvaluation (XR0501):
// the values on it get the error type, which silences follow-on errors.
//
// Never cascade: an expression of the error type produces no further diagnostic.
#include "compiler/sema/collect.h"
#include "compiler/sema/units.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xr::sema {

/// Why a value may be missing: the optional read it comes from, for notes.
struct Origin {
  SourceRange range;
  std::string what; // "'revenue' may be missing: it is declared number? in record Enterprise"
};

/// Where an expression is checked: what its names can see and what is allowed in it.
struct Scope {
  std::string owner;           // "indicator C3", for messages
  int indicator = -1;          // inside this indicator's body
  int check = -1;              // inside this check's body
  std::size_t visibleLets = 0; // the body's lets declared before this expression
  bool ownScore = false;       // `score` is the indicator's own score (in its pass condition)
  Type ownScoreType;
  bool report = false;          // a report item's value: aggregates and constants only
  bool aggregateArg = false;    // an aggregate's argument: a per-record value
  bool weightedAllowed = false; // the whole value of a `score` declaration
};

/// A scope for the declaration named `owner`.
inline Scope scopeFor(std::string owner) {
  Scope s;
  s.owner = std::move(owner);
  return s;
}

class Checker {
public:
  Checker(Model &model, Collected &collected, const SourceManager &sources,
          Diagnostics &diagnostics);
  void run();

private:
  friend class ScopeGuard;

  // ---- check_expr.cpp: expressions
  Type expr(const ast::Expr &e, const Type *expected = nullptr);
  Type dispatch(const ast::Expr &e, const Type *expected);
  Type literal(const ast::LiteralExpr &e, const Type *expected);
  Type name(const ast::NameExpr &e, const Type *expected);
  Type symbolValue(const ast::NameExpr &e, SymbolRef ref);
  Type unknownName(const ast::NameExpr &e, const Type *expected);
  Type member(const ast::MemberExpr &e);
  Type unary(const ast::UnaryExpr &e);
  Type binary(const ast::BinaryExpr &e, const Type *expected);
  Type logical(const ast::BinaryExpr &e);
  Type coalesce(const ast::BinaryExpr &e, const Type *expected);
  Type compare(const ast::BinaryExpr &e);
  Type arithmetic(const ast::BinaryExpr &e);
  Type dateArithmetic(const ast::BinaryExpr &e, const ast::Expr &date,
                      const ast::DurationExpr &duration);
  Type duration(const ast::DurationExpr &e);
  Type ifExpr(const ast::IfExpr &e, const Type *expected);
  Type between(const ast::BetweenExpr &e);
  Type inList(const ast::InListExpr &e);
  Type isMissing(const ast::IsMissingExpr &e);
  Type status(const ast::StatusExpr &e);
  Type quantified(const ast::QuantifiedExpr &e);

  /// Reports when values of types `a` and `b` cannot be compared with `op`.
  bool comparable(const Type &a, const Type &b, ast::BinaryOp op, SourceRange at);
  /// The common type of two branches or outcomes (int and number give number), or nullopt.
  std::optional<Type> join(const Type &a, const Type &b) const;
  /// A value of `from` where `to` is required, reported against `what` (XR0301, XR0307,
  /// XR0303 with a `?? default` fix).
  bool assignable(const Type &from, const Type &to, const ast::Expr &value, std::string_view what,
                  std::string_view target);
  /// A condition: bool, possibly missing (missing counts as not true). XR0302 otherwise.
  Type condition(const ast::Expr &e, std::string_view what);
  /// A name that only context can give a meaning to (a bare enum member, a label).
  bool needsContext(const ast::Expr &e) const;
  std::optional<SymbolRef> lookupLocal(std::string_view text) const;
  /// Values known to be present when `condition` has the value `outcome` (`x is not missing`
  /// true, `x is missing` false, through `and`, `or` and `not`), appended to `out`. A name is
  /// its symbol; `C1.score` is {Indicator, C1, kScoreMember}.
  void presentWhen(const ast::Expr &condition, bool outcome, std::vector<SymbolRef> &out) const;
  /// Checks `e` knowing that `present` are not missing (`x is not missing and <e>`).
  Type exprKnowing(const ast::Expr &e, const std::vector<SymbolRef> &present,
                   const Type *expected = nullptr);
  bool knownPresent(SymbolRef ref) const;
  static constexpr std::uint32_t kScoreMember = 1;
  /// XR0108 when a per-record value stands outside an aggregate in a report item.
  bool perRecordInReport(const ast::Expr &e);

  // Missing-value origins and units, per expression.
  void setOrigin(const ast::Expr &e, Origin origin) { origins_[e.id] = std::move(origin); }
  /// Copies the origin of the first optional operand.
  void inheritOrigin(const ast::Expr &e, std::initializer_list<const ast::Expr *> operands);
  const Origin *originOf(const ast::Expr &e) const;
  void setUnit(const ast::Expr &e, const std::optional<Unit> &unit);
  std::optional<Unit> unitOf(const ast::Expr &e) const;
  /// XR0306 when both units are known and differ.
  void sameUnits(const ast::Expr &a, const ast::Expr &b, SourceRange at, std::string_view how);

  // ---- check_calls.cpp: built-in functions, aggregates, weighted()
  Type call(const ast::CallExpr &e);
  Type builtinCall(const ast::CallExpr &e);
  Type aggregateCall(const ast::CallExpr &e, AggregateKind kind);
  Type weightedCall(const ast::CallExpr &e);

  // ---- check_decls.cpp: per-record declarations
  void checkParams();
  void checkIndicator(std::uint32_t i);
  void checkIndicatorPolicy(IndicatorInfo &ind, const Type &score, const Type &pass);
  void checkCheck(std::uint32_t i);
  void checkLets(std::vector<LetInfo> &lets);
  void checkChecklist(std::uint32_t i);
  void checkRule(std::uint32_t i);
  void checkEscalation(std::uint32_t i);
  /// Types the top-level values with their dependencies first, so that typing on demand
  /// never nests deeper than one level (a long chain of lets must not exhaust the stack).
  void typeValuesInDependencyOrder();
  void ensureValue(SymbolRef ref);
  void ensureLet(std::uint32_t i);
  void ensureScore(std::uint32_t i);
  void ensureTable(std::uint32_t i);
  void ensureOutput(std::uint32_t i);
  void ensureDeadline(std::uint32_t i);
  void checkTableOutcomes(TableInfo &table, bool fixed);
  void checkFrequency(OutputInfo &out);
  /// XR0210 when `e` is a constant outside 0..100.
  void constantScoreInRange(const ast::Expr &e, std::string_view what);

  // ---- check_population.cpp: reports
  void checkReport(std::uint32_t i);

  // ---- check_tests.cpp: examples and tests
  void checkExample(std::uint32_t i);
  void checkTest(const TestInfo &test);
  /// A record literal's fields: known (XR0601), constant, typed; all required ones given
  /// unless `...` (XR0602, when `complete`).
  void checkRecordLiteral(const ast::RecordLiteral &literal, bool complete);
  void checkFieldValues(const std::vector<ast::FieldValue> &values);
  /// A value given to a field, a param or a cases cell: a constant of `type` (XR0313).
  void checkGivenValue(const ast::Expr &value, const Type &type, std::string_view what);
  bool isConstant(const ast::Expr &e) const;

  // ---- helpers
  void reference(SymbolRef target, SourceRange range) {
    if (range.valid())
      m_.references.push_back({target, range});
  }
  std::string typeText(const Type &t) const { return typeName(t.required(), &m_.enums); }
  std::string text(const ast::Expr &e) const; // the source text of an expression
  /// "'revenue'" for a name, "this value" otherwise.
  std::string describe(const ast::Expr &e) const;
  std::vector<std::string> globalNames(std::initializer_list<SymbolKind> kinds) const;
  /// Reports `name`, which must name a `kind`: unknown (`unknown`) or naming `ref`, of another
  /// kind (`wrongKind`), with the closest name of that kind as did-you-mean and its fix.
  void reportNotA(SymbolKind kind, const ast::Ident &name, const std::optional<SymbolRef> &ref,
                  DiagCode unknown, DiagCode wrongKind);
  std::string defaultFor(const Type &t) const; // a literal of that type, for `?? default`

  Model &m_;
  Collected &c_;
  const SourceManager &sources_;
  Diagnostics &d_;
  Scope scope_;
  bool hasCalendar_ = false;

  std::vector<SymbolRef> present_; // see presentWhen
  std::unordered_map<ast::NodeId, Origin> origins_;
  std::unordered_map<ast::NodeId, Unit> units_;
  std::map<SymbolRef, Origin> declOrigins_;
  std::map<SymbolRef, Unit> declUnits_;

  int ensureDepth_ = 0;
  static constexpr int kMaxEnsureDepth = 64;

  enum class State : std::uint8_t { Unvisited, InProgress, Done };
  std::vector<State> letState_, scoreState_, tableState_, outputState_, deadlineState_;
};

/// Replaces the checker's scope for the lifetime of the guard; what is known present in the
/// enclosing expression does not carry over into another declaration.
class ScopeGuard {
public:
  ScopeGuard(Checker &checker, Scope scope)
      : checker_(checker), saved_(std::move(checker.scope_)),
        savedPresent_(std::move(checker.present_)) {
    checker_.scope_ = std::move(scope);
    checker_.present_.clear();
  }
  ~ScopeGuard() {
    checker_.scope_ = std::move(saved_);
    checker_.present_ = std::move(savedPresent_);
  }
  ScopeGuard(const ScopeGuard &) = delete;
  ScopeGuard &operator=(const ScopeGuard &) = delete;

private:
  Checker &checker_;
  Scope saved_;
  std::vector<SymbolRef> savedPresent_;
};

/// The value of a numeric constant expression (literals, -, + - * / of constants).
std::optional<double> numericConstant(const ast::Expr &e);

} // namespace xr::sema
