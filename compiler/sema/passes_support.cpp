#include "compiler/sema/passes_support.h"

#include "runtime/builtins/dates.h"

#include <algorithm>
#include <fmt/format.h>

namespace xr::sema::passes {

std::string formatDate(std::int32_t days) {
  const dates::Civil c = dates::civilFromDays(days);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

namespace {
/// A non-negative count of millionths without trailing zeros: 12'500'000 -> "12.5".
std::string formatMicro(std::int64_t micro) {
  const bool negative = micro < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t(0) - static_cast<std::uint64_t>(micro) : static_cast<std::uint64_t>(micro);
  std::string out = fmt::format("{}{}", negative ? "-" : "", magnitude / 1'000'000);
  std::uint64_t fraction = magnitude % 1'000'000;
  if (fraction == 0)
    return out;
  std::string digits = fmt::format("{:06}", fraction);
  while (digits.back() == '0')
    digits.pop_back();
  return out + "." + digits;
}
} // namespace

std::string formatShare(std::int64_t micro) { return formatMicro(micro) + "%"; }

std::string formatPoints(std::int64_t micro) {
  return formatMicro(micro) + (micro == 1'000'000 ? " point" : " points");
}

std::string formatWeight(ast::WeightKind kind, std::int64_t micro) {
  return kind == ast::WeightKind::Share ? formatShare(micro) : formatPoints(micro);
}

std::string quotedList(const std::vector<std::string> &names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

namespace {
/// Code points of a UTF-8 string, so that one Chinese character counts as one edit.
std::vector<char32_t> codePoints(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    length = std::min(length, text.size() - i);
    char32_t value = 0;
    for (std::size_t k = 0; k < length; ++k)
      value = (value << 8) | static_cast<unsigned char>(text[i + k]);
    out.push_back(value);
    i += length;
  }
  return out;
}

/// Levenshtein distance over code points; names are short (bounded by the identifier limit).
std::size_t editDistance(const std::vector<char32_t> &a, const std::vector<char32_t> &b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
} // namespace

std::optional<std::string> closestName(std::string_view name,
                                       const std::vector<std::string> &candidates) {
  // A third of the longer name, at least one edit: "licence" -> "license", not "id" -> "ab".
  const std::vector<char32_t> written = codePoints(name);
  std::optional<std::string> best;
  std::size_t bestDistance = 0;
  for (const std::string &candidate : candidates) {
    if (candidate == name)
      continue;
    const std::vector<char32_t> other = codePoints(candidate);
    const std::size_t distance = editDistance(written, other);
    const std::size_t allowed = std::max<std::size_t>(1, std::max(written.size(), other.size()) / 3);
    if (distance > allowed)
      continue;
    if (!best || distance < bestDistance || (distance == bestDistance && candidate < *best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

SourceOrder::SourceOrder(const Model &model) {
  for (std::size_t i = 0; i < model.files.size(); ++i) {
    const FileId id = model.files[i];
    if (id == kNoFile)
      continue;
    if (rank_.size() <= id)
      rank_.resize(id + 1, ~std::uint32_t{0});
    if (rank_[id] == ~std::uint32_t{0})
      rank_[id] = static_cast<std::uint32_t>(i);
  }
}

std::uint64_t SourceOrder::key(SourceRange range) const {
  std::uint64_t rank;
  if (range.file == kNoFile)
    rank = ~std::uint32_t{0};
  else if (range.file < rank_.size() && rank_[range.file] != ~std::uint32_t{0})
    rank = rank_[range.file];
  else
    rank = std::uint64_t(rank_.size()) + range.file; // not listed: after the listed ones
  return (rank << 32) | range.begin;
}

} // namespace xr::sema::passes
