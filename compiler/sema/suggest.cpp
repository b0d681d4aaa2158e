#include "compiler/sema/suggest.h"

#include <algorithm>
#include <cctype>

namespace xr::sema {

namespace {

std::vector<char32_t> codePoints(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    length = std::min(length, text.size() - i);
    char32_t value = 0;
    for (std::size_t k = 0; k < length; ++k)
      value = (value << 8) | static_cast<unsigned char>(text[i + k]);
    out.push_back(value < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(value)))
                               : value);
    i += length;
  }
  return out;
}

/// Edit distance where swapping two neighbours is one edit ("dmo" -> "dom"), as typos go.
std::size_t distance(const std::vector<char32_t> &a, const std::vector<char32_t> &b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t & { return d[i * width + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i)
    at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j)
    at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  return at(a.size(), b.size());
}

} // namespace

std::size_t editDistance(std::string_view a, std::string_view b) {
  return distance(codePoints(a), codePoints(b));
}

std::optional<std::string> closestMatch(std::string_view name,
                                        const std::vector<std::string> &candidates) {
  const std::vector<char32_t> wanted = codePoints(name);
  const std::size_t limit = std::max<std::size_t>(1, wanted.size() / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const std::string &candidate : candidates) {
    if (candidate == name || candidate.empty())
      continue;
    const std::size_t d = distance(wanted, codePoints(candidate));
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
