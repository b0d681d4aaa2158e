// The national-size rule set of national_testing.h on the JIT: it agrees with the interpreter
// bit for bit, and whole batches equal records alone.
#include "jit_test_support.h"
#include "national_testing.h"

namespace xr::testing {
namespace {

TEST(JitNational, AgreesWithTheInterpreter) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  auto jit = compileJit(p);
  ASSERT_TRUE(jit);
  for (std::uint64_t seed = 11; seed < 14; ++seed) {
    batch::Batch population(p);
    fill(p, population, 2500, seed);
    batch::Results r = expectEnginesAgree(p, *jit, population, defaults(p));
    EXPECT_LT(r.errorCount(), population.rows());
  }
}

TEST(JitNational, WholeBatchesEqualRecordsAlone) {
  auto c = compileNational();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  auto jit = compileJit(p);
  ASSERT_TRUE(jit);
  batch::Batch population(p);
  fill(p, population, 2500, 11);
  auto params = defaults(p);
  batch::Results whole;
  jit->evaluate(population, params, whole);
  batch::Batch single(p);
  batch::Results alone;
  for (std::size_t row = 0; row < population.rows(); row += 7) {
    single.clear();
    single.addRow();
    for (std::uint32_t f = 0; f < p.fields.size(); ++f)
      single.set(f, 0, batch::constantAt(population.column(f), row, population.arena()));
    jit->evaluate(single, params, alone);
    ASSERT_EQ(whole.ok(row), alone.ok(0)) << row;
    if (!alone.ok(0)) {
      ASSERT_EQ(whole.error(row), alone.error(0)) << row;
      continue;
    }
    for (ir::SlotId s = 0; s < p.slots.size(); ++s) {
      const ir::Constant a = whole.value(s, row);
      const ir::Constant b = alone.value(s, 0);
      ASSERT_TRUE(a.valid == b.valid && a.i == b.i &&
                  std::bit_cast<std::uint64_t>(a.d) == std::bit_cast<std::uint64_t>(b.d) &&
                  a.text == b.text)
          << "row " << row << ", slot " << p.slots[s].name;
    }
  }
}

} // namespace
} // namespace xr::testing
