// The server's lifecycle and dispatch: initialize (capabilities, encoding), requests before
// initialize, unknown methods and notifications, shutdown and exit codes.
#include "lsp_testing.h"

#include <gtest/gtest.h>

using nlohmann::json;
using xr::lsp::testing::Session;
using xr::lsp::testing::syncOptions;

namespace {

TEST(LspLifecycle, InitializeAnswersCapabilitiesAndTheNegotiatedEncoding) {
  Session session(syncOptions());
  json reply = session.initialize();
  ASSERT_TRUE(reply.contains("result")) << reply;
  const json &capabilities = reply["result"]["capabilities"];
  EXPECT_EQ(capabilities["positionEncoding"], "utf-16");
  EXPECT_EQ(capabilities["textDocumentSync"]["change"], 2);
  EXPECT_EQ(capabilities["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(reply["result"]["serverInfo"]["name"], "xuncha");
  EXPECT_EQ(session.request("shutdown")["result"], nullptr);
  session.notify("exit", json::object());
  EXPECT_EQ(session.waitForExit(), 0);
}

TEST(LspLifecycle, Utf8IsChosenWhenOffered) {
  Session session(syncOptions());
  json reply = session.initialize({{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
  EXPECT_EQ(reply["result"]["capabilities"]["positionEncoding"], "utf-8");
}

TEST(LspLifecycle, Utf32IsChosenWhenOfferedWithoutUtf8) {
  Session session(syncOptions());
  json reply = session.initialize({{"general", {{"positionEncodings", {"utf-32", "utf-16"}}}}});
  EXPECT_EQ(reply["result"]["capabilities"]["positionEncoding"], "utf-32");
}

TEST(LspLifecycle, RequestsBeforeInitializeAreRefused) {
  Session session(syncOptions());
  json reply = session.request("textDocument/hover", json::object());
  EXPECT_EQ(reply["error"]["code"], -32002);
  reply = session.request("shutdown");
  EXPECT_EQ(reply["error"]["code"], -32002);
  // A notification before initialize is dropped without an answer; initialize still works.
  session.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", "file:///x.xr"}, {"languageId", "xr"}, {"version", 1}, {"text", "garbage"}}}});
  EXPECT_TRUE(session.initialize().contains("result"));
}

TEST(LspLifecycle, SecondInitializeIsAnInvalidRequest) {
  Session session(syncOptions());
  session.initialize();
  json reply = session.request("initialize", {{"capabilities", json::object()}});
  EXPECT_EQ(reply["error"]["code"], -32600);
}

TEST(LspLifecycle, UnknownRequestIsMethodNotFoundAndUnknownNotificationIgnored) {
  Session session(syncOptions());
  session.initialize();
  session.notify("workspace/somethingNew", {{"x", 1}});
  session.notify("$/setTrace", {{"value", "off"}});
  json reply = session.request("textDocument/noSuchThing", json::object());
  EXPECT_EQ(reply["error"]["code"], -32601);
  reply = session.request("$/privateRequest", json::object());
  EXPECT_EQ(reply["error"]["code"], -32601);
  EXPECT_TRUE(session.drain().empty()); // nothing answered the notifications
}

TEST(LspLifecycle, StringIdsAreEchoed) {
  Session session(syncOptions());
  session.initialize();
  session.send({{"jsonrpc", "2.0"}, {"id", "abc"}, {"method", "shutdown"}});
  json reply = session.waitFor([](const json &m) { return m.contains("id"); });
  EXPECT_EQ(reply["id"], "abc");
  EXPECT_EQ(reply["result"], nullptr);
}

TEST(LspLifecycle, RequestsAfterShutdownAreRefused) {
  Session session(syncOptions());
  session.initialize();
  session.request("shutdown");
  json reply = session.request("textDocument/documentSymbol", json::object());
  EXPECT_EQ(reply["error"]["code"], -32600);
  session.notify("exit", json::object());
  EXPECT_EQ(session.waitForExit(), 0);
}

TEST(LspLifecycle, ExitWithoutShutdownEndsWithOne) {
  Session session(syncOptions());
  session.initialize();
  session.notify("exit", json::object());
  EXPECT_EQ(session.waitForExit(), 1);
}

TEST(LspLifecycle, EndOfInputWithoutExitEndsWithOne) {
  Session session(syncOptions());
  session.initialize();
  EXPECT_EQ(session.finish(), 1);
}

TEST(LspLifecycle, ExitBeforeInitializeEndsWithOne) {
  Session session(syncOptions());
  session.notify("exit", json::object());
  EXPECT_EQ(session.waitForExit(), 1);
}

TEST(LspLifecycle, HandlersThatThrowAnswerErrors) {
  Session session(syncOptions(), [](xr::lsp::FeatureRegistry &registry) {
    registry.onWorkspaceRequest(
        "test/fails", [](const json &, const xr::lsp::RequestContext &) -> json {
          throw xr::lsp::RequestError(xr::lsp::ErrorCode::RequestFailed, "it failed");
        });
    registry.onWorkspaceRequest("test/typeError",
                                [](const json &params, const xr::lsp::RequestContext &) -> json {
                                  return params.at("n").get<int>() + 1;
                                });
    registry.onWorkspaceRequest("test/document",
                                [](const json &, const xr::lsp::RequestContext &context) -> json {
                                  return context.document().uri; // not a document request
                                });
  });
  session.initialize();
  EXPECT_EQ(session.request("test/fails")["error"]["code"], -32803);
  EXPECT_EQ(session.request("test/fails")["error"]["message"], "it failed");
  EXPECT_EQ(session.request("test/typeError", {{"n", "one"}})["error"]["code"], -32602);
  EXPECT_EQ(session.request("test/typeError", {{"n", 1}})["result"], 2);
  EXPECT_EQ(session.request("test/document")["error"]["code"], -32603);
}

TEST(LspLifecycle, DuplicateHandlerRegistrationIsAProgrammingError) {
  xr::lsp::FeatureRegistry registry;
  auto handler = [](const json &, const xr::lsp::RequestContext &) -> json { return nullptr; };
  registry.onWorkspaceRequest("a", handler);
  EXPECT_THROW(registry.onDocumentRequest("a", handler), std::logic_error);
}

} // namespace
