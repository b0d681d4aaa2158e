// Report aggregation: per report and group, one accumulator per aggregate; at the end the
// aggregates become columns (one row per group) and the items are evaluated over them by the
// interpreter's own expression engine (the Aggregate op reads those columns), so item
// arithmetic and built-ins have exactly the semantics of the per-record program.
#include "runtime/interp/report.h"

#include "runtime/builtins/kernels.h"
#include "runtime/interp/engine.h"
#include "runtime/interp/exact_sum.h"
#include "runtime/interp/report_state.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>

namespace xr::interp {
namespace detail {
namespace {

using batch::Storage;

/// Row `row` of a column as a key (text from `arena`).
KeyView keyAt(const batch::Column &c, std::size_t row, std::string_view arena) {
  KeyView k;
  if (!c.valid(row))
    return k;
  k.missing = false;
  switch (c.storage()) {
  case Storage::U8:
    k.i = c.values<std::uint8_t>()[row];
    break;
  case Storage::I32:
    k.i = c.values<std::int32_t>()[row];
    break;
  case Storage::I64:
    k.i = c.values<std::int64_t>()[row];
    break;
  case Storage::F64:
    k.d = c.values<double>()[row] + 0.0;
    break; // -0 groups with 0
  case Storage::U64:
    k.i = static_cast<std::int64_t>(c.values<std::uint64_t>()[row]);
    break;
  case Storage::Text: {
    const batch::TextRef t = c.values<batch::TextRef>()[row];
    k.text = arena.substr(t.offset, t.length);
    break;
  }
  }
  return k;
}

Key own(const KeyView &v) { return Key{v.missing, v.i, v.d, std::string(v.text)}; }

} // namespace
} // namespace detail

namespace {

using batch::Storage;
using detail::AggregatePlan;
using detail::AggregateState;
using detail::GroupState;
using detail::I128;
using detail::Key;
using detail::KeyView;
using detail::Ranked;
using detail::ReportPlan;

bool isTop(ir::AggregateKind k) { return k == ir::AggregateKind::Top; }
bool ranks(ir::AggregateKind k) {
  return k == ir::AggregateKind::Top || k == ir::AggregateKind::Bottom;
}

/// Whether `a` ranks before `b` in top (highest first) or bottom (lowest first); ties by key,
/// then input position.
bool ranksBefore(const Ranked &a, const Ranked &b, bool top, bool isNumber) {
  if (isNumber ? a.d != b.d : a.i != b.i) {
    const bool less = isNumber ? a.d < b.d : a.i < b.i;
    return top ? !less : less;
  }
  const int c = detail::compareKeys(a.key.view(), b.key.view());
  if (c != 0)
    return c < 0;
  return a.ordinal < b.ordinal;
}

/// Keeps the best n candidates (amortised: prunes when twice as many have gathered).
void prune(std::vector<Ranked> &ranked, std::int64_t n, bool top, bool isNumber, bool always) {
  const auto keep = static_cast<std::size_t>(std::max<std::int64_t>(n, 0));
  if (ranked.size() <= keep || (!always && ranked.size() < 2 * keep + 16))
    return;
  auto before = [&](const Ranked &a, const Ranked &b) { return ranksBefore(a, b, top, isNumber); };
  std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                   before);
  ranked.resize(keep);
}

void collectAggregates(const ir::Program &p, ir::ExprId e, std::vector<ir::ExprId> &out) {
  if (e == ir::kNoExpr)
    return;
  const ir::Node &n = p.nodes[e];
  if (n.op == ir::Op::Aggregate)
    out.push_back(e);
  for (std::uint32_t i = 0; i < n.argCount; ++i)
    collectAggregates(p, p.arg(n, i), out);
}

/// The kind an aggregate naturally has, from its input.
TypeKind naturalKind(ir::AggregateKind kind, const Type &input) {
  switch (kind) {
  case ir::AggregateKind::Count:
  case ir::AggregateKind::CountIf:
    return TypeKind::Int;
  case ir::AggregateKind::Rate:
  case ir::AggregateKind::Avg:
    return TypeKind::Number;
  default:
    return input.kind;
  }
}

ReportPlan plan(const ir::Program &p, const ir::ReportInfo &report) {
  ReportPlan plan;
  plan.info = &report;
  plan.aggregates.resize(report.aggregates.size());
  for (std::size_t a = 0; a < report.aggregates.size(); ++a) {
    const ir::AggregateInfo &info = report.aggregates[a];
    AggregatePlan &ap = plan.aggregates[a];
    ap.kind = info.kind;
    if (info.input != ir::kNoSlot) {
      if (info.input >= p.slots.size())
        throw std::invalid_argument(fmt::format("report {}: aggregate input slot {} does not exist",
                                                report.name, info.input));
      ap.input = p.slots[info.input].type;
    }
    const bool needsInput = info.kind != ir::AggregateKind::Count;
    if (needsInput && info.input == ir::kNoSlot)
      throw std::invalid_argument(
          fmt::format("report {}: aggregate {} has no input", report.name, a));
    const TypeKind k = ap.input.kind;
    if ((info.kind == ir::AggregateKind::CountIf || info.kind == ir::AggregateKind::Rate) &&
        k != TypeKind::Bool)
      throw std::invalid_argument(
          fmt::format("report {}: a count/rate condition is not a bool", report.name));
    if ((info.kind == ir::AggregateKind::Sum || info.kind == ir::AggregateKind::Avg) &&
        k != TypeKind::Int && k != TypeKind::Number)
      throw std::invalid_argument(
          fmt::format("report {}: sum/avg of a {}", report.name, typeName(ap.input)));
    if ((info.kind == ir::AggregateKind::Min || info.kind == ir::AggregateKind::Max ||
         ranks(info.kind)) &&
        k != TypeKind::Int && k != TypeKind::Number && k != TypeKind::Date)
      throw std::invalid_argument(
          fmt::format("report {}: min/max/top/bottom of a {}", report.name, typeName(ap.input)));
    ap.output = Type{naturalKind(info.kind, ap.input), true};
  }
  // The Aggregate nodes give each aggregate its type; top/bottom only as a whole item.
  for (const ir::ReportItemInfo &item : report.items) {
    std::vector<ir::ExprId> nodes;
    collectAggregates(p, item.value, nodes);
    collectAggregates(p, item.target, nodes);
    std::vector<std::uint32_t> used;
    for (ir::ExprId id : nodes) {
      const ir::Node &n = p.nodes[id];
      if (n.a < 0 || static_cast<std::size_t>(n.a) >= plan.aggregates.size())
        throw std::invalid_argument(
            fmt::format("report {}: aggregate {} does not exist", report.name, n.a));
      AggregatePlan &ap = plan.aggregates[static_cast<std::size_t>(n.a)];
      if (ranks(ap.kind)) {
        if (id != item.value)
          throw std::invalid_argument(
              fmt::format("report {}: top/bottom can only be the whole value of an item ({})",
                          report.name, item.name));
        ap.keyList = true;
        continue;
      }
      const TypeKind natural = naturalKind(ap.kind, ap.input);
      if (n.type.kind != natural && !(n.type.kind == TypeKind::Number && natural == TypeKind::Int))
        throw std::invalid_argument(fmt::format("report {}: a {} aggregate typed {}", report.name,
                                                typeName(Type{natural}), typeName(n.type)));
      ap.output = n.type.withOptional(true);
      used.push_back(static_cast<std::uint32_t>(n.a));
    }
    plan.itemAggregates.push_back(std::move(used));
  }
  return plan;
}

/// Reads row `row` of an input column as (valid, integer, number).
struct Input {
  bool valid = false;
  std::int64_t i = 0;
  double d = 0;
};
Input inputAt(const batch::Column &c, std::size_t row) {
  Input in;
  in.valid = c.valid(row);
  switch (c.storage()) {
  case Storage::U8:
    in.i = c.values<std::uint8_t>()[row];
    break;
  case Storage::I32:
    in.i = c.values<std::int32_t>()[row];
    break;
  case Storage::I64:
    in.i = c.values<std::int64_t>()[row];
    break;
  case Storage::F64:
    in.d = c.values<double>()[row];
    break;
  default:
    break;
  }
  return in;
}

void update(AggregateState &s, const AggregatePlan &plan, std::int64_t n, const Input &in,
            const batch::Results &results, std::size_t row, std::uint64_t ordinal) {
  const bool isNumber = plan.input.kind == TypeKind::Number;
  switch (plan.kind) {
  case ir::AggregateKind::Count:
    ++s.count;
    return;
  case ir::AggregateKind::CountIf:
    s.count += in.valid && in.i != 0;
    return;
  case ir::AggregateKind::Rate:
    ++s.records;
    s.count += in.valid && in.i != 0;
    return;
  case ir::AggregateKind::Sum:
  case ir::AggregateKind::Avg:
    if (!in.valid)
      return;
    ++s.count;
    if (isNumber)
      s.sum.add(in.d);
    else
      s.intSum += in.i;
    return;
  case ir::AggregateKind::Min:
  case ir::AggregateKind::Max: {
    if (!in.valid)
      return;
    const bool isMin = plan.kind == ir::AggregateKind::Min;
    if (isNumber)
      s.extremeD = !s.has  ? in.d
                   : isMin ? xr_min_number(s.extremeD, in.d)
                           : xr_max_number(s.extremeD, in.d);
    else
      s.extremeI = !s.has ? in.i : isMin ? std::min(s.extremeI, in.i) : std::max(s.extremeI, in.i);
    s.has = true;
    return;
  }
  case ir::AggregateKind::Top:
  case ir::AggregateKind::Bottom: {
    if (!in.valid || (isNumber && std::isnan(in.d)) || n <= 0)
      return;
    Ranked r;
    r.d = in.d;
    r.i = in.i;
    if (results.hasKey())
      r.key = detail::own(detail::keyAt(results.key(), row, results.arena()));
    r.ordinal = ordinal;
    s.ranked.push_back(std::move(r));
    prune(s.ranked, n, isTop(plan.kind), isNumber, false);
    return;
  }
  }
}

void mergeState(AggregateState &into, const AggregateState &from, const AggregatePlan &plan,
                std::int64_t n) {
  into.count += from.count;
  into.records += from.records;
  into.sum.add(from.sum);
  into.intSum += from.intSum;
  const bool isNumber = plan.input.kind == TypeKind::Number;
  if (from.has) {
    const bool isMin = plan.kind == ir::AggregateKind::Min;
    if (!into.has) {
      into.extremeD = from.extremeD;
      into.extremeI = from.extremeI;
    } else if (isNumber) {
      into.extremeD = isMin ? xr_min_number(into.extremeD, from.extremeD)
                            : xr_max_number(into.extremeD, from.extremeD);
    } else {
      into.extremeI =
          isMin ? std::min(into.extremeI, from.extremeI) : std::max(into.extremeI, from.extremeI);
    }
    into.has = true;
  }
  if (ranks(plan.kind)) {
    into.ranked.insert(into.ranked.end(), from.ranked.begin(), from.ranked.end());
    prune(into.ranked, n, isTop(plan.kind), isNumber, false);
  }
}

/// The aggregate's value for a group, stored into row g of its column. Returns false on an
/// int sum that does not fit an int.
bool storeAggregate(const AggregateState &s, const AggregatePlan &plan, batch::Column &column,
                    std::size_t g) {
  const bool toNumber = plan.output.kind == TypeKind::Number;
  auto putInt = [&](std::int64_t v) {
    if (toNumber)
      column.setF64(g, static_cast<double>(v));
    else if (column.storage() == Storage::I32)
      column.setI32(g, static_cast<std::int32_t>(v));
    else
      column.setI64(g, v);
  };
  const bool isNumber = plan.input.kind == TypeKind::Number;
  switch (plan.kind) {
  case ir::AggregateKind::Count:
  case ir::AggregateKind::CountIf:
    putInt(s.count);
    return true;
  case ir::AggregateKind::Rate:
    if (s.records == 0)
      column.setMissing(g);
    else
      column.setF64(g, static_cast<double>(s.count) / static_cast<double>(s.records));
    return true;
  case ir::AggregateKind::Sum:
    if (isNumber) {
      column.setF64(g, s.sum.value());
      return true;
    }
    if (s.intSum > std::numeric_limits<std::int64_t>::max() ||
        s.intSum < std::numeric_limits<std::int64_t>::min()) {
      column.setMissing(g);
      return false;
    }
    putInt(static_cast<std::int64_t>(s.intSum));
    return true;
  case ir::AggregateKind::Avg:
    if (s.count == 0)
      column.setMissing(g);
    else
      column.setF64(g, (isNumber ? s.sum.value() : static_cast<double>(s.intSum)) /
                           static_cast<double>(s.count));
    return true;
  case ir::AggregateKind::Min:
  case ir::AggregateKind::Max:
    if (!s.has)
      column.setMissing(g);
    else if (isNumber)
      column.setF64(g, s.extremeD);
    else
      putInt(s.extremeI);
    return true;
  case ir::AggregateKind::Top:
  case ir::AggregateKind::Bottom:
    column.setMissing(g);
    return true;
  }
  return true;
}

ir::Constant keyConstant(const Key &k, const Type &type) {
  ir::Constant c;
  c.type = type.required();
  c.valid = !k.missing;
  c.i = k.i;
  c.d = k.d;
  c.text = k.text;
  return c;
}

} // namespace

ReportAccumulator::ReportAccumulator(const Interpreter &interpreter)
    : interpreter_(&interpreter), state_(std::make_unique<detail::ReportState>()) {
  const ir::Program &p = interpreter.program();
  for (const ir::ReportInfo &report : p.reports) {
    state_->plans.push_back(plan(p, report));
    if (report.groupBy != ir::kNoSlot && report.groupBy >= p.slots.size())
      throw std::invalid_argument(fmt::format("report {}: group slot does not exist", report.name));
  }
  state_->groups.resize(p.reports.size());
  state_->records.assign(p.reports.size(), 0);
  state_->errored.assign(p.reports.size(), 0);
  for (const ir::FieldInfo &f : p.fields)
    state_->hasKey = state_->hasKey || f.key;
}

ReportAccumulator::~ReportAccumulator() = default;
ReportAccumulator::ReportAccumulator(ReportAccumulator &&) noexcept = default;
ReportAccumulator &ReportAccumulator::operator=(ReportAccumulator &&) noexcept = default;

void ReportAccumulator::add(const batch::Results &results) {
  add(results, nextRow_);
  nextRow_ += results.rows();
}

void ReportAccumulator::add(const batch::Results &results, std::uint64_t firstRow) {
  addRows(results, [firstRow](std::size_t row) { return firstRow + row; });
}

void ReportAccumulator::add(const batch::Results &results, const std::uint64_t *recordOfRow) {
  addRows(results, [recordOfRow](std::size_t row) { return recordOfRow[row]; });
}

template <class PositionOf>
void ReportAccumulator::addRows(const batch::Results &results, PositionOf positionOf) {
  const ir::Program &p = interpreter_->program();
  if (results.slotCount() != p.slots.size())
    throw std::invalid_argument("results of another program");
  for (std::size_t ri = 0; ri < state_->plans.size(); ++ri) {
    const ReportPlan &plan = state_->plans[ri];
    const ir::ReportInfo &info = *plan.info;
    auto &groups = state_->groups[ri];
    const batch::Column *by = info.groupBy == ir::kNoSlot ? nullptr : &results.slot(info.groupBy);
    std::vector<const batch::Column *> inputs;
    for (const ir::AggregateInfo &a : info.aggregates)
      inputs.push_back(a.input == ir::kNoSlot ? nullptr : &results.slot(a.input));
    GroupState *last = nullptr;
    Key lastKey;
    for (std::size_t row = 0; row < results.rows(); ++row) {
      if (!results.ok(row)) {
        ++state_->errored[ri];
        continue;
      }
      ++state_->records[ri];
      const KeyView key = by ? detail::keyAt(*by, row, results.arena()) : KeyView{};
      if (!last || detail::compareKeys(key, lastKey.view()) != 0) {
        auto it = groups.find(key);
        if (it == groups.end()) {
          GroupState fresh;
          fresh.aggregates.resize(info.aggregates.size());
          it = groups.emplace(detail::own(key), std::move(fresh)).first;
        }
        last = &it->second;
        lastKey = detail::own(key);
      }
      ++last->records;
      for (std::size_t a = 0; a < info.aggregates.size(); ++a) {
        const Input in = inputs[a] ? inputAt(*inputs[a], row) : Input{};
        update(last->aggregates[a], plan.aggregates[a], info.aggregates[a].n, in, results, row,
               positionOf(row));
      }
    }
  }
}

void ReportAccumulator::merge(const ReportAccumulator &other) {
  for (std::size_t ri = 0; ri < state_->plans.size(); ++ri) {
    const ir::ReportInfo &info = *state_->plans[ri].info;
    state_->records[ri] += other.state_->records[ri];
    state_->errored[ri] += other.state_->errored[ri];
    for (const auto &[key, from] : other.state_->groups[ri]) {
      auto it = state_->groups[ri].find(key);
      if (it == state_->groups[ri].end()) {
        state_->groups[ri].emplace(key, from);
        continue;
      }
      it->second.records += from.records;
      for (std::size_t a = 0; a < info.aggregates.size(); ++a)
        mergeState(it->second.aggregates[a], from.aggregates[a], state_->plans[ri].aggregates[a],
                   info.aggregates[a].n);
    }
  }
}

ir::SlotSelection slotsReadByReports(const ir::Program &program) {
  std::vector<ir::SlotId> slots;
  for (const ir::ReportInfo &report : program.reports) {
    slots.push_back(report.groupBy);
    for (const ir::AggregateInfo &a : report.aggregates)
      slots.push_back(a.input);
  }
  return ir::SlotSelection::only(program.slots.size(), slots);
}

std::vector<ReportResult> ReportAccumulator::finish(const batch::ParamValues &params) const {
  const ir::Program &p = interpreter_->program();
  const detail::Engine &engine = interpreter_->engine();
  std::vector<ReportResult> out;
  for (std::size_t ri = 0; ri < state_->plans.size(); ++ri) {
    const ReportPlan &plan = state_->plans[ri];
    const ir::ReportInfo &info = *plan.info;
    ReportResult result;
    result.name = info.name;
    result.title = info.title;
    result.grouped = info.groupBy != ir::kNoSlot;
    result.records = state_->records[ri];
    result.erroredRecords = state_->errored[ri];

    std::vector<std::pair<Key, const GroupState *>> groups;
    for (const auto &[key, g] : state_->groups[ri])
      groups.emplace_back(key, &g);
    GroupState empty;
    empty.aggregates.resize(info.aggregates.size());
    if (!result.grouped && groups.empty())
      groups.emplace_back(Key{}, &empty);
    const std::size_t count = groups.size();

    // Aggregates as columns, one row per group.
    std::vector<batch::Column> columns;
    std::vector<std::vector<std::uint8_t>> overflowed(info.aggregates.size());
    for (std::size_t a = 0; a < info.aggregates.size(); ++a) {
      columns.emplace_back(plan.aggregates[a].output);
      columns.back().resize(count);
      overflowed[a].assign(count, 0);
      for (std::size_t g = 0; g < count; ++g)
        if (!storeAggregate(groups[g].second->aggregates[a], plan.aggregates[a], columns.back(), g))
          overflowed[a][g] = 1;
    }

    // Items, evaluated over the aggregate columns.
    std::vector<std::vector<ReportItemResult>> items(count);
    for (std::size_t it = 0; it < info.items.size(); ++it) {
      const ir::ReportItemInfo &item = info.items[it];
      const ir::Node &root = p.nodes[item.value];
      const bool keyList =
          root.op == ir::Op::Aggregate && plan.aggregates[static_cast<std::size_t>(root.a)].keyList;
      batch::Column values;
      batch::Column targets;
      std::string arena;
      std::vector<std::uint8_t> valueStatus(count, 0);
      std::vector<std::uint8_t> targetStatus(count, 0);
      std::vector<batch::RowError> valueErrors(count);
      std::vector<batch::RowError> targetErrors(count);
      auto evaluate = [&](ir::ExprId expr, batch::Column &into, std::vector<std::uint8_t> &status,
                          std::vector<batch::RowError> &errors) {
        into = batch::Column(p.nodes[expr].type);
        std::unique_ptr<detail::Workspace> ws = engine.acquire();
        engine.bindParams(*ws, params);
        ws->aggregates = &columns;
        ws->statusOut = status.data();
        ws->errorOut = errors.data();
        detail::evaluateColumn(engine, *ws, expr, count, nullptr, into, arena);
        engine.release(std::move(ws));
      };
      if (!keyList)
        evaluate(item.value, values, valueStatus, valueErrors);
      if (item.target != ir::kNoExpr)
        evaluate(item.target, targets, targetStatus, targetErrors);

      for (std::size_t g = 0; g < count; ++g) {
        ReportItemResult r;
        r.name = item.name;
        r.title = item.title;
        r.targetText = item.targetText;
        r.hasTarget = item.target != ir::kNoExpr;
        bool overflow = false;
        for (std::uint32_t a : plan.itemAggregates[it])
          overflow = overflow || overflowed[a][g];
        if (keyList) {
          const AggregatePlan &ap = plan.aggregates[static_cast<std::size_t>(root.a)];
          std::vector<Ranked> ranked =
              groups[g].second->aggregates[static_cast<std::size_t>(root.a)].ranked;
          const std::int64_t n = info.aggregates[static_cast<std::size_t>(root.a)].n;
          const bool isNumber = ap.input.kind == TypeKind::Number;
          prune(ranked, n, isTop(ap.kind), isNumber, true);
          std::sort(ranked.begin(), ranked.end(), [&](const Ranked &a, const Ranked &b) {
            return ranksBefore(a, b, isTop(ap.kind), isNumber);
          });
          r.value.isKeyList = true;
          r.value.scalar = ir::Constant{Type::integer(), false, 0, 0, {}};
          const ir::FieldInfo *keyField = nullptr;
          for (const ir::FieldInfo &f : p.fields)
            if (f.key && !keyField)
              keyField = &f;
          for (const Ranked &x : ranked) {
            if (keyField) {
              r.value.keys.push_back(keyConstant(x.key, keyField->type));
            } else {
              r.value.keys.push_back(ir::Constant{
                  Type::integer(), true, static_cast<std::int64_t>(x.ordinal + 1), 0, {}});
            }
          }
        } else if (overflow) {
          r.value.scalar = ir::Constant{p.nodes[item.value].type.required(), false, 0, 0, {}};
          r.error = fmt::format("integer overflow in a sum of report {}", info.name);
        } else {
          r.value.scalar = batch::constantAt(values, g, arena);
          if (valueStatus[g])
            r.error = batch::errorMessage(p, valueErrors[g]);
        }
        if (r.hasTarget && !overflow) {
          if (targetStatus[g]) {
            if (r.error.empty())
              r.error = batch::errorMessage(p, targetErrors[g]);
          } else if (targets.valid(g)) {
            r.targetMet = targets.values<std::uint8_t>()[g] != 0;
          }
        }
        items[g].push_back(std::move(r));
      }
    }

    const Type keyType = result.grouped ? p.slots[info.groupBy].type : Type::integer();
    for (std::size_t g = 0; g < count; ++g) {
      ReportGroup group;
      group.key = keyConstant(groups[g].first, keyType);
      group.records = groups[g].second->records;
      group.items = std::move(items[g]);
      result.groups.push_back(std::move(group));
    }
    out.push_back(std::move(result));
  }
  return out;
}

std::vector<ReportResult> aggregate(const Interpreter &interpreter,
                                    const std::vector<const batch::Results *> &batchesInInputOrder,
                                    const batch::ParamValues &params) {
  ReportAccumulator accumulator(interpreter);
  for (const batch::Results *results : batchesInInputOrder)
    accumulator.add(*results);
  return accumulator.finish(params);
}

} // namespace xr::interp
