#pragma once
// Why one record got its result (`xuncha explain`): the record traced through the per-record
// program (interp::traceRecord), each part of the result told with the values it read at the
// point where it ran. Every value comes from the interpreter: slots from the trace's frames,
// the operands of a condition from Interpreter::evaluateExpression over the frame of the
// statement that evaluated it. Nothing here re-implements a semantic of the language but the
// arithmetic of effective weights, which only describes the weighted score the interpreter
// computed (docs/language.md 5.7 and 5.9).
#include "compiler/driver/compilation.h"
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/interp/interpreter.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xr::explain {

/// A named value: a field, a param, a slot or an expression's value.
struct Value {
  std::string name; // "license_expiry", "total", "revenue / cost"
  ir::Constant value;
  std::string error; // the value's evaluation raised a record error (its message)
};

/// A condition evaluated where its statement ran, with the values of its operands.
struct Condition {
  std::string text;            // "total < 60"
  std::string outcome;         // "true", "false", "missing" or "error"
  std::string error;           // outcome "error": the message
  std::vector<Value> operands; // the compared values and the names the condition reads
  std::uint32_t line = 0;
};

struct IndicatorPart {
  std::string name;
  std::string title;
  std::string domain; // the domain's name ("" when none)
  std::uint32_t line = 0;
  bool applicable = false; // in the applied checklist
  bool failed = false;     // it raised the record's error (status and score are then missing)
  ir::Status status = ir::Status::NotApplicable;
  ir::Constant score;
  /// The weight in the applied checklist before missing data, and the weight it really had in
  /// the weighted score (re-normalised over the assessed indicators; 0 when not assessed).
  /// Fractions of 1; both 0 when the program has no weighted score.
  double weight = 0;
  double effectiveWeight = 0;
  std::vector<Value> inputs; // what its lets, score and pass read, in order of first use
};

struct DomainPart {
  std::string name;
  std::string title;
  ir::Constant score;
  /// The domain's share of the total after re-normalisation (0 when it had nothing assessed).
  double effectiveWeight = 0;
};

struct ChecklistPart {
  std::optional<std::uint32_t> chosen; // none when no checklist applies (a record error)
  std::string name;
  std::string title;
  std::optional<Condition> because; // the chosen checklist's `for` condition
  struct Rejected {
    std::string name;
    std::string title;
    Condition condition;
  };
  std::vector<Rejected> rejected; // the earlier checklists, in order
};

struct TableRowPart {
  std::uint32_t row = 0; // 1-based
  std::uint32_t line = 0;
  Condition condition;
  bool matched = false;
  std::string outcomeText;
  std::optional<Value> outcome; // evaluated for matched rows
};

struct TablePart {
  std::string name;
  std::string title;
  std::string policy; // "first", "unique", "any", "priority", "collect", "collect sum", ...
  std::vector<TableRowPart> rows; // the rows evaluated, in order
  bool otherwiseUsed = false;
  std::string otherwiseText;
  ir::Constant value;
  bool failed = false; // the table raised the record's error
};

struct ChangePart {
  std::string output;
  ir::Constant before;
  ir::Constant after;
};

struct RulePart {
  std::string name;
  std::string title;
  bool applied = false;
  Condition condition;
  std::vector<ChangePart> changes; // applied rules: each output it assigned, old and new
};

struct ActionPart {
  std::string name;
  std::optional<ir::Constant> argument;
};

struct EscalationPart {
  std::string name;
  std::string title;
  bool fired = false;
  Condition condition;
  std::vector<ActionPart> actions; // fired escalations only
};

struct FlagPart {
  std::string name;
  std::vector<std::string> raisedBy; // the checks that raised it ("power_vs_output")
};

struct NamedValue {
  std::string name;
  std::string title;
  ir::Constant value;
};

struct Explanation {
  std::string file;    // the rule set's path
  std::string ruleset; // its title
  std::int64_t version = 0;
  std::optional<ir::Constant> key;
  std::vector<Value> record; // present fields, in record order
  std::vector<Value> params; // every param's value for the run
  /// The result columns (ir::Program::results without per-indicator ones), final values.
  std::vector<Value> result;
  ChecklistPart checklist;
  std::vector<IndicatorPart> indicators; // in rule-set order (evaluated ones have a status)
  std::vector<DomainPart> domains;       // when the program has a weighted score
  std::vector<TablePart> tables;         // in evaluation order
  std::vector<RulePart> rules;           // in source (= evaluation) order
  std::vector<EscalationPart> escalations;
  std::vector<FlagPart> flags; // raised flags only
  std::vector<NamedValue> deadlines;
  std::optional<std::string> error; // the record's error message
};

/// Explains row 0 of `record` (a batch of one record of the compilation's program) with
/// `params`, evaluated by `interpreter` (made for the compilation's program).
Explanation explainRecord(const Compilation &compilation, const interp::Interpreter &interpreter,
                          const batch::Batch &record, const batch::ParamValues &params);

} // namespace xr::explain
