// textDocument/definition and textDocument/references, across the files the document
// imports and extends.
#include "compiler/query/symbols.h"
#include "lsp/features/semantic.h"

namespace xr::lsp {

void registerNavigation(FeatureRegistry &registry) {
  registry.addCapabilities([](nlohmann::json &capabilities, const InitializeInfo &) {
    capabilities["definitionProvider"] = true;
    capabilities["referencesProvider"] = true;
  });
  registry.onDocumentRequest(
      "textDocument/definition",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        std::uint32_t offset = context.offset(params.at("position").get<Position>());
        auto definition = query::definitionAt(context.compilation(), context.file(), offset);
        if (!definition)
          return nullptr;
        return context.location(*definition);
      });
  registry.onDocumentRequest(
      "textDocument/references",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        std::uint32_t offset = context.offset(params.at("position").get<Position>());
        bool declaration =
            params.contains("context") && params["context"].value("includeDeclaration", false);
        auto hit = query::symbolAt(context.compilation(), context.file(), offset);
        nlohmann::json out = nlohmann::json::array();
        if (!hit) {
          // A retired name: where it was declared and where it is retired.
          if (auto retired = query::retiredNameAt(context.compilation(), context.file(), offset)) {
            if (declaration && retired->retired->where.name.valid())
              out.push_back(context.location(retired->retired->where.name));
            out.push_back(context.location(retired->name));
          }
          return out;
        }
        for (const SourceRange &range :
             query::referencesTo(context.compilation(), hit->symbol, declaration))
          out.push_back(context.location(range));
        return out;
      });
}

} // namespace xr::lsp
