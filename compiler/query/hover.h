#pragma once
// What hovering over a position shows, as Markdown: for a name, what it declares (an
// indicator's title, domain, weight, effective weight in each checklist, basis and
// missing-data policy; a field's type, unit and label; a built-in's signatures and
// documentation); elsewhere in an expression, the type sema gave it.
#include "compiler/driver/compilation.h"

#include <cstdint>
#include <optional>
#include <string>

namespace xr::query {

struct HoverInfo {
  SourceRange range; // what the hover is about
  std::string markdown;
};

std::optional<HoverInfo> hoverAt(const Compilation &compilation, FileId file, std::uint32_t offset);

/// The Markdown for a symbol (hover, completion documentation). With `sources`, values
/// written in the rule file (a param's default, a let's or score's expression) are shown too.
std::string describeSymbol(const sema::Model &model, sema::SymbolRef symbol,
                           const SourceManager *sources = nullptr);

} // namespace xr::query
