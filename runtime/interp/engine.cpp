// The engine's construction (compiling nodes, checking statements), its workspaces, and the
// writing of slot values into Results.
#include "runtime/interp/engine.h"

#include "runtime/builtins/calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace xr::interp::detail {
namespace {

using batch::Storage;

[[noreturn]] void malformedStatement(std::size_t index, std::string_view what) {
  throw std::invalid_argument(fmt::format("malformed IR: statement {}: {}", index, what));
}

} // namespace

Engine::Engine(const ir::Program &program) : p_(program), nodes_(program.nodes.size()) {
  for (ir::ExprId id = 0; id < p_.nodes.size(); ++id)
    compileNode(id);
  canFail_.assign(p_.nodes.size(), -1);
  for (ir::ExprId id = 0; id < p_.nodes.size(); ++id) {
    const ir::Node &n = p_.nodes[id];
    std::uint32_t firstLazy = n.argCount;
    if (n.op == ir::Op::And || n.op == ir::Op::Or || n.op == ir::Op::Coalesce)
      firstLazy = 1;
    else if (n.op == ir::Op::If || n.op == ir::Op::When)
      firstLazy = 1;
    bool safe = firstLazy < n.argCount;
    for (std::uint32_t i = firstLazy; i < n.argCount; ++i)
      safe = safe && !canFail(p_.arg(n, i));
    nodes_[id].lazyOperandsSafe = safe;
  }
  if (!p_.calendar.years.empty())
    calendar_ = std::make_unique<builtins::CalendarIndex>(p_.calendar.years, p_.calendar.holidays,
                                                          p_.calendar.workdays);
  checkStatements();
}

bool Engine::canFail(ir::ExprId id) {
  if (canFail_[id] >= 0)
    return canFail_[id] != 0;
  const ir::Node &n = p_.nodes[id];
  bool fails = false;
  switch (n.op) {
  case ir::Op::Div:
  case ir::Op::Fail:
    fails = true;
    break;
  case ir::Op::Neg:
  case ir::Op::Add:
  case ir::Op::Sub:
  case ir::Op::Mul:
    fails = n.type.kind == TypeKind::Int;
    break;
  case ir::Op::Call:
    fails = builtins::get(static_cast<builtins::Fn>(n.a)).failable;
    break;
  default:
    break;
  }
  for (std::uint32_t i = 0; i < n.argCount && !fails; ++i)
    fails = canFail(p_.arg(n, i));
  canFail_[id] = fails ? 1 : 0;
  return fails;
}

void Engine::checkStatements() {
  std::vector<bool> written(p_.slots.size(), false);
  weights_.resize(p_.statements.size());
  for (std::size_t index = 0; index < p_.statements.size(); ++index) {
    auto slotOf = [&](ir::SlotId s, TypeKind kind, std::string_view what) {
      if (s >= p_.slots.size())
        malformedStatement(index, fmt::format("{} slot {} does not exist", what, s));
      if (kind != TypeKind::Error && p_.slots[s].type.kind != kind)
        malformedStatement(index,
                           fmt::format("{} slot {} is a {}, expected {}", what, p_.slots[s].name,
                                       typeName(p_.slots[s].type), typeName(Type{kind})));
      written[s] = true;
    };
    auto expr = [&](ir::ExprId e, TypeKind kind, std::string_view what) {
      if (e >= p_.nodes.size())
        malformedStatement(index, fmt::format("{} is not a node", what));
      const TypeKind have = p_.nodes[e].type.kind;
      if (kind != TypeKind::Error && have != kind && have != TypeKind::Error)
        malformedStatement(index, fmt::format("{} is a {}, expected {}", what,
                                              typeName(p_.nodes[e].type), typeName(Type{kind})));
    };
    auto assign = [&](const ir::Assign &a, std::string_view what) {
      slotOf(a.slot, TypeKind::Error, what);
      expr(a.value, TypeKind::Error, what);
      const TypeKind have = p_.nodes[a.value].type.kind;
      if (have != TypeKind::Error &&
          batch::storageOf(have) != batch::storageOf(p_.slots[a.slot].type.kind))
        malformedStatement(index,
                           fmt::format("{} assigns a {} to slot {} of type {}", what,
                                       typeName(p_.nodes[a.value].type), p_.slots[a.slot].name,
                                       typeName(p_.slots[a.slot].type)));
    };
    auto site = [&](ir::ErrorSiteId s) {
      if (s >= p_.errors.size())
        malformedStatement(index, "an error site that does not exist");
    };
    auto checklist = [&](ir::SlotId s) {
      if (s != ir::kNoSlot && (s >= p_.slots.size() || p_.slots[s].type.kind != TypeKind::Int))
        malformedStatement(index, "the checklist slot is not an int slot");
    };

    const ir::Stmt &stmt = p_.statements[index];
    if (auto *a = std::get_if<ir::Assign>(&stmt.body)) {
      assign(*a, "assignment");
    } else if (auto *ind = std::get_if<ir::IndicatorStmt>(&stmt.body)) {
      slotOf(ind->status, TypeKind::Status, "status");
      slotOf(ind->score, TypeKind::Number, "score");
      checklist(ind->checklist);
      for (const auto &let : ind->lets)
        assign(let, "let");
      if (ind->scoreExpr != ir::kNoExpr)
        expr(ind->scoreExpr, TypeKind::Number, "score");
      if (ind->passExpr != ir::kNoExpr)
        expr(ind->passExpr, TypeKind::Bool, "pass");
      if (ind->scoreExpr == ir::kNoExpr && ind->passExpr == ir::kNoExpr)
        malformedStatement(index, "an indicator with neither score nor pass");
      site(ind->scoreRange);
    } else if (auto *check = std::get_if<ir::CheckStmt>(&stmt.body)) {
      slotOf(check->raised, TypeKind::Bool, "raised");
      for (const auto &let : check->lets)
        assign(let, "let");
      expr(check->when, TypeKind::Bool, "when");
    } else if (auto *w = std::get_if<ir::WeightedStmt>(&stmt.body)) {
      slotOf(w->total, TypeKind::Number, "total");
      checklist(w->checklist);
      for (ir::SlotId d : w->domainScores)
        slotOf(d, TypeKind::Number, "domain score");
      const std::size_t count = w->indicatorStatus.size();
      if (w->indicatorDomain.size() != count || w->indicatorScore.size() != count)
        malformedStatement(index, "per-indicator vectors of different lengths");
      for (std::size_t i = 0; i < count; ++i) {
        if (w->indicatorStatus[i] >= p_.slots.size() ||
            p_.slots[w->indicatorStatus[i]].type.kind != TypeKind::Status ||
            w->indicatorScore[i] >= p_.slots.size() ||
            p_.slots[w->indicatorScore[i]].type.kind != TypeKind::Number)
          malformedStatement(index, "an indicator status or score slot of the wrong type");
      }
      const std::size_t lists = w->indicatorWeight.size();
      if (w->domainWeight.size() != lists || lists == 0)
        malformedStatement(index, "weights for no checklist, or unequal weight tables");
      Weights &flat = weights_[index];
      flat.checklists = lists;
      for (std::size_t c = 0; c < lists; ++c) {
        if (w->indicatorWeight[c].size() != count ||
            w->domainWeight[c].size() != w->domainScores.size())
          malformedStatement(index, "a weight table of the wrong size");
        flat.indicator.insert(flat.indicator.end(), w->indicatorWeight[c].begin(),
                              w->indicatorWeight[c].end());
        flat.domain.insert(flat.domain.end(), w->domainWeight[c].begin(), w->domainWeight[c].end());
      }
      site(w->nothingAssessed);
    } else if (auto *t = std::get_if<ir::TableStmt>(&stmt.body)) {
      slotOf(t->slot, TypeKind::Error, "table");
      if (t->outcomes.size() != t->conditions.size())
        malformedStatement(index, "a table with unequal numbers of conditions and outcomes");
      for (ir::ExprId c : t->conditions)
        expr(c, TypeKind::Bool, "a table condition");
      using P = ir::TableStmt::Policy;
      const TypeKind slotKind = p_.slots[t->slot].type.kind;
      TypeKind outcome = slotKind;
      if (t->policy == P::Collect) {
        if (slotKind != TypeKind::Set)
          malformedStatement(index, "a collect table whose slot is not a set");
        outcome = TypeKind::Enum;
      } else if (t->policy == P::Priority && slotKind != TypeKind::Enum) {
        malformedStatement(index, "a priority table whose slot is not an enum");
      } else if (t->policy == P::Count && slotKind != TypeKind::Int) {
        malformedStatement(index, "a collect count table whose slot is not an int");
      } else if ((t->policy == P::Sum || t->policy == P::Min || t->policy == P::Max) &&
                 slotKind != TypeKind::Int && slotKind != TypeKind::Number) {
        malformedStatement(index, "a numeric collect table whose slot is not a number");
      }
      if (t->policy != P::Count)
        for (ir::ExprId o : t->outcomes)
          expr(o, outcome, "a table outcome");
      if (t->otherwise != ir::kNoExpr)
        expr(t->otherwise, t->policy == P::Count ? TypeKind::Int : outcome, "otherwise");
      site(t->conflict);
    } else if (auto *rule = std::get_if<ir::RuleStmt>(&stmt.body)) {
      slotOf(rule->applied, TypeKind::Bool, "applied");
      expr(rule->when, TypeKind::Bool, "when");
      for (const auto &assignment : rule->assignments)
        assign(assignment, "rule assignment");
    } else if (auto *esc = std::get_if<ir::EscalateStmt>(&stmt.body)) {
      slotOf(esc->fired, TypeKind::Bool, "fired");
      expr(esc->when, TypeKind::Bool, "when");
      for (const auto &argument : esc->arguments)
        assign(argument, "action argument");
    }
  }
  for (ir::SlotId s = 0; s < p_.slots.size(); ++s)
    if (!written[s])
      unwritten_.push_back(s);
}

// ------------------------------------------------------------------------------ workspaces

std::unique_ptr<Workspace> Engine::acquire() const {
  std::unique_ptr<Workspace> ws;
  {
    std::lock_guard lock(poolMutex_);
    if (!pool_.empty()) {
      ws = std::move(pool_.back());
      pool_.pop_back();
    }
  }
  if (!ws)
    ws = std::make_unique<Workspace>();
  ws->batch = nullptr;
  ws->frame = nullptr;
  ws->results = nullptr;
  ws->aggregates = nullptr;
  ws->statusOut = nullptr;
  ws->errorOut = nullptr;
  ws->errorCount = 0;
  ws->start = 0;
  ws->rows = 0;
  ws->fieldAllValid.assign(p_.fields.size(), 0);
  ws->slotAllValid.assign(p_.slots.size(), 0);
  ws->kernelContext.calendar = calendar_ ? &calendar_->view() : nullptr;
  return ws;
}

void Engine::release(std::unique_ptr<Workspace> ws) const {
  std::lock_guard lock(poolMutex_);
  pool_.push_back(std::move(ws));
}

void Engine::bindParams(Workspace &ws, const batch::ParamValues &params) const {
  if (params.size() != p_.params.size())
    throw std::invalid_argument(fmt::format("{} param values for a program with {} params",
                                            params.size(), p_.params.size()));
  ws.params.assign(p_.params.size(), ParamCell{});
  for (std::size_t i = 0; i < p_.params.size(); ++i) {
    const ir::Constant &c = params.value(static_cast<std::uint32_t>(i));
    ParamCell &cell = ws.params[i];
    cell.valid = c.valid ? 1 : 0;
    if (!c.valid)
      continue;
    storeConstant(cell.value, batch::storageOf(p_.params[i].type.kind), c);
  }
}

void storeConstant(std::byte (&cell)[16], Storage storage, const ir::Constant &c) {
  auto put = [&](auto v) { std::memcpy(cell, &v, sizeof v); };
  switch (storage) {
  case Storage::U8:
    put(static_cast<std::uint8_t>(c.i));
    break;
  case Storage::I32:
    put(static_cast<std::int32_t>(c.i));
    break;
  case Storage::I64:
    put(c.i);
    break;
  case Storage::F64:
    put(c.type.kind == TypeKind::Int ? static_cast<double>(c.i) : c.d);
    break;
  case Storage::U64:
    put(static_cast<std::uint64_t>(c.i));
    break;
  case Storage::Text:
    put(std::string_view(c.text));
    break;
  }
}

// ------------------------------------------------------------------------------ stores

namespace {

template <class T> bool storeValues(T *dst, std::uint8_t *dv, const Vec &v, const Sel &sel) {
  if (v.constant) {
    const bool ok = v.validAt(0);
    const T value = ok ? v.at<T>(0) : T{};
    sel.forEach([&](Row r) {
      dst[r] = value;
      dv[r] = ok;
    });
    return ok;
  }
  const T *in = v.as<T>();
  const std::uint8_t *valid = v.valid; // a local: the stores below may alias v
  if (sel.isDense()) {
    // Rows 0..n-1: block copies, and a select the compiler vectorises.
    const std::uint32_t n = sel.size();
    if (!valid) {
      std::memcpy(dst, in, n * sizeof(T));
      std::memset(dv, 1, n);
      return true;
    }
    std::memcpy(dv, valid, n);
    for (Row r = 0; r < n; ++r)
      dst[r] = valid[r] ? in[r] : T{};
    return false;
  }
  if (!valid) {
    sel.forEach([&](Row r) {
      dst[r] = in[r];
      dv[r] = 1;
    });
    return true;
  }
  sel.forEach([&](Row r) {
    const std::uint8_t ok = valid[r];
    dst[r] = ok ? in[r] : T{};
    dv[r] = ok;
  });
  return false;
}

/// Text into the results' arena. A value already in the arena (read from another slot) keeps
/// its place; the others are appended, after every in-arena value has been placed, because an
/// append may move the arena.
bool storeText(Workspace &ws, std::string &arena, batch::TextRef *dst, std::uint8_t *dv,
               const Vec &v, const Sel &sel) {
  const auto lo = reinterpret_cast<std::uintptr_t>(arena.data());
  const auto hi = lo + arena.size();
  Scratch pendingBuffer = ws.scratch();
  std::uint8_t *pending = pendingBuffer.valid();
  bool anyPending = false;
  bool allValid = true;
  sel.forEach([&](Row r) {
    pending[r] = 0;
    if (!v.validAt(r)) {
      dst[r] = {};
      dv[r] = 0;
      allValid = false;
      return;
    }
    dv[r] = 1;
    const std::string_view s = v.at<std::string_view>(r);
    const auto at = reinterpret_cast<std::uintptr_t>(s.data());
    if (s.empty()) {
      dst[r] = {};
    } else if (at >= lo && at + s.size() <= hi) {
      dst[r] = {static_cast<std::uint32_t>(at - lo), static_cast<std::uint32_t>(s.size())};
    } else {
      pending[r] = 1;
      anyPending = true;
    }
  });
  if (anyPending)
    sel.forEach([&](Row r) {
      if (pending[r])
        dst[r] = batch::appendText(arena, v.at<std::string_view>(r));
    });
  return allValid;
}

} // namespace

bool storeColumn(Workspace &ws, batch::Column &col, std::string &arena, const Vec &v,
                 const Sel &sel) {
  std::uint8_t *dv = col.validity() + ws.start;
  switch (col.storage()) {
  case Storage::U8:
    return storeValues(col.values<std::uint8_t>() + ws.start, dv, v, sel);
  case Storage::I32:
    return storeValues(col.values<std::int32_t>() + ws.start, dv, v, sel);
  case Storage::I64:
    return storeValues(col.values<std::int64_t>() + ws.start, dv, v, sel);
  case Storage::F64:
    return storeValues(col.values<double>() + ws.start, dv, v, sel);
  case Storage::U64:
    return storeValues(col.values<std::uint64_t>() + ws.start, dv, v, sel);
  case Storage::Text:
    return storeText(ws, arena, col.values<batch::TextRef>() + ws.start, dv, v, sel);
  }
  return false;
}

void evaluateColumn(const Engine &engine, Workspace &ws, ir::ExprId expr, std::size_t rows,
                    const std::uint8_t *skip, batch::Column &out, std::string &arena) {
  out.resize(0);
  out.resize(rows);
  for (std::size_t start = 0; start < rows; start += kChunk) {
    const auto n = static_cast<std::uint32_t>(std::min<std::size_t>(kChunk, rows - start));
    ws.start = start;
    ws.rows = n;
    std::memset(ws.errored, 0, n);
    Sel active = Sel::dense(n);
    if (skip)
      active = Sel::filter(ws, active, [&](Row r) { return !skip[start + r]; });
    Vec v = engine.eval(ws, expr, active);
    storeColumn(ws, out, arena, v, active);
    // Rows skipped or failed keep the missing value resize() gave them.
    for (Row r = 0; r < n; ++r)
      if (ws.errored[r])
        out.setMissing(start + r);
  }
}

void Engine::store(Workspace &ws, ir::SlotId slot, const Vec &v, const Sel &sel,
                   bool coversActive) const {
  const bool allValid = storeColumn(ws, ws.results->slot(slot), ws.results->arena(), v, sel);
  if (!allValid)
    ws.slotAllValid[slot] = 0;
  else if (coversActive)
    ws.slotAllValid[slot] = 1;
}

void Engine::storeMissing(Workspace &ws, ir::SlotId slot, const Sel &sel) const {
  store(ws, slot, missing(), sel, false);
}

} // namespace xr::interp::detail
