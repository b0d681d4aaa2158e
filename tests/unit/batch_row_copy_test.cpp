// Rows copied out of a batch and their results placed back (runtime/batch/row_copy.h): what
// the JIT relies on to have the interpreter evaluate the rows its code flags.
#include "interp_test_support.h"
#include "runtime/batch/row_copy.h"

#include <gtest/gtest.h>

namespace xr::testing {
namespace {

class BatchRowCopy : public ::testing::Test {
protected:
  ProgramBuilder pb;
  const std::uint32_t name = pb.field("name", Type::text(true));
  const std::uint32_t count = pb.field("count", Type::integer(true));
  const ir::SlotId greeting = pb.let("greeting", pb.fieldRef(name));
  const ir::SlotId share = pb.let("share", pb.div(pb.n(12), pb.toNumber(pb.fieldRef(count))));
  const std::vector<std::vector<ir::Constant>> rows = {
      {T("甲"), I(3)}, {Missing(Type::text()), I(4)}, {T("乙乙"), I(0)}, {T(""), I(6)}};
};

TEST_F(BatchRowCopy, SelectedRowsKeepTheirValuesTextAndMissingCellsInTheOrderAsked) {
  const batch::Batch all = makeBatch(pb.p, rows);
  const batch::Batch some = batch::selectRows(pb.p, all, {2, 1, 2});
  ASSERT_EQ(some.rows(), 3u);
  EXPECT_EQ(some.text(name, 0), "乙乙");
  EXPECT_FALSE(some.column(name).valid(1));
  EXPECT_EQ(some.text(name, 2), "乙乙");
  EXPECT_EQ(some.column(count).values<std::int64_t>()[0], 0);
  EXPECT_EQ(some.column(count).values<std::int64_t>()[1], 4);
}

TEST_F(BatchRowCopy, PlacedRowsGiveTheResultsOfTheWholeBatch) {
  interp::Interpreter interpreter(pb.p);
  const batch::ParamValues params = defaults(pb.p);
  const batch::Batch all = makeBatch(pb.p, rows);
  batch::Results whole;
  interpreter.evaluate(all, params, whole);
  ASSERT_FALSE(whole.ok(2)); // 12 / 0

  // Rows 1 and 2 evaluated on their own, placed over results that have nothing for them.
  const std::vector<std::size_t> chosen = {2, 1};
  batch::Results part;
  interpreter.evaluate(batch::selectRows(pb.p, all, chosen), params, part);
  batch::Results placed;
  interpreter.evaluate(all, params, placed);
  for (std::size_t row : chosen) {
    placed.slot(greeting).setMissing(row);
    placed.slot(share).setMissing(row);
    placed.statusData()[row] = 0;
    placed.errorData()[row] = {};
  }
  batch::placeRows(part, chosen, placed);
  std::string why;
  EXPECT_TRUE(batch::sameResults(pb.p, whole, placed, &why)) << why;
}

TEST_F(BatchRowCopy, PlacingResultsOfOtherRowsIsRefused) {
  interp::Interpreter interpreter(pb.p);
  const batch::Batch all = makeBatch(pb.p, rows);
  batch::Results whole;
  interpreter.evaluate(all, defaults(pb.p), whole);
  batch::Results target = whole;
  EXPECT_THROW(batch::placeRows(whole, {0, 1}, target), std::invalid_argument);
}

} // namespace
} // namespace xr::testing
