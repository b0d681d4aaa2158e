// The differential fuzzer's shrinker (tests/differential/case_shrinker): given a judge that says
// when a case still "differs", it keeps the one record the difference names and cuts the rule
// text down to what the difference needs, and what it keeps still compiles. The judge here is
// a stand-in (the engines agree, so no real difference is at hand): the case differs while the
// rule text has a check and the records hold record r0007.
#include "tests/differential/case_shrinker.h"
#include "tests/differential/record_generator.h"
#include "tests/differential/source_generator.h"

#include "xuncha/ruleset.h"

#include <gtest/gtest.h>

#include <sstream>

namespace xr::differential {
namespace {

constexpr std::uint64_t kSeed =
    35; // a small generated rule set: checks, rules, escalations, reports

Comparison standIn(const std::string &text, const std::string &csv) {
  Comparison c;
  const xuncha::LoadResult loaded = xuncha::RuleSet::fromText("rules.xr", text);
  c.compiled = loaded.ok();
  if (!c.compiled)
    return c;
  c.differ = text.find("\ncheck ") != std::string::npos && csv.find("\nr0007") != std::string::npos;
  if (c.differ)
    c.difference = "results.csv line 9:\n  interp: r0007,ok\n  jit:    r0007,error\n";
  return c;
}

bool hasDeclaration(const std::string &text, const std::string &keyword) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(keyword + " ", 0) == 0)
      return true;
  return false;
}

TEST(DifferentialShrinker, KeepsTheNamedRecordAndWhatTheDifferenceNeeds) {
  const GeneratedRuleSet generated = generateRuleSet(kSeed);
  const std::string original = generated.source.render();
  ASSERT_TRUE(hasDeclaration(original, "check"));
  ASSERT_TRUE(hasDeclaration(original, "rule"));
  ASSERT_TRUE(hasDeclaration(original, "report"));
  ASSERT_TRUE(hasDeclaration(original, "escalate"));
  const RecordTable records = generateRecords(generated.schema, 40, 3);
  const Comparison first = standIn(original, renderCsv(records));
  ASSERT_TRUE(first.compiled);
  ASSERT_TRUE(first.differ);

  ShrinkOptions options;
  options.compare = standIn;
  const FailingCase shrunk = shrinkCase({generated.source, records, first.difference}, options);

  ASSERT_EQ(shrunk.records.rows.size(), 1u);
  EXPECT_EQ(shrunk.records.rows[0][0], "r0007");
  const std::string text = shrunk.source.render();
  EXPECT_TRUE(xuncha::RuleSet::fromText("rules.xr", text).ok()) << text;
  EXPECT_TRUE(hasDeclaration(text, "check")) << text;
  // Nothing the check cannot read is needed: rules, escalations and reports all go.
  EXPECT_FALSE(hasDeclaration(text, "rule")) << text;
  EXPECT_FALSE(hasDeclaration(text, "escalate")) << text;
  EXPECT_FALSE(hasDeclaration(text, "report")) << text;
  EXPECT_LT(text.size() * 3, original.size()) << text;
  // The record keeps only the columns of fields the rule text still declares.
  EXPECT_LT(shrunk.records.header.size(), records.header.size()) << text;
}

TEST(DifferentialShrinker, WithoutADifferenceNothingIsCut) {
  const GeneratedRuleSet generated = generateRuleSet(kSeed);
  const RecordTable records = generateRecords(generated.schema, 6, 3); // no r0007
  ShrinkOptions options;
  options.compare = standIn;
  const FailingCase same = shrinkCase({generated.source, records, ""}, options);
  EXPECT_EQ(same.source.render(), generated.source.render());
  EXPECT_EQ(renderCsv(same.records), renderCsv(records));
}

} // namespace
} // namespace xr::differential
