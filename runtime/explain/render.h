#pragma once
// An Explanation for people (text for a terminal; Chinese titles aligned by display width) and
// for programs (JSON).
//
// The JSON shape (keys in this order; values typed as testrun::valueJson gives them: numbers
// and bools bare, missing null; weights are fractions of 1):
//   {"xuncha": "explain",
//    "ruleset": {"name", "version", "file"},
//    "key": value | null,
//    "record": {field: value, ...}         (present fields, record order)
//    "params": {param: value, ...},
//    "status": "ok" | "error", "error": null | message,
//    "result": {column: value, ...}        (the result columns; {} for an error record)
//    "checklist": {"chosen": name | null, "title", "condition": COND | null,
//                  "rejected": [{"name", "title", "condition": COND}]},
//    "indicators": [{"name", "title", "domain", "line", "applicable",
//                    "status": "pass" | "fail" | "not_assessed" | "not_applicable" | "error",
//                    "score", "weight", "effective_weight", "inputs": [VALUE]}],
//    "domains": [{"name", "title", "score", "effective_weight"}],
//    "tables": [{"name", "title", "hit", "value", "failed",
//                "rows": [{"row", "line", "condition": COND, "matched", "outcome_text",
//                          "outcome": value | null}],
//                "otherwise": null | {"text", "used"}}],
//    "rules": [{"name", "title", "applied", "condition": COND,
//               "changes": [{"output", "before", "after"}]}],
//    "escalations": [{"name", "title", "fired", "condition": COND,
//                     "actions": [{"name", "argument": value | null}]}],
//    "flags": [{"name", "raised_by": [check, ...]}],
//    "deadlines": [{"name", "title", "value"}]}
//   COND  = {"text", "line", "outcome": "true" | "false" | "missing" | "error", "error",
//            "operands": [VALUE]}
//   VALUE = {"expression", "value", "error"}
// Only what ran is listed: after a record error, the parts after the failing one are absent.
#include "compiler/ir/ir.h"
#include "runtime/explain/explain.h"

#include <nlohmann/json.hpp>
#include <string>

namespace xr::explain {

std::string explanationText(const ir::Program &program, const Explanation &explanation, bool color);

nlohmann::ordered_json explanationJson(const ir::Program &program, const Explanation &explanation);

} // namespace xr::explain
