// mergeCalendars: one sorted calendar from every calendar of the rule set; XR0702, XR0703.
#include "sema_passes_support.h"

#include "runtime/builtins/dates.h"

namespace xr::passes_test {
namespace {

std::int32_t day(std::int32_t y, std::int32_t m, std::int32_t d) {
  return dates::daysFromCivil(y, m, d);
}

TEST(SemaPassesCalendars, MergesImportedAndOwnCalendarsSortedAndDistinct) {
  const std::string lib = R"(calendar national year 2024 {
  holiday 2024-10-01 .. 2024-10-03 "国庆节"
  workday 2024-10-12
}
)";
  const Checked c = check(R"(ruleset "t" version 2024
import "lib.xr"
record Enterprise { id: text key }
calendar local year 2024 {
  holiday 2024-10-03 "重复"
  holiday 2024-05-01
  workday 2024-09-29
}
calendar next year 2025 {
  holiday 2025-01-01
}
)",
                          {{"/t/lib.xr", lib}});
  const sema::CalendarInfo &cal = c.model().calendar;
  EXPECT_EQ(cal.decls.size(), 3u) << c.dump();
  EXPECT_EQ(cal.years, (std::vector<std::int32_t>{2024, 2025}));
  EXPECT_EQ(cal.holidays,
            (std::vector<std::int32_t>{day(2024, 5, 1), day(2024, 10, 1), day(2024, 10, 2),
                                       day(2024, 10, 3), day(2025, 1, 1)}));
  EXPECT_EQ(cal.workdays, (std::vector<std::int32_t>{day(2024, 9, 29), day(2024, 10, 12)}));
  EXPECT_TRUE(c.of(DiagCode::CalendarDateOutsideYear).empty());
  EXPECT_TRUE(c.of(DiagCode::CalendarConflict).empty());
}

TEST(SemaPassesCalendars, YearsAreSortedWhateverTheDeclarationOrder) {
  const Checked c = check(kHead + R"(calendar b year 2026 { holiday 2026-01-01 }
calendar a year 2024 { holiday 2024-01-01 }
calendar c year 2026 { holiday 2026-01-02 }
)");
  EXPECT_EQ(c.model().calendar.years, (std::vector<std::int32_t>{2024, 2026}));
  EXPECT_EQ(c.model().calendar.holidays,
            (std::vector<std::int32_t>{day(2024, 1, 1), day(2026, 1, 1), day(2026, 1, 2)}));
}

TEST(SemaPassesCalendars, DateOutsideTheYearIsReportedAtTheEntry) {
  const Checked c = check(kHead + R"(calendar cn2024 year 2024 {
  holiday 2024-10-01
  holiday 2025-01-01 "元旦"
  workday 2024-12-28 .. 2025-01-02
}
)");
  EXPECT_EQ(c.of(DiagCode::CalendarDateOutsideYear),
            (std::vector<std::string>{
                "15:3 holiday 2025-01-01 in calendar cn2024 is outside its year 2024",
                "16:3 workday 2024-12-28 .. 2025-01-02 in calendar cn2024 is outside its year "
                "2024"}))
      << c.dump();
  const auto diags = c.all(DiagCode::CalendarDateOutsideYear);
  ASSERT_EQ(diags.front().notes.size(), 1u);
  EXPECT_EQ(c.at(diags.front().notes[0].range), "13:22");
  // The bad entries are left out of the merged calendar; the good one stays.
  EXPECT_EQ(c.model().calendar.holidays, (std::vector<std::int32_t>{day(2024, 10, 1)}));
  EXPECT_TRUE(c.model().calendar.workdays.empty());
}

TEST(SemaPassesCalendars, HolidayInOneCalendarAndWorkdayInAnotherConflicts) {
  const Checked c = check(kHead + R"(calendar cn2024 year 2024 {
  holiday 2024-10-01 .. 2024-10-07 "国庆节"
  workday 2024-10-12 "国庆节调休"
}
calendar local2024 year 2024 {
  holiday 2024-10-12 "地方节日"
}
)");
  ASSERT_EQ(c.of(DiagCode::CalendarConflict),
            (std::vector<std::string>{"18:3 2024-10-12 is a holiday in calendar local2024 and a "
                                      "workday in calendar cn2024; keep only one of them"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::CalendarConflict).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{
                            "18:3 holiday '地方节日' declared here in calendar local2024",
                            "15:3 workday '国庆节调休' declared here in calendar cn2024"}));
  // The merged lists stay disjoint.
  EXPECT_TRUE(c.model().calendar.workdays.empty());
  EXPECT_EQ(c.model().calendar.holidays.size(), 8u);
}

TEST(SemaPassesCalendars, ConflictInsideOneCalendarNamesTheRangeOnce) {
  const Checked c = check(kHead + R"(calendar cn2024 year 2024 {
  workday 2024-10-05 .. 2024-10-06
  holiday 2024-10-01 .. 2024-10-07
}
)");
  EXPECT_EQ(c.of(DiagCode::CalendarConflict),
            (std::vector<std::string>{"15:3 2024-10-05 and 1 more date are both a holiday and a "
                                      "workday in calendar cn2024; keep only one of them"}))
      << c.dump();
}

TEST(SemaPassesCalendars, ReversedRangeIsAnInvalidDate) {
  const Checked c = check(kHead + R"(calendar cn2024 year 2024 {
  holiday 2024-10-07 .. 2024-10-01
}
)");
  EXPECT_EQ(c.of(DiagCode::InvalidDate),
            (std::vector<std::string>{"14:3 holiday range 2024-10-07 .. 2024-10-01 in calendar "
                                      "cn2024 ends before it starts; write the earlier date "
                                      "first"}))
      << c.dump();
  EXPECT_TRUE(c.model().calendar.holidays.empty());
}

TEST(SemaPassesCalendars, WorkdayOnAWeekdayAndHolidayOnAWeekendAreAccepted) {
  // 2024-10-08 is a Tuesday, 2024-10-05 a Saturday: official schedules list such days.
  const Checked c = check(kHead + R"(calendar cn2024 year 2024 {
  workday 2024-10-08
  holiday 2024-10-05
}
)");
  EXPECT_TRUE(c.of(DiagCode::CalendarConflict).empty());
  EXPECT_TRUE(c.of(DiagCode::CalendarDateOutsideYear).empty());
  EXPECT_EQ(c.model().calendar.workdays, (std::vector<std::int32_t>{day(2024, 10, 8)}));
  EXPECT_EQ(c.model().calendar.holidays, (std::vector<std::int32_t>{day(2024, 10, 5)}));
}

} // namespace
} // namespace xr::passes_test
