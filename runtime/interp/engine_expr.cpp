// The evaluators of expression nodes, one per op and element type, and the node compiler
// that picks them. Every evaluator follows the protocol of EvalFn (engine.h): evaluate the
// children left to right on the same selection (so a row that fails in one child is not seen
// by the next), or on a narrowed selection for lazy operands (and/or, if/when, ??), then
// compute the node for the rows that are left.
#include "runtime/interp/engine.h"

#include <fmt/format.h>

#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <type_traits>

namespace xr::interp::detail {
namespace {

using batch::Storage;
using ir::Op;
using I64 = std::int64_t;
using U8 = std::uint8_t;

alignas(16) const std::byte kZeroValue[16] = {};
const std::uint8_t kMissingByte = 0;

template <class F> EvalFn withStorage(Storage s, F &&f) {
  switch (s) {
  case Storage::U8:
    return f.template operator()<std::uint8_t>();
  case Storage::I32:
    return f.template operator()<std::int32_t>();
  case Storage::I64:
    return f.template operator()<std::int64_t>();
  case Storage::F64:
    return f.template operator()<double>();
  case Storage::U64:
    return f.template operator()<std::uint64_t>();
  case Storage::Text:
    return f.template operator()<std::string_view>();
  }
  return nullptr;
}

batch::RowError siteError(const Engine &e, std::int64_t site) {
  batch::RowError err;
  err.site = static_cast<ir::ErrorSiteId>(site);
  err.kind = e.program().errors[static_cast<std::size_t>(site)].kind;
  return err;
}

/// Raises `err` for the rows of sel where bad(r), and drops them from sel.
template <class Bad>
void raiseRows(Workspace &ws, Sel &sel, Bad &&bad, const batch::RowError &err) {
  sel.forEach([&](Row r) {
    if (bad(r))
      ws.raise(r, err);
  });
  sel.dropErrored(ws);
}

// ------------------------------------------------------------------------------ mapping

/// Loops over sel for computing a fresh vector: wide (see Sel::forEachWide) unless text is
/// involved, whose stale string_views may point at memory that is gone.
template <bool Text, class F> void forComputed(const Sel &sel, F &&f) {
  if constexpr (Text)
    sel.forEach(f);
  else
    sel.forEachWide(f);
}

template <class A, class R, bool Exact = false, class F>
Vec mapUnary(Workspace &ws, const Sel &sel, const Vec &a, F f) {
  constexpr bool text = Exact || std::is_same_v<A, std::string_view>;
  Vec out;
  out.own = ws.scratch();
  R *o = out.own.values<R>();
  std::uint8_t *ov = out.own.valid();
  out.data = o;
  if (a.constant) {
    o[0] = f(a.at<A>(0));
    out.constant = true;
    if (a.valid) {
      ov[0] = a.valid[0];
      out.valid = ov;
    }
    return out;
  }
  const A *in = a.as<A>();
  forComputed<text>(sel, [&](Row r) { o[r] = f(in[r]); });
  if (a.valid) {
    const std::uint8_t *va = a.valid;
    forComputed<false>(sel, [&](Row r) { ov[r] = va[r]; });
    out.valid = ov;
  }
  return out;
}

/// Exact: f flags errors, so it must see the selected rows only.
template <class A, class B, class R, bool Exact = false, class F>
Vec mapBinary(Workspace &ws, const Sel &sel, const Vec &a, const Vec &b, F f) {
  constexpr bool text =
      Exact || std::is_same_v<A, std::string_view> || std::is_same_v<B, std::string_view>;
  Vec out;
  out.own = ws.scratch();
  R *o = out.own.values<R>();
  std::uint8_t *ov = out.own.valid();
  out.data = o;
  if (a.constant && b.constant) {
    o[0] = f(a.at<A>(0), b.at<B>(0));
    out.constant = true;
    if (a.valid || b.valid) {
      ov[0] = a.validAt(0) && b.validAt(0);
      out.valid = ov;
    }
    return out;
  }
  const A *pa = a.as<A>();
  const B *pb = b.as<B>();
  if (a.constant) {
    const A x = pa[0];
    forComputed<text>(sel, [&](Row r) { o[r] = f(x, pb[r]); });
  } else if (b.constant) {
    const B y = pb[0];
    forComputed<text>(sel, [&](Row r) { o[r] = f(pa[r], y); });
  } else {
    forComputed<text>(sel, [&](Row r) { o[r] = f(pa[r], pb[r]); });
  }
  if (!a.valid && !b.valid)
    return out;
  out.valid = ov;
  // A constant's validity is one byte for every row; an absent validity is all ones.
  const std::uint8_t *va = a.valid;
  const std::uint8_t *vb = b.valid;
  if (a.constant || b.constant) {
    const Vec &c = a.constant ? a : b;
    const Vec &v = a.constant ? b : a;
    const std::uint8_t cv = c.validAt(0);
    if (!v.valid)
      forComputed<false>(sel, [&](Row r) { ov[r] = cv; });
    else
      forComputed<false>(sel, [&](Row r) { ov[r] = v.valid[r] & cv; });
  } else if (va && vb) {
    forComputed<false>(sel, [&](Row r) { ov[r] = va[r] & vb[r]; });
  } else {
    const std::uint8_t *v = va ? va : vb;
    forComputed<false>(sel, [&](Row r) { ov[r] = v[r]; });
  }
  return out;
}

/// Copies the rows of `rows` from `from` into o/ov; returns whether any was missing.
template <class T> bool copyRows(const Sel &rows, const Vec &from, T *o, std::uint8_t *ov) {
  bool missing = false;
  if (from.constant) {
    const T v = from.at<T>(0);
    const std::uint8_t valid = from.validAt(0) ? 1 : 0;
    rows.forEach([&](Row r) {
      o[r] = v;
      ov[r] = valid;
    });
    return !valid && !rows.empty();
  }
  const T *in = from.as<T>();
  if (!from.valid) {
    rows.forEach([&](Row r) {
      o[r] = in[r];
      ov[r] = 1;
    });
    return false;
  }
  rows.forEach([&](Row r) {
    o[r] = in[r];
    ov[r] = from.valid[r];
    missing = missing || !from.valid[r];
  });
  return missing;
}

// ------------------------------------------------------------------------------ leaves

Vec evalConst(const Engine &, Workspace &, const XNode &x, Sel &) {
  return Vec{x.constant, x.constantValid ? nullptr : &x.constantValid, true, {}};
}

Vec evalParam(const Engine &, Workspace &ws, const XNode &x, Sel &) {
  const ParamCell &c = ws.params[static_cast<std::size_t>(x.a)];
  return Vec{c.value, c.valid ? nullptr : &c.valid, true, {}};
}

template <class T>
Vec columnView(Workspace &ws, const batch::Column &col, bool allValid, std::string_view arena,
               const Sel &sel) {
  Vec v;
  if constexpr (std::is_same_v<T, std::string_view>) {
    v.own = ws.scratch();
    auto *out = v.own.values<std::string_view>();
    const batch::TextRef *refs = col.values<batch::TextRef>() + ws.start;
    const char *base = arena.data();
    sel.forEach([&](Row r) { out[r] = std::string_view(base + refs[r].offset, refs[r].length); });
    v.data = out;
  } else {
    v.data = col.values<T>() + ws.start;
  }
  v.valid = allValid ? nullptr : col.validity() + ws.start;
  return v;
}

template <class T> Vec evalField(const Engine &, Workspace &ws, const XNode &x, Sel &sel) {
  if (!ws.batch)
    throw std::logic_error("a record field read where there is no record");
  const auto field = static_cast<std::uint32_t>(x.a);
  return columnView<T>(ws, ws.batch->column(field), ws.fieldAllValid[field] != 0, ws.batch->arena(),
                       sel);
}

template <class T> Vec evalSlot(const Engine &, Workspace &ws, const XNode &x, Sel &sel) {
  if (!ws.frame)
    throw std::logic_error("a slot read where there is no record");
  const auto slot = static_cast<ir::SlotId>(x.a);
  return columnView<T>(ws, ws.frame->slot(slot), ws.slotAllValid[slot] != 0, ws.frame->arena(),
                       sel);
}

template <class T> Vec evalAggregate(const Engine &, Workspace &ws, const XNode &x, Sel &sel) {
  if (!ws.aggregates)
    throw std::logic_error("a report aggregate read outside a report");
  return columnView<T>(ws, (*ws.aggregates)[static_cast<std::size_t>(x.a)], false, {}, sel);
}

Vec evalKeyList(const Engine &, Workspace &, const XNode &, Sel &) {
  throw std::logic_error("top/bottom evaluated as a value; it can only be a whole report item");
}

// ------------------------------------------------------------------------------ conversions

Vec evalIntToNumber(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  return mapUnary<I64, double>(ws, sel, a, [](I64 v) { return static_cast<double>(v); });
}

Vec evalBoolToInt(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  return mapUnary<U8, I64>(ws, sel, a, [](U8 v) { return static_cast<I64>(v); });
}

// ------------------------------------------------------------------------------ arithmetic

template <Op O> bool overflows(I64 p, I64 q, I64 &r) {
  if constexpr (O == Op::Add)
    return __builtin_add_overflow(p, q, &r);
  else if constexpr (O == Op::Sub)
    return __builtin_sub_overflow(p, q, &r);
  else
    return __builtin_mul_overflow(p, q, &r);
}

template <Op O> Vec evalIntArith(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  Vec b = e.eval(ws, x.args[1], sel);
  if (sel.empty())
    return Engine::missing();
  bool bad = false;
  Vec out = mapBinary<I64, I64, I64, true>(ws, sel, a, b, [&bad](I64 p, I64 q) {
    I64 r = 0;
    bad |= overflows<O>(p, q, r);
    return r;
  });
  if (bad)
    raiseRows(
        ws, sel,
        [&](Row r) {
          I64 t = 0;
          return a.validAt(r) && b.validAt(r) && overflows<O>(a.at<I64>(r), b.at<I64>(r), t);
        },
        siteError(e, x.b));
  return out;
}

template <Op O> Vec evalNumberArith(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  Vec b = e.eval(ws, x.args[1], sel);
  if (sel.empty())
    return Engine::missing();
  return mapBinary<double, double, double>(ws, sel, a, b, [](double p, double q) {
    if constexpr (O == Op::Add)
      return p + q;
    else if constexpr (O == Op::Sub)
      return p - q;
    else
      return p * q;
  });
}

Vec evalDiv(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  Vec b = e.eval(ws, x.args[1], sel);
  if (sel.empty())
    return Engine::missing();
  bool bad = false;
  Vec out = mapBinary<double, double, double, true>(ws, sel, a, b, [&bad](double p, double q) {
    bad |= q == 0.0; // also -0.0
    return p / q;
  });
  if (bad)
    raiseRows(
        ws, sel, [&](Row r) { return a.validAt(r) && b.validAt(r) && b.at<double>(r) == 0.0; },
        siteError(e, x.b));
  return out;
}

Vec evalNegInt(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  if (sel.empty())
    return Engine::missing();
  constexpr I64 kMin = std::numeric_limits<I64>::min();
  bool bad = false;
  Vec out = mapUnary<I64, I64, true>(ws, sel, a, [&bad](I64 v) {
    bad |= v == kMin;
    return static_cast<I64>(std::uint64_t{0} - static_cast<std::uint64_t>(v));
  });
  if (bad)
    raiseRows(
        ws, sel, [&](Row r) { return a.validAt(r) && a.at<I64>(r) == kMin; }, siteError(e, x.b));
  return out;
}

Vec evalNegNumber(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  return mapUnary<double, double>(ws, sel, a, [](double v) { return -v; });
}

// ------------------------------------------------------------------------------ comparisons

template <Op O, class T> U8 compare(const T &p, const T &q) {
  if constexpr (O == Op::Eq)
    return p == q;
  else if constexpr (O == Op::Ne)
    return p != q;
  else if constexpr (O == Op::Lt)
    return p < q;
  else if constexpr (O == Op::Le)
    return p <= q;
  else if constexpr (O == Op::Gt)
    return p > q;
  else
    return p >= q;
}

template <Op O, class T> Vec evalCompare(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  Vec b = e.eval(ws, x.args[1], sel);
  if (sel.empty())
    return Engine::missing();
  return mapBinary<T, T, U8>(ws, sel, a, b, [](T p, T q) { return compare<O, T>(p, q); });
}

// ------------------------------------------------------------------------------ logic

Vec evalNot(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec a = e.eval(ws, x.args[0], sel);
  return mapUnary<U8, U8>(ws, sel, a, [](U8 v) { return static_cast<U8>(!v); });
}

/// Kleene and/or with short-circuit: the right operand is evaluated only for the rows the left
/// one does not decide (And: left not false; Or: left not true). The result is then computed
/// for every row without branches: where the left operand decides, the right one's (stale)
/// bytes cannot change the outcome.
template <bool IsAnd> Vec evalLogic(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  constexpr U8 decisive = IsAnd ? 0 : 1;
  Vec l = e.eval(ws, x.args[0], sel);
  if (sel.empty())
    return Engine::missing();
  const RowArrays<U8> a = rowArrays<U8>(ws, sel, l);
  const U8 *av = a.value;
  const U8 *aok = a.valid;
  Sel right;
  Vec rv;
  if (x.lazyOperandsSafe) {
    rv = e.eval(ws, x.args[1], sel); // cannot fail: sel stays as it is
  } else {
    right =
        Sel::filter(ws, sel, [&](Row r) { return !(aok[r] && (av[r] != 0) == (decisive != 0)); });
    if (right.empty())
      return l; // every row decided by the left operand
    const std::uint64_t before = ws.errorCount;
    rv = e.eval(ws, x.args[1], right);
    if (ws.errorCount != before)
      sel.dropErrored(ws);
    if (!l.valid && right.size() == sel.size())
      return rv; // the left operand was the neutral value in every row
  }
  Vec out;
  out.own = ws.scratch();
  U8 *o = out.own.values<U8>();
  out.data = o;
  const RowArrays<U8> b = rowArrays<U8>(ws, x.lazyOperandsSafe ? sel : right, rv);
  const U8 *bv = b.value;
  if (!l.valid && !rv.valid) {
    sel.forEachWide([&](Row r) {
      const bool p = av[r] != 0;
      const bool q = bv[r] != 0;
      o[r] = IsAnd ? (p && q) : (p || q);
    });
    return out;
  }
  U8 *ov = out.own.valid();
  out.valid = ov;
  const U8 *bok = b.valid;
  sel.forEachWide([&](Row r) {
    // Bitwise, not short-circuit: no branch per row.
    const bool lv = aok[r] != 0;
    const bool rok = bok[r] != 0;
    const bool p = av[r] != 0;
    const bool q = bv[r] != 0;
    // Decided by a present decisive operand, else present when both are.
    const bool decided = (lv & (p == (decisive != 0))) | (rok & (q == (decisive != 0)));
    const bool both = lv & rok;
    ov[r] = decided | both;
    o[r] = IsAnd ? static_cast<U8>(both & !decided) : static_cast<U8>(decided);
  });
  return out;
}

Vec evalIsMissing(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  static const U8 kTrue = 1;
  static const U8 kFalse = 0;
  Vec a = e.eval(ws, x.args[0], sel);
  if (!a.valid)
    return Vec{&kFalse, nullptr, true, {}};
  if (a.constant)
    return Vec{a.valid[0] ? &kFalse : &kTrue, nullptr, true, {}};
  Vec out;
  out.own = ws.scratch();
  U8 *o = out.own.values<U8>();
  sel.forEach([&](Row r) { o[r] = !a.valid[r]; });
  out.data = o;
  return out;
}

template <class T> Vec evalCoalesce(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec v = e.eval(ws, x.args[0], sel);
  if (sel.empty() || !v.valid)
    return v;
  Vec f;
  if (x.lazyOperandsSafe) {
    f = e.eval(ws, x.args[1], sel); // cannot fail: sel stays as it is
  } else {
    Sel fallbackRows = Sel::filter(ws, sel, [&](Row r) { return !v.validAt(r); });
    if (fallbackRows.empty())
      return v;
    const std::uint64_t before = ws.errorCount;
    f = e.eval(ws, x.args[1], fallbackRows);
    if (ws.errorCount != before)
      sel.dropErrored(ws);
    if (fallbackRows.size() == sel.size())
      return f;
  }
  Vec out;
  out.own = ws.scratch();
  T *o = out.own.values<T>();
  U8 *ov = out.own.valid();
  out.data = o;
  out.valid = ov;
  sel.forEach([&](Row r) {
    if (v.validAt(r)) {
      o[r] = v.at<T>(r);
      ov[r] = 1;
    } else {
      o[r] = f.at<T>(r);
      ov[r] = f.validAt(r);
    }
  });
  return out;
}

/// If/when whose branches cannot fail: both evaluated for every row, then selected per row.
template <class T, bool IsWhen>
Vec selectBranches(const Engine &e, Workspace &ws, const XNode &x, Sel &sel, const Vec &c) {
  Vec tv = e.eval(ws, x.args[1], sel);
  Vec fv = e.eval(ws, x.args[2], sel);
  const RowArrays<U8> cond = rowArrays<U8>(ws, sel, c);
  const U8 *cv = cond.value;
  const U8 *cok = cond.valid;
  Vec out;
  out.own = ws.scratch();
  T *o = out.own.values<T>();
  U8 *ov = out.own.valid();
  out.data = o;
  out.valid = ov;
  // Text: only the selected rows (stale string_views may dangle; they are only copied here,
  // but keep to the rule of forComputed).
  constexpr bool text = std::is_same_v<T, std::string_view>;
  forComputed<text>(sel, [&](Row r) {
    const bool chosen = (cok[r] != 0) & (cv[r] != 0);
    const bool present = IsWhen || cok[r] != 0;
    const T value = chosen ? tv.at<T>(r) : fv.at<T>(r);
    const bool valid = chosen ? tv.validAt(r) : fv.validAt(r);
    o[r] = present ? value : T{};
    ov[r] = present & valid;
  });
  return out;
}

/// If (IsWhen false): a missing condition gives missing. When: it chooses the else branch.
template <class T, bool IsWhen>
Vec evalIf(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec c = e.eval(ws, x.args[0], sel);
  if (sel.empty())
    return Engine::missing();
  if (x.lazyOperandsSafe)
    return selectBranches<T, IsWhen>(e, ws, x, sel, c);
  Sel thenRows = Sel::filter(ws, sel, [&](Row r) { return c.validAt(r) && c.at<U8>(r); });
  Sel elseRows = Sel::filter(ws, sel, [&](Row r) {
    return IsWhen ? !(c.validAt(r) && c.at<U8>(r)) : c.validAt(r) && !c.at<U8>(r);
  });
  const std::uint64_t before = ws.errorCount;
  Vec tv = e.eval(ws, x.args[1], thenRows);
  Vec fv = e.eval(ws, x.args[2], elseRows);
  if (ws.errorCount != before)
    sel.dropErrored(ws);
  // Rows are in exactly one of then/else/missing-condition, and only the first two can fail.
  if (thenRows.size() == sel.size())
    return tv;
  if (elseRows.size() == sel.size())
    return fv;
  Vec out;
  out.own = ws.scratch();
  T *o = out.own.values<T>();
  U8 *ov = out.own.valid();
  out.data = o;
  out.valid = ov;
  if (!IsWhen)
    sel.forEach([&](Row r) {
      o[r] = T{};
      ov[r] = 0;
    });
  copyRows<T>(thenRows, tv, o, ov);
  copyRows<T>(elseRows, fv, o, ov);
  return out;
}

// ------------------------------------------------------------------------------ sets, status

Vec evalSetHas(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec s = e.eval(ws, x.args[0], sel);
  Vec m = e.eval(ws, x.args[1], sel);
  if (sel.empty())
    return Engine::missing();
  return mapBinary<std::uint64_t, std::int32_t, U8>(
      ws, sel, s, m, [](std::uint64_t set, std::int32_t member) {
        return static_cast<U8>(member >= 0 && member < 64 ? (set >> member) & 1 : 0);
      });
}

Vec evalStatusIn(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  Vec s = e.eval(ws, x.args[0], sel);
  if (sel.empty())
    return Engine::missing();
  const auto mask = static_cast<std::uint64_t>(x.a);
  Vec out = mapUnary<U8, U8>(ws, sel, s, [mask](U8 status) {
    return static_cast<U8>(status < 64 ? (mask >> status) & 1 : 0);
  });
  out.valid = nullptr; // a status is never missing
  return out;
}

Vec evalFail(const Engine &e, Workspace &ws, const XNode &x, Sel &sel) {
  const batch::RowError err = siteError(e, x.a);
  raiseRows(
      ws, sel, [](Row) { return true; }, err);
  return Engine::missing();
}

// ------------------------------------------------------------------------------ compiling

[[noreturn]] void malformed(const ir::Program &p, ir::ExprId id, std::string_view what) {
  throw std::invalid_argument(
      fmt::format("malformed IR: node {} ({}): {}", id, ir::opName(p.nodes[id].op), what));
}

template <Op O> EvalFn compareFn(Storage s) {
  return withStorage(s, [&]<class T>() -> EvalFn {
    if constexpr (std::is_same_v<T, std::string_view> && O != Op::Eq && O != Op::Ne)
      return nullptr; // text has no order
    else
      return &evalCompare<O, T>;
  });
}

} // namespace

Vec Engine::missing() { return Vec{kZeroValue, &kMissingByte, true, {}}; }

void Engine::compileNode(ir::ExprId id) {
  const ir::Node &n = p_.nodes[id];
  XNode &x = nodes_[id];
  x.a = n.a;
  x.b = n.b;
  x.argCount = n.argCount;
  if (n.argCount > 3)
    malformed(p_, id, "more than three operands");
  if (static_cast<std::size_t>(n.firstArg) + n.argCount > p_.args.size())
    malformed(p_, id, "operands outside the argument pool");
  for (std::uint32_t i = 0; i < n.argCount; ++i) {
    x.args[i] = p_.arg(n, i);
    if (x.args[i] >= p_.nodes.size())
      malformed(p_, id, "an operand that is not a node");
  }
  if (n.type.kind == TypeKind::Error && n.op != Op::Fail)
    malformed(p_, id, "a value of the error type");
  x.storage = n.type.kind == TypeKind::Error ? Storage::U8 : batch::storageOf(n.type.kind);

  auto arity = [&](std::uint32_t want) {
    if (n.argCount != want)
      malformed(p_, id, fmt::format("{} operands, expected {}", n.argCount, want));
  };
  auto argKind = [&](std::uint32_t i) { return p_.nodes[x.args[i]].type.kind; };
  auto argStorage = [&](std::uint32_t i) {
    const TypeKind k = argKind(i);
    if (k == TypeKind::Error)
      return Storage::U8; // a Fail operand: never produces a value
    return batch::storageOf(k);
  };
  auto requireArg = [&](std::uint32_t i, TypeKind kind) {
    if (argKind(i) != kind && argKind(i) != TypeKind::Error)
      malformed(p_, id,
                fmt::format("operand {} is a {}, expected {}", i,
                            typeName(p_.nodes[x.args[i]].type), typeName(Type{kind})));
  };
  auto requireSite = [&](std::int64_t site) {
    if (site < 0 || static_cast<std::size_t>(site) >= p_.errors.size())
      malformed(p_, id, "an error site that does not exist");
  };
  // A leaf reading items[a] (a field, param or slot): the item exists and has the node's storage.
  auto requireItem = [&](const auto &items, std::string_view what) {
    if (n.a < 0 || static_cast<std::size_t>(n.a) >= items.size())
      malformed(p_, id, fmt::format("a {} that does not exist", what));
    if (batch::storageOf(items[static_cast<std::size_t>(n.a)].type.kind) != x.storage)
      malformed(p_, id, fmt::format("typed unlike its {}", what));
  };
  const TypeKind kind = n.type.kind;

  switch (n.op) {
  case Op::Const: {
    arity(0);
    if (n.a < 0 || static_cast<std::size_t>(n.a) >= p_.constants.size())
      malformed(p_, id, "a constant that does not exist");
    const ir::Constant &c = p_.constants[static_cast<std::size_t>(n.a)];
    x.constantValid = c.valid ? 1 : 0;
    if (c.valid)
      storeConstant(x.constant, x.storage, c);
    x.fn = &evalConst;
    return;
  }
  case Op::Field:
    arity(0);
    requireItem(p_.fields, "field");
    x.fn = withStorage(x.storage, []<class T>() -> EvalFn { return &evalField<T>; });
    return;
  case Op::Param:
    arity(0);
    requireItem(p_.params, "param");
    x.fn = &evalParam;
    return;
  case Op::Slot:
    arity(0);
    requireItem(p_.slots, "slot");
    x.fn = withStorage(x.storage, []<class T>() -> EvalFn { return &evalSlot<T>; });
    return;
  case Op::Aggregate:
    arity(0);
    if (n.a < 0)
      malformed(p_, id, "a negative aggregate index");
    // Text: top/bottom, whose keys the report evaluator takes as the whole item (report.cpp).
    x.fn = x.storage == Storage::Text
               ? &evalKeyList
               : withStorage(x.storage, []<class T>() -> EvalFn { return &evalAggregate<T>; });
    return;
  case Op::IntToNumber:
    arity(1);
    requireArg(0, TypeKind::Int);
    x.fn = &evalIntToNumber;
    return;
  case Op::BoolToInt:
    arity(1);
    requireArg(0, TypeKind::Bool);
    x.fn = &evalBoolToInt;
    return;
  case Op::Neg:
    arity(1);
    requireArg(0, kind);
    if (kind == TypeKind::Int) {
      requireSite(n.b);
      x.fn = &evalNegInt;
    } else if (kind == TypeKind::Number) {
      x.fn = &evalNegNumber;
    } else {
      malformed(p_, id, "negation of something other than an int or a number");
    }
    return;
  case Op::Add:
  case Op::Sub:
  case Op::Mul: {
    arity(2);
    requireArg(0, kind);
    requireArg(1, kind);
    const bool isInt = kind == TypeKind::Int;
    if (!isInt && kind != TypeKind::Number)
      malformed(p_, id, "arithmetic on something other than ints or numbers");
    if (isInt)
      requireSite(n.b);
    if (n.op == Op::Add)
      x.fn = isInt ? &evalIntArith<Op::Add> : &evalNumberArith<Op::Add>;
    else if (n.op == Op::Sub)
      x.fn = isInt ? &evalIntArith<Op::Sub> : &evalNumberArith<Op::Sub>;
    else
      x.fn = isInt ? &evalIntArith<Op::Mul> : &evalNumberArith<Op::Mul>;
    return;
  }
  case Op::Div:
    arity(2);
    if (kind != TypeKind::Number)
      malformed(p_, id, "division whose result is not a number");
    requireArg(0, TypeKind::Number);
    requireArg(1, TypeKind::Number);
    requireSite(n.b);
    x.fn = &evalDiv;
    return;
  case Op::Eq:
  case Op::Ne:
  case Op::Lt:
  case Op::Le:
  case Op::Gt:
  case Op::Ge: {
    arity(2);
    if (kind != TypeKind::Bool)
      malformed(p_, id, "a comparison whose result is not a bool");
    if (argStorage(0) != argStorage(1) ||
        (argKind(0) != argKind(1) && argKind(0) != TypeKind::Error &&
         argKind(1) != TypeKind::Error))
      malformed(p_, id, "operands of different types");
    const TypeKind operand = argKind(0) == TypeKind::Error ? argKind(1) : argKind(0);
    const bool ordered = n.op != Op::Eq && n.op != Op::Ne;
    if (ordered &&
        (operand == TypeKind::Set || operand == TypeKind::Status || operand == TypeKind::Text))
      malformed(p_, id, "an order comparison of values that have no order");
    const Storage s = argStorage(0);
    switch (n.op) {
    case Op::Eq:
      x.fn = compareFn<Op::Eq>(s);
      break;
    case Op::Ne:
      x.fn = compareFn<Op::Ne>(s);
      break;
    case Op::Lt:
      x.fn = compareFn<Op::Lt>(s);
      break;
    case Op::Le:
      x.fn = compareFn<Op::Le>(s);
      break;
    case Op::Gt:
      x.fn = compareFn<Op::Gt>(s);
      break;
    default:
      x.fn = compareFn<Op::Ge>(s);
      break;
    }
    return;
  }
  case Op::Not:
    arity(1);
    requireArg(0, TypeKind::Bool);
    x.fn = &evalNot;
    return;
  case Op::And:
  case Op::Or:
    arity(2);
    requireArg(0, TypeKind::Bool);
    requireArg(1, TypeKind::Bool);
    x.fn = n.op == Op::And ? &evalLogic<true> : &evalLogic<false>;
    return;
  case Op::IsMissing:
    arity(1);
    if (kind != TypeKind::Bool)
      malformed(p_, id, "is missing whose result is not a bool");
    x.fn = &evalIsMissing;
    return;
  case Op::Coalesce:
    arity(2);
    if (argStorage(0) != x.storage || argStorage(1) != x.storage)
      malformed(p_, id, "operands typed unlike the result");
    x.fn = withStorage(x.storage, []<class T>() -> EvalFn { return &evalCoalesce<T>; });
    return;
  case Op::If:
  case Op::When:
    arity(3);
    requireArg(0, TypeKind::Bool);
    if (argStorage(1) != x.storage || argStorage(2) != x.storage)
      malformed(p_, id, "branches typed unlike the result");
    if (n.op == Op::If)
      x.fn = withStorage(x.storage, []<class T>() -> EvalFn { return &evalIf<T, false>; });
    else
      x.fn = withStorage(x.storage, []<class T>() -> EvalFn { return &evalIf<T, true>; });
    return;
  case Op::SetHas:
    arity(2);
    requireArg(0, TypeKind::Set);
    requireArg(1, TypeKind::Enum);
    x.fn = &evalSetHas;
    return;
  case Op::StatusIn:
    arity(1);
    requireArg(0, TypeKind::Status);
    x.fn = &evalStatusIn;
    return;
  case Op::Call: {
    if (n.a < 0 || n.a >= static_cast<std::int64_t>(builtins::Fn::Count_))
      malformed(p_, id, "a call of a function that does not exist");
    const auto fn = static_cast<builtins::Fn>(n.a);
    const builtins::Builtin &entry = builtins::get(fn);
    arity(static_cast<std::uint32_t>(entry.params.size()));
    for (std::uint32_t i = 0; i < n.argCount; ++i)
      requireArg(i, entry.params[i]);
    if (batch::storageOf(entry.result) != x.storage)
      malformed(p_, id, "typed unlike the function's result");
    if (entry.failable)
      requireSite(n.b);
    const BuiltinBinding binding = bindBuiltin(fn);
    if (!binding.fn || binding.kernel != entry.kernel)
      throw std::logic_error(fmt::format(
          "the interpreter binds {} to a kernel other than the registry's", entry.symbol));
    x.fn = binding.fn;
    return;
  }
  case Op::Fail:
    arity(0);
    requireSite(n.a);
    x.fn = &evalFail;
    return;
  }
  malformed(p_, id, "an unknown op");
}

} // namespace xr::interp::detail
