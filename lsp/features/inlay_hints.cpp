// textDocument/inlayHint: effective weights per checklist after each indicator's weight.
#include "compiler/query/inlay_hints.h"
#include "lsp/features/semantic.h"

namespace xr::lsp {

void registerInlayHints(FeatureRegistry &registry) {
  registry.addCapabilities([](nlohmann::json &capabilities, const InitializeInfo &) {
    capabilities["inlayHintProvider"] = true;
  });
  registry.onDocumentRequest(
      "textDocument/inlayHint",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        Range range = params.at("range").get<Range>();
        nlohmann::json out = nlohmann::json::array();
        for (const query::InlayHint &hint :
             query::inlayHintsIn(context.compilation(), context.file(), context.offset(range.start),
                                 context.offset(range.end)))
          out.push_back({{"position", context.positions().position(hint.offset)},
                         {"label", "≈ " + hint.label},
                         {"tooltip", hint.tooltip},
                         {"paddingLeft", true}});
        return out;
      });
}

} // namespace xr::lsp
