#include "compiler/sema/passes_support.h"

#include "runtime/builtins/dates.h"

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
  const std::uint64_t magnitude = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(micro)
                                           : static_cast<std::uint64_t>(micro);
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

SourceOrder::SourceOrder(const Model &model) {
  // Model::files lists the root first; declarations of bases and imports come before the
  // root's (as in the Info vectors), so the root ranks last.
  std::uint32_t next = 0;
  auto rank = [&](FileId id) {
    if (id == kNoFile)
      return;
    if (rank_.size() <= id)
      rank_.resize(id + 1, ~std::uint32_t{0});
    if (rank_[id] == ~std::uint32_t{0})
      rank_[id] = next++;
  };
  for (FileId id : model.files)
    if (id != model.rootFile)
      rank(id);
  rank(model.rootFile);
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
