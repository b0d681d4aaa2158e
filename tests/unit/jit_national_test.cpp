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
  expectRecordsAloneAsInTheBatch(*jit, p, population, params, whole, 7);
}

} // namespace
} // namespace xr::testing
