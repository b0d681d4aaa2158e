#pragma once
// Internal to compiler/codegen: the lowering of a program's per-record statements to loops over
// rows (codegen.h is the public face). The rows of a batch are taken a tile at a time; for each
// tile, each group of statements in program order is a loop over all the tile's rows. Row loops
// compute the values of records that raise no error, and only flag the others: an error sets
// the row's status (abi.h), and the host evaluates the flagged rows again with the interpreter,
// which finds and reports the first error exactly. So a row's loop has no error exits: what
// follows an error runs on with values nobody uses (integer arithmetic wraps rather than being
// undefined, divisors and indexes are kept valid), and a flagged row is computed by later
// loops too. Such loops, with no calls, are straight-line code over independent rows, which
// the loop vectoriser turns into vector code: the loops say that no row depends on another
// (llvm.loop.parallel_accesses), which holds as every access is to the row's own element.
// A flag can be conservative (an integer product near the int range is flagged, though it may
// fit): the interpreter then finds no error and the row's results are the same.
//
// Slots live where the storage plan says (slot_storage.h): the results columns of the slots the
// results keep, read and written in place as the interpreter does; a variable of the loop
// (registers, after mem2reg) for a slot only one loop touches; a column of the tile's scratch
// buffer for one that several loops touch. Each loop touches only the columns of its
// statements, and every column has its own type-based alias tag, so loops stay small,
// cache-friendly and open to vectorisation. Temporaries that merge values from several blocks
// are allocas that mem2reg turns into registers. A missing value is always stored with a zero
// element, as results.h requires and some statements rely on (the weighted sums and the
// checklist index read values without looking at their validity).
//
// Malformed IR (a compiler bug, not a user error) throws MalformedIr from here; codegen.cpp
// turns it into a message. No LLVM frame is on the stack when it is thrown.
#include "compiler/codegen/abi.h"
#include "compiler/codegen/invariant_calls.h"
#include "compiler/codegen/slot_storage.h"
#include "compiler/ir/ir.h"
#include "runtime/builtins/registry.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

#include <cstddef>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace xr::codegen::detail {

class MalformedIr : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A value in registers. `v` is the element (bool i1, status i8, date and enum i32, int and set
/// i64, number double, text ptr), `length` the byte length of a text, `ok` (i1) its validity.
/// When `ok` is false, `v` means nothing (a variable stores it as zero).
struct Value {
  llvm::Value *v = nullptr;
  llvm::Value *length = nullptr;
  llvm::Value *ok = nullptr;
};

/// A variable of the row: a slot in its results column or in a scratch column, or a variable of
/// the loop (allocas: a slot the plan keeps in the loop, or a temporary that merges values from
/// several blocks).
struct Var {
  TypeKind kind = TypeKind::Bool;
  ir::SlotId slot = ir::kNoSlot;    // loads and stores go to this slot's results column
  ir::SlotId scratch = ir::kNoSlot; // ... to this slot's scratch column
  bool ready = false;               // a slot's variable made for the current function
  llvm::AllocaInst *v = nullptr;
  llvm::AllocaInst *length = nullptr;
  llvm::AllocaInst *ok = nullptr;
};

class RowLowering {
public:
  RowLowering(const ir::Program &program, const StoragePlan &plan, llvm::Module &module);
  /// Adds the function xr_eval (abi.h) to the module.
  void lower();

private:
  // ---- the functions: xr_eval's tiles, a function per group of statements that loops over a
  // tile's rows (lower_function.cpp)
  llvm::Function *statementFunction(std::size_t group);
  /// What the current function reads from the frame, loaded once in its entry block.
  llvm::Value *frameValue(std::size_t offset, llvm::Type *type);
  llvm::Value *arrayElement(std::size_t arrayOffset, std::size_t index);
  llvm::Value *status() { return frameValue(offsetof(XrJitFrame, status), ptr_); }
  llvm::Value *batchArena() { return frameValue(offsetof(XrJitFrame, batchArena), ptr_); }
  llvm::Value *kernelContext() { return frameValue(offsetof(XrJitFrame, kernelContext), ptr_); }
  llvm::Value *textSink() { return frameValue(offsetof(XrJitFrame, textSink), ptr_); }
  Value paramValue(std::uint32_t index);
  Value loadField(std::uint32_t field);
  Value loadSlot(ir::SlotId slot);
  void storeSlot(ir::SlotId slot, const Value &value);
  Value loadScratch(ir::SlotId slot);
  void storeScratch(ir::SlotId slot, const Value &value);
  /// A scratch column's array (values or validity) for the current function.
  llvm::Value *scratchArray(std::size_t offset);
  /// A column's element and validity at `index`; `tag` names the column for alias analysis.
  /// Text is read from the batch's arena or (results) the results' arena.
  Value loadColumn(TypeKind kind, llvm::Value *values, llvm::Value *validity, llvm::Value *index,
                   const std::string &tag, bool resultsText);
  void storeColumn(TypeKind kind, const Value &value, llvm::Value *values, llvm::Value *validity,
                   llvm::Value *index, const std::string &tag);
  /// Tags a load or store with the type-based alias class `name` (one per column).
  llvm::Instruction *tagged(llvm::Instruction *access, const std::string &name);

  // ---- values, variables, blocks (lower_values.cpp)
  llvm::Type *typeOf(TypeKind kind);
  Value missing(TypeKind kind);
  Value present(llvm::Value *v, llvm::Value *length = nullptr);
  Value constant(const ir::Constant &c, TypeKind kind, std::size_t index);
  Var makeVar(TypeKind kind, const Value &initial);
  llvm::AllocaInst *entryAlloca(llvm::Type *type, const char *name);
  Value load(const Var &var);
  /// Stores into the variable (zero when missing) and, for a slot, into its results column.
  void store(const Var &var, const Value &value);
  /// A value of one kind read as another of the same storage (bool and status).
  Value adapt(const Value &value, TypeKind from, TypeKind to);
  llvm::BasicBlock *block(const char *name);
  void ifThen(llvm::Value *cond, const std::function<void()> &then);
  void ifThenElse(llvm::Value *cond, const std::function<void()> &then,
                  const std::function<void()> &otherwise);
  llvm::Value *i8(std::uint64_t v) { return b_.getInt8(static_cast<std::uint8_t>(v)); }
  llvm::Value *i32(std::int64_t v) { return b_.getInt32(static_cast<std::uint32_t>(v)); }
  llvm::Value *i64(std::int64_t v) { return b_.getInt64(static_cast<std::uint64_t>(v)); }
  llvm::Value *f64(double v);
  llvm::Value *truth(bool v) { return b_.getInt1(v); }
  /// Whether two values of a kind are equal: both missing, or both present and `==`.
  llvm::Value *sameValue(const Value &a, const Value &b, TypeKind kind);

  // ---- errors (lower_values.cpp)
  /// Marks the row as raising an error (abi.h: the host evaluates it again with the
  /// interpreter, which finds the first error). The code after it runs on: the values it
  /// computes for the row are never used, and nothing it does with them is undefined.
  void raise();
  void raiseIf(llvm::Value *cond);
  /// Whether the int64 sum r = a + b (wrapped) overflowed.
  llvm::Value *addOverflows(llvm::Value *a, llvm::Value *b, llvm::Value *r);

  // ---- expressions (lower_expr.cpp, lower_call.cpp)
  const ir::Node &node(ir::ExprId id) const;
  ir::ExprId arg(const ir::Node &n, std::uint32_t i) const;
  TypeKind kindOf(ir::ExprId id) const;
  /// The value of an expression as a value of `kind` (the kind a Fail node stands for).
  Value expr(ir::ExprId id, TypeKind kind);
  Value exprOwn(ir::ExprId id) { return expr(id, kindOf(id)); }
  /// A call of invariant_calls.h: made once, where the current function's loop starts (the
  /// first time the function needs it), its error raised where the record uses it.
  Value hoistedCall(ir::ExprId id, TypeKind want);
  Value arithmetic(const ir::Node &n, TypeKind kind);
  Value comparison(const ir::Node &n);
  /// Whether evaluating an expression can do nothing but give a value (no error, no kernel
  /// call): then a lazy operand is evaluated for every record and chosen by a select, as the
  /// interpreter evaluates such operands for every row (engine.h, lazyOperandsSafe).
  bool speculable(ir::ExprId id);
  /// Whether a lazy operand is evaluated for every record and chosen by a select: it calls no
  /// kernel and is small, so computing it costs less than a branch the data decides (which
  /// mispredicts); the errors it can raise are held until the choice. Evaluating it for
  /// a record that does not choose it has no effect: values only, errors held and dropped.
  bool eager(ir::ExprId id);
  /// Evaluates an eager operand. `held` becomes whether it raised an error (a variable of the
  /// row, i1), or null when it can raise none.
  Value eagerOperand(ir::ExprId id, TypeKind kind, llvm::AllocaInst *&held);
  /// Raises the error held for an operand when the operand was chosen.
  void raiseHeld(llvm::AllocaInst *held, llvm::Value *chosen);
  Value select(llvm::Value *cond, const Value &a, const Value &b);
  Value logic(const ir::Node &n, bool isAnd);
  Value choice(const ir::Node &n, TypeKind kind);
  Value coalesce(const ir::Node &n, TypeKind kind);
  Value call(const ir::Node &n, TypeKind kind);
  llvm::Value *textEqual(const Value &a, const Value &b);
  llvm::Function *kernel(builtins::Fn fn);
  llvm::Function *helper(const char *name);
  /// min or max of two present values with the registry's kernels (tables' min/max).
  llvm::Value *pick(bool isMin, TypeKind kind, llvm::Value *a, llvm::Value *b);

  // ---- statements (lower_stmt.cpp, lower_table.cpp)
  void statement(const ir::Assign &s);
  void statement(const ir::IndicatorStmt &s);
  void statement(const ir::CheckStmt &s);
  void statement(const ir::WeightedStmt &s);
  void statement(const ir::TableStmt &s);
  void statement(const ir::RuleStmt &s);
  void statement(const ir::EscalateStmt &s);
  void assign(const ir::Assign &a);
  /// A slot's variable in the current function, made on first use as the plan says.
  const Var &slot(ir::SlotId s);
  void weightedForChecklist(const ir::WeightedStmt &s, std::size_t checklist);
  void tableFirst(const ir::TableStmt &s, TypeKind kind);
  void tableUnique(const ir::TableStmt &s, TypeKind kind);
  std::vector<llvm::Value *> tableHits(const ir::TableStmt &s);
  llvm::Value *noHit(const std::vector<llvm::Value *> &hits);
  llvm::Value *firstHit(const std::vector<llvm::Value *> &hits);
  void tableAny(const ir::TableStmt &s, TypeKind kind);
  void tableFold(const ir::TableStmt &s, TypeKind kind);
  void tableCollect(const ir::TableStmt &s);
  void tableCount(const ir::TableStmt &s);
  /// Rows with no match: the otherwise value, or `fallback`.
  void noMatch(const ir::TableStmt &s, llvm::Value *none, const Var &value, TypeKind kind,
               const Value &fallback);

  const ir::Program &p_;
  const StoragePlan &plan_;
  const InvariantCalls invariantCalls_;
  llvm::Module &m_;
  llvm::LLVMContext &c_;
  llvm::IRBuilder<> b_;
  llvm::Function *fn_ = nullptr;
  llvm::BasicBlock *entry_ = nullptr;
  llvm::Type *ptr_ = nullptr;

  // The current function: its frame argument, the tile, the row, what its entry loaded.
  llvm::Value *frame_ = nullptr;
  llvm::Value *tileStart_ = nullptr;
  llvm::Value *tileEnd_ = nullptr;
  llvm::Value *row_ = nullptr;
  llvm::Value *tileRow_ = nullptr; // row - tile start: the index into scratch columns
  std::uint32_t group_ = 0;
  std::map<std::size_t, llvm::Value *> frameValues_;                    // by frame offset
  std::map<std::pair<std::size_t, std::size_t>, llvm::Value *> arrays_; // by array, index
  std::map<std::uint32_t, Value> params_;
  llvm::BasicBlock *preheader_ = nullptr; // where hoisted calls go: the last block before the
                                          // loop, terminated once the loop is made
  struct Hoisted {
    Value value;
    llvm::AllocaInst *raised = nullptr; // i1: the call raised an error
  };
  std::map<std::pair<ir::ExprId, TypeKind>, Hoisted> hoisted_; // in the current function
  bool hoisting_ = false; // a hoisted call is being lowered (its operands are not hoisted)
  llvm::AllocaInst *raised_ = nullptr;       // i1: the row raised an error in this function
  llvm::MDNode *parallelAccesses_ = nullptr; // the access group of the function's row loop

  std::vector<Var> slots_; // per slot, for the current function
  llvm::MDNode *tbaaRoot_ = nullptr;
  std::map<std::string, llvm::MDNode *> tbaaTags_;

  std::map<std::size_t, llvm::Constant *> texts_; // text constants by constant index
  std::map<ir::ExprId, bool> speculable_;
  std::map<ir::ExprId, std::uint32_t> eagerNodes_; // nodes of an eager operand; 0: not eager
  llvm::AllocaInst *held_ = nullptr; // where raise() puts errors while an eager operand is
                                     // evaluated
  std::map<std::string, llvm::Function *> functions_;
};

} // namespace xr::codegen::detail
