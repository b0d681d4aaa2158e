// textDocument/codeAction: quick fixes for the diagnostics in the requested range, each
// with its diagnostic attached and a WorkspaceEdit (a fix may touch another file, such as
// the record's in a base rule set).
#include "compiler/query/code_actions.h"
#include "lsp/features/semantic.h"

namespace xr::lsp {

void registerCodeActions(FeatureRegistry &registry) {
  registry.addCapabilities([](nlohmann::json &capabilities, const InitializeInfo &) {
    capabilities["codeActionProvider"] = {{"codeActionKinds", {"quickfix"}}};
  });
  registry.onDocumentRequest(
      "textDocument/codeAction",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        Range range = params.at("range").get<Range>();
        if (params.contains("context") && params["context"].contains("only")) {
          bool quickfix = false;
          for (const auto &kind : params["context"]["only"])
            quickfix = quickfix || kind == "quickfix";
          if (!quickfix)
            return nlohmann::json::array();
        }
        std::uint32_t begin = context.offset(range.start);
        std::uint32_t end = context.offset(range.end);
        nlohmann::json out = nlohmann::json::array();
        for (const query::CodeAction &action :
             query::codeActionsIn(context.compilation(), context.file(), begin, end)) {
          nlohmann::json j = {{"title", action.title},
                              {"kind", "quickfix"},
                              {"edit", workspaceEdit(action.edits, context)}};
          if (action.diagnostic)
            j["diagnostics"] = {protocolDiagnostic(*action.diagnostic, context)};
          if (action.preferred)
            j["isPreferred"] = true;
          out.push_back(std::move(j));
        }
        return out;
      });
}

} // namespace xr::lsp
