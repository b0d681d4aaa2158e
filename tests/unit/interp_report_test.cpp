// Report aggregation over Results: every aggregate, groups and their order, error records left
// out and counted, items evaluated over aggregates (with built-ins, targets and errors), and
// figures identical bit for bit whatever the batch split or merge order.
#include "interp_test_support.h"
#include "runtime/interp/report.h"

#include <bit>
#include <random>

namespace xr::testing {
namespace {

using interp::ReportGroup;
using interp::ReportItemResult;
using interp::ReportResult;
using ir::AggregateKind;
using ir::Op;

/// id (key), region, x: number?, k: int, flag: bool; `inv = 1 / k` fails for k = 0.
class InterpReports : public ::testing::Test {
protected:
  ProgramBuilder pb;
  std::uint32_t id = pb.field("id", Type::text(), true);
  std::uint32_t region = pb.field("region", Type::text());
  std::uint32_t x = pb.field("x", Type::number(true));
  std::uint32_t k = pb.field("k", Type::integer());
  std::uint32_t flag = pb.field("flag", Type::boolean());

  ir::ReportInfo *report = nullptr;
  std::size_t reportIndex = 0;

  void SetUp() override { pb.let("inv", pb.div(pb.n(1), pb.toNumber(pb.fieldRef(k)), "let inv")); }

  ir::SlotId input(std::string name, ir::ExprId value) {
    ir::SlotId s = pb.slot(std::move(name), pb.typeOf(value), ir::SlotRole::AggregateInput);
    pb.stmt(ir::Assign{s, value});
    return s;
  }
  void beginReport(std::string name, ir::ExprId by = ir::kNoExpr) {
    ir::ReportInfo info;
    info.name = std::move(name);
    if (by != ir::kNoExpr)
      info.groupBy = input(info.name + ".group", by);
    pb.p.reports.push_back(std::move(info));
    reportIndex = pb.p.reports.size() - 1;
  }
  ir::ReportInfo &current() { return pb.p.reports[reportIndex]; }
  /// A new aggregate of the current report and the Aggregate node reading it.
  ir::ExprId aggregate(AggregateKind kind, Type type, ir::ExprId value = ir::kNoExpr,
                       std::int64_t n = 0) {
    ir::AggregateInfo a;
    a.kind = kind;
    a.n = n;
    if (value != ir::kNoExpr)
      a.input = input(current().name + ".input", value);
    current().aggregates.push_back(a);
    return pb.node(Op::Aggregate, type, {},
                   static_cast<std::int64_t>(current().aggregates.size() - 1));
  }
  void item(std::string name, ir::ExprId value, ir::ExprId target = ir::kNoExpr) {
    ir::ReportItemInfo info;
    info.name = std::move(name);
    info.value = value;
    info.target = target;
    current().items.push_back(std::move(info));
  }

  /// The report "by_region" with every aggregate, and "overall" without a group.
  void buildReports() {
    beginReport("by_region", pb.fieldRef(region));
    item("enterprises", aggregate(AggregateKind::Count, Type::integer()));
    item("flagged", aggregate(AggregateKind::CountIf, Type::integer(), pb.fieldRef(flag)));
    item("share", aggregate(AggregateKind::Rate, Type::number(true), pb.fieldRef(flag)),
         pb.cmp(Op::Ge, aggregate(AggregateKind::Rate, Type::number(true), pb.fieldRef(flag)),
                pb.n(0.5)));
    item("total_x", aggregate(AggregateKind::Sum, Type::number(), pb.fieldRef(x)));
    item("mean_x", aggregate(AggregateKind::Avg, Type::number(true), pb.fieldRef(x)));
    item("min_x", aggregate(AggregateKind::Min, Type::number(true), pb.fieldRef(x)));
    item("max_k", aggregate(AggregateKind::Max, Type::integer(true), pb.fieldRef(k)));
    item("sum_k", aggregate(AggregateKind::Sum, Type::integer(), pb.fieldRef(k)));
    item("top_x", aggregate(AggregateKind::Top, Type::text(), pb.fieldRef(x), 3));
    item("bottom_k", aggregate(AggregateKind::Bottom, Type::text(), pb.fieldRef(k), 2));
    item("inspectors",
         pb.call(builtins::Fn::Ceil,
                 {pb.div(pb.toNumber(aggregate(AggregateKind::Count, Type::integer())), pb.n(50),
                         "report by_region")}));
    item("per_flag",
         pb.div(pb.toNumber(aggregate(AggregateKind::Count, Type::integer())),
                pb.toNumber(aggregate(AggregateKind::CountIf, Type::integer(), pb.fieldRef(flag))),
                "report by_region"));
    beginReport("overall");
    item("enterprises", aggregate(AggregateKind::Count, Type::integer()));
    item(
        "mean_x", aggregate(AggregateKind::Avg, Type::number(true), pb.fieldRef(x)),
        pb.cmp(Op::Ge, aggregate(AggregateKind::Avg, Type::number(true), pb.fieldRef(x)), pb.n(0)));
  }

  static std::vector<ir::Constant> rec(std::string key, std::string reg, ir::Constant vx,
                                       std::int64_t vk, bool f) {
    return {T(std::move(key)), T(std::move(reg)), vx, I(vk), B(f)};
  }
  const ReportItemResult &itemOf(const ReportGroup &g, std::string_view name) {
    for (const auto &i : g.items)
      if (i.name == name)
        return i;
    throw std::out_of_range(std::string(name));
  }
};

TEST_F(InterpReports, EveryAggregateByGroup) {
  buildReports();
  interp::Interpreter interpreter(pb.p);
  auto b = makeBatch(pb.p, {rec("e1", "宁波", N(10), 3, true), rec("e2", "杭州", N(4), 1, false),
                            rec("e3", "宁波", Missing(Type::number()), 5, true),
                            rec("e4", "杭州", N(6), 0, true), // fails: 1 / 0
                            rec("e5", "杭州", N(4), 7, true), rec("e6", "宁波", N(-2), 2, false),
                            rec("e0", "宁波", N(10), 2, false)});
  batch::Results results;
  interpreter.evaluate(b, defaults(pb.p), results);
  ASSERT_EQ(results.errorCount(), 1u);
  auto reports = interp::aggregate(interpreter, {&results}, defaults(pb.p));
  ASSERT_EQ(reports.size(), 2u);
  const ReportResult &r = reports[0];
  EXPECT_TRUE(r.grouped);
  EXPECT_EQ(r.records, 6);
  EXPECT_EQ(r.erroredRecords, 1);
  ASSERT_EQ(r.groups.size(), 2u);
  // Groups sorted bytewise: 宁 (e5 ae 81) before 杭 (e6 9d ad).
  EXPECT_EQ(r.groups[0].key.text, "宁波");
  EXPECT_EQ(r.groups[1].key.text, "杭州");
  const ReportGroup &nb = r.groups[0];
  EXPECT_EQ(nb.records, 4);
  EXPECT_EQ(itemOf(nb, "enterprises").value.scalar.i, 4);
  EXPECT_EQ(itemOf(nb, "flagged").value.scalar.i, 2);
  EXPECT_EQ(itemOf(nb, "share").value.scalar.d, 0.5);
  EXPECT_EQ(itemOf(nb, "share").targetMet, std::optional<bool>(true));
  EXPECT_EQ(itemOf(nb, "total_x").value.scalar.d, 18);
  EXPECT_EQ(itemOf(nb, "mean_x").value.scalar.d, 6); // missing skipped: 18 / 3
  EXPECT_EQ(itemOf(nb, "min_x").value.scalar.d, -2);
  EXPECT_EQ(itemOf(nb, "max_k").value.scalar.i, 5);
  EXPECT_EQ(itemOf(nb, "sum_k").value.scalar.i, 12);
  EXPECT_EQ(itemOf(nb, "inspectors").value.scalar.i, 1);
  // top 3 by x: e0 and e1 tie at 10 (by key: e0 first), then e6; e3 has no x.
  const auto &top = itemOf(nb, "top_x").value;
  ASSERT_TRUE(top.isKeyList);
  ASSERT_EQ(top.keys.size(), 3u);
  EXPECT_EQ(top.keys[0].text, "e0");
  EXPECT_EQ(top.keys[1].text, "e1");
  EXPECT_EQ(top.keys[2].text, "e6");
  const auto &bottom = itemOf(nb, "bottom_k").value;
  ASSERT_EQ(bottom.keys.size(), 2u);
  EXPECT_EQ(bottom.keys[0].text, "e0"); // k = 2, tie with e6, by key
  EXPECT_EQ(bottom.keys[1].text, "e6");
  const ReportGroup &hz = r.groups[1];
  EXPECT_EQ(hz.records, 2); // e4 failed and is left out
  EXPECT_EQ(itemOf(hz, "share").value.scalar.d, 0.5);
  EXPECT_EQ(itemOf(hz, "per_flag").value.scalar.d, 2);

  const ReportResult &overall = reports[1];
  EXPECT_FALSE(overall.grouped);
  ASSERT_EQ(overall.groups.size(), 1u);
  EXPECT_FALSE(overall.groups[0].key.valid);
  EXPECT_EQ(itemOf(overall.groups[0], "enterprises").value.scalar.i, 6);
  EXPECT_EQ(itemOf(overall.groups[0], "mean_x").value.scalar.d, (10 + 4 + 4 - 2 + 10) / 5.0);
}

TEST_F(InterpReports, ItemErrorsAndEmptyPopulations) {
  buildReports();
  interp::Interpreter interpreter(pb.p);
  // No flagged record: per_flag divides by zero in the group.
  auto b = makeBatch(pb.p, {rec("e1", "a", N(1), 1, false)});
  batch::Results results;
  interpreter.evaluate(b, defaults(pb.p), results);
  auto reports = interp::aggregate(interpreter, {&results}, defaults(pb.p));
  const auto &perFlag = itemOf(reports[0].groups[0], "per_flag");
  EXPECT_EQ(perFlag.error, "division by zero in report by_region (t.xr:1:1)");
  EXPECT_FALSE(perFlag.value.scalar.valid);
  EXPECT_EQ(itemOf(reports[0].groups[0], "share").targetMet, std::optional<bool>(false));

  // No record at all: no groups for `by`, one empty group without it.
  auto none = interp::aggregate(interpreter, {}, defaults(pb.p));
  EXPECT_TRUE(none[0].groups.empty());
  ASSERT_EQ(none[1].groups.size(), 1u);
  EXPECT_EQ(itemOf(none[1].groups[0], "enterprises").value.scalar.i, 0);
  EXPECT_FALSE(itemOf(none[1].groups[0], "mean_x").value.scalar.valid);
  EXPECT_FALSE(itemOf(none[1].groups[0], "mean_x").targetMet.has_value());
}

TEST_F(InterpReports, IntSumOverflowIsAnItemError) {
  beginReport("overall");
  item("sum_k", aggregate(AggregateKind::Sum, Type::integer(), pb.fieldRef(k)));
  interp::Interpreter interpreter(pb.p);
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  auto b = makeBatch(pb.p, {rec("a", "r", N(0), big, true), rec("b", "r", N(0), big, true),
                            rec("c", "r", N(0), -big, true)});
  batch::Results results;
  interpreter.evaluate(b, defaults(pb.p), results);
  auto exact = interp::aggregate(interpreter, {&results}, defaults(pb.p));
  EXPECT_EQ(exact[0].groups[0].items[0].value.scalar.i, big); // the total fits: exact
  auto b2 = makeBatch(pb.p, {rec("a", "r", N(0), big, true), rec("b", "r", N(0), 1, true)});
  interpreter.evaluate(b2, defaults(pb.p), results);
  auto over = interp::aggregate(interpreter, {&results}, defaults(pb.p));
  EXPECT_EQ(over[0].groups[0].items[0].error, "integer overflow in a sum of report overall");
}

TEST_F(InterpReports, TopWithoutAKeyGivesInputRowNumbers) {
  ProgramBuilder nokey;
  auto v = nokey.field("v", Type::integer());
  ir::SlotId in = nokey.slot("r.input", Type::integer(), ir::SlotRole::AggregateInput);
  nokey.stmt(ir::Assign{in, nokey.fieldRef(v)});
  ir::ReportInfo info;
  info.name = "r";
  info.aggregates.push_back({AggregateKind::Top, in, 2});
  info.items.push_back(
      {"best", "", nokey.node(Op::Aggregate, Type::integer(), {}, 0), ir::kNoExpr, ""});
  nokey.p.reports.push_back(info);
  interp::Interpreter interpreter(nokey.p);
  auto b1 = makeBatch(nokey.p, {{I(5)}, {I(9)}});
  auto b2 = makeBatch(nokey.p, {{I(9)}, {I(1)}});
  batch::Results r1, r2;
  interpreter.evaluate(b1, defaults(nokey.p), r1);
  interpreter.evaluate(b2, defaults(nokey.p), r2);
  auto reports = interp::aggregate(interpreter, {&r1, &r2}, defaults(nokey.p));
  const auto &keys = reports[0].groups[0].items[0].value.keys;
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].i, 2); // 9 at input row 2 before 9 at row 3
  EXPECT_EQ(keys[1].i, 3);
}

TEST_F(InterpReports, TopOrBottomInsideAnExpressionIsRejected) {
  beginReport("r");
  item("bad", pb.add(aggregate(AggregateKind::Top, Type::integer(), pb.fieldRef(k), 2), pb.i(1)));
  interp::Interpreter interpreter(pb.p);
  EXPECT_THROW(interp::ReportAccumulator{interpreter}, std::invalid_argument);
}

// ------------------------------------------------------------------------------ determinism

bool sameConstant(const ir::Constant &a, const ir::Constant &b) {
  return a.valid == b.valid && a.i == b.i &&
         std::bit_cast<std::uint64_t>(a.d) == std::bit_cast<std::uint64_t>(b.d) && a.text == b.text;
}

void expectSameReports(const std::vector<ReportResult> &a, const std::vector<ReportResult> &b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t r = 0; r < a.size(); ++r) {
    EXPECT_EQ(a[r].records, b[r].records);
    EXPECT_EQ(a[r].erroredRecords, b[r].erroredRecords);
    ASSERT_EQ(a[r].groups.size(), b[r].groups.size());
    for (std::size_t g = 0; g < a[r].groups.size(); ++g) {
      const auto &ga = a[r].groups[g];
      const auto &gb = b[r].groups[g];
      EXPECT_TRUE(sameConstant(ga.key, gb.key));
      EXPECT_EQ(ga.records, gb.records);
      ASSERT_EQ(ga.items.size(), gb.items.size());
      for (std::size_t i = 0; i < ga.items.size(); ++i) {
        const auto &ia = ga.items[i];
        const auto &ib = gb.items[i];
        EXPECT_TRUE(sameConstant(ia.value.scalar, ib.value.scalar))
            << ia.name << ": " << ia.value.scalar.d << " vs " << ib.value.scalar.d;
        ASSERT_EQ(ia.value.keys.size(), ib.value.keys.size()) << ia.name;
        for (std::size_t kk = 0; kk < ia.value.keys.size(); ++kk)
          EXPECT_TRUE(sameConstant(ia.value.keys[kk], ib.value.keys[kk])) << ia.name;
        EXPECT_EQ(ia.targetMet, ib.targetMet);
        EXPECT_EQ(ia.error, ib.error);
      }
    }
  }
}

TEST_F(InterpReports, FiguresDoNotDependOnTheBatchSplit) {
  buildReports();
  interp::Interpreter interpreter(pb.p);
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-20, 30);
  std::uniform_int_distribution<int> small(0, 40);
  const char *regions[] = {"杭州", "宁波", "温州", "绍兴", "湖州"};
  std::vector<std::vector<ir::Constant>> rows;
  for (int i = 0; i < 10'000; ++i) {
    const bool missingX = small(rng) == 0;
    rows.push_back(
        rec("e" + std::to_string(small(rng) * 1000 + i % 997), regions[small(rng) % 5],
            missingX ? Missing(Type::number()) : N(std::ldexp(value(rng), exponent(rng))),
            small(rng) - 1, small(rng) % 3 == 0));
  }

  auto evaluateSplit = [&](const std::vector<std::size_t> &sizes) {
    std::vector<batch::Results> parts(sizes.size());
    std::vector<const batch::Results *> pointers;
    std::size_t at = 0;
    for (std::size_t p = 0; p < sizes.size(); ++p) {
      std::vector<std::vector<ir::Constant>> slice(rows.begin() + static_cast<std::ptrdiff_t>(at),
                                                   rows.begin() +
                                                       static_cast<std::ptrdiff_t>(at + sizes[p]));
      at += sizes[p];
      interpreter.evaluate(makeBatch(pb.p, slice), defaults(pb.p), parts[p]);
    }
    for (const auto &p : parts)
      pointers.push_back(&p);
    return std::make_pair(std::move(parts),
                          interp::aggregate(interpreter, pointers, defaults(pb.p)));
  };
  auto [whole, one] = evaluateSplit({10'000});
  auto [pieces, seven] = evaluateSplit({1, 2047, 3000, 13, 1024, 2915, 1000});
  EXPECT_GT(one[0].erroredRecords, 0);
  expectSameReports(one, seven);

  // Per-thread accumulators over interleaved batches, merged in reverse order.
  std::vector<std::uint64_t> firstRows = {0, 1, 2048, 5048, 5061, 6085, 9000};
  interp::ReportAccumulator even(interpreter), odd(interpreter);
  for (std::size_t p = 0; p < pieces.size(); ++p)
    (p % 2 ? odd : even).add(pieces[p], firstRows[p]);
  odd.merge(even);
  expectSameReports(one, odd.finish(defaults(pb.p)));

  // The same pieces with each row's record index given explicitly, as a run gives them.
  interp::ReportAccumulator byRecord(interpreter);
  for (std::size_t p = pieces.size(); p-- > 0;) {
    std::vector<std::uint64_t> recordOfRow(pieces[p].rows());
    for (std::size_t r = 0; r < recordOfRow.size(); ++r)
      recordOfRow[r] = firstRows[p] + r;
    byRecord.add(pieces[p], recordOfRow.data());
  }
  expectSameReports(one, byRecord.finish(defaults(pb.p)));

  // And a sum that a plain double accumulation would get wrong: the exact total.
  const auto &total = itemOf(one[1].groups[0], "mean_x");
  EXPECT_TRUE(total.value.scalar.valid);
}

} // namespace
} // namespace xr::testing
