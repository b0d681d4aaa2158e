#pragma once
// Did-you-mean: the candidate closest to a misspelt name, by edit distance over Unicode code
// points (one Chinese character is one edit).
#include "compiler/diag/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xr::sema {

/// The candidate closest to `name` when it is close enough to be a likely typo: at most one
/// edit per three characters (at least one); ties go to the earlier candidate.
std::optional<std::string> closestMatch(std::string_view name,
                                        const std::vector<std::string> &candidates);

/// "an indicator", "a table".
std::string withArticle(std::string_view noun);

/// "; did you mean 'x'?" or "".
std::string didYouMean(const std::optional<std::string> &suggestion);

/// Adds the fix "replace with 'x'" at `range` when there is a suggestion.
void addReplacementFix(Diagnostic &diagnostic, SourceRange range,
                       const std::optional<std::string> &suggestion);

} // namespace xr::sema
