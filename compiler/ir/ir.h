#pragma once
// The one typed IR that both back ends execute: the interpreter (runtime/interp) and the
// LLVM JIT (compiler/codegen). Lowered from the checked model (sema::Model); no back end
// reads the AST.
//
// A Program evaluates one record at a time into a frame of slots. Every slot has a type and a
// validity bit (a missing value is an invalid slot). The per-record program is a list of
// statements run in order; expressions are trees of typed nodes in one pool. Semantics that
// both back ends must implement identically are spelled out here, op by op; the built-in
// functions are not: they are calls into the one registry (runtime/builtins).
//
// Two contracts of the frame that both back ends rely on (and the lowering guarantees):
//  - A missing value is stored with a zero element (the value bits are 0, not left over), and
//    every expression that gives a missing value gives it with a zero element. Some readers
//    use the element without looking at its validity: StatusIn reads a missing status as 0
//    (NotApplicable), the weighted sums read statuses and scores, the indicators read the
//    checklist index. A back end that keeps a missing value with other bits (a select's
//    untaken side, a register) must zero it before such a reader sees it.
//  - Within a record, no statement reads a slot before a statement of that record has written
//    it: every slot read is either written earlier in the per-record program or written by no
//    statement at all (then the back end sets it missing in every row before evaluating).
//    Slots live in result columns reused from batch to batch, so a read before the write
//    would see another record's value; the back ends do not clear the columns first.
#include "compiler/source/source.h"
#include "compiler/types/type.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace xr::ir {

using ExprId = std::uint32_t;
using SlotId = std::uint32_t;
using ErrorSiteId = std::uint32_t;
inline constexpr ExprId kNoExpr = ~ExprId{0};
inline constexpr SlotId kNoSlot = ~SlotId{0};

/// An indicator's status as stored in a Status slot.
enum class Status : std::uint8_t { NotApplicable = 0, Pass = 1, Fail = 2, NotAssessed = 3 };
/// "pass", "fail", "not_assessed", "not_applicable"; "unknown_status" for a byte that is none.
std::string_view statusName(Status status);

/// A constant. Text is UTF-8; dates and enums are their integer codes.
struct Constant {
  Type type;
  bool valid = true; // false: the missing value of `type`
  std::int64_t i = 0; // Bool (0/1), Int, Date (days), Enum (member index), Set (bit mask), Status
  double d = 0;       // Number
  std::string text;   // Text
};

enum class Op : std::uint8_t {
  // Leaves. a: index.
  Const,   // constants[a]
  Field,   // record field a (type from the program's fields)
  Param,   // param a
  Slot,    // slot a, as it is now
  // Conversions.
  IntToNumber,  // exact for |x| <= 2^53
  BoolToInt,    // 0 or 1
  // Arithmetic. Type: Int or Number (both operands already of that type). Missing in,
  // missing out. Int ops raise error site b on overflow; Div is Number only and raises
  // error site b when the divisor is 0 (no infinities or NaNs are ever produced by it).
  Neg,
  Add,
  Sub,
  Mul,
  Div,
  // Comparisons of two operands of one type (Int, Number, Date, Enum, Bool, Text; Eq/Ne also
  // Set and Status). Result Bool, missing if either side is missing. Number comparisons are
  // IEEE (no NaN can arise).
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  // Kleene logic on Bool: Not(missing) = missing; And: false if either is false, else missing
  // if either is missing, else true; Or: true if either is true, else missing if either is
  // missing, else false. Evaluation is left to right and short-circuits: And does not
  // evaluate its right operand when the left is false, Or when the left is true, so
  // `cost > 0 and revenue / cost > 2` never divides by zero.
  Not,
  And,
  Or,
  // Missing values.
  IsMissing, // Bool, never missing: 1 if the operand is missing
  Coalesce,  // args: value, fallback; the fallback is evaluated only when value is missing
  // Control. If: args cond, then, else; only the chosen branch is evaluated; cond missing
  // gives missing without evaluating either branch.
  If,
  // When: args cond, then, else; like If, but a missing cond chooses `else` (conditions of
  // rows, rules, escalations and selectors: missing is "not true").
  When,
  // Sets of enum members (bit i = member i). SetHas: args set, enum member -> Bool.
  SetHas,
  // Indicator status: arg 0 a Status slot; a: bit mask of Status values (1 << Status).
  // Result Bool, 1 if the status is in the mask. Never missing.
  StatusIn,
  // Built-in function: a = builtins::Fn id; args as its signature. If any argument is
  // missing the result is missing and the kernel is not called. A kernel that can fail
  // raises error site b.
  Call,
  // Raise record error at error site a (a value of the node's type is never produced).
  Fail,
  // Report figures only (never in a per-record program): the value of aggregate a.
  Aggregate,
};

std::string_view opName(Op op);

struct Node {
  Op op = Op::Const;
  Type type;
  std::uint32_t firstArg = 0; // into Program::args
  std::uint32_t argCount = 0;
  std::int64_t a = 0;
  std::int64_t b = 0;
  SourceRange range; // what the node was lowered from
};

/// Why a record can fail, with the message context fixed at compile time. The message a
/// record gets is `<what>: <detail> (<where>)`, e.g.
/// `division by zero in indicator C3 (national/2024.xr:14:15)`.
enum class ErrorKind : std::uint8_t {
  DivisionByZero,
  IntegerOverflow,
  ScoreOutOfRange,
  DateOutOfRange,
  NoCalendar,
  NoChecklist,
  NothingAssessed,
  UniqueConflict,
  AnyConflict,
  NoRowMatched,
  BuiltinFailed,
};

struct ErrorSite {
  ErrorKind kind = ErrorKind::DivisionByZero;
  std::string context; // "indicator C3", "table tier rows 2 and 4"
  std::string where;   // "national/2024.xr:14:15"
  SourceRange range;
};

enum class SlotRole : std::uint8_t {
  Let,             // a top-level or indicator/check-local let
  IndicatorStatus, // Status
  IndicatorScore,  // Number, valid when assessed
  CheckRaised,     // Bool
  Checklist,       // Int: index of the applied checklist
  DomainScore,     // Number, valid when the domain had an assessed indicator
  Score,           // a `score` declaration
  Table,
  Output,
  RuleApplied,     // Bool
  EscalationFired, // Bool
  ActionArgument,  // value of an escalation action's argument
  Deadline,
  AggregateInput,  // the per-record argument of a report aggregate
  Temp,
};

struct SlotInfo {
  std::string name; // "C1.status", "tier", "frequency", "total", "safety.score"
  Type type;
  SlotRole role = SlotRole::Temp;
  std::uint32_t owner = 0; // the indicator/check/rule/... index it belongs to
};

struct Assign {
  SlotId slot = kNoSlot;
  ExprId value = kNoExpr;
};

/// An indicator, evaluated only when it is in the applied checklist:
///   if checklist slot's value not in `checklists`: status = NotApplicable, score missing
///   else: run `lets`; s = score (if any); p = pass (if any)
///     if s is valid and outside 0..100: raise `scoreRange` (tested as !(s >= 0 && s <= 100),
///       so NaN is out of range; after the pass condition is evaluated)
///     if (score && s missing) || (pass && p missing): apply the missing policy
///        NotAssessed -> status NotAssessed, score missing
///        Fail -> Fail, score 0; Pass -> Pass, score 100; Score -> score N, Pass iff N >= 60
///     else: status = pass ? (p ? Pass : Fail) : (s >= 60 ? Pass : Fail)
///           score = score ? s : (p ? 100 : 0)
/// The pass expression may read the score slot (the indicator's own `score`).
struct IndicatorStmt {
  std::uint32_t indicator = 0;
  SlotId status = kNoSlot;
  SlotId score = kNoSlot;
  SlotId checklist = kNoSlot;
  std::uint64_t checklists = 0; // bit c: member of checklist c
  std::vector<Assign> lets;
  ExprId scoreExpr = kNoExpr;
  ExprId passExpr = kNoExpr;
  enum class Missing : std::uint8_t { NotAssessed, Fail, Pass, Score } missing = Missing::NotAssessed;
  double missingScore = 0;
  ErrorSiteId scoreRange = 0;
};

/// A cross-check: run lets; raised = when; when missing: raised = raiseOnMissing.
struct CheckStmt {
  std::uint32_t check = 0;
  SlotId raised = kNoSlot;
  std::vector<Assign> lets;
  ExprId when = kNoExpr;
  bool raiseOnMissing = false;
};

/// Weighted scores (see docs/language.md, "Weights"). For the applied checklist c:
///   for each domain d, over indicators i of d in index order with status Pass or Fail and
///   weight w[c][i] > 0: num_d += w*s; den_d += w  -> domainScore[d] = num_d / den_d (or
///   missing when den_d == 0)
///   over domains d in index order with a valid domain score: num += W[c][d]*ds; den += W
///   -> total = num / den, or raise `nothingAssessed` when den == 0.
/// With `points` (weights are points, or no weights at all: 1 point each) the total is
///   (sum over domains of num_d) / (sum over domains of den_d), i.e. every assessed point
///   counts the same whatever its domain; domain scores are as above.
/// Sums are accumulated left to right in double; both back ends use this exact order.
/// `nothingAssessed` carries the applied checklist's index as its detail (batch::RowError).
struct WeightedStmt {
  bool points = false;
  SlotId total = kNoSlot;
  SlotId checklist = kNoSlot;
  std::vector<SlotId> domainScores;                // per domain
  std::vector<std::uint32_t> indicatorDomain;      // per indicator
  std::vector<SlotId> indicatorStatus;             // per indicator
  std::vector<SlotId> indicatorScore;              // per indicator
  std::vector<std::vector<double>> indicatorWeight; // [checklist][indicator]
  std::vector<std::vector<double>> domainWeight;    // [checklist][domain]
  ErrorSiteId nothingAssessed = 0;
};

/// A decision table. Conditions are evaluated in row order; a missing condition does not
/// match. first: the first matching row's outcome. unique: two matching rows raise
/// `conflict` (naming them); any: matching rows with different outcomes raise `conflict`;
/// priority: the matching outcome with the lowest enum index; collect: the set of matching
/// outcomes; collect sum/min/max/count: numeric aggregate of matching outcomes (count: rows).
/// No row matching: `otherwise` if present, else missing (collect: empty set; sum/count: 0;
/// min/max: missing). Outcomes are evaluated only for the rows that matched.
///
/// Per-record order, exactly (both back ends; it decides which error a record reports):
///  - first: conditions in row order up to the first match; then that row's outcome.
///  - unique: conditions in row order; a second match raises `conflict` at once (later
///    conditions are not evaluated); then the one matching row's outcome.
///  - any, priority, collect, sum/min/max/count: every condition in row order; then the
///    outcomes of the matching rows in row order (count: none). any raises `conflict` at the
///    first outcome that differs from the first matching row's (missing equals only missing);
///    priority/collect/sum/min/max skip missing outcomes; sum adds left to right (an int sum
///    that overflows raises IntegerOverflow at the `conflict` site); min/max of numbers use the
///    min/max kernels (-0 below +0).
///  - otherwise: evaluated only when no row matched; for collect it gives the set of its one
///    member.
/// The error details of a conflict are the two rows, 1-based (batch::RowError).
struct TableStmt {
  std::uint32_t table = 0;
  SlotId slot = kNoSlot;
  enum class Policy : std::uint8_t { First, Unique, Any, Priority, Collect, Sum, Min, Max, Count };
  Policy policy = Policy::First;
  std::vector<ExprId> conditions;
  std::vector<ExprId> outcomes;
  ExprId otherwise = kNoExpr;
  ErrorSiteId conflict = 0;
  /// For unique/any: error site per pair is not enumerated; the message names the rows by
  /// their 1-based number, filled in at run time from `rowLines`.
  std::vector<std::uint32_t> rowLines;
};

/// A rule: if `when` is true (missing is false): applied = true, then each assignment in
/// order (each sees the ones before it).
struct RuleStmt {
  std::uint32_t rule = 0;
  SlotId applied = kNoSlot;
  ExprId when = kNoExpr;
  std::vector<Assign> assignments;
};

/// An escalation: fired = when (missing is false); when fired, each action argument slot is
/// assigned in order.
struct EscalateStmt {
  std::uint32_t escalation = 0;
  SlotId fired = kNoSlot;
  ExprId when = kNoExpr;
  std::vector<Assign> arguments;
};

struct Stmt {
  using Body = std::variant<Assign, IndicatorStmt, CheckStmt, WeightedStmt, TableStmt, RuleStmt,
                            EscalateStmt>;
  Body body;
  SourceRange range;
};

struct FieldInfo {
  std::string name;
  Type type;
  bool key = false;
};

struct ParamInfo {
  std::string name;
  Type type;
  Constant defaultValue; // invalid when it must be given at run time
  bool hasDefault = false;
};

/// One column of the results, in output order.
struct ResultColumn {
  std::string name; // "checklist", "total", "safety.score", "tier", "C1.status", ...
  SlotId slot = kNoSlot;
  bool perIndicator = false; // shown only with --indicators
};

struct ActionInfo {
  std::string name;
  SlotId argument = kNoSlot; // kNoSlot when the action has no argument
};

struct EscalationInfo {
  std::string name;
  SlotId fired = kNoSlot;
  std::vector<ActionInfo> actions;
};

struct FlagInfo {
  std::string name;
  std::vector<SlotId> raisedBy; // check slots that raise it
};

enum class AggregateKind : std::uint8_t { Count, CountIf, Rate, Sum, Avg, Min, Max, Top, Bottom };

struct AggregateInfo {
  AggregateKind kind = AggregateKind::Count;
  SlotId input = kNoSlot; // the per-record value or condition (AggregateInput slot)
  std::int64_t n = 0;     // for Top/Bottom
};

struct ReportItemInfo {
  std::string name;
  std::string title;
  ExprId value = kNoExpr;  // over Aggregate leaves and constants
  ExprId target = kNoExpr; // Bool over the value (Aggregate leaves): target met
  std::string targetText;  // ">= 95%"
};

struct ReportInfo {
  std::string name;
  std::string title;
  SlotId groupBy = kNoSlot; // kNoSlot: one group
  std::vector<AggregateInfo> aggregates;
  std::vector<ReportItemInfo> items;
};

struct Calendar {
  std::vector<std::int32_t> years;
  std::vector<std::int32_t> holidays; // sorted days since epoch
  std::vector<std::int32_t> workdays; // sorted
};

struct TestExpectation {
  ExprId condition = kNoExpr; // Bool over the frame after evaluation
  std::string text;           // as written
  std::vector<ExprId> shown;  // values to print on failure ("tier = yellow")
  SourceRange range;
};

struct TestCase {
  std::string title;                // "title" or "title [row 3]"
  std::vector<Constant> record;     // per field; invalid = missing
  std::vector<std::pair<std::uint32_t, Constant>> params;
  std::vector<TestExpectation> expectations;
  bool expectError = false;
  std::string errorContains;
  SourceRange range;
};

struct Program {
  std::string title;
  std::int64_t version = 0;
  std::string contentHash; // hex SHA-256 over the sources of every file of the rule set

  EnumTable enums;
  std::vector<FieldInfo> fields;
  std::vector<ParamInfo> params;
  std::vector<SlotInfo> slots;
  std::vector<Constant> constants;
  std::vector<Node> nodes;
  std::vector<ExprId> args;
  std::vector<ErrorSite> errors;
  std::vector<Stmt> statements; // the per-record program

  std::vector<std::string> checklists; // names, index = the checklist slot's value
  std::vector<std::string> domains;
  std::vector<std::string> indicators;
  SlotId checklistSlot = kNoSlot;
  std::vector<ResultColumn> results;
  std::vector<FlagInfo> flags;
  std::vector<EscalationInfo> escalations;
  std::vector<ReportInfo> reports;
  Calendar calendar;
  std::vector<TestCase> tests;

  const Node &node(ExprId id) const { return nodes[id]; }
  ExprId arg(const Node &n, std::uint32_t i) const { return args[n.firstArg + i]; }
};

/// A readable dump for `xuncha check --emit=ir` and golden tests.
std::string dump(const Program &program);

struct DumpOptions {
  /// What moves when only the layout of a file changes: the content hash, the line of each
  /// table row, the file position of each error site and report targets as written (shown
  /// as expressions without it). `xuncha fmt`'s tests compare dumps without it.
  bool sourceLayout = true;
  /// Also every test case (record, params, expectations) and every day of the calendar.
  bool testsAndCalendar = false;
};
std::string dump(const Program &program, const DumpOptions &options);

} // namespace xr::ir
