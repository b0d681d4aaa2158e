#pragma once
// The weight each indicator and domain had in a record's weighted score: the arithmetic of
// docs/language.md 5.7 (effective weight in a checklist) and 5.9 (re-normalisation over the
// assessed indicators), applied to the weights of an ir::WeightedStmt and the statuses the
// interpreter computed. It describes the score; the score itself is the interpreter's.
#include "compiler/ir/ir.h"

#include <vector>

namespace xr::explain {

struct EffectiveWeights {
  std::vector<double> nominal;   // per indicator: its weight in the checklist (before missing data)
  std::vector<double> effective; // per indicator: its weight among the assessed ones
  std::vector<double> domain;    // per domain: its share of the total among those assessed
};

/// `statuses` holds each indicator's status (ir::Status) in the record, `checklist` the applied
/// checklist's index. Weights are fractions of 1; 0 for an indicator not in the checklist or
/// not assessed, and for a domain with nothing assessed.
EffectiveWeights effectiveWeights(const ir::WeightedStmt &weighted, std::size_t checklist,
                                  const std::vector<ir::Status> &statuses);

} // namespace xr::explain
