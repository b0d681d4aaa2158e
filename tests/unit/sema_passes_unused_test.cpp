// reportUnused: XR0110 warnings for what has no effect on any result.
#include "sema_passes_support.h"

namespace xr::passes_test {
namespace {

TEST(SemaPassesUnused, UnreadDeclarationsOfTheRootFileAreWarnings) {
  const Checked c = check(R"(ruleset "t" version 2024
record Enterprise {
  id: text key
  size: enum { above_scale, sme }
  spare: int
}
param inspection_date: date = 2024-06-30
param kwh_per_ton: number = 1200
enum Grade { A, B, C }
enum Used { x, y }
let ratio = 2
let shown = 3
domain compliance
indicator C1 in compliance {
  let margin = 1
  let used = 2
  pass when size == sme and used > 1 and inspection_date > 2024-01-01
}
check c1 { let unread = 1 when size == sme flag odd }
checklist full for true { all }
output grade: Used = x
example small = Enterprise { id: "1", size: sme, spare: 1 }
example big = Enterprise { id: "2", size: above_scale, spare: 2 }
test "small firms" {
  given small
  expect shown == 3
}
)");
  const auto diags = c.all(DiagCode::UnusedDeclaration);
  for (const Diagnostic &d : diags)
    EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(c.of(DiagCode::UnusedDeclaration),
            (std::vector<std::string>{
                "5:3 field spare of record Enterprise is never read; no rule uses it",
                "8:7 param kwh_per_ton is never read", "9:6 enum Grade is never used",
                "11:5 let ratio is never used", "15:7 let margin of indicator C1 is never used",
                "19:16 let unread of check c1 is never used",
                "23:9 example big is never used; use it in a test with `given big`"}))
      << c.dump();
  // Lets, params, enums and examples can be removed by a fix; fields cannot (they are input).
  for (const Diagnostic &d : diags)
    EXPECT_EQ(d.fixes.size(), d.message.rfind("field ", 0) == 0 ? 0u : 1u) << d.message;
}

TEST(SemaPassesUnused, WhatABaseOrALibraryDeclaresIsNotReported) {
  const std::string base = R"(ruleset "base" version 2023
import "lib.xr"
record Enterprise {
  id: text key
  spare: int
}
param unread_param: int = 1
domain compliance
indicator C1 in compliance { pass when true }
checklist full for true { all }
)";
  const std::string lib = R"(enum Shared { a, b }
)";
  const Checked c = check(R"(ruleset "t" version 2024 extends "base.xr"
let mine = 1
)",
                          {{"/t/base.xr", base}, {"/t/lib.xr", lib}});
  EXPECT_EQ(c.of(DiagCode::UnusedDeclaration),
            (std::vector<std::string>{"2:5 let mine is never used"}))
      << c.dump();
}

TEST(SemaPassesUnused, ALibraryCheckedOnItsOwnReportsNothing) {
  const Checked c = check(R"(enum Shared { a, b }
calendar cn year 2024 { holiday 2024-10-01 }
)");
  EXPECT_TRUE(c.of(DiagCode::UnusedDeclaration).empty()) << c.dump();
}

} // namespace
} // namespace xr::passes_test
