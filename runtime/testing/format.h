#pragma once
// How `xuncha test` prints a case: a line per case for a terminal, and the JSON object of a
// case for programs.
//
// Text:
//   PASS  rulesets/x.xr:135  an expired licence makes a small firm red
//   FAIL  rulesets/x.xr:140  a compliant small firm with credit A is only notified
//         expect tier == blue  (rulesets/x.xr:142): false
//           tier = yellow
//         record: id: 91330100MA0000001X, region: 杭州, size: sme, ...
//         params: inspection_date = 2024-09-27
//
// JSON (one object per case, keys in this order):
//   {"file": "rulesets/x.xr", "line": 140, "title": "...", "passed": false,
//    "problem": null | "the record has an error: ...",
//    "failures": [{"expectation": "tier == blue", "line": 142,
//                  "outcome": "false" | "missing" | "error", "error": null | "...",
//                  "shown": [{"expression": "tier", "value": "yellow", "error": null}]}],
//    "record": {"id": "9133...", "drills_per_year": 4, ...}, "params": {"inspection_date": "..."}}
// Values in JSON are typed (testrun::valueJson): numbers and bools bare, missing null.
#include "compiler/ir/ir.h"
#include "runtime/testing/runner.h"

#include <nlohmann/json.hpp>
#include <string>

namespace xr::testrun {

/// The case's line (and, when it failed, its indented details), each line ending in '\n'.
std::string caseText(const ir::Program &program, const CaseResult &result, bool color);

nlohmann::ordered_json caseJson(const ir::Program &program, const CaseResult &result);

/// `text` in ANSI color `code` ("1;31") when `color` is set.
std::string paint(bool color, std::string_view code, std::string_view text);

} // namespace xr::testrun
