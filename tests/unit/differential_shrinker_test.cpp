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

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace xr::differential {
namespace {

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

/// The first small generated rule set with checks, rules, escalations and reports.
std::uint64_t smallSeedWithEverything() {
  for (std::uint64_t seed = 1; seed < 1000; ++seed) {
    const std::string text = generateRuleSet(seed).source.render();
    if (text.size() < 4000 && hasDeclaration(text, "check") && hasDeclaration(text, "rule") &&
        hasDeclaration(text, "escalate") && hasDeclaration(text, "report"))
      return seed;
  }
  return 0;
}

TEST(DifferentialShrinker, KeepsTheNamedRecordAndWhatTheDifferenceNeeds) {
  const std::uint64_t seed = smallSeedWithEverything();
  ASSERT_NE(seed, 0u);
  const GeneratedRuleSet generated = generateRuleSet(seed);
  const std::string original = generated.source.render();
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
  const GeneratedRuleSet generated = generateRuleSet(smallSeedWithEverything());
  const RecordTable records = generateRecords(generated.schema, 6, 3); // no r0007
  ShrinkOptions options;
  options.compare = standIn;
  const FailingCase same = shrinkCase({generated.source, records, ""}, options);
  EXPECT_EQ(same.source.render(), generated.source.render());
  EXPECT_EQ(renderCsv(same.records), renderCsv(records));
}

TEST(DifferentialShrinker, SavesTheCaseWithTheOptionsOfItsRuns) {
  const GeneratedRuleSet generated = generateRuleSet(1);
  const RecordTable records = generateRecords(generated.schema, 2, 3);
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("xuncha-saved-case-" + std::to_string(::getpid()));
  ComparisonOptions settings;
  settings.jitThreads = 2;
  settings.chunkBytes = 2048;
  settings.indicators = false;
  saveCase({generated.source, records, "results.csv line 3: ...\n"}, dir.string(), "seed 1\n",
           settings);
  const auto read = [&](const char *name) {
    std::ifstream in(dir / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
  EXPECT_EQ(read("rules.xr"), generated.source.render());
  EXPECT_EQ(read("records.csv"), renderCsv(records));
  EXPECT_EQ(read("difference.txt"), "seed 1\nresults.csv line 3: ...\n");
  EXPECT_EQ(read("args"), "--threads=2\n--batch-bytes=2048\n"); // no --indicators
  std::filesystem::remove_all(dir);
}

} // namespace
} // namespace xr::differential
