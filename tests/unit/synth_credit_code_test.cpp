// Unified social credit codes of generated enterprises: real codes validate, generated ones
// are valid, carry their region's division code and never repeat within a population.
#include "runtime/synth/credit_code.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

namespace xr::synth {
namespace {

TEST(SynthCreditCode, PublishedCodesValidate) {
  EXPECT_TRUE(creditCodeValid("91350100M000100Y43"));
  EXPECT_TRUE(creditCodeValid("91110000600037341L"));
  EXPECT_TRUE(creditCodeValid("914403001922038216"));
  EXPECT_FALSE(creditCodeValid("91350100M000100Y44")); // code check character
  EXPECT_FALSE(creditCodeValid("91350100M000101Y43")); // organisation check character
  EXPECT_FALSE(creditCodeValid("91350100M000100Y4"));  // length
  EXPECT_FALSE(creditCodeValid("91350100I000100Y43")); // I is not in the alphabet
}

TEST(SynthCreditCode, GeneratedCodesAreValidDistinctAndKeyed) {
  std::unordered_set<std::string> seen;
  char code[18];
  for (std::uint64_t i = 0; i < 100000; ++i) {
    makeCreditCode(2024, i, "330100", code);
    const std::string text(code, 18);
    ASSERT_TRUE(creditCodeValid(text)) << text;
    ASSERT_EQ(text.substr(0, 8), "91330100");
    ASSERT_TRUE(seen.insert(text.substr(8)).second) << "repeated organisation code " << text;
  }
  // The last row a population can have still gets a code of its own.
  makeCreditCode(2024, kMaxDistinctCodes - 1, "440300", code);
  EXPECT_TRUE(creditCodeValid(std::string(code, 18)));
  char other[18];
  makeCreditCode(7, 0, "330100", other);
  makeCreditCode(2024, 0, "330100", code);
  EXPECT_NE(std::string(code, 18), std::string(other, 18));
}

} // namespace
} // namespace xr::synth
