#include "compiler/sema/suggest.h"

#include "compiler/source/source.h"
#include "compiler/support/edit_distance.h"

#include <algorithm>

namespace xr::sema {

std::optional<std::string> closestMatch(std::string_view name,
                                        const std::vector<std::string> &candidates) {
  const std::size_t limit = std::max<std::size_t>(1, codePointCount(name) / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const std::string &candidate : candidates) {
    if (candidate == name || candidate.empty())
      continue;
    const std::size_t d = editDistance(name, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

std::string withArticle(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return std::string(vowel ? "an " : "a ") + std::string(noun);
}

std::string didYouMean(const std::optional<std::string> &suggestion) {
  return suggestion ? "; did you mean '" + *suggestion + "'?" : std::string();
}

void addReplacementFix(Diagnostic &diagnostic, SourceRange range,
                       const std::optional<std::string> &suggestion) {
  if (suggestion && range.valid())
    diagnostic.fix("replace with '" + *suggestion + "'", range, *suggestion);
}

} // namespace xr::sema
