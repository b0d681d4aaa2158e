// The per-record values reports read: a value that is a slot read whole is read where it is,
// and equal expressions share one slot, so the engines compute and keep each once a record.
#include "xuncha/ruleset.h"

#include <gtest/gtest.h>

#include <set>
#include <variant>

namespace xr::testing {
namespace {

bool sameTree(const ir::Program &p, ir::ExprId a, ir::ExprId b) {
  const ir::Node &x = p.nodes[a];
  const ir::Node &y = p.nodes[b];
  if (x.op != y.op || !(x.type == y.type) || x.a != y.a || x.b != y.b || x.argCount != y.argCount)
    return false;
  for (std::uint32_t i = 0; i < x.argCount; ++i)
    if (!sameTree(p, p.arg(x, i), p.arg(y, i)))
      return false;
  return true;
}

TEST(ReportInputs, ShippedRuleSetsReadSlotsInPlaceAndComputeEachExpressionOnce) {
  for (const char *file : {"/rulesets/national/2023.xr", "/rulesets/national/2024.xr"}) {
    SCOPED_TRACE(file);
    xuncha::LoadResult loaded = xuncha::RuleSet::load(std::string(XUNCHA_SOURCE_DIR) + file);
    ASSERT_TRUE(loaded.ok());
    const ir::Program &p = loaded.ruleSet->program();
    std::vector<ir::ExprId> computed;
    for (const ir::Stmt &stmt : p.statements) {
      const auto *assign = std::get_if<ir::Assign>(&stmt.body);
      if (!assign || p.slots[assign->slot].role != ir::SlotRole::AggregateInput)
        continue;
      EXPECT_NE(p.nodes[assign->value].op, ir::Op::Slot) << p.slots[assign->slot].name;
      for (ir::ExprId before : computed)
        EXPECT_FALSE(sameTree(p, before, assign->value)) << p.slots[assign->slot].name;
      computed.push_back(assign->value);
    }
    // What the reports read: national's reports group by tier and sum totals, which are slots
    // of their own, and count red, yellow and blue tiers in several reports.
    std::set<ir::SlotId> read;
    std::size_t aggregateInputs = 0;
    for (const ir::ReportInfo &r : p.reports)
      for (const ir::AggregateInfo &a : r.aggregates)
        if (a.input != ir::kNoSlot) {
          ++aggregateInputs;
          read.insert(a.input);
        }
    EXPECT_LT(read.size(), aggregateInputs);
    bool readsAResultInPlace = false;
    for (ir::SlotId s : read)
      readsAResultInPlace = readsAResultInPlace || p.slots[s].role != ir::SlotRole::AggregateInput;
    EXPECT_TRUE(readsAResultInPlace);
  }
}

} // namespace
} // namespace xr::testing
