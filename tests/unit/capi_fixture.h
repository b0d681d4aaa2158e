#pragma once
// What the C API tests share: a small rule set with a field of every input type, a param, a
// table, a report and two test cases (one failing), loaded and compiled through the C header.
#include "xuncha/xuncha.h"

#include <gtest/gtest.h>

#include <string>

#define XOK(call) ASSERT_EQ((call), XUNCHA_OK) << xuncha_last_error()

namespace capi_test {

// Results, in order: tier, overdue, per_item, doubled, big, label, large, due.
inline const char *const kRules = R"(ruleset "capi test" version 3

record R {
  id: text key
  size: enum { large "规模以上", sme "中小企业" }
  ok: bool
  items: int
  amount: number?
  found: date
}

param inspection_date: date = 2024-06-30
param threshold: number = 10

output overdue: bool = found < inspection_date
output per_item: number? = amount / items
output doubled: int = items * 2
output big: bool = (amount > threshold) ?? false
output label: text = id
output large: bool = size == large and ok

table tier {
  items > 100 => red
  items > 10  => yellow
  otherwise   => blue
}

output due: date = found + 30 days

report overall {
  enterprises = count
  total_amount = sum(amount)
  big_rate = rate(big)
}

test "doubles the items" {
  given R { id: "a", size: sme, ok: true, items: 2, amount: 5, found: 2024-01-01 }
  expect doubled == 4
}

test "a failing case" {
  given R { id: "b", size: large, ok: false, items: 1, amount: 1, found: 2024-01-01 }
  expect doubled == 3
}
)";

enum Field : size_t { kId, kSize, kOk, kItems, kAmount, kFound };

/// Loads kRules; fails the test on any error.
inline xuncha_ruleset *loadRules() {
  xuncha_ruleset *rules = nullptr;
  const std::string text = kRules;
  EXPECT_EQ(xuncha_ruleset_from_text("capi.xr", text.data(), text.size(), &rules, nullptr),
            XUNCHA_OK)
      << xuncha_last_error();
  return rules;
}

inline xuncha_compiled *compile(const xuncha_ruleset *rules,
                                xuncha_engine engine = XUNCHA_ENGINE_INTERP) {
  xuncha_compiled *compiled = nullptr;
  EXPECT_EQ(xuncha_compile(rules, engine, nullptr, &compiled), XUNCHA_OK) << xuncha_last_error();
  return compiled;
}

inline std::string national2023() {
  return std::string(XUNCHA_SOURCE_DIR) + "/rulesets/national/2023.xr";
}

inline std::string population() {
  return std::string(XUNCHA_SOURCE_DIR) + "/examples/population.csv";
}

} // namespace capi_test
