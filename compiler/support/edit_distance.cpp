#include "compiler/support/edit_distance.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace xr {
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

} // namespace

std::size_t editDistance(std::string_view left, std::string_view right) {
  const std::vector<char32_t> a = codePoints(left);
  const std::vector<char32_t> b = codePoints(right);
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

} // namespace xr
