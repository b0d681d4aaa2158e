#pragma once
// Semantic tokens (semantic_tokens.cpp), for tests and the benchmark.
#include "compiler/driver/compilation.h"
#include "lsp/protocol/position_encoding.h"

#include <nlohmann/json.hpp>

#include <string>

namespace xr::lsp {

/// The legend sent in the capabilities: token types and modifiers, by index.
nlohmann::json semanticTokensLegend();

/// The encoded tokens (5 integers each) of `file` of the compilation, whose text is `text`,
/// for the tokens overlapping the byte range [from, to).
nlohmann::json semanticTokens(const Compilation &compilation, FileId file, const std::string &text,
                              const PositionConverter &positions, std::uint32_t from,
                              std::uint32_t to);

} // namespace xr::lsp
