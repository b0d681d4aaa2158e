// checkFrequency: XR0405 (every member mapped once, enum outcomes), XR0407 (one frequency).
#include "sema_passes_support.h"

namespace xr::passes_test {
namespace {

// The table starts on line 13, the frequency on line 18.
const std::string kTier = kHead + R"(table tier hit first {
  incidents_3y > 2 => red
  incidents_3y > 0 => yellow
  otherwise => blue
}
)";

TEST(SemaPassesFrequency, EveryMemberMappedOnceIsClean) {
  const Checked c = check(kTier + "frequency by tier { red: 4, yellow: 2, blue: 0.3 }\n");
  EXPECT_TRUE(c.of(DiagCode::FrequencyEntries).empty()) << c.dump();
  EXPECT_TRUE(c.of(DiagCode::DuplicateFrequency).empty()) << c.dump();
}

TEST(SemaPassesFrequency, MissingMembersAreNamed) {
  const Checked c = check(kTier + "frequency \"巡查频次\" by tier { red: 4 }\n");
  ASSERT_EQ(c.of(DiagCode::FrequencyEntries),
            (std::vector<std::string>{"18:1 frequency does not map 'yellow' and 'blue' of table "
                                      "tier; every outcome needs a number of inspections per "
                                      "year"}))
      << c.dump();
  EXPECT_EQ(c.notes(c.all(DiagCode::FrequencyEntries).front()),
            (std::vector<std::string>{"13:7 table tier declared here"}));
}

TEST(SemaPassesFrequency, DuplicatedMemberWithAFixRemovingIt) {
  const Checked c = check(kTier + "frequency by tier { red: 4, yellow: 2, red: 3, blue: 1 }\n");
  ASSERT_EQ(c.of(DiagCode::FrequencyEntries),
            (std::vector<std::string>{"18:40 frequency maps red twice"}))
      << c.dump();
  const Diagnostic d = c.all(DiagCode::FrequencyEntries).front();
  EXPECT_EQ(c.notes(d), (std::vector<std::string>{"18:21 red first mapped here"}));
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_NE(c.applied(d.fixes[0]).find("{ red: 4, yellow: 2, blue: 1 }"), std::string::npos);
}

TEST(SemaPassesFrequency, TheTableMustGiveOneEnumMember) {
  const Checked c = check(kHead + R"(table budget hit first {
  incidents_3y > 2 => 20000
  otherwise => 5000
}
frequency by budget { red: 4 }
)");
  // Sema reports the table's type (XR0301); this pass adds nothing about the same mistake.
  EXPECT_EQ(c.of(DiagCode::TypeMismatch).size() + c.of(DiagCode::FrequencyEntries).size(), 1u)
      << c.dump();
  const auto at = c.all(DiagCode::TypeMismatch).empty() ? c.all(DiagCode::FrequencyEntries)
                                                        : c.all(DiagCode::TypeMismatch);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(c.at(at[0].range), "17:14");
}

TEST(SemaPassesFrequency, OnlyOneFrequency) {
  const Checked c = check(kTier + R"(frequency by tier { red: 4, yellow: 2, blue: 1 }
frequency by tier { red: 4, yellow: 2, blue: 0.3 }
)");
  ASSERT_EQ(c.of(DiagCode::DuplicateFrequency),
            (std::vector<std::string>{"19:1 frequency is declared twice; a rule set has one "
                                      "inspection frequency"}))
      << c.dump();
  EXPECT_EQ(c.notes(c.all(DiagCode::DuplicateFrequency).front()),
            (std::vector<std::string>{"18:1 first declared here"}));
}

} // namespace
} // namespace xr::passes_test
