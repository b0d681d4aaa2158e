#pragma once
// The register function of every feature file of lsp/features/ written with the server
// (one line each; the server calls them from lsp/server/features.cpp).
#include "lsp/server/feature.h"

namespace xr::lsp {

void registerDocumentSymbols(FeatureRegistry &registry);  // document_symbols.cpp
void registerWorkspaceSymbols(FeatureRegistry &registry); // workspace_symbols.cpp
void registerFoldingRanges(FeatureRegistry &registry);    // folding_ranges.cpp
void registerSemanticTokens(FeatureRegistry &registry);   // semantic_tokens.cpp
void registerFormatting(FeatureRegistry &registry);       // formatting.cpp

} // namespace xr::lsp
