#pragma once
// The indicator handbook of a rule set (`xuncha doc`): what an inspector or an enterprise reads
// to know how it is assessed. Domains; every indicator with its title, weight, effective
// weights per checklist, logic as written, basis, missing-data policy and severity; the
// checklists; the scores and decision tables (tiers); frequencies, rules, escalations,
// deadlines, cross-checks, reports, params, the record and the calendars; and, for a rule set
// that extends another, the change log against it.
#include "compiler/inspect/comparison.h"
#include "compiler/inspect/document.h"
#include "compiler/inspect/rule_book.h"

namespace xr::inspect {

/// The handbook, in the rule set's language (languageOf its title). `changes` is the
/// comparison with the base rule set, or null when it extends none.
Document handbookDocument(const RuleBook &book, const Comparison *changes);

} // namespace xr::inspect
