#include "compiler/syntax/suggest.h"

#include "compiler/support/edit_distance.h"

#include <algorithm>
#include <vector>

namespace xr::syntax {

std::optional<std::string_view> closestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates) {
  std::size_t threshold = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string_view> best;
  std::size_t bestDistance = threshold + 1;
  for (std::string_view candidate : candidates) {
    std::size_t distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

} // namespace xr::syntax
