// textDocument/completion and textDocument/signatureHelp. The token context is read from
// the document's current text; names and types from its compilation (partial when the
// text has errors, which it usually has while typing).
#include "compiler/query/completion.h"
#include "compiler/query/signature_help.h"
#include "lsp/features/semantic.h"

namespace xr::lsp {

namespace {

/// The protocol's CompletionItemKind.
int protocolKind(query::CompletionKind kind) {
  switch (kind) {
  case query::CompletionKind::Keyword:
    return 14;
  case query::CompletionKind::Snippet:
    return 15;
  case query::CompletionKind::Field:
    return 5;
  case query::CompletionKind::Param:
    return 21; // Constant
  case query::CompletionKind::Enum:
    return 13;
  case query::CompletionKind::EnumMember:
    return 20;
  case query::CompletionKind::Domain:
    return 9; // Module
  case query::CompletionKind::Indicator:
    return 7; // Class
  case query::CompletionKind::Check:
  case query::CompletionKind::Rule:
  case query::CompletionKind::Escalate:
    return 23; // Event
  case query::CompletionKind::Checklist:
    return 22; // Struct
  case query::CompletionKind::Value:
  case query::CompletionKind::Output:
    return 6; // Variable
  case query::CompletionKind::Table:
    return 8; // Interface
  case query::CompletionKind::Example:
    return 12; // Value
  case query::CompletionKind::Function:
    return 3;
  case query::CompletionKind::Property:
    return 10;
  case query::CompletionKind::Type:
    return 25; // TypeParameter
  }
  return 1;
}

/// Keeps the order the query chose (context first) in clients that sort by sortText.
std::string sortKey(std::size_t index) {
  std::string digits = std::to_string(index);
  return std::string(digits.size() < 5 ? 5 - digits.size() : 0, '0') + digits;
}

} // namespace

void registerCompletion(FeatureRegistry &registry) {
  registry.addCapabilities([](nlohmann::json &capabilities, const InitializeInfo &) {
    // `.` (C1.score) and `[` (members in a list); not space: a list after every space is
    // noise, and editors ask anyway as a word is typed.
    capabilities["completionProvider"] = {{"triggerCharacters", {".", "["}},
                                          {"resolveProvider", false}};
    capabilities["signatureHelpProvider"] = {{"triggerCharacters", {"(", ","}},
                                             {"retriggerCharacters", {","}}};
  });
  registry.onDocumentRequest(
      "textDocument/completion",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        std::uint32_t offset = context.offset(params.at("position").get<Position>());
        const Compilation &c = context.compilation();
        query::Completion completion =
            query::completeAt(c.model.get(), *context.document().text, offset);
        context.checkCancelled();
        const PositionConverter &positions = context.positions();
        Range replace{positions.position(completion.replaceBegin), positions.position(offset)};
        nlohmann::json items = nlohmann::json::array();
        for (std::size_t i = 0; i < completion.items.size(); ++i) {
          const query::CompletionItem &item = completion.items[i];
          nlohmann::json j = {
              {"label", item.label},
              {"kind", protocolKind(item.kind)},
              {"sortText", sortKey(i)},
              {"textEdit",
               {{"range", replace},
                {"newText", item.insertText.empty() ? item.label : item.insertText}}}};
          if (!item.detail.empty())
            j["detail"] = item.detail;
          if (!item.documentation.empty())
            j["documentation"] = {{"kind", "markdown"}, {"value", item.documentation}};
          if (item.snippet)
            j["insertTextFormat"] = 2;
          items.push_back(std::move(j));
        }
        return {{"isIncomplete", false}, {"items", std::move(items)}};
      },
      SnapshotUse::LastCompiled);
  registry.onDocumentRequest(
      "textDocument/signatureHelp",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        std::uint32_t offset = context.offset(params.at("position").get<Position>());
        auto help = query::signatureHelpAt(*context.document().text, offset);
        if (!help)
          return nullptr;
        // Parameter labels as [start, end) offsets in UTF-16 code units of the label, as
        // the protocol counts them whatever the position encoding (labels are ASCII).
        nlohmann::json signatures = nlohmann::json::array();
        for (const query::SignatureInfo &s : help->signatures) {
          nlohmann::json parameters = nlohmann::json::array();
          for (const auto &[begin, end] : s.parameters)
            parameters.push_back({{"label", {begin, end}}});
          signatures.push_back(
              {{"label", s.label},
               {"documentation", {{"kind", "markdown"}, {"value", s.documentation}}},
               {"parameters", std::move(parameters)}});
        }
        return {{"signatures", std::move(signatures)},
                {"activeSignature", help->activeSignature},
                {"activeParameter", help->activeParameter}};
      });
}

} // namespace xr::lsp
