// Results that keep only some slots (ir::SlotSelection): the storage plan that lets the JIT
// keep the others to itself (codegen/slot_storage.h), the results' contract, and both engines
// agreeing on the kept slots, the national-size rule set under several selections.
#include "compiler/codegen/invariant_calls.h"
#include "compiler/codegen/slot_storage.h"
#include "compiler/ir/slot_access.h"
#include "jit_fuzz_support.h"
#include "national_testing.h"
#include "runtime/builtins/registry.h"
#include "xuncha/run.h"

#include <set>

namespace xr::testing {
namespace {

TEST(SlotSelection, KeepsWhatItIsGiven) {
  const ir::SlotSelection all;
  EXPECT_TRUE(all.isAll());
  EXPECT_TRUE(all.contains(12345));
  EXPECT_EQ(all.key(), "all");
  ir::SlotSelection some = ir::SlotSelection::only(5, {1, 3, 9});
  EXPECT_FALSE(some.contains(0));
  EXPECT_TRUE(some.contains(3));
  EXPECT_FALSE(some.contains(9)); // past the program's slots
  EXPECT_EQ(some.count(5), 2u);
  EXPECT_EQ(some.key(), "only 1 3");
  some.add(ir::SlotSelection::only(5, {0}));
  EXPECT_EQ(some.key(), "only 0 1 3");
  some.add(all);
  EXPECT_TRUE(some.isAll());
}

TEST(KeptResults, ReadingASlotNotKeptIsALogicError) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  batch::Results results;
  results.reset(p, 3, ir::SlotSelection::only(p.slots.size(), {0}));
  EXPECT_TRUE(results.keeps(0));
  EXPECT_EQ(results.slot(0).size(), 3u);
  EXPECT_FALSE(results.keeps(1));
  EXPECT_THROW((void)results.slot(1), std::logic_error);
  EXPECT_THROW((void)results.value(1, 0), std::logic_error);
  EXPECT_THROW((void)results.slot(static_cast<ir::SlotId>(p.slots.size())), std::out_of_range);

  batch::Results every;
  every.reset(p, 3);
  every.keepOnly(ir::SlotSelection::only(p.slots.size(), {0, 2}));
  EXPECT_TRUE(every.keeps(2));
  EXPECT_FALSE(every.keeps(1));
  EXPECT_EQ(every.slot(2).size(), 3u);
  std::string difference;
  EXPECT_FALSE(batch::sameResults(p, results, every, &difference));
  EXPECT_NE(difference.find("kept in one results only"), std::string::npos) << difference;
}

TEST(StoragePlan, KeptSlotsAreResultsAndOthersStayWithTheLoopsThatTouchThem) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  using Kind = codegen::SlotStorage::Kind;

  const codegen::StoragePlan everything = codegen::planStorage(p, {});
  for (const codegen::SlotStorage &s : everything.slots)
    EXPECT_EQ(s.kind, Kind::Results);
  EXPECT_EQ(everything.scratchBytes, 0u);

  const ir::SlotSelection kept = xuncha::slotsReadByRun(p, xuncha::RunOptions{});
  const codegen::StoragePlan plan = codegen::planStorage(p, kept);
  // Which groups touch each slot, worked out here from the statements themselves.
  std::vector<std::set<std::size_t>> touchedBy(p.slots.size());
  for (std::size_t g = 0; g < plan.groups.size(); ++g)
    for (std::size_t i = plan.groups[g].first; i < plan.groups[g].second; ++i) {
      const ir::SlotAccess access = ir::slotAccess(p, p.statements[i]);
      for (ir::SlotId s : access.reads)
        touchedBy[s].insert(g);
      for (ir::SlotId s : access.writes)
        touchedBy[s].insert(g);
    }
  std::size_t inLoops = 0, inScratch = 0;
  for (ir::SlotId s = 0; s < p.slots.size(); ++s) {
    const codegen::SlotStorage &where = plan.slots[s];
    SCOPED_TRACE(p.slots[s].name);
    if (kept.contains(s)) {
      EXPECT_EQ(where.kind, Kind::Results);
    } else if (where.kind == Kind::Loop) {
      ++inLoops;
      EXPECT_EQ(touchedBy[s], std::set<std::size_t>{where.group});
      EXPECT_NE(p.slots[s].type.kind, TypeKind::Text);
    } else if (where.kind == Kind::Scratch) {
      ++inScratch;
      EXPECT_TRUE(touchedBy[s].size() > 1 || p.slots[s].type.kind == TypeKind::Text);
      EXPECT_EQ(where.valuesOffset % 64, 0u);
      EXPECT_EQ(where.validOffset % 64, 0u);
      EXPECT_LE(where.validOffset + codegen::kTileRows, plan.scratchBytes);
    } else {
      EXPECT_NE(where.kind, Kind::Results);
    }
  }
  // The national rule set has both: indicator statuses read by the weighted statement in a
  // later loop, and lets read only by their own indicator.
  EXPECT_GT(inLoops, 0u);
  EXPECT_GT(inScratch, 0u);
}

TEST(StoragePlan, StatementsThatCallOutAreGroupedApartAndGroupsCoverEveryStatementInOrder) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  const codegen::StoragePlan plan = codegen::planStorage(p, {});
  const codegen::InvariantCalls invariant(p);
  // Whether a statement makes a call the loop vectoriser cannot widen, worked out here.
  auto callsOut = [&](std::size_t i) {
    const ir::SlotAccess access = ir::slotAccess(p, p.statements[i]);
    for (ir::ExprId id : access.nodes) {
      const ir::Node &n = p.nodes[id];
      if (n.type.kind == TypeKind::Text ||
          (n.op == ir::Op::Call && !invariant.contains(id) &&
           builtins::get(static_cast<builtins::Fn>(n.a)).needsCalendar))
        return true;
    }
    for (ir::SlotId s : access.writes)
      if (p.slots[s].type.kind == TypeKind::Text)
        return true;
    return false;
  };
  std::size_t next = 0, callingGroups = 0;
  for (const auto &[first, last] : plan.groups) {
    EXPECT_EQ(first, next);
    EXPECT_LT(first, last);
    EXPECT_LE(last - first, codegen::kGroupStatements);
    for (std::size_t i = first; i < last; ++i)
      EXPECT_EQ(callsOut(i), callsOut(first)) << "statement " << i;
    callingGroups += callsOut(first) ? 1 : 0;
    next = last;
  }
  EXPECT_EQ(next, p.statements.size());
  // add_workdays of a slot and of a field, and the text of the report's region groups.
  EXPECT_GT(callingGroups, 0u);
  EXPECT_LT(callingGroups, plan.groups.size());
}

TEST(KeptResults, BothEnginesAgreeOnTheKeptSlotsOfTheNationalRuleSet) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  batch::Batch population(p);
  fill(p, population, 2000, 23);
  const batch::ParamValues params = defaultParams(p);
  xuncha::RunOptions withIndicators;
  withIndicators.indicators = true;
  const std::vector<ir::SlotSelection> selections = {
      xuncha::slotsReadByRun(p, xuncha::RunOptions{}), xuncha::slotsReadByRun(p, withIndicators),
      ir::SlotSelection::only(p.slots.size(), {}), randomSelection(p, 1), randomSelection(p, 2)};
  for (const ir::SlotSelection &kept : selections) {
    SCOPED_TRACE(kept.key());
    std::string error;
    auto jit = jit::CompiledProgram::compile(p, error, {false, "", false, kept});
    ASSERT_TRUE(jit) << error;
    batch::Results results = expectEnginesAgree(p, *jit, population, params);
    EXPECT_EQ(results.kept(), kept);
  }
  // Rows that fail under a selection: the differential fuzzer's random programs and random
  // selections (jit_fuzz_test.cpp).
}

} // namespace
} // namespace xr::testing
