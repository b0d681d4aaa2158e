#pragma once
// How the query layer writes model facts for a person (hover, completion details, inlay
// hints): weights, effective weights, policies, types and one-line symbol summaries.
#include "compiler/ast/spelling.h"
#include "compiler/sema/model.h"

#include <string>

namespace xr::query {

/// A fraction as a percentage with at most two decimals: 0.125 -> "12.5%".
std::string percentText(double fraction);

/// "40%" or "8 points".
std::string weightText(const sema::WeightInfo &weight);

/// "not_assessed", "fail", "pass", "score 50", "skip", "flag" (as written in a rule file).
using ast::missingPolicyText;

/// "critical", "major", "minor".
using ast::severityText;

/// The type of a symbol's value as a person reads it ("number?", "enum Tier"), or "" when
/// it has none (domains, checklists, built-ins).
std::string symbolTypeText(const sema::Model &model, sema::SymbolRef symbol);

/// A short description for completion lists: "field: date", "indicator 资质证照有效性".
std::string symbolDetail(const sema::Model &model, sema::SymbolRef symbol);

} // namespace xr::query
