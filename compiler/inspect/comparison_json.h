#pragma once
// A Comparison for programs (`xuncha diff --format=json`). The shape is stable; keys appear in
// this order, two-space indentation:
//
//   {"xuncha": "diff",
//    "before": {"ruleset": TITLE, "version": N, "file": NAME},   // NAME: file name only
//    "after":  {"ruleset": TITLE, "version": N, "file": NAME},
//    "identical": BOOL,
//    "changes": {KIND: {"added": [SUMMARY], "removed": [SUMMARY], "changed": [CHANGED],
//                       "unchanged": N}, ...},
//    "effective_weights": [{"checklist": NAME, "title": TITLE,
//                           "changed": [{"indicator": NAME, "title": TITLE,
//                                        "before": FRACTION|null, "after": FRACTION|null}],
//                           "unchanged": N}],
//    "calendar_years": {"added": [YEAR], "removed": [YEAR]}}
//
// KIND is each of domain, indicator, checklist, table, frequency, rule, escalation, deadline,
// check, value, output, report, param, field (always all of them, in that order).
// SUMMARY is {"name", "title", then the kind's facts as strings: indicator: domain, weight,
// severity; domain: weight; checklist: selector, members (a count); table: hit, rows (a
// count); frequency: table; rule, escalation: when; deadline, value: value (value also
// kind); check: flags; output, field: type; param: type, default; report: items (a count)}.
// CHANGED is {"name", "title", "changes": [CHANGE]} and CHANGE is
//   {"aspect": "weight"|"title"|"domain"|"severity"|"missing"|"basis"|"score"|"pass"|
//              "let NAME"|"when"|"flags"|"selector"|"members"|"hit"|"type"|"row"|
//              "row order"|"initial"|"assignments"|"actions"|"default"|"unit"|"key"|"kind"|
//              "value"|"table"|"by"|"item NAME"|"target NAME"|"title NAME"|MEMBER,
//    "subject": CONDITION            // "row" only: the row's condition, or "otherwise"
//    "form": "value"|"code"|"list",
//    "before": TEXT|null, "after": TEXT|null        // value and code: null when absent
//    "before": [TEXT], "after": [TEXT], "added": [TEXT], "removed": [TEXT]}   // list
// Code is the source text as written (comments removed); weights are fractions of 1;
// severities and missing-data policies are the language's words (critical, not_assessed).
#include "compiler/inspect/comparison.h"

#include <nlohmann/json.hpp>

namespace xr::inspect {

nlohmann::ordered_json comparisonJson(const Comparison &comparison);

} // namespace xr::inspect
