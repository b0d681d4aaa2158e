#include "compiler/ir/lower.h"

#include "compiler/ast/spelling.h"
#include "compiler/support/sha256.h"
#include "runtime/builtins/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <map>
#include <stdexcept>

namespace xr {
namespace {

using namespace ir;
using sema::SymbolKind;
using sema::SymbolRef;

/// A broken invariant between sema and the lowering: a bug, reported as XR9001.
struct InternalError : std::logic_error {
  InternalError(const std::string &what, SourceRange where)
      : std::logic_error(what), range(where) {}
  SourceRange range;
};

std::uint64_t statusBit(Status s) { return std::uint64_t{1} << static_cast<unsigned>(s); }

std::uint64_t statusMask(ast::IndicatorStatus s) {
  switch (s) {
  case ast::IndicatorStatus::Passes:
    return statusBit(Status::Pass);
  case ast::IndicatorStatus::Fails:
    return statusBit(Status::Fail);
  case ast::IndicatorStatus::Unassessed:
    return statusBit(Status::NotAssessed);
  }
  return 0;
}

Op comparisonOp(ast::BinaryOp op) {
  switch (op) {
  case ast::BinaryOp::Eq: return Op::Eq;
  case ast::BinaryOp::Ne: return Op::Ne;
  case ast::BinaryOp::Lt: return Op::Lt;
  case ast::BinaryOp::Le: return Op::Le;
  case ast::BinaryOp::Gt: return Op::Gt;
  case ast::BinaryOp::Ge: return Op::Ge;
  default: return Op::Eq;
  }
}

bool isComparison(ast::BinaryOp op) {
  return op == ast::BinaryOp::Eq || op == ast::BinaryOp::Ne || op == ast::BinaryOp::Lt ||
         op == ast::BinaryOp::Le || op == ast::BinaryOp::Gt || op == ast::BinaryOp::Ge;
}

class Lowerer {
public:
  Lowerer(const sema::Model &model, const SourceManager &sources)
      : m_(model), sources_(sources), p_(std::make_unique<Program>()) {}

  std::unique_ptr<Program> run();

private:
  // ---- building blocks
  ExprId make(Op op, Type type, const std::vector<ExprId> &args, std::int64_t a = 0,
              std::int64_t b = 0, SourceRange range = {}) {
    Node n;
    n.op = op;
    n.type = type;
    n.firstArg = static_cast<std::uint32_t>(p_->args.size());
    n.argCount = static_cast<std::uint32_t>(args.size());
    n.a = a;
    n.b = b;
    n.range = range;
    p_->args.insert(p_->args.end(), args.begin(), args.end());
    p_->nodes.push_back(n);
    return static_cast<ExprId>(p_->nodes.size() - 1);
  }
  ExprId constant(Constant c, SourceRange range = {}) {
    Type t = c.type;
    p_->constants.push_back(std::move(c));
    return make(Op::Const, t, {}, static_cast<std::int64_t>(p_->constants.size() - 1), 0, range);
  }
  ExprId boolConst(bool v) { return constant(Constant{Type::boolean(), true, v ? 1 : 0, 0, {}}); }
  ExprId intConst(std::int64_t v) { return constant(Constant{Type::integer(), true, v, 0, {}}); }
  ExprId numberConst(double v) { return constant(Constant{Type::number(), true, 0, v, {}}); }
  ExprId missingConst(Type t) { return constant(Constant{t.withOptional(true), false, 0, 0, {}}); }
  ExprId slotRef(SlotId s) { return make(Op::Slot, p_->slots[s].type, {}, s); }

  SlotId slot(std::string name, Type type, SlotRole role, std::uint32_t owner = 0) {
    p_->slots.push_back({std::move(name), type, role, owner});
    return static_cast<SlotId>(p_->slots.size() - 1);
  }

  std::string where(SourceRange range) const {
    if (!range.valid())
      return {};
    const SourceFile &file = sources_.file(range.file);
    LineColumn lc = file.position(range.begin);
    return fmt::format("{}:{}:{}", file.path(), lc.line, lc.column);
  }

  ErrorSiteId errorSite(ErrorKind kind, SourceRange range, std::string context = {}) {
    p_->errors.push_back({kind, context.empty() ? context_ : std::move(context), where(range),
                          range});
    return static_cast<ErrorSiteId>(p_->errors.size() - 1);
  }

  Type typeOf(const ast::Expr &e) const {
    if (const Type *t = m_.typeOf(e))
      return *t;
    throw InternalError("expression has no checked type", e.range);
  }

  // ---- expressions
  ExprId lower(const ast::Expr &e);
  ExprId coerce(ExprId e, const Type &target);
  ExprId lowerName(const ast::Expr &e, SymbolRef ref);
  ExprId lowerBinary(const ast::BinaryExpr &e);
  ExprId lowerCall(const ast::CallExpr &e, SymbolRef ref);
  ExprId lowerQuantified(const ast::QuantifiedExpr &e);
  ExprId lowerAggregate(const ast::CallExpr *call, sema::AggregateKind kind, const Type &type,
                        SourceRange range);
  ExprId dateArithmetic(ExprId date, const ast::Expr &duration, bool subtract, SourceRange range);
  ExprId comparison(Op op, ExprId lhs, ExprId rhs, SourceRange range);
  Constant fold(const ast::Expr &e, const Type &target);
  SymbolRef resolved(const ast::Expr &e) const {
    if (auto r = m_.resolution(e))
      return *r;
    throw InternalError("name was not resolved", e.range);
  }

  // ---- declarations
  void declareSlots();
  void lowerStep(const sema::EvalStep &step);
  void lowerIndicator(std::uint32_t i);
  void lowerCheck(std::uint32_t i);
  void lowerChecklistChoice();
  void lowerScore(std::uint32_t i);
  void lowerTable(std::uint32_t i);
  void lowerOutput(std::uint32_t i);
  void lowerRule(std::uint32_t i);
  void lowerEscalation(std::uint32_t i);
  void lowerReports();
  void lowerTests();
  void lowerTest(const sema::TestInfo &test);
  void describeResults();
  std::vector<Assign> lowerLets(const std::vector<sema::LetInfo> &lets,
                                const std::vector<SlotId> &slots);
  void emit(Stmt::Body body, SourceRange range) { p_->statements.push_back({std::move(body), range}); }

  const sema::Model &m_;
  const SourceManager &sources_;
  std::unique_ptr<Program> p_;

  std::string context_; // "indicator C3": names the declaration in record errors
  int indicator_ = -1;  // the indicator whose body is being lowered
  bool inReport_ = false;
  ReportInfo *report_ = nullptr;
  std::vector<Stmt> reportInputs_; // per-record assignments of aggregate inputs, run last
  std::map<std::string, SlotId> reportInputOf_; // by exprKey(): one slot per distinct input

  /// The slot a report reads for a per-record value, assigned after every statement: the
  /// value's own slot when it is one read whole, else one slot per distinct expression (the
  /// same `tier == red` in four reports is computed once a record, not four times).
  SlotId reportInput(const std::string &name, ExprId value, SourceRange range);
  /// A canonical form of an expression tree: equal for equal trees (error sites included, so
  /// trees that can fail differently never share a slot).
  std::string exprKey(ExprId id) const;

  std::vector<SlotId> indicatorStatus_, indicatorScore_, checkRaised_, lets_, scores_, tables_,
      outputs_, ruleApplied_, escalationFired_, deadlines_, domainScores_;
  std::vector<std::vector<SlotId>> indicatorLets_, checkLets_;
};

// ------------------------------------------------------------------------- expressions

ExprId Lowerer::coerce(ExprId e, const Type &target) {
  const Node n = p_->nodes[e]; // a copy: building nodes below may move the pool
  if (n.type.kind != TypeKind::Int || target.kind != TypeKind::Number)
    return e;
  if (n.op == Op::Const && p_->constants[n.a].valid) // fold: 60 becomes 60.0 at compile time
    return constant(Constant{Type::number(), true, 0,
                             static_cast<double>(p_->constants[n.a].i), {}},
                    n.range);
  return make(Op::IntToNumber, Type::number(n.type.optional), {e}, 0, 0, n.range);
}

ExprId Lowerer::comparison(Op op, ExprId lhs, ExprId rhs, SourceRange range) {
  const Type l = p_->nodes[lhs].type; // copies: coerce() may grow the node pool
  const Type r = p_->nodes[rhs].type;
  if (l.kind == TypeKind::Number || r.kind == TypeKind::Number) {
    lhs = coerce(lhs, Type::number());
    rhs = coerce(rhs, Type::number());
  }
  return make(op, Type::boolean(l.optional || r.optional), {lhs, rhs}, 0, 0, range);
}

ExprId Lowerer::lower(const ast::Expr &e) {
  switch (e.kind) {
  case ast::ExprKind::Error:
    throw InternalError("error expression reached the lowering", e.range);
  case ast::ExprKind::Literal: {
    Type t = typeOf(e);
    return constant(fold(e, t), e.range);
  }
  case ast::ExprKind::Name:
    return lowerName(e, resolved(e));
  case ast::ExprKind::Member: { // `C1.score`, the only member there is
    SymbolRef ref = resolved(e);
    if (ref.kind != SymbolKind::Indicator)
      throw InternalError("member access on something other than an indicator", e.range);
    return slotRef(indicatorScore_[ref.index]);
  }
  case ast::ExprKind::Call: {
    auto &call = ast::as<ast::CallExpr>(e);
    return lowerCall(call, resolved(e));
  }
  case ast::ExprKind::Unary: {
    auto &u = ast::as<ast::UnaryExpr>(e);
    ExprId operand = lower(*u.operand);
    Type t = typeOf(e);
    if (u.op == ast::UnaryOp::Not)
      return make(Op::Not, t, {operand}, 0, 0, e.range);
    operand = coerce(operand, t);
    return make(Op::Neg, t, {operand}, 0,
                t.kind == TypeKind::Int ? errorSite(ErrorKind::IntegerOverflow, e.range) : 0,
                e.range);
  }
  case ast::ExprKind::Binary:
    return lowerBinary(ast::as<ast::BinaryExpr>(e));
  case ast::ExprKind::If: {
    auto &i = ast::as<ast::IfExpr>(e);
    Type t = typeOf(e);
    ExprId cond = lower(*i.cond);
    ExprId thenE = coerce(lower(*i.thenExpr), t);
    ExprId elseE = coerce(lower(*i.elseExpr), t);
    return make(Op::If, t, {cond, thenE, elseE}, 0, 0, e.range);
  }
  case ast::ExprKind::Between: {
    auto &b = ast::as<ast::BetweenExpr>(e);
    ExprId low = comparison(Op::Ge, lower(*b.operand), lower(*b.low), e.range);
    ExprId high = comparison(Op::Le, lower(*b.operand), lower(*b.high), e.range);
    return make(Op::And, typeOf(e), {low, high}, 0, 0, e.range);
  }
  case ast::ExprKind::InList: {
    auto &in = ast::as<ast::InListExpr>(e);
    Type t = typeOf(e);
    ExprId any = kNoExpr;
    for (const auto &item : in.items) {
      ExprId eq = comparison(Op::Eq, lower(*in.operand), lower(*item), item->range);
      any = any == kNoExpr ? eq : make(Op::Or, t, {any, eq}, 0, 0, e.range);
    }
    if (any == kNoExpr)
      any = boolConst(false);
    return in.negated ? make(Op::Not, t, {any}, 0, 0, e.range) : any;
  }
  case ast::ExprKind::IsMissing: {
    auto &im = ast::as<ast::IsMissingExpr>(e);
    ExprId test = make(Op::IsMissing, Type::boolean(), {lower(*im.operand)}, 0, 0, e.range);
    return im.negated ? make(Op::Not, Type::boolean(), {test}, 0, 0, e.range) : test;
  }
  case ast::ExprKind::Status: {
    auto &s = ast::as<ast::StatusExpr>(e);
    SymbolRef ref = resolved(*s.operand);
    if (ref.kind != SymbolKind::Indicator)
      throw InternalError("status of something other than an indicator", e.range);
    return make(Op::StatusIn, Type::boolean(), {slotRef(indicatorStatus_[ref.index])},
                static_cast<std::int64_t>(statusMask(s.status)), 0, e.range);
  }
  case ast::ExprKind::Quantified:
    return lowerQuantified(ast::as<ast::QuantifiedExpr>(e));
  case ast::ExprKind::Duration:
    throw InternalError("a duration outside date arithmetic", e.range);
  }
  throw InternalError("unknown expression kind", e.range);
}

ExprId Lowerer::lowerName(const ast::Expr &e, SymbolRef ref) {
  switch (ref.kind) {
  case SymbolKind::Field:
    return make(Op::Field, p_->fields[ref.index].type, {}, ref.index, 0, e.range);
  case SymbolKind::Param:
    return make(Op::Param, p_->params[ref.index].type, {}, ref.index, 0, e.range);
  case SymbolKind::EnumMember:
    return constant(Constant{Type::enumeration(ref.index), true, ref.member, 0, {}}, e.range);
  case SymbolKind::Indicator:
    if (indicator_ == static_cast<int>(ref.index)) // `score` inside the indicator's own body
      return slotRef(indicatorScore_[ref.index]);
    break;
  case SymbolKind::IndicatorLet:
    return slotRef(indicatorLets_[ref.index][ref.member]);
  case SymbolKind::CheckLet:
    return slotRef(checkLets_[ref.index][ref.member]);
  case SymbolKind::Check:
    return slotRef(checkRaised_[ref.index]);
  case SymbolKind::Let:
    return slotRef(lets_[ref.index]);
  case SymbolKind::Score:
    return slotRef(scores_[ref.index]);
  case SymbolKind::Table:
    return slotRef(tables_[ref.index]);
  case SymbolKind::Output:
    return slotRef(outputs_[ref.index]);
  case SymbolKind::Rule:
    return slotRef(ruleApplied_[ref.index]);
  case SymbolKind::Escalate:
    return slotRef(escalationFired_[ref.index]);
  case SymbolKind::Deadline:
    return slotRef(deadlines_[ref.index]);
  case SymbolKind::Aggregate:
    if (inReport_)
      return lowerAggregate(nullptr, static_cast<sema::AggregateKind>(ref.index), typeOf(e),
                            e.range);
    break;
  default:
    break;
  }
  throw InternalError(fmt::format("a {} cannot be read as a value",
                                  sema::symbolKindName(ref.kind)),
                      e.range);
}

ExprId Lowerer::dateArithmetic(ExprId date, const ast::Expr &duration, bool subtract,
                               SourceRange range) {
  const auto *d = duration.kind == ast::ExprKind::Duration ? &ast::as<ast::DurationExpr>(duration)
                                                            : nullptr;
  if (!d)
    throw InternalError("date arithmetic with something other than a duration", range);
  ExprId count = lower(*d->count);
  bool optional = p_->nodes[date].type.optional || p_->nodes[count].type.optional;
  if (subtract)
    count = make(Op::Neg, p_->nodes[count].type, {count}, 0,
                 errorSite(ErrorKind::IntegerOverflow, range), range);
  builtins::Fn fn = d->unit == ast::DurationUnit::Days ? builtins::Fn::AddDays
                                                       : builtins::Fn::AddWorkdays;
  return make(Op::Call, Type::date(optional), {date, count}, static_cast<std::int64_t>(fn),
              errorSite(ErrorKind::BuiltinFailed, range), range);
}

ExprId Lowerer::lowerBinary(const ast::BinaryExpr &e) {
  Type t = typeOf(e);
  if (isComparison(e.op))
    return comparison(comparisonOp(e.op), lower(*e.lhs), lower(*e.rhs), e.range);
  switch (e.op) {
  case ast::BinaryOp::And:
    return make(Op::And, t, {lower(*e.lhs), lower(*e.rhs)}, 0, 0, e.range);
  case ast::BinaryOp::Or:
    return make(Op::Or, t, {lower(*e.lhs), lower(*e.rhs)}, 0, 0, e.range);
  case ast::BinaryOp::Coalesce:
    return make(Op::Coalesce, t, {coerce(lower(*e.lhs), t), coerce(lower(*e.rhs), t)}, 0, 0,
                e.range);
  default:
    break;
  }
  // Arithmetic, possibly on dates.
  Type lt = typeOf(*e.lhs);
  Type rt = typeOf(*e.rhs);
  if (lt.kind == TypeKind::Date && rt.kind == TypeKind::Duration)
    return dateArithmetic(lower(*e.lhs), *e.rhs, e.op == ast::BinaryOp::Sub, e.range);
  if (lt.kind == TypeKind::Duration && rt.kind == TypeKind::Date && e.op == ast::BinaryOp::Add)
    return dateArithmetic(lower(*e.rhs), *e.lhs, false, e.range);
  if (lt.kind == TypeKind::Date && rt.kind == TypeKind::Date && e.op == ast::BinaryOp::Sub)
    // lhs - rhs in days is days_between(rhs, lhs).
    return make(Op::Call, t, {lower(*e.rhs), lower(*e.lhs)},
                static_cast<std::int64_t>(builtins::Fn::DaysBetween), 0, e.range);
  ExprId lhs = coerce(lower(*e.lhs), t);
  ExprId rhs = coerce(lower(*e.rhs), t);
  Op op = Op::Add;
  switch (e.op) {
  case ast::BinaryOp::Add: op = Op::Add; break;
  case ast::BinaryOp::Sub: op = Op::Sub; break;
  case ast::BinaryOp::Mul: op = Op::Mul; break;
  case ast::BinaryOp::Div:
    op = Op::Div;
    lhs = coerce(lhs, Type::number());
    rhs = coerce(rhs, Type::number());
    break;
  default:
    throw InternalError("unexpected binary operator", e.range);
  }
  ErrorSiteId site = 0;
  if (op == Op::Div)
    site = errorSite(ErrorKind::DivisionByZero, e.range);
  else if (t.kind == TypeKind::Int)
    site = errorSite(ErrorKind::IntegerOverflow, e.range);
  return make(op, t, {lhs, rhs}, 0, site, e.range);
}

ExprId Lowerer::lowerCall(const ast::CallExpr &e, SymbolRef ref) {
  if (ref.kind == SymbolKind::Aggregate)
    return lowerAggregate(&e, static_cast<sema::AggregateKind>(ref.index), typeOf(e), e.range);
  if (ref.kind != SymbolKind::Builtin)
    throw InternalError("call of something other than a built-in function", e.range);
  const builtins::Builtin &fn = builtins::get(static_cast<builtins::Fn>(ref.index));
  if (fn.params.size() != e.args.size())
    throw InternalError("built-in called with the wrong number of arguments", e.range);
  std::vector<ExprId> args;
  bool optional = false;
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    ExprId a = lower(*e.args[i]);
    if (fn.params[i] == TypeKind::Number)
      a = coerce(a, Type::number());
    optional = optional || p_->nodes[a].type.optional;
    args.push_back(a);
  }
  Type t = typeOf(e);
  t.optional = t.optional || optional;
  ErrorSiteId site = fn.failable ? errorSite(ErrorKind::BuiltinFailed, e.range,
                                             fmt::format("{} in {}", fn.name, context_))
                                 : 0;
  return make(Op::Call, t, args, static_cast<std::int64_t>(fn.id), site, e.range);
}

ExprId Lowerer::lowerQuantified(const ast::QuantifiedExpr &e) {
  std::optional<std::uint32_t> domain;
  if (e.domain) {
    auto ref = m_.lookup(e.domain->text);
    if (!ref || ref->kind != SymbolKind::Domain)
      throw InternalError("quantifier over an unknown domain", e.range);
    domain = ref->index;
  }
  std::uint64_t mask = statusMask(e.status);
  if (e.quantifier == ast::Quantifier::All)
    mask |= statusBit(Status::NotApplicable); // all over the applicable indicators
  ExprId result = kNoExpr;
  for (std::uint32_t i = 0; i < m_.indicators.size(); ++i) {
    const auto &ind = m_.indicators[i];
    if (e.severity && ind.severity != e.severity)
      continue;
    if (domain && ind.domain != *domain)
      continue;
    ExprId test = make(Op::StatusIn, Type::boolean(), {slotRef(indicatorStatus_[i])},
                       static_cast<std::int64_t>(mask), 0, e.range);
    if (e.quantifier == ast::Quantifier::Count)
      test = make(Op::BoolToInt, Type::integer(), {test}, 0, 0, e.range);
    if (result == kNoExpr) {
      result = test;
      continue;
    }
    switch (e.quantifier) {
    case ast::Quantifier::Any:
      result = make(Op::Or, Type::boolean(), {result, test}, 0, 0, e.range);
      break;
    case ast::Quantifier::All:
      result = make(Op::And, Type::boolean(), {result, test}, 0, 0, e.range);
      break;
    case ast::Quantifier::Count:
      result = make(Op::Add, Type::integer(), {result, test}, 0,
                    errorSite(ErrorKind::IntegerOverflow, e.range), e.range);
      break;
    }
  }
  if (result != kNoExpr)
    return result;
  switch (e.quantifier) {
  case ast::Quantifier::Any: return boolConst(false);
  case ast::Quantifier::All: return boolConst(true);
  case ast::Quantifier::Count: return intConst(0);
  }
  return boolConst(false);
}

ExprId Lowerer::lowerAggregate(const ast::CallExpr *call, sema::AggregateKind kind,
                               const Type &type, SourceRange range) {
  if (!inReport_ || !report_)
    throw InternalError("aggregate outside a report", range);
  AggregateInfo agg;
  agg.kind = static_cast<AggregateKind>(kind);
  const ast::Expr *input = nullptr;
  if (call) {
    if (kind == sema::AggregateKind::Top || kind == sema::AggregateKind::Bottom) {
      if (call->args.size() != 2)
        throw InternalError("top/bottom need two arguments", range);
      agg.n = fold(*call->args[0], Type::integer()).i;
      input = call->args[1].get();
    } else if (!call->args.empty()) {
      input = call->args[0].get();
    }
  }
  if (kind == sema::AggregateKind::Count && input)
    agg.kind = AggregateKind::CountIf;
  if (input) {
    // The aggregate's argument is a per-record value: lower it outside the report context.
    inReport_ = false;
    ExprId value = lower(*input);
    inReport_ = true;
    agg.input = reportInput(
        fmt::format("{}.{}#{}", report_->name, "input", report_->aggregates.size()), value,
        input->range);
  }
  report_->aggregates.push_back(agg);
  return make(Op::Aggregate, type, {}, static_cast<std::int64_t>(report_->aggregates.size() - 1),
              0, range);
}

SlotId Lowerer::reportInput(const std::string &name, ExprId value, SourceRange range) {
  const Node &n = p_->nodes[value];
  if (n.op == Op::Slot && n.a >= 0 && static_cast<std::size_t>(n.a) < p_->slots.size() &&
      p_->slots[static_cast<std::size_t>(n.a)].type == n.type)
    return static_cast<SlotId>(n.a); // its final value is what a copy made last would hold
  std::string key = exprKey(value);
  if (auto found = reportInputOf_.find(key); found != reportInputOf_.end())
    return found->second;
  const SlotId s = slot(name, n.type, SlotRole::AggregateInput);
  reportInputs_.push_back({Assign{s, value}, range});
  reportInputOf_.emplace(std::move(key), s);
  return s;
}

std::string Lowerer::exprKey(ExprId id) const {
  const Node &n = p_->nodes[id];
  std::string key = fmt::format("({} {} {} {} {} {} {}", static_cast<int>(n.op),
                                static_cast<int>(n.type.kind), n.type.optional ? 1 : 0,
                                n.type.enumId, static_cast<int>(n.type.duration), n.a, n.b);
  if (n.op == Op::Const) {
    const Constant &c = p_->constants[static_cast<std::size_t>(n.a)];
    key += fmt::format(" {} {} {} {}", c.valid ? 1 : 0, c.i, std::bit_cast<std::uint64_t>(c.d),
                       c.text);
  }
  for (std::uint32_t i = 0; i < n.argCount; ++i)
    key += " " + exprKey(p_->arg(n, i));
  return key + ")";
}

Constant Lowerer::fold(const ast::Expr &e, const Type &target) {
  Constant c;
  c.type = target.required();
  if (e.kind == ast::ExprKind::Unary && ast::as<ast::UnaryExpr>(e).op == ast::UnaryOp::Negate) {
    Constant inner = fold(*ast::as<ast::UnaryExpr>(e).operand, target);
    inner.i = -inner.i;
    inner.d = -inner.d;
    return inner;
  }
  if (e.kind == ast::ExprKind::Name) {
    SymbolRef ref = resolved(e);
    if (ref.kind == SymbolKind::EnumMember) {
      c.type = Type::enumeration(ref.index);
      c.i = ref.member;
      return c;
    }
    throw InternalError("a constant was expected here", e.range);
  }
  if (e.kind != ast::ExprKind::Literal)
    throw InternalError("a constant was expected here", e.range);
  const auto &value = ast::as<ast::LiteralExpr>(e).value;
  if (auto *b = std::get_if<bool>(&value)) {
    c.type = Type::boolean();
    c.i = *b;
  } else if (auto *i = std::get_if<std::int64_t>(&value)) {
    if (target.kind == TypeKind::Number) {
      c.type = Type::number();
      c.d = static_cast<double>(*i);
    } else {
      c.type = Type::integer();
      c.i = *i;
    }
  } else if (auto *d = std::get_if<double>(&value)) {
    c.type = Type::number();
    c.d = *d;
  } else if (auto *pct = std::get_if<ast::Percent>(&value)) {
    c.type = Type::number();
    c.d = pct->value;
  } else if (auto *s = std::get_if<std::string>(&value)) {
    if (target.kind == TypeKind::Enum) { // an enum member written by its label
      int member = m_.enums.get(target.enumId).find(*s);
      if (member < 0)
        throw InternalError("enum label not found", e.range);
      c.type = Type::enumeration(target.enumId);
      c.i = member;
    } else {
      c.type = Type::text();
      c.text = *s;
    }
  } else if (auto *date = std::get_if<ast::Date>(&value)) {
    c.type = Type::date();
    c.i = date->days;
  }
  return c;
}

// ------------------------------------------------------------------------- declarations

void Lowerer::declareSlots() {
  for (std::uint32_t i = 0; i < m_.indicators.size(); ++i) {
    const auto &ind = m_.indicators[i];
    indicatorStatus_.push_back(slot(ind.name + ".status", Type::status(), SlotRole::IndicatorStatus, i));
    indicatorScore_.push_back(slot(ind.name + ".score", Type::number(true), SlotRole::IndicatorScore, i));
    std::vector<SlotId> lets;
    for (const auto &let : ind.lets)
      lets.push_back(slot(ind.name + "." + let.name, let.type, SlotRole::Let, i));
    indicatorLets_.push_back(std::move(lets));
  }
  for (std::uint32_t i = 0; i < m_.checks.size(); ++i) {
    const auto &check = m_.checks[i];
    checkRaised_.push_back(slot(check.name, Type::boolean(), SlotRole::CheckRaised, i));
    std::vector<SlotId> lets;
    for (const auto &let : check.lets)
      lets.push_back(slot(check.name + "." + let.name, let.type, SlotRole::Let, i));
    checkLets_.push_back(std::move(lets));
  }
  if (!m_.checklists.empty())
    p_->checklistSlot = slot("checklist", Type::integer(), SlotRole::Checklist);
  for (std::uint32_t d = 0; d < m_.domains.size(); ++d)
    domainScores_.push_back(slot(m_.domains[d].name + ".score", Type::number(true),
                                 SlotRole::DomainScore, d));
  for (std::uint32_t i = 0; i < m_.lets.size(); ++i)
    lets_.push_back(slot(m_.lets[i].name, m_.lets[i].type, SlotRole::Let, i));
  for (std::uint32_t i = 0; i < m_.scores.size(); ++i)
    scores_.push_back(slot(m_.scores[i].name, m_.scores[i].type, SlotRole::Score, i));
  for (std::uint32_t i = 0; i < m_.tables.size(); ++i)
    tables_.push_back(slot(m_.tables[i].name, m_.tables[i].type, SlotRole::Table, i));
  for (std::uint32_t i = 0; i < m_.outputs.size(); ++i)
    outputs_.push_back(slot(m_.outputs[i].name, m_.outputs[i].type, SlotRole::Output, i));
  for (std::uint32_t i = 0; i < m_.rules.size(); ++i)
    ruleApplied_.push_back(slot(m_.rules[i].name, Type::boolean(), SlotRole::RuleApplied, i));
  for (std::uint32_t i = 0; i < m_.escalations.size(); ++i)
    escalationFired_.push_back(slot(m_.escalations[i].name, Type::boolean(),
                                    SlotRole::EscalationFired, i));
  for (std::uint32_t i = 0; i < m_.deadlines.size(); ++i)
    deadlines_.push_back(slot(m_.deadlines[i].name, m_.deadlines[i].type, SlotRole::Deadline, i));
}

std::vector<Assign> Lowerer::lowerLets(const std::vector<sema::LetInfo> &lets,
                                       const std::vector<SlotId> &slots) {
  std::vector<Assign> out;
  for (std::size_t i = 0; i < lets.size(); ++i)
    out.push_back({slots[i], coerce(lower(*lets[i].value), lets[i].type)});
  return out;
}

void Lowerer::lowerIndicator(std::uint32_t i) {
  const auto &ind = m_.indicators[i];
  context_ = "indicator " + ind.name;
  indicator_ = static_cast<int>(i);
  IndicatorStmt s;
  s.indicator = i;
  s.status = indicatorStatus_[i];
  s.score = indicatorScore_[i];
  s.checklist = p_->checklistSlot;
  for (std::uint32_t c = 0; c < m_.checklists.size(); ++c)
    for (std::uint32_t member : m_.checklists[c].indicators)
      if (member == i)
        s.checklists |= std::uint64_t{1} << c;
  s.lets = lowerLets(ind.lets, indicatorLets_[i]);
  if (ind.score)
    s.scoreExpr = coerce(lower(*ind.score), Type::number());
  if (ind.pass)
    s.passExpr = lower(*ind.pass);
  switch (ind.missing.kind) {
  case ast::MissingPolicyKind::Fail: s.missing = IndicatorStmt::Missing::Fail; break;
  case ast::MissingPolicyKind::Pass: s.missing = IndicatorStmt::Missing::Pass; break;
  case ast::MissingPolicyKind::Score:
    s.missing = IndicatorStmt::Missing::Score;
    s.missingScore = ind.missing.score;
    break;
  default: s.missing = IndicatorStmt::Missing::NotAssessed; break;
  }
  s.scoreRange = errorSite(ErrorKind::ScoreOutOfRange, ind.score ? ind.score->range : ind.where.name);
  indicator_ = -1;
  emit(std::move(s), ind.where.declaration);
}

void Lowerer::lowerCheck(std::uint32_t i) {
  const auto &check = m_.checks[i];
  context_ = "check " + check.name;
  CheckStmt s;
  s.check = i;
  s.raised = checkRaised_[i];
  s.lets = lowerLets(check.lets, checkLets_[i]);
  s.when = lower(*check.when);
  s.raiseOnMissing = check.missing == ast::MissingPolicyKind::Flag;
  emit(std::move(s), check.where.declaration);
}

void Lowerer::lowerChecklistChoice() {
  context_ = "checklist choice";
  SourceRange first = m_.checklists.front().where.name;
  ExprId chain = make(Op::Fail, Type::integer(), {}, errorSite(ErrorKind::NoChecklist, first,
                                                               "record"));
  for (std::size_t c = m_.checklists.size(); c-- > 0;) {
    const auto &list = m_.checklists[c];
    ExprId cond = lower(*list.selector);
    chain = make(Op::When, Type::integer(), {cond, intConst(static_cast<std::int64_t>(c)), chain},
                 0, 0, list.where.name);
  }
  emit(Assign{p_->checklistSlot, chain}, m_.checklists.front().where.declaration);
}

void Lowerer::lowerScore(std::uint32_t i) {
  const auto &score = m_.scores[i];
  context_ = "score " + score.name;
  if (!score.weighted) {
    emit(Assign{scores_[i], coerce(lower(*score.value), score.type)}, score.where.declaration);
    return;
  }
  WeightedStmt w;
  w.total = scores_[i];
  w.checklist = p_->checklistSlot;
  w.domainScores = domainScores_;
  w.points = m_.weightKind != ast::WeightKind::Share;
  for (std::uint32_t ind = 0; ind < m_.indicators.size(); ++ind) {
    w.indicatorDomain.push_back(m_.indicators[ind].domain);
    w.indicatorStatus.push_back(indicatorStatus_[ind]);
    w.indicatorScore.push_back(indicatorScore_[ind]);
  }
  for (const auto &list : m_.checklists) {
    std::vector<double> indicatorWeights(m_.indicators.size(), 0.0);
    for (std::uint32_t member : list.indicators) {
      const auto &weight = m_.indicators[member].weight;
      indicatorWeights[member] = weight ? weight->value() : 1.0;
    }
    std::vector<double> domainWeights;
    for (const auto &domain : m_.domains)
      domainWeights.push_back(domain.weight ? domain.weight->value() : 1.0);
    w.indicatorWeight.push_back(std::move(indicatorWeights));
    w.domainWeight.push_back(std::move(domainWeights));
  }
  w.nothingAssessed = errorSite(ErrorKind::NothingAssessed, score.where.name);
  emit(std::move(w), score.where.declaration);
}

void Lowerer::lowerTable(std::uint32_t i) {
  const auto &table = m_.tables[i];
  context_ = "table " + table.name;
  TableStmt s;
  s.table = i;
  s.slot = tables_[i];
  using P = TableStmt::Policy;
  switch (table.hit.kind) {
  case ast::HitPolicyKind::First: s.policy = P::First; break;
  case ast::HitPolicyKind::Unique: s.policy = P::Unique; break;
  case ast::HitPolicyKind::Any: s.policy = P::Any; break;
  case ast::HitPolicyKind::Priority: s.policy = P::Priority; break;
  case ast::HitPolicyKind::Collect:
    switch (table.hit.aggregator) {
    case ast::CollectAggregator::None: s.policy = P::Collect; break;
    case ast::CollectAggregator::Sum: s.policy = P::Sum; break;
    case ast::CollectAggregator::Min: s.policy = P::Min; break;
    case ast::CollectAggregator::Max: s.policy = P::Max; break;
    case ast::CollectAggregator::Count: s.policy = P::Count; break;
    }
    break;
  }
  const Type outcome = table.outcomeType.required();
  for (const auto &row : table.rows) {
    // A count's otherwise is the count when no row matches: an int (the checker sees to it),
    // whatever the rows' outcomes, which a count does not read.
    const bool countOtherwise = s.policy == P::Count && !row.condition;
    ExprId value = coerce(lower(*row.outcome), countOtherwise ? Type::integer() : outcome);
    if (!row.condition) {
      s.otherwise = value;
      continue;
    }
    s.conditions.push_back(lower(*row.condition));
    s.outcomes.push_back(value);
    s.rowLines.push_back(sources_.file(row.range.file).position(row.range.begin).line);
  }
  s.conflict = errorSite(s.policy == P::Unique ? ErrorKind::UniqueConflict : ErrorKind::AnyConflict,
                         table.where.name);
  emit(std::move(s), table.where.declaration);
}

void Lowerer::lowerOutput(std::uint32_t i) {
  const auto &out = m_.outputs[i];
  context_ = "output " + out.name;
  ExprId value = kNoExpr;
  if (out.frequencyTable) {
    // if tier == m0 then v0 else if tier == m1 then v1 ... else v_last: every member is
    // mapped, and a missing tier gives a missing frequency.
    SlotId table = tables_[*out.frequencyTable];
    EnumId e = p_->slots[table].type.enumId;
    std::size_t n = out.frequencyValues.size();
    value = coerce(lower(*out.frequencyValues[n - 1]), out.type);
    for (std::size_t k = n - 1; k-- > 0;) {
      ExprId eq = comparison(Op::Eq, slotRef(table),
                             constant(Constant{Type::enumeration(e), true,
                                               static_cast<std::int64_t>(k), 0, {}}),
                             out.where.name);
      value = make(Op::If, out.type, {eq, coerce(lower(*out.frequencyValues[k]), out.type), value},
                   0, 0, out.where.name);
    }
    if (n == 1 || p_->slots[table].type.optional) {
      // A missing table value must give a missing frequency even with one member.
      ExprId present = make(Op::Not, Type::boolean(),
                            {make(Op::IsMissing, Type::boolean(), {slotRef(table)})});
      value = make(Op::If, out.type, {present, value, missingConst(out.type)}, 0, 0,
                   out.where.name);
    }
  } else {
    value = coerce(lower(*out.initial), out.type);
  }
  emit(Assign{outputs_[i], value}, out.where.declaration);
}

void Lowerer::lowerRule(std::uint32_t i) {
  const auto &rule = m_.rules[i];
  context_ = "rule " + rule.name;
  RuleStmt s;
  s.rule = i;
  s.applied = ruleApplied_[i];
  s.when = lower(*rule.when);
  for (const auto &a : rule.assignments)
    s.assignments.push_back({outputs_[a.output],
                             coerce(lower(*a.value), m_.outputs[a.output].type)});
  emit(std::move(s), rule.where.declaration);
}

void Lowerer::lowerEscalation(std::uint32_t i) {
  const auto &esc = m_.escalations[i];
  context_ = "escalation " + esc.name;
  EscalateStmt s;
  s.escalation = i;
  s.fired = escalationFired_[i];
  s.when = lower(*esc.when);
  EscalationInfo info{esc.name, escalationFired_[i], {}};
  for (const auto &action : esc.actions) {
    ActionInfo a{action.name, kNoSlot};
    if (action.argument) {
      ExprId value = lower(*action.argument);
      a.argument = slot(esc.name + "." + action.name, p_->nodes[value].type,
                        SlotRole::ActionArgument, i);
      s.arguments.push_back({a.argument, value});
    }
    info.actions.push_back(std::move(a));
  }
  p_->escalations.push_back(std::move(info));
  emit(std::move(s), esc.where.declaration);
}

void Lowerer::lowerStep(const sema::EvalStep &step) {
  const std::uint32_t i = step.what.index;
  switch (step.what.kind) {
  case SymbolKind::Indicator: lowerIndicator(i); break;
  case SymbolKind::Check: lowerCheck(i); break;
  case SymbolKind::Checklist: lowerChecklistChoice(); break;
  case SymbolKind::Let:
    context_ = "let " + m_.lets[i].name;
    emit(Assign{lets_[i], coerce(lower(*m_.lets[i].value), m_.lets[i].type)},
         m_.lets[i].where.declaration);
    break;
  case SymbolKind::Score: lowerScore(i); break;
  case SymbolKind::Table: lowerTable(i); break;
  case SymbolKind::Output: lowerOutput(i); break;
  case SymbolKind::Rule: lowerRule(i); break;
  case SymbolKind::Escalate: lowerEscalation(i); break;
  case SymbolKind::Deadline:
    context_ = "deadline " + m_.deadlines[i].name;
    emit(Assign{deadlines_[i], lower(*m_.deadlines[i].value)}, m_.deadlines[i].where.declaration);
    break;
  default:
    break; // report items are lowered apart; nothing else is a step
  }
}

void Lowerer::lowerReports() {
  for (const auto &r : m_.reports) {
    ReportInfo info;
    info.name = r.name;
    info.title = r.title;
    p_->reports.push_back(std::move(info));
  }
  for (std::size_t ri = 0; ri < m_.reports.size(); ++ri) {
    const auto &r = m_.reports[ri];
    report_ = &p_->reports[ri];
    context_ = "report " + r.name;
    if (r.groupBy) {
      report_->groupBy = reportInput(r.name + ".group", lower(*r.groupBy), r.groupBy->range);
    }
    for (const auto &item : r.items) {
      ReportItemInfo out;
      out.name = item.name;
      out.title = item.title;
      inReport_ = true;
      out.value = lower(*item.value);
      if (item.targetOp && item.target) {
        // The target reads the item's own value node: report figures are expression DAGs.
        out.target = comparison(comparisonOp(*item.targetOp), out.value, lower(*item.target),
                                item.target->range);
        const SourceFile &file = sources_.file(item.target->range.file);
        out.targetText =
            fmt::format("{} {}", ast::binaryOpText(*item.targetOp),
                        file.text().substr(item.target->range.begin,
                                           item.target->range.end - item.target->range.begin));
      }
      inReport_ = false;
      report_->items.push_back(std::move(out));
    }
    report_ = nullptr;
  }
  for (auto &s : reportInputs_)
    p_->statements.push_back(std::move(s));
}

// ------------------------------------------------------------------------- tests

namespace {
Constant zeroOf(const Type &t) {
  Constant c;
  c.type = t.required();
  c.valid = !t.optional; // `...` leaves optional fields missing
  return c;
}
} // namespace

void Lowerer::lowerTest(const sema::TestInfo &test) {
  const ast::TestDecl &decl = *test.decl;
  TestCase base;
  base.title = test.title;
  base.range = test.where.declaration;
  for (const auto &f : p_->fields)
    base.record.push_back(zeroOf(f.type));

  auto setField = [&](TestCase &tc, const ast::FieldValue &fv) {
    auto ref = m_.lookup(fv.field.text);
    if (!ref || ref->kind != SymbolKind::Field)
      throw InternalError("a test gives an unknown field", fv.range);
    tc.record[ref->index] = fold(*fv.value, p_->fields[ref->index].type);
  };
  auto setParam = [&](TestCase &tc, const ast::Ident &name, const ast::Expr &value) {
    auto ref = m_.lookup(name.text);
    if (!ref || ref->kind != SymbolKind::Param)
      throw InternalError("a test gives an unknown param", name.range);
    tc.params.emplace_back(ref->index, fold(value, p_->params[ref->index].type));
  };
  auto expectation = [&](const ast::Expr &e) {
    TestExpectation x;
    x.condition = lower(e);
    x.range = e.range;
    const SourceFile &file = sources_.file(e.range.file);
    x.text = std::string(file.text().substr(e.range.begin, e.range.end - e.range.begin));
    if (e.kind == ast::ExprKind::Binary && isComparison(ast::as<ast::BinaryExpr>(e).op))
      x.shown.push_back(lower(*ast::as<ast::BinaryExpr>(e).lhs));
    else if (e.kind == ast::ExprKind::Status)
      x.shown.push_back(slotRef(indicatorStatus_[resolved(*ast::as<ast::StatusExpr>(e).operand).index]));
    return x;
  };

  const ast::Cases *cases = nullptr;
  for (const auto &item : decl.items) {
    if (auto *g = std::get_if<ast::GivenRecord>(&item.item)) {
      for (const auto &fv : g->record.values)
        setField(base, fv);
    } else if (auto *ge = std::get_if<ast::GivenExample>(&item.item)) {
      auto ref = m_.lookup(ge->example.text);
      if (!ref || ref->kind != SymbolKind::Example)
        throw InternalError("a test gives an unknown example", item.range);
      for (const auto &fv : m_.examples[ref->index].decl->value.values)
        setField(base, fv);
      for (const auto &fv : ge->changes)
        setField(base, fv);
    } else if (auto *gp = std::get_if<ast::GivenParam>(&item.item)) {
      setParam(base, gp->param, *gp->value);
    } else if (auto *ee = std::get_if<ast::ExpectError>(&item.item)) {
      base.expectError = true;
      base.errorContains = ee->message ? ee->message->value : std::string{};
    } else if (auto *ex = std::get_if<ast::ExpectExpr>(&item.item)) {
      base.expectations.push_back(expectation(*ex->expectation));
    } else if (auto *c = std::get_if<ast::Cases>(&item.item)) {
      cases = c;
    }
  }
  if (!cases) {
    p_->tests.push_back(std::move(base));
    return;
  }
  for (std::size_t r = 0; r < cases->rows.size(); ++r) {
    const auto &row = cases->rows[r];
    TestCase tc = base;
    tc.title = fmt::format("{} [row {}]", test.title, r + 1);
    tc.range = row.range;
    for (std::size_t col = 0; col < cases->columns.size() && col < row.cells.size(); ++col) {
      const auto &column = cases->columns[col];
      const ast::Expr &cell = *row.cells[col];
      if (!column.expect) {
        auto ref = m_.lookup(column.field.text);
        if (ref && ref->kind == SymbolKind::Param)
          setParam(tc, column.field, cell);
        else if (ref && ref->kind == SymbolKind::Field)
          tc.record[ref->index] = fold(cell, p_->fields[ref->index].type);
        else
          throw InternalError("a cases column names neither a field nor a param", column.range);
        continue;
      }
      TestExpectation x;
      ExprId subject = lower(*column.subject);
      x.condition = comparison(Op::Eq, subject, lower(cell), cell.range);
      x.shown.push_back(subject);
      x.range = cell.range;
      const SourceFile &file = sources_.file(column.subject->range.file);
      x.text = fmt::format("{} == {}",
                           file.text().substr(column.subject->range.begin,
                                              column.subject->range.end -
                                                  column.subject->range.begin),
                           file.text().substr(cell.range.begin, cell.range.end - cell.range.begin));
      tc.expectations.push_back(std::move(x));
    }
    p_->tests.push_back(std::move(tc));
  }
}

void Lowerer::lowerTests() {
  for (const auto &test : m_.tests) {
    context_ = "test " + test.title;
    lowerTest(test);
  }
}

void Lowerer::describeResults() {
  auto add = [&](std::string name, SlotId s, bool perIndicator = false) {
    p_->results.push_back({std::move(name), s, perIndicator});
  };
  if (p_->checklistSlot != kNoSlot)
    add("checklist", p_->checklistSlot);
  for (std::size_t i = 0; i < m_.scores.size(); ++i)
    add(m_.scores[i].name, scores_[i]);
  bool weighted = false;
  for (const auto &s : m_.scores)
    weighted = weighted || s.weighted;
  if (weighted)
    for (std::size_t d = 0; d < m_.domains.size(); ++d)
      add(m_.domains[d].name + ".score", domainScores_[d]);
  for (std::size_t i = 0; i < m_.tables.size(); ++i)
    add(m_.tables[i].name, tables_[i]);
  for (std::size_t i = 0; i < m_.outputs.size(); ++i)
    add(m_.outputs[i].name, outputs_[i]);
  for (std::size_t i = 0; i < m_.deadlines.size(); ++i)
    add(m_.deadlines[i].name, deadlines_[i]);
  for (std::size_t i = 0; i < m_.indicators.size(); ++i) {
    add(m_.indicators[i].name + ".status", indicatorStatus_[i], true);
    add(m_.indicators[i].name + ".score", indicatorScore_[i], true);
  }
  std::vector<std::string> flagNames;
  for (std::size_t c = 0; c < m_.checks.size(); ++c)
    for (const auto &flag : m_.checks[c].flags) {
      auto it = std::find_if(p_->flags.begin(), p_->flags.end(),
                             [&](const FlagInfo &f) { return f.name == flag; });
      if (it == p_->flags.end()) {
        p_->flags.push_back({flag, {}});
        it = p_->flags.end() - 1;
      }
      it->raisedBy.push_back(checkRaised_[c]);
    }
}

std::string contentHash(const sema::Model &m, const SourceManager &sources) {
  Sha256 hash;
  for (FileId id : m.files) {
    const std::string &text = sources.file(id).text();
    hash.update(fmt::format("{}:", text.size()));
    hash.update(text);
  }
  return hash.hexDigest();
}

std::unique_ptr<Program> Lowerer::run() {
  p_->title = m_.title;
  p_->version = m_.version;
  p_->contentHash = contentHash(m_, sources_);
  p_->enums = m_.enums;
  for (const auto &f : m_.fields)
    p_->fields.push_back({f.name, f.type, f.key});
  for (const auto &param : m_.params) {
    ParamInfo info{param.name, param.type, Constant{param.type, false, 0, 0, {}}, false};
    if (param.defaultValue) {
      info.defaultValue = fold(*param.defaultValue, param.type);
      info.hasDefault = true;
    }
    p_->params.push_back(std::move(info));
  }
  for (const auto &c : m_.checklists)
    p_->checklists.push_back(c.name);
  for (const auto &d : m_.domains)
    p_->domains.push_back(d.name);
  for (const auto &i : m_.indicators)
    p_->indicators.push_back(i.name);
  p_->calendar = {m_.calendar.years, m_.calendar.holidays, m_.calendar.workdays};

  declareSlots();
  for (const auto &step : m_.order)
    lowerStep(step);
  lowerReports();
  lowerTests();
  describeResults();
  return std::move(p_);
}

} // namespace

std::unique_ptr<ir::Program> lowerToIr(const sema::Model &model, const SourceManager &sources,
                                       Diagnostics &diagnostics) {
  if (model.checklists.size() > 64) {
    diagnostics.report(DiagCode::LimitExceeded, model.checklists[64].where.name,
                       "a rule set can have at most 64 checklists");
    return nullptr;
  }
  try {
    return Lowerer(model, sources).run();
  } catch (const InternalError &e) {
    diagnostics.report(DiagCode::InternalError, e.range,
                       fmt::format("internal compiler error while lowering: {}; please report "
                                   "this with the rule file",
                                   e.what()));
    return nullptr;
  }
}

} // namespace xr
