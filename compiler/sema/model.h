#pragma once
// The checked rule set: what sema makes of the modules of one compilation (a rule file, its
// imports and its `extends` chain, with overrides applied and retired declarations gone).
// The IR lowering, the formatter's meaning check, the language server and `doc`/`diff` read
// it; nothing after sema reads the parse tree. AST nodes are referred to by pointer (the
// AstContext owning them outlives the model) and side tables are keyed by NodeId.
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/types/type.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace xr::sema {

/// What a name can refer to. `index` is the position in the vector of that kind in Model.
enum class SymbolKind : std::uint8_t {
  Field,
  Param,
  Enum,
  EnumMember, // index: enum id; member: member index
  Domain,
  Indicator,
  IndicatorLet, // index: indicator; member: the let's position in IndicatorInfo::lets
  Check,
  CheckLet,     // index: check; member: the let's position in CheckInfo::lets
  Checklist,
  Let,
  Score,
  Table,
  Output,
  Rule,
  Escalate,
  Deadline,
  Calendar,
  Report,
  ReportItem, // index: report; member: item
  Example,
  Builtin,    // index: the builtin's id in the registry
  Aggregate,  // index: AggregateKind
};

std::string_view symbolKindName(SymbolKind kind); // "field", "indicator", ...

/// An index that refers to nothing (an indicator without a known domain).
inline constexpr std::uint32_t kNoIndex = ~std::uint32_t{0};

struct SymbolRef {
  SymbolKind kind = SymbolKind::Field;
  std::uint32_t index = 0;
  std::uint32_t member = 0;
  friend bool operator==(const SymbolRef &, const SymbolRef &) = default;
  friend auto operator<=>(const SymbolRef &, const SymbolRef &) = default;
};

/// Where a declaration is written: its name, in which file. For an overridden declaration
/// `definition` is the base's and `overrides` lists each `override` that changed it.
struct Location {
  SourceRange name;        // the declared name
  SourceRange declaration; // the whole declaration
};

struct FieldInfo {
  std::string name;
  std::string title; // may be empty
  Type type;
  std::string unit; // may be empty
  bool key = false;
  const ast::FieldDecl *decl = nullptr;
  Location where;
};

struct ParamInfo {
  std::string name;
  std::string title;
  Type type;
  std::string unit;
  const ast::Expr *defaultValue = nullptr; // a constant expression, or null
  const ast::ParamDecl *decl = nullptr;
  Location where;
};

struct WeightInfo {
  ast::WeightKind kind = ast::WeightKind::Share;
  std::int64_t micro = 0; // see ast::WeightSpec
  SourceRange range;      // where it is written (the override's when overridden)
  double value() const { return static_cast<double>(micro) / 1e6; } // 40% -> 40.0, 8 points -> 8.0
};

struct DomainInfo {
  std::string name;
  std::string title;
  std::optional<WeightInfo> weight; // none under points
  std::vector<std::uint32_t> indicators; // in declaration order
  const ast::DomainDecl *decl = nullptr;
  Location where;
};

struct LetInfo {
  std::string name;
  const ast::Expr *value = nullptr;
  Type type;
  ast::NodeId id = 0; // the LetItem's id
  Location where;
};

struct IndicatorInfo {
  std::string name;
  std::string title;
  std::uint32_t domain = kNoIndex; // kNoIndex: none written (XR0211) or unknown (XR0103)
  bool domainWritten = false;      // an `in DOMAIN` is written (known or not)
  std::optional<WeightInfo> weight;
  std::optional<ast::Severity> severity;
  std::vector<std::string> basis;
  std::vector<LetInfo> lets;             // in order; later lets may use earlier ones
  const ast::Expr *score = nullptr;      // may be null
  const ast::Expr *pass = nullptr;       // may be null
  ast::MissingPolicy missing;            // NotAssessed when not written
  bool missingWritten = false;
  bool mayBeMissing = false;             // some expression of it can be missing
  const ast::IndicatorDecl *decl = nullptr;           // the first declaration
  std::vector<const ast::IndicatorDecl *> overrides; // in order of application
  Location where;
};

struct CheckInfo {
  std::string name;
  std::string title;
  std::vector<LetInfo> lets;
  const ast::Expr *when = nullptr;
  std::vector<std::string> flags;
  std::vector<std::string> basis;
  ast::MissingPolicyKind missing = ast::MissingPolicyKind::Skip;
  bool mayBeMissing = false;
  const ast::CheckDecl *decl = nullptr;
  Location where;
};

/// A name listed in a checklist, resolved by sema: an Indicator or a Domain. Unknown names
/// (XR0104, reported by sema) and retired indicators are left out.
struct ChecklistItemInfo {
  SymbolRef target;
  SourceRange range;
};

struct ChecklistInfo {
  std::string name;
  std::string title;
  const ast::Expr *selector = nullptr;
  std::vector<ChecklistItemInfo> items; // as written: the list, or the exceptions of `all`
  std::vector<std::uint32_t> indicators; // members, in rule-set indicator order
  /// Effective weight of each indicator of the rule set in this checklist (0 when not a
  /// member), as a fraction of the total: see docs/language.md, "Weights".
  std::vector<double> effectiveWeights;
  const ast::ChecklistDecl *decl = nullptr;
  Location where;
};

/// A top-level `let` or `score`.
struct ValueInfo {
  std::string name;
  std::string title;
  const ast::Expr *value = nullptr;
  bool weighted = false; // `score x = weighted(checklist)`
  Type type;
  const ast::Decl *decl = nullptr;
  Location where;
};

struct TableRowInfo {
  const ast::Expr *condition = nullptr; // null for otherwise
  const ast::Expr *outcome = nullptr;
  SourceRange range;
};

struct TableInfo {
  std::string name;
  std::string title;
  ast::HitPolicy hit;
  std::vector<TableRowInfo> rows;
  bool hasOtherwise = false;
  Type outcomeType; // of one outcome
  Type type;        // of the table's value (optional without otherwise; a set for collect)
  const ast::TableDecl *decl = nullptr;
  Location where;
};

struct OutputInfo {
  std::string name;
  std::string title;
  Type type;
  const ast::Expr *initial = nullptr; // for `frequency`: null, see frequencyTable
  /// For the `frequency` output: the table and one value expression per member of its enum.
  std::optional<std::uint32_t> frequencyTable;
  std::vector<const ast::Expr *> frequencyValues;
  const ast::Decl *decl = nullptr;
  Location where;
};

struct AssignmentInfo {
  std::uint32_t output = 0;
  const ast::Expr *value = nullptr;
  SourceRange range;
};

struct RuleInfo {
  std::string name;
  std::string title;
  const ast::Expr *when = nullptr;
  std::vector<AssignmentInfo> assignments;
  const ast::RuleDecl *decl = nullptr;
  Location where;
};

struct ActionInfo {
  std::string name;
  const ast::Expr *argument = nullptr; // may be null
  SourceRange range;
};

struct EscalateInfo {
  std::string name;
  std::string title;
  const ast::Expr *when = nullptr;
  std::vector<ActionInfo> actions;
  const ast::EscalateDecl *decl = nullptr;
  Location where;
};

struct DeadlineInfo {
  std::string name;
  std::string title;
  const ast::Expr *value = nullptr;
  Type type; // date or date?
  const ast::DeadlineDecl *decl = nullptr;
  Location where;
};

/// All calendars merged: sorted, distinct dates.
struct CalendarInfo {
  std::vector<std::int32_t> years;         // covered years, sorted
  std::vector<std::int32_t> holidays;      // days since epoch, sorted
  std::vector<std::int32_t> workdays;      // weekend days declared working days, sorted
  std::vector<const ast::CalendarDecl *> decls;
};

enum class AggregateKind : std::uint8_t { Count, CountIf, Rate, Sum, Avg, Min, Max, Top, Bottom };

struct ReportItemInfo {
  std::string name;
  std::string title;
  const ast::Expr *value = nullptr; // may contain aggregate calls
  std::optional<ast::BinaryOp> targetOp;
  const ast::Expr *target = nullptr;
  Type type;
  const ast::ReportItem *item = nullptr;
};

struct ReportInfo {
  std::string name;
  std::string title;
  const ast::Expr *groupBy = nullptr; // may be null
  std::vector<ReportItemInfo> items;
  const ast::ReportDecl *decl = nullptr;
  Location where;
};

struct TestInfo {
  std::string title;
  const ast::TestDecl *decl = nullptr;
  Location where;
};

/// Where an enum of Model::enums is written (same index): the enum's name (or the field,
/// output, param or table that declares it inline or implies it) and each member.
struct EnumSource {
  Location where;
  std::vector<SourceRange> members; // the member names as first written
};

/// A declaration removed by `retire` (it is in no other vector of the model).
struct RetiredInfo {
  std::string name;
  ast::DeclKind kind = ast::DeclKind::Indicator;
  SourceRange retiredAt; // the `retire` declaration
  Location where;        // where the retired declaration was written
};

struct ExampleInfo {
  std::string name;
  const ast::ExampleDecl *decl = nullptr;
  Location where;
};

/// What a NameExpr, MemberExpr, StatusExpr operand, call or declared name refers to.
struct Reference {
  SymbolRef target;
  SourceRange range; // the referring name
};

/// A step of the per-record evaluation order.
struct EvalStep {
  SymbolRef what; // Indicator, Check, Checklist (the choice; index 0), Let, Score, Table,
                  // Output (initial value), Rule, Escalate, Deadline, Report (its group-by
                  // value; only for a report with `by`), ReportItem (its per-record aggregate
                  // arguments)
};

struct Model {
  // The rule set.
  std::string title;
  std::int64_t version = 0;
  FileId rootFile = kNoFile;
  std::vector<FileId> files; // root first, then imports and bases in load order

  // Declarations, each kind in source order (base before extension).
  std::string recordName;
  const ast::RecordDecl *record = nullptr;
  std::vector<FieldInfo> fields;
  std::vector<ParamInfo> params;
  EnumTable enums;
  std::vector<EnumSource> enumSources; // index = EnumId
  std::vector<DomainInfo> domains;
  std::vector<IndicatorInfo> indicators;
  std::vector<CheckInfo> checks;
  std::vector<ChecklistInfo> checklists;
  std::vector<ValueInfo> lets;
  std::vector<ValueInfo> scores;
  std::vector<TableInfo> tables;
  std::vector<OutputInfo> outputs;
  std::vector<RuleInfo> rules;
  std::vector<EscalateInfo> escalations;
  std::vector<DeadlineInfo> deadlines;
  CalendarInfo calendar;
  std::vector<ReportInfo> reports;
  std::vector<ExampleInfo> examples;
  std::vector<TestInfo> tests; // the root file's tests only
  std::vector<RetiredInfo> retired;
  std::optional<ast::WeightKind> weightKind; // none when no weight is written

  // Name lookup: every top-level name of the rule set.
  std::map<std::string, SymbolRef, std::less<>> globals;

  // Side tables keyed by the AST node.
  std::unordered_map<ast::NodeId, Type> exprTypes;          // every checked expression
  // What a name means, as sema resolved it:
  //  - NameExpr: its symbol; a bare enum member (or a string literal naming a member by its
  //    label) is EnumMember; `score` inside an indicator's own pass is {Indicator, self}.
  //  - MemberExpr `C1.score`: {Indicator, C1}.
  //  - CallExpr: {Builtin, the chosen overload's Fn id} or {Aggregate, AggregateKind}
  //    (`count(cond)` is CountIf; bare `count` in a report is a NameExpr {Aggregate, Count}).
  //  - StatusExpr: {Indicator, i}, and so is its operand.
  std::unordered_map<ast::NodeId, SymbolRef> resolved;      // Name/Member/Call/Status exprs
  std::unordered_map<ast::NodeId, std::string> exprUnits;   // units known for an expression
  std::vector<Reference> references;                        // every use of a name, for the LSP

  // Per-record evaluation order (dependencies first; rules in source order).
  std::vector<EvalStep> order;

  bool hasErrors = false;

  // Lookup helpers.
  const Type *typeOf(const ast::Expr &e) const;
  std::optional<SymbolRef> resolution(const ast::Expr &e) const;
  std::optional<SymbolRef> lookup(std::string_view name) const;
  std::string nameOf(SymbolRef ref) const; // the declared name ("C1", "tier", "Tier.red")
  Location locationOf(SymbolRef ref) const;
};

} // namespace xr::sema
