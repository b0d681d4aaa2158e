#pragma once
// Small helpers shared by the structural passes (compiler/sema/passes_*.cpp): how dates,
// weights and name lists are written in messages, and a deterministic source order across
// files.
#include "compiler/sema/model.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xr::sema::passes {

/// "2024-06-30".
std::string formatDate(std::int32_t days);

/// A share in millionths of a percent as written by a person: "40%", "12.5%", "0.000001%".
std::string formatShare(std::int64_t micro);
/// Points in millionths: "8 points", "1 point", "2.5 points".
std::string formatPoints(std::int64_t micro);
std::string formatWeight(ast::WeightKind kind, std::int64_t micro);

/// "'a', 'b' and 'c'".
std::string quotedList(const std::vector<std::string> &names);

/// A total order on source positions that is the same on every run: by file (bases and imports
/// in the order of Model::files, then the root file, then files not listed, by id), then by
/// offset.
struct SourceOrder {
  explicit SourceOrder(const Model &model);
  std::uint64_t key(SourceRange range) const;
  bool before(SourceRange a, SourceRange b) const { return key(a) < key(b); }

private:
  std::vector<std::uint32_t> rank_; // by FileId
};

} // namespace xr::sema::passes
