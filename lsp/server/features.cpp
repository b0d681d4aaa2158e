// The list of the server's features (see feature.h): each line registers the request
// handlers and capabilities of one file of lsp/features/. Add a line for a new feature.
#include "lsp/features/features.h"
#include "lsp/features/semantic.h"
#include "lsp/server/feature.h"

namespace xr::lsp {

void registerFeatures(FeatureRegistry &registry) {
  registerDocumentSymbols(registry);
  registerWorkspaceSymbols(registry);
  registerFoldingRanges(registry);
  registerSemanticTokens(registry);
  registerFormatting(registry);
  registerSemanticFeatures(registry); // lspfeat: semantic.h lists them
}

} // namespace xr::lsp
