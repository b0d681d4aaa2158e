// Units as combinable labels, and did-you-mean suggestions.
#include "compiler/sema/suggest.h"
#include "compiler/sema/units.h"

#include "compiler/support/edit_distance.h"

#include <gtest/gtest.h>

namespace xr::sema {
namespace {

TEST(SemaCoreUnits, ParseAndPrint) {
  EXPECT_FALSE(Unit::parse(""));
  EXPECT_FALSE(Unit::parse("   "));
  EXPECT_EQ(Unit::parse("mg/m3")->str(), "mg/m3");
  EXPECT_EQ(Unit::parse("kWh / t")->str(), "kWh/t");
  EXPECT_EQ(Unit::parse("m^2")->str(), "m^2");
  EXPECT_EQ(Unit::parse("t*km")->str(), "km*t");
  EXPECT_EQ(Unit::parse("1/t")->str(), "1/t");
  EXPECT_TRUE(Unit::parse("t/t")->dimensionless());
  EXPECT_EQ(*Unit::parse("kWh/t"), *Unit::parse(" kWh /t"));
}

TEST(SemaCoreUnits, CombineUnderTimesAndDivide) {
  Unit kwh = *Unit::parse("kWh");
  Unit t = *Unit::parse("t");
  EXPECT_EQ(kwh.dividedBy(t), *Unit::parse("kWh/t"));
  EXPECT_EQ(kwh.dividedBy(t).times(t), kwh);
  EXPECT_TRUE(t.dividedBy(t).dimensionless());
  EXPECT_EQ(t.times(t).str(), "t^2");
  EXPECT_NE(*Unit::parse("mg/m3"), *Unit::parse("g/m3"));
}

TEST(SemaCoreSuggest, ClosestWithinAThirdOfTheLength) {
  EXPECT_EQ(closestMatch("licence_expiry", {"license_expiry", "region"}), "license_expiry");
  EXPECT_EQ(closestMatch("dmo", {"dom", "safety"}), "dom"); // a swap is one edit
  EXPECT_EQ(closestMatch("x", {"y"}), "y");
  EXPECT_FALSE(closestMatch("totally", {"different"}));
  EXPECT_FALSE(closestMatch("same", {"same"})); // never suggest the name itself
  EXPECT_EQ(closestMatch("合规经营", {"合规经营1", "安全生产"}), "合规经营1");
  EXPECT_EQ(xr::editDistance("安全生产", "安全生活"), 1u);
  EXPECT_EQ(xr::editDistance("Score", "score"), 0u); // case does not count
}

TEST(SemaCoreSuggest, MessagesAndFixes) {
  EXPECT_EQ(didYouMean(std::string("a")), "; did you mean 'a'?");
  EXPECT_EQ(didYouMean(std::nullopt), "");
  EXPECT_EQ(withArticle("indicator"), "an indicator");
  EXPECT_EQ(withArticle("table"), "a table");
  Diagnostic d;
  addReplacementFix(d, SourceRange{0, 3, 5}, std::string("dom"));
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].message, "replace with 'dom'");
  EXPECT_EQ(d.fixes[0].edits.at(0).newText, "dom");
  addReplacementFix(d, SourceRange{0, 3, 5}, std::nullopt);
  EXPECT_EQ(d.fixes.size(), 1u);
}

} // namespace
} // namespace xr::sema
