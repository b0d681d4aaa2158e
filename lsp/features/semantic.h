#pragma once
// The semantic features (issue 6, part 2): each register function adds the handlers of one
// file of lsp/features/ and the capabilities they need; lsp/server/features.cpp calls them.
// The answers come from compiler/query; these files only convert at the protocol edge.
#include "lsp/server/feature.h"

namespace xr::lsp {

void registerNavigation(FeatureRegistry &registry); // definition, references
void registerRename(FeatureRegistry &registry);     // prepareRename, rename
void registerHover(FeatureRegistry &registry);
void registerCompletion(FeatureRegistry &registry);  // completion, signatureHelp
void registerCodeActions(FeatureRegistry &registry); // codeAction (quick fixes)
void registerInlayHints(FeatureRegistry &registry);

/// All of the above.
void registerSemanticFeatures(FeatureRegistry &registry);

/// A compiler diagnostic in protocol form, for a code action's `diagnostics`.
Diagnostic protocolDiagnostic(const xr::Diagnostic &diagnostic, const RequestContext &context);

/// Edits by document URI.
WorkspaceEdit workspaceEdit(const std::vector<xr::TextEdit> &edits, const RequestContext &context);

} // namespace xr::lsp
