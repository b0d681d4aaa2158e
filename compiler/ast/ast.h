#pragma once
// The AST of one .xr file. Built by compiler/syntax from the parse tree (the only place that
// sees ANTLR types); read by sema, the formatter and the language server. Every node has a
// source range and an id unique within its AstContext, so later passes keep their results
// in side tables keyed by NodeId. A broken file still yields an AST: what could not be
// parsed becomes an ErrorExpr or is left out, and a diagnostic says why.
#include "compiler/source/source.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace xr::ast {

using NodeId = std::uint32_t;

/// A name as written, with where it was written.
struct Ident {
  std::string text;
  SourceRange range;
  bool empty() const { return text.empty(); }
};

/// A string literal, unescaped.
struct StringLit {
  std::string value;
  SourceRange range;
};

/// Days since 1970-01-01 (proleptic Gregorian).
struct Date {
  std::int32_t days = 0;
  friend bool operator==(const Date &, const Date &) = default;
};

// ------------------------------------------------------------------------- types

enum class BuiltinType { Bool, Int, Number, Text, Date, Duration };

struct EnumMember {
  Ident name;
  std::optional<StringLit> label;
};

/// A type as written: `int`, `number?`, `Tier`, `enum { a "甲", b }`.
struct TypeRef {
  SourceRange range;
  Ident name;                      // empty for an inline enum
  std::vector<EnumMember> members; // the inline enum's members
  bool inlineEnum = false;
  bool optional = false;
};

// ------------------------------------------------------------------------- expressions

enum class ExprKind {
  Error,      // what could not be parsed
  Literal,    // 1, 2.5, 40%, "text", 2024-06-30, true
  Name,       // license_expiry, C1, red
  Member,     // C1.score
  Call,       // max(a, b), rate(tier == red)
  Unary,      // -x, not x
  Binary,     // a + b, a and b, a ?? b, a == b
  If,         // if c then a else b
  Between,    // x between a and b (inclusive)
  InList,     // x in [a, b], x not in [a, b]
  IsMissing,  // x is missing, x is not missing
  Status,     // C1 passes | fails | unassessed
  Quantified, // any critical fails, count indicator in safety passes
  Duration,   // 5 days, 5 working days
};

enum class UnaryOp { Negate, Not };
enum class BinaryOp { Add, Sub, Mul, Div, Eq, Ne, Lt, Le, Gt, Ge, And, Or, Coalesce };
enum class IndicatorStatus { Passes, Fails, Unassessed };
enum class Quantifier { Any, All, Count };
enum class Severity { Critical, Major, Minor };
enum class DurationUnit { Days, WorkingDays };

struct Percent {
  double value = 0; // 40% is stored as 0.4
  friend bool operator==(const Percent &, const Percent &) = default;
};

using LiteralValue = std::variant<bool, std::int64_t, double, Percent, std::string, Date>;

struct Expr {
  ExprKind kind;
  NodeId id = 0;
  SourceRange range;
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  Expr(const Expr &) = delete;
  Expr &operator=(const Expr &) = delete;
};
using ExprPtr = std::unique_ptr<Expr>;

struct ErrorExpr : Expr {
  ErrorExpr() : Expr(ExprKind::Error) {}
};
struct LiteralExpr : Expr {
  LiteralExpr() : Expr(ExprKind::Literal) {}
  LiteralValue value;
};
struct NameExpr : Expr {
  NameExpr() : Expr(ExprKind::Name) {}
  Ident name;
};
struct MemberExpr : Expr {
  MemberExpr() : Expr(ExprKind::Member) {}
  ExprPtr object;
  Ident member;
};
struct CallExpr : Expr {
  CallExpr() : Expr(ExprKind::Call) {}
  Ident callee;
  std::vector<ExprPtr> args;
};
struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprKind::Unary) {}
  UnaryOp op = UnaryOp::Negate;
  ExprPtr operand;
};
struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::Binary) {}
  BinaryOp op = BinaryOp::Add;
  SourceRange opRange; // the operator token, where type errors point
  ExprPtr lhs, rhs;
};
struct IfExpr : Expr {
  IfExpr() : Expr(ExprKind::If) {}
  ExprPtr cond, thenExpr, elseExpr;
};
struct BetweenExpr : Expr {
  BetweenExpr() : Expr(ExprKind::Between) {}
  ExprPtr operand, low, high;
};
struct InListExpr : Expr {
  InListExpr() : Expr(ExprKind::InList) {}
  ExprPtr operand;
  std::vector<ExprPtr> items;
  bool negated = false;
};
struct IsMissingExpr : Expr {
  IsMissingExpr() : Expr(ExprKind::IsMissing) {}
  ExprPtr operand;
  bool negated = false; // `is not missing`
};
struct StatusExpr : Expr {
  StatusExpr() : Expr(ExprKind::Status) {}
  ExprPtr operand; // must name an indicator
  IndicatorStatus status = IndicatorStatus::Passes;
};
struct QuantifiedExpr : Expr {
  QuantifiedExpr() : Expr(ExprKind::Quantified) {}
  Quantifier quantifier = Quantifier::Any;
  std::optional<Severity> severity; // only indicators of this severity
  std::optional<Ident> domain;      // only indicators in this domain
  IndicatorStatus status = IndicatorStatus::Fails;
};
struct DurationExpr : Expr {
  DurationExpr() : Expr(ExprKind::Duration) {}
  ExprPtr count;
  DurationUnit unit = DurationUnit::Days;
};

/// Checked downcast helper: `as<BinaryExpr>(e)` when `e.kind` says so.
template <typename T> const T &as(const Expr &e) { return static_cast<const T &>(e); }

// ------------------------------------------------------------------------- declarations

enum class DeclKind {
  Record,
  Enum,
  Param,
  Domain,
  Indicator,
  Check,
  Checklist,
  Let,
  Score,
  Table,
  Output,
  Frequency,
  Rule,
  Escalate,
  Deadline,
  Calendar,
  Report,
  Example,
  Test,
  Retire,
};

std::string_view declKindName(DeclKind kind); // "indicator", "table", ...

enum class WeightKind { Share, Points };

/// `weight 40%` or `weight 8 points`. Shares are kept exact as millionths of a percent so
/// that "sums to 100%" is an exact integer test.
struct WeightSpec {
  WeightKind kind = WeightKind::Share;
  std::int64_t micro = 0; // 40% -> 40'000'000; 8 points -> 8'000'000
  std::string text;       // as written: "40%", "8 points"
  SourceRange range;
  double asFraction() const; // a share as 0.4; points as the number of points
};

enum class MissingPolicyKind { NotAssessed, Fail, Pass, Score, Skip, Flag, Invalid };

struct MissingPolicy {
  MissingPolicyKind kind = MissingPolicyKind::NotAssessed;
  double score = 0;  // for Score
  Ident written;     // the word as written, for diagnostics on Invalid
  SourceRange range;
};

struct LetItem {
  NodeId id = 0;
  Ident name;
  ExprPtr value;
  SourceRange range;
};

struct Decl {
  DeclKind kind;
  NodeId id = 0;
  SourceRange range;
  Ident name;
  std::optional<StringLit> title;
  bool isOverride = false; // written as `override <declaration>`
  explicit Decl(DeclKind k) : kind(k) {}
  virtual ~Decl() = default;
  Decl(const Decl &) = delete;
  Decl &operator=(const Decl &) = delete;
};
using DeclPtr = std::unique_ptr<Decl>;

struct FieldDecl {
  NodeId id = 0;
  Ident name;
  TypeRef type;
  bool key = false;
  std::optional<StringLit> unit;
  std::optional<StringLit> title;
  SourceRange range;
};

struct RecordDecl : Decl {
  RecordDecl() : Decl(DeclKind::Record) {}
  std::vector<FieldDecl> fields;
};

struct EnumDecl : Decl {
  EnumDecl() : Decl(DeclKind::Enum) {}
  std::vector<EnumMember> members;
};

struct ParamDecl : Decl {
  ParamDecl() : Decl(DeclKind::Param) {}
  TypeRef type;
  std::optional<StringLit> unit;
  ExprPtr defaultValue; // null: must be given at run time
};

struct DomainDecl : Decl {
  DomainDecl() : Decl(DeclKind::Domain) {}
  std::optional<WeightSpec> weight;
};

struct IndicatorDecl : Decl {
  IndicatorDecl() : Decl(DeclKind::Indicator) {}
  std::optional<Ident> domain;
  std::optional<WeightSpec> weight;
  std::optional<Severity> severity;
  SourceRange severityRange;
  std::vector<StringLit> basis;
  std::vector<LetItem> lets;
  ExprPtr score; // null when absent
  ExprPtr pass;  // null when absent
  std::optional<MissingPolicy> missing;
};

struct CheckDecl : Decl {
  CheckDecl() : Decl(DeclKind::Check) {}
  std::vector<LetItem> lets;
  ExprPtr when;
  std::vector<Ident> flags;
  std::vector<StringLit> basis;
  std::optional<MissingPolicy> missing;
};

struct ChecklistDecl : Decl {
  ChecklistDecl() : Decl(DeclKind::Checklist) {}
  ExprPtr selector;
  bool all = false;          // `all` or `all except ...`
  std::vector<Ident> items;  // listed indicators or domains; with `all`, the exceptions
};

struct LetDecl : Decl {
  LetDecl() : Decl(DeclKind::Let) {}
  ExprPtr value;
};

struct ScoreDecl : Decl {
  ScoreDecl() : Decl(DeclKind::Score) {}
  ExprPtr value;
};

enum class HitPolicyKind { First, Unique, Any, Priority, Collect };
enum class CollectAggregator { None, Sum, Min, Max, Count };

struct HitPolicy {
  HitPolicyKind kind = HitPolicyKind::First;
  CollectAggregator aggregator = CollectAggregator::None;
  SourceRange range; // invalid when the default (first) applies
};

struct TableRow {
  NodeId id = 0;
  ExprPtr condition; // null for `otherwise`
  ExprPtr outcome;
  SourceRange range;
  bool otherwise() const { return condition == nullptr; }
};

struct TableDecl : Decl {
  TableDecl() : Decl(DeclKind::Table) {}
  std::optional<TypeRef> outcomeType;
  HitPolicy hit;
  std::vector<TableRow> rows;
};

struct OutputDecl : Decl {
  OutputDecl() : Decl(DeclKind::Output) {}
  TypeRef type;
  ExprPtr initial;
};

struct FrequencyEntry {
  Ident member;
  ExprPtr value;
  SourceRange range;
};

/// `frequency by tier { red: 4, ... }` declares the number output named `frequency`.
struct FrequencyDecl : Decl {
  FrequencyDecl() : Decl(DeclKind::Frequency) {}
  Ident table;
  std::vector<FrequencyEntry> entries;
};

struct Assignment {
  Ident target;
  ExprPtr value;
  SourceRange range;
};

struct RuleDecl : Decl {
  RuleDecl() : Decl(DeclKind::Rule) {}
  ExprPtr when;
  std::vector<Assignment> assignments;
};

struct Action {
  Ident name;
  ExprPtr argument; // may be null
  SourceRange range;
};

struct EscalateDecl : Decl {
  EscalateDecl() : Decl(DeclKind::Escalate) {}
  ExprPtr when;
  std::vector<Action> actions;
};

struct DeadlineDecl : Decl {
  DeadlineDecl() : Decl(DeclKind::Deadline) {}
  ExprPtr value;
};

struct CalendarEntry {
  bool holiday = true; // false: a weekend day declared a working day
  Date from, to;       // inclusive; equal for a single day
  std::optional<StringLit> label;
  SourceRange range;
};

struct CalendarDecl : Decl {
  CalendarDecl() : Decl(DeclKind::Calendar) {}
  std::int32_t year = 0;
  SourceRange yearRange;
  std::vector<StringLit> sources;
  std::vector<CalendarEntry> entries;
};

struct ReportItem {
  NodeId id = 0;
  Ident name;
  std::optional<StringLit> title;
  ExprPtr value;
  std::optional<BinaryOp> targetOp; // a comparison operator
  ExprPtr target;
  SourceRange range;
};

/// `report [name] ["title"] [by expr] { items }`; an unnamed report is named after its
/// group-by expression (`by_region`) or `report`.
struct ReportDecl : Decl {
  ReportDecl() : Decl(DeclKind::Report) {}
  ExprPtr groupBy; // may be null
  std::vector<ReportItem> items;
};

struct FieldValue {
  Ident field;
  ExprPtr value;
  SourceRange range;
};

struct RecordLiteral {
  Ident type;
  std::vector<FieldValue> values;
  bool ellipsis = false; // `...`: fields not given take their defaults
  SourceRange range;
};

struct ExampleDecl : Decl {
  ExampleDecl() : Decl(DeclKind::Example) {}
  RecordLiteral value;
};

struct GivenRecord {
  RecordLiteral record;
};
struct GivenExample {
  Ident example;
  std::vector<FieldValue> changes;
};
struct GivenParam {
  Ident param;
  ExprPtr value;
};
struct ExpectError {
  std::optional<StringLit> message;
};
struct ExpectExpr {
  ExprPtr expectation;
};
struct CasesColumn {
  bool expect = false;
  Ident field;     // a given column: a record field or a param
  ExprPtr subject; // an expect column: the value compared with each row's cell
  SourceRange range;
};
struct CasesRow {
  std::vector<ExprPtr> cells;
  SourceRange range;
};
struct Cases {
  std::vector<CasesColumn> columns;
  std::vector<CasesRow> rows;
};

struct TestItem {
  std::variant<GivenRecord, GivenExample, GivenParam, ExpectError, ExpectExpr, Cases> item;
  SourceRange range;
};

struct TestDecl : Decl {
  TestDecl() : Decl(DeclKind::Test) {} // name is empty; title holds the description
  std::vector<TestItem> items;
};

/// `retire indicator C2`.
struct RetireDecl : Decl {
  RetireDecl() : Decl(DeclKind::Retire) {} // name: the retired declaration
  DeclKind target = DeclKind::Indicator;
};

// ------------------------------------------------------------------------- files

struct Header {
  StringLit title;
  std::int64_t version = 0;
  std::optional<StringLit> extends;
  SourceRange range;
};

struct Import {
  StringLit path;
  SourceRange range;
};

struct Comment {
  SourceRange range;
  std::string text; // with its `//` or `/* */`
};

/// One parsed file.
struct Module {
  FileId file = kNoFile;
  std::optional<Header> header;
  std::vector<Import> imports;
  std::vector<DeclPtr> decls;
  std::vector<Comment> comments; // for the formatter
  SourceRange range;
};

} // namespace xr::ast
