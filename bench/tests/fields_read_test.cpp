// Which columns the memory floor reads: every field an expression of the per-record program
// reads, whatever statement holds it, and the key; not a field only a test block reads, nor one
// nothing reads.
#include "bench/fields_read.h"
#include "xuncha/ruleset.h"

#include <gtest/gtest.h>

#include <string>

namespace xr::bench {
namespace {

constexpr const char *kRules = R"(ruleset "bench: fields read" version 1

record R {
  id: text key
  let_input: int
  score_input: int
  pass_input: int
  check_input: int
  table_condition: int
  table_outcome: int
  rule_condition: int
  rule_value: int
  escalation_condition: int
  action_argument: int
  checklist_selector: int
  tested_only: int
  never_read: int
}

domain main weight 100%

let doubled = let_input * 2

indicator I in main weight 100% {
  score = if score_input > 0 then 100 else 0
  pass when pass_input > 0
}

checklist all_of_them for checklist_selector > 0 { all }

check c {
  when check_input > 3
  flag f
}

table t : int {
  table_condition > 0 => table_outcome
  otherwise           => 0
}

output o: int = doubled + t
rule r when rule_condition > 1 {
  o = rule_value
}

escalate e when escalation_condition > 0 {
  action notify action_argument
}

test "reads a field of its own" {
  given R { tested_only: 1, checklist_selector: 1, ... }
  expect tested_only == 1
}
)";

std::vector<std::string> namesRead(const ir::Program &program) {
  std::vector<std::string> names;
  for (std::uint32_t field : fieldsRead(program))
    names.push_back(program.fields[field].name);
  return names;
}

TEST(FieldsRead, EveryStatementKindAndTheKeyButNotTestsOrUnreadFields) {
  const xuncha::LoadResult loaded = xuncha::RuleSet::fromText("fields_read.xr", kRules);
  ASSERT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
  EXPECT_EQ(
      namesRead(loaded.ruleSet->program()),
      (std::vector<std::string>{"id", "let_input", "score_input", "pass_input", "check_input",
                                "table_condition", "table_outcome", "rule_condition", "rule_value",
                                "escalation_condition", "action_argument", "checklist_selector"}));
}

TEST(FieldsRead, NationalRuleSetReadsEveryFieldOfItsRecord) {
  // The checker warns about a field nothing reads (XR0110) and the shipped rule set has no such
  // warning: the memory floor reads every column of the national population.
  const xuncha::LoadResult loaded =
      xuncha::RuleSet::load(XUNCHA_SOURCE_DIR "/rulesets/national/2023.xr");
  ASSERT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
  const ir::Program &program = loaded.ruleSet->program();
  std::vector<std::uint32_t> every(program.fields.size());
  for (std::uint32_t f = 0; f < every.size(); ++f)
    every[f] = f;
  EXPECT_EQ(fieldsRead(program), every);
}

} // namespace
} // namespace xr::bench
