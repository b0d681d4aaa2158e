// textDocument/hover: Markdown from compiler/query's hover.
#include "compiler/query/hover.h"
#include "lsp/features/semantic.h"

namespace xr::lsp {

void registerHover(FeatureRegistry &registry) {
  registry.addCapabilities([](nlohmann::json &capabilities, const InitializeInfo &) {
    capabilities["hoverProvider"] = true;
  });
  registry.onDocumentRequest(
      "textDocument/hover",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        std::uint32_t offset = context.offset(params.at("position").get<Position>());
        auto hover = query::hoverAt(context.compilation(), context.file(), offset);
        if (!hover)
          return nullptr;
        return {{"contents", {{"kind", "markdown"}, {"value", hover->markdown}}},
                {"range", context.range(hover->range)}};
      });
}

} // namespace xr::lsp
