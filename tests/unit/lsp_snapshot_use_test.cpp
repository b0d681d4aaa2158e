// SnapshotUse: a LastCompiled request (completion) is answered from the last compilation of
// the document without compiling the edited text first, while positions are still converted
// in the current text; a Current request always sees the current text compiled.
#include "lsp_testing.h"

#include <gtest/gtest.h>

#include <chrono>

using nlohmann::json;
using xr::lsp::FeatureRegistry;
using xr::lsp::RequestContext;
using xr::lsp::ServerOptions;
using xr::lsp::SnapshotUse;
using xr::lsp::testing::Session;

namespace {

const std::string kUri = "file:///virtual/%E5%BF%AB%E7%85%A7.xr"; // 快照.xr, not on disk
const std::string kText = "ruleset \"快照\" version 1\nrecord R {\n  id: text key\n}\n";

json describe(const RequestContext &context) {
  return {{"document", context.document().version},
          {"compiled", *context.snapshot().root.text},
          {"end", context.positions().position(
                      static_cast<std::uint32_t>(context.document().text->size()))}};
}

void registerProbes(FeatureRegistry &registry) {
  registry.onDocumentRequest(
      "test/last", [](const json &, const RequestContext &c) { return describe(c); },
      SnapshotUse::LastCompiled);
  registry.onDocumentRequest("test/current",
                             [](const json &, const RequestContext &c) { return describe(c); });
}

TEST(LspSnapshotUse, LastCompiledDoesNotWaitForTheEditedTextToCompile) {
  ServerOptions options;
  options.debounce = std::chrono::minutes(10); // the edit below stays uncompiled
  Session session(options, registerProbes);
  session.initialize();
  session.notify(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", kUri}, {"languageId", "xr"}, {"version", 1}, {"text", kText}}}});
  session.waitForDiagnostics(kUri); // version 1 is compiled and kept
  std::string edited = kText + "// 一行注释\n";
  session.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                            {"contentChanges", {{{"text", edited}}}}});

  json last = session.request("test/last", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(last["result"]["document"], 2);
  EXPECT_EQ(last["result"]["compiled"], kText);
  // Positions are in the current text: it ends after the new line.
  EXPECT_EQ(last["result"]["end"], json::parse(R"({"line":5,"character":0})"));

  json current = session.request("test/current", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(current["result"]["document"], 2);
  EXPECT_EQ(current["result"]["compiled"], edited);
}

} // namespace
