#pragma once
// A Comparison for people: what `xuncha diff` prints and the change log of `xuncha doc`.
#include "compiler/inspect/comparison.h"
#include "compiler/inspect/document.h"
#include "compiler/inspect/labels.h"

namespace xr::inspect {

/// The comparison as a document: a summary table, one section per kind of declaration that
/// changed (added and removed ones listed, changed ones part by part, logic as a -/+ listing),
/// the effective weights per checklist and the calendar years. `sectionLevel` is the heading
/// level of the sections: 2 gives a whole document with its title (level 1) for `diff`; 3
/// nests it under a handbook's change-log heading.
Document comparisonDocument(const Comparison &comparison, const Labels &labels,
                            int sectionLevel = 2);

/// A -/+ listing: every line of `before` prefixed "- ", of `after` "+ ".
std::string changeListing(const std::vector<std::string> &before,
                          const std::vector<std::string> &after);
/// Two texts line by line: common lines prefixed "  ", the others "- " and "+ ".
std::string lineDiff(const std::string &before, const std::string &after);

} // namespace xr::inspect
