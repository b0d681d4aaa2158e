// Working-day arithmetic through the calendar kernels with the program's calendar: deadlines
// across holidays and declared working days, and the record error when no calendar covers a
// date (or the rule set has none).
// Each program runs on both engines (runBoth): the interpreter and the JIT must agree bit for
// bit, and the expectations are checked on the JIT's results.
#include "jit_test_support.h"

namespace xr::testing {
namespace {

std::int32_t day(int y, int m, int d) { return *dates::makeDate(y, m, d); }

/// feedback = visit + n working days, over a 2024 calendar with the National Day holiday.
class InterpCalendar : public ::testing::Test {
protected:
  ProgramBuilder pb;
  std::uint32_t visit = pb.field("visit", Type::date());
  std::uint32_t n = pb.field("n", Type::integer());
  ir::SlotId feedback = 0;
  ir::SlotId workday = 0;

  void SetUp() override {
    pb.p.calendar.years = {2024};
    for (int d = 1; d <= 7; ++d)
      pb.p.calendar.holidays.push_back(day(2024, 10, d));
    pb.p.calendar.workdays = {day(2024, 9, 29), day(2024, 10, 12)};
    feedback =
        pb.let("feedback", pb.call(builtins::Fn::AddWorkdays, {pb.fieldRef(visit), pb.fieldRef(n)},
                                   "deadline feedback"));
    workday = pb.let("workday", pb.call(builtins::Fn::IsWorkday, {pb.fieldRef(visit)},
                                        "is_workday in let workday"));
  }
};

TEST_F(InterpCalendar, WorkingDaysSkipHolidaysAndCountDeclaredWorkdays) {
  auto r = runBoth(pb.p, {{D(2024, 9, 27), I(5)},   // Fri: Sun 29 works, then 30; Oct 8, 9, 10
                      {D(2024, 10, 10), I(-5)}, // back over the holiday: Sep 27..30
                      {D(2024, 6, 28), I(0)}}); // a working day: itself
  ASSERT_TRUE(r.ok(0)) << batch::errorMessage(pb.p, r.error(0));
  EXPECT_EQ(r.value(feedback, 0).i, day(2024, 10, 10));
  EXPECT_EQ(r.value(feedback, 1).i, day(2024, 9, 27));
  EXPECT_EQ(r.value(feedback, 2).i, day(2024, 6, 28));
  EXPECT_EQ(r.value(workday, 0).i, 1);
}

TEST_F(InterpCalendar, NoCalendarCoversTheDateIsARecordError) {
  auto r = runBoth(pb.p, {{D(2024, 12, 27), I(5)}, {D(2025, 1, 2), I(0)}, {D(2024, 12, 2), I(3)}});
  ASSERT_FALSE(r.ok(0));
  EXPECT_EQ(r.error(0).kind, ir::ErrorKind::NoCalendar);
  EXPECT_EQ(batch::errorMessage(pb.p, r.error(0)),
            "no calendar covers 2024-12-27 + 5 working days in deadline feedback (t.xr:1:1)");
  EXPECT_EQ(batch::errorMessage(pb.p, r.error(1)),
            "no calendar covers 2025-01-02 + 0 working days in deadline feedback (t.xr:1:1)");
  EXPECT_TRUE(r.ok(2));
  EXPECT_EQ(r.value(feedback, 2).i, day(2024, 12, 5));
}

TEST_F(InterpCalendar, ARuleSetWithoutCalendarFailsEveryWorkingDayCall) {
  pb.p.calendar = {};
  auto r = runBoth(pb.p, {{D(2024, 6, 28), I(1)}});
  ASSERT_FALSE(r.ok(0));
  EXPECT_EQ(r.error(0).kind, ir::ErrorKind::NoCalendar);
}

} // namespace
} // namespace xr::testing
