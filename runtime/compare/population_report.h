#pragma once
// A PopulationComparison for people (a section appended to `xuncha diff`'s document) and for
// programs (the "population" member of `xuncha diff --format=json`):
//
//   {"data": PATH, "records": N, "compared": N,
//    "unreadable": {"before": N, "after": N}, "record_errors": {"before": N, "after": N},
//    "tier": {"before": TABLE|null, "after": TABLE|null,
//             "from": [TIER], "to": [TIER],          // matrix rows and columns; null: no tier
//             "matrix": [[N]],                       // matrix[from][to], records
//             "more_severe": N, "less_severe": N, "same": N, "moved": N,
//             "records": [DIFFERENCE]},             // the first 20 that moved
//    "fails_in_one": {"count": N, "records": [DIFFERENCE]},   // the first 20
//    "indicators": [{"indicator", "title", "newly_failing": N, "newly_passing": N}],
//    "total": {"before": NAME|null, "after": NAME|null,
//              "mean_before": NUMBER|null, "mean_after": NUMBER|null}}
//
// DIFFERENCE is {"record": N (1-based), "key": TEXT, "before": OUTCOME, "after": OUTCOME} and
// OUTCOME is {"status": "ok", "tier": TIER} | {"status": "error", "message": TEXT} |
// {"status": "unreadable", "reason": TEXT}.
#include "compiler/inspect/document.h"
#include "compiler/inspect/labels.h"
#include "runtime/compare/population.h"

#include <nlohmann/json.hpp>

namespace xr::compare {

/// The section, its heading at `level`.
inspect::Document populationDocument(const PopulationComparison &comparison,
                                     const inspect::Labels &labels, int level = 2);

nlohmann::ordered_json populationJson(const PopulationComparison &comparison);

} // namespace xr::compare
