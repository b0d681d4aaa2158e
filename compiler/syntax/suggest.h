#pragma once
// Did-you-mean for the keyword options the syntax layer checks (hit policies, aggregators).
#include <optional>
#include <span>
#include <string_view>

namespace xr::syntax {

/// The candidate closest to `word` when it is close enough to be a plausible typo.
std::optional<std::string_view> closestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates);

} // namespace xr::syntax
