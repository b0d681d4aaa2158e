#include "lsp/features/semantic.h"

namespace xr::lsp {

void registerSemanticFeatures(FeatureRegistry &registry) {
  registerNavigation(registry);
  registerRename(registry);
  registerHover(registry);
  registerCompletion(registry);
  registerCodeActions(registry);
  registerInlayHints(registry);
}

Diagnostic protocolDiagnostic(const xr::Diagnostic &d, const RequestContext &context) {
  Diagnostic out;
  if (d.range.valid())
    out.range = context.range(d.range);
  out.severity = d.severity == xr::Severity::Error     ? DiagnosticSeverity::Error
                 : d.severity == xr::Severity::Warning ? DiagnosticSeverity::Warning
                                                       : DiagnosticSeverity::Information;
  out.code = std::string(info(d.code).code);
  out.message = d.message;
  for (const DiagNote &note : d.notes)
    if (note.range.valid())
      out.relatedInformation.push_back({context.location(note.range), note.message});
  return out;
}

WorkspaceEdit workspaceEdit(const std::vector<xr::TextEdit> &edits, const RequestContext &context) {
  WorkspaceEdit out;
  for (const xr::TextEdit &edit : edits)
    if (edit.range.valid())
      out.changes[context.uriOf(edit.range.file)].push_back(
          {context.range(edit.range), edit.newText});
  return out;
}

} // namespace xr::lsp
