#pragma once
// Building small IR programs by hand for the interpreter and batch tests, and running them.
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/builtins/dates.h"
#include "runtime/builtins/registry.h"
#include "runtime/interp/interpreter.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace xr::testing {

/// A program under construction; each helper appends to it and returns the new id.
class ProgramBuilder {
public:
  ir::Program p;

  std::uint32_t field(std::string name, Type type, bool key = false) {
    p.fields.push_back({std::move(name), type, key});
    return static_cast<std::uint32_t>(p.fields.size() - 1);
  }
  std::uint32_t param(std::string name, Type type, std::optional<ir::Constant> def = {}) {
    ir::ParamInfo info{std::move(name), type, ir::Constant{type.required(), false, 0, 0, {}},
                       false};
    if (def) {
      info.defaultValue = *def;
      info.hasDefault = true;
    }
    p.params.push_back(std::move(info));
    return static_cast<std::uint32_t>(p.params.size() - 1);
  }
  ir::SlotId slot(std::string name, Type type, ir::SlotRole role = ir::SlotRole::Let) {
    p.slots.push_back({std::move(name), type, role, 0});
    return static_cast<ir::SlotId>(p.slots.size() - 1);
  }
  ir::ErrorSiteId site(ir::ErrorKind kind, std::string context, std::string where = "t.xr:1:1") {
    p.errors.push_back({kind, std::move(context), std::move(where), {}});
    return static_cast<ir::ErrorSiteId>(p.errors.size() - 1);
  }
  EnumId enumeration(std::string name, std::vector<std::string> members) {
    EnumInfo info;
    info.name = std::move(name);
    for (auto &m : members)
      info.members.push_back({m, m});
    return p.enums.add(std::move(info));
  }

  ir::ExprId node(ir::Op op, Type type, std::vector<ir::ExprId> args = {}, std::int64_t a = 0,
                  std::int64_t b = 0) {
    ir::Node n;
    n.op = op;
    n.type = type;
    n.firstArg = static_cast<std::uint32_t>(p.args.size());
    n.argCount = static_cast<std::uint32_t>(args.size());
    n.a = a;
    n.b = b;
    p.args.insert(p.args.end(), args.begin(), args.end());
    p.nodes.push_back(n);
    return static_cast<ir::ExprId>(p.nodes.size() - 1);
  }
  const Type &typeOf(ir::ExprId e) const { return p.nodes[e].type; }

  // ---- constants
  ir::ExprId constant(ir::Constant c) {
    Type t = c.valid ? c.type.required() : c.type.withOptional(true);
    p.constants.push_back(std::move(c));
    return node(ir::Op::Const, t, {}, static_cast<std::int64_t>(p.constants.size() - 1));
  }
  ir::ExprId i(std::int64_t v) { return constant({Type::integer(), true, v, 0, {}}); }
  ir::ExprId n(double v) { return constant({Type::number(), true, 0, v, {}}); }
  ir::ExprId b(bool v) { return constant({Type::boolean(), true, v ? 1 : 0, 0, {}}); }
  ir::ExprId t(std::string v) { return constant({Type::text(), true, 0, 0, std::move(v)}); }
  ir::ExprId d(int y, int m, int day) {
    return constant({Type::date(), true, *dates::makeDate(y, m, day), 0, {}});
  }
  ir::ExprId e(EnumId id, int member) {
    return constant({Type::enumeration(id), true, member, 0, {}});
  }
  ir::ExprId missing(Type type) { return constant({type.required(), false, 0, 0, {}}); }

  // ---- leaves
  ir::ExprId fieldRef(std::uint32_t f) { return node(ir::Op::Field, p.fields[f].type, {}, f); }
  ir::ExprId paramRef(std::uint32_t i) { return node(ir::Op::Param, p.params[i].type, {}, i); }
  ir::ExprId slotRef(ir::SlotId s) { return node(ir::Op::Slot, p.slots[s].type, {}, s); }

  // ---- operators with the types the lowering would give
  static Type opt(Type t, bool optional) { return t.withOptional(t.optional || optional); }
  bool optional(ir::ExprId a) const { return typeOf(a).optional; }

  ir::ExprId arith(ir::Op op, ir::ExprId a, ir::ExprId b2, std::string context = "let x") {
    const Type base = op == ir::Op::Div ? Type::number() : typeOf(a).required();
    const ir::ErrorKind kind =
        op == ir::Op::Div ? ir::ErrorKind::DivisionByZero : ir::ErrorKind::IntegerOverflow;
    const bool checked = op == ir::Op::Div || base.kind == TypeKind::Int;
    return node(op, opt(base, optional(a) || optional(b2)), {a, b2}, 0,
                checked ? site(kind, std::move(context)) : 0);
  }
  ir::ExprId add(ir::ExprId a, ir::ExprId b2) { return arith(ir::Op::Add, a, b2); }
  ir::ExprId sub(ir::ExprId a, ir::ExprId b2) { return arith(ir::Op::Sub, a, b2); }
  ir::ExprId mul(ir::ExprId a, ir::ExprId b2) { return arith(ir::Op::Mul, a, b2); }
  ir::ExprId div(ir::ExprId a, ir::ExprId b2, std::string context = "let x") {
    return arith(ir::Op::Div, a, b2, std::move(context));
  }
  ir::ExprId neg(ir::ExprId a) {
    const Type base = typeOf(a);
    return node(ir::Op::Neg, base, {a}, 0,
                base.kind == TypeKind::Int ? site(ir::ErrorKind::IntegerOverflow, "let x") : 0);
  }
  ir::ExprId cmp(ir::Op op, ir::ExprId a, ir::ExprId b2) {
    return node(op, Type::boolean(optional(a) || optional(b2)), {a, b2});
  }
  ir::ExprId logic(ir::Op op, ir::ExprId a, ir::ExprId b2) {
    return node(op, Type::boolean(optional(a) || optional(b2)), {a, b2});
  }
  ir::ExprId notE(ir::ExprId a) { return node(ir::Op::Not, typeOf(a), {a}); }
  ir::ExprId isMissing(ir::ExprId a) { return node(ir::Op::IsMissing, Type::boolean(), {a}); }
  ir::ExprId coalesce(ir::ExprId a, ir::ExprId b2) {
    return node(ir::Op::Coalesce, typeOf(a).withOptional(optional(b2)), {a, b2});
  }
  ir::ExprId ifE(ir::ExprId c, ir::ExprId a, ir::ExprId b2) {
    return node(ir::Op::If, typeOf(a).withOptional(true), {c, a, b2});
  }
  ir::ExprId when(ir::ExprId c, ir::ExprId a, ir::ExprId b2) {
    return node(ir::Op::When, typeOf(a).withOptional(optional(a) || optional(b2)), {c, a, b2});
  }
  ir::ExprId toNumber(ir::ExprId a) {
    return node(ir::Op::IntToNumber, Type::number(optional(a)), {a});
  }
  ir::ExprId call(builtins::Fn fn, std::vector<ir::ExprId> args, std::string context = "let x") {
    const builtins::Builtin &entry = builtins::get(fn);
    bool optionalArgs = false;
    for (auto a : args)
      optionalArgs = optionalArgs || optional(a);
    const ir::ErrorSiteId s =
        entry.failable ? site(ir::ErrorKind::BuiltinFailed, std::move(context)) : 0;
    return node(ir::Op::Call, Type{entry.result, optionalArgs}, std::move(args),
                static_cast<std::int64_t>(fn), s);
  }
  ir::ExprId fail(Type type, ir::ErrorSiteId s) { return node(ir::Op::Fail, type, {}, s); }

  // ---- statements
  void stmt(ir::Stmt::Body body) { p.statements.push_back({std::move(body), {}}); }
  ir::SlotId let(std::string name, ir::ExprId value) {
    ir::SlotId s = slot(std::move(name), typeOf(value));
    stmt(ir::Assign{s, value});
    return s;
  }
};

/// A batch of the program's record from rows of constants (one per field; invalid = missing).
inline batch::Batch makeBatch(const ir::Program &p,
                              const std::vector<std::vector<ir::Constant>> &rows) {
  batch::Batch b(p);
  for (const auto &row : rows) {
    const std::size_t r = b.addRow();
    for (std::uint32_t f = 0; f < row.size(); ++f)
      b.set(f, r, row[f]);
  }
  return b;
}

inline batch::ParamValues defaults(const ir::Program &p) {
  std::vector<std::string> errors;
  auto bound = batch::ParamValues::bind(p, std::vector<batch::ParamOverride>{}, errors);
  if (!bound)
    throw std::runtime_error("params do not bind: " + (errors.empty() ? "" : errors[0]));
  return *bound;
}

inline ir::Constant I(std::int64_t v) { return {Type::integer(), true, v, 0, {}}; }
inline ir::Constant N(double v) { return {Type::number(), true, 0, v, {}}; }
inline ir::Constant B(bool v) { return {Type::boolean(), true, v ? 1 : 0, 0, {}}; }
inline ir::Constant T(std::string v) { return {Type::text(), true, 0, 0, std::move(v)}; }
inline ir::Constant D(int y, int m, int d) {
  return {Type::date(), true, *dates::makeDate(y, m, d), 0, {}};
}
inline ir::Constant E(EnumId id, int member) {
  return {Type::enumeration(id), true, member, 0, {}};
}
inline ir::Constant Missing(Type t) { return {t.required(), false, 0, 0, {}}; }

/// Evaluates the program over the rows with default params.
inline batch::Results run(const ir::Program &p,
                          const std::vector<std::vector<ir::Constant>> &rows) {
  interp::Interpreter interpreter(p);
  batch::Batch b = makeBatch(p, rows);
  batch::Results results;
  interpreter.evaluate(b, defaults(p), results);
  return results;
}

/// Evaluates every `step`th record of `population` alone with `engine` (the interpreter, or
/// anything with its evaluate()) and expects what the evaluation of the whole batch gave it
/// (`whole`): the same error, or bit for bit the same slots. Stops at the first difference;
/// returns how many of the records evaluated alone failed.
template <class Engine>
std::size_t expectRecordsAloneAsInTheBatch(const Engine &engine, const ir::Program &p,
                                           const batch::Batch &population,
                                           const batch::ParamValues &params,
                                           const batch::Results &whole, std::size_t step = 1) {
  batch::Batch single(p);
  batch::Results alone;
  std::size_t errorsSeen = 0;
  for (std::size_t row = 0; row < population.rows(); row += step) {
    single.clear();
    single.addRow();
    for (std::uint32_t f = 0; f < p.fields.size(); ++f)
      single.set(f, 0, batch::constantAt(population.column(f), row, population.arena()));
    engine.evaluate(single, params, alone);
    EXPECT_EQ(whole.ok(row), alone.ok(0)) << "row " << row;
    if (whole.ok(row) != alone.ok(0))
      return errorsSeen;
    if (!alone.ok(0)) {
      ++errorsSeen;
      EXPECT_EQ(whole.error(row), alone.error(0)) << "row " << row;
      if (!(whole.error(row) == alone.error(0)))
        return errorsSeen;
      continue;
    }
    for (ir::SlotId s = 0; s < p.slots.size(); ++s) {
      const ir::Constant a = whole.value(s, row);
      const ir::Constant b = alone.value(s, 0);
      const std::uint64_t aBits = std::bit_cast<std::uint64_t>(a.d);
      const std::uint64_t bBits = std::bit_cast<std::uint64_t>(b.d);
      EXPECT_EQ(a.valid, b.valid) << "row " << row << ", slot " << p.slots[s].name;
      EXPECT_EQ(a.i, b.i) << "row " << row << ", slot " << p.slots[s].name;
      EXPECT_EQ(aBits, bBits) << "row " << row << ", slot " << p.slots[s].name;
      EXPECT_EQ(a.text, b.text) << "row " << row << ", slot " << p.slots[s].name;
      if (a.valid != b.valid || a.i != b.i || aBits != bBits || a.text != b.text)
        return errorsSeen;
    }
  }
  return errorsSeen;
}

} // namespace xr::testing
