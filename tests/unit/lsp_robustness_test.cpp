// The server survives broken framing on its input (what transcripts cannot send: they frame
// every message) and answers the next valid request; a truncated message at the end of the
// input ends the session without a crash.
#include "lsp_testing.h"

#include <gtest/gtest.h>

using nlohmann::json;
using xr::lsp::frameMessage;
using xr::lsp::testing::Session;
using xr::lsp::testing::syncOptions;

namespace {

std::string symbolRequest(int id) {
  return frameMessage(json{
      {"jsonrpc", "2.0"}, {"id", id}, {"method", "workspace/symbol"}, {"params", {{"query", ""}}}}
                          .dump());
}

TEST(LspRobustness, BrokenFramingIsSkippedAndTheNextRequestAnswered) {
  Session session(syncOptions());
  session.initialize();
  session.sendRaw("Content-Type: text/plain\r\n\r\n");                 // no length
  session.sendRaw("Content-Length: -1\r\n\r\n");                       // bad length
  session.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":\"x\"}"); // body without header
  session.sendRaw(symbolRequest(2));
  json reply = session.waitFor([](const json &m) { return m.contains("id"); });
  EXPECT_EQ(reply["id"], 2) << reply; // the headerless body was skipped, not answered
  EXPECT_TRUE(reply["result"].is_array());
  session.sendRaw(std::string(10000, 'x') + "\r\n\r\n");   // a header line far too long
  session.sendRaw("Content-Length: 999999999999\r\n\r\n"); // larger than the limit: skipped...
  session.finish(); // ...up to the end of the input, which ends the session
}

TEST(LspRobustness, InvalidUtf8AndNulBytesInJsonAreParseErrors) {
  Session session(syncOptions());
  session.initialize();
  session.sendRaw(frameMessage(std::string("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"\xff\"}")));
  session.sendRaw(frameMessage(std::string("{\"a\":\0}", 7)));
  session.sendRaw(symbolRequest(4));
  json first = session.waitFor([](const json &m) { return m.contains("id"); });
  json second = session.waitFor([](const json &m) { return m.contains("id"); });
  json third = session.waitFor([](const json &m) { return m.contains("id"); });
  EXPECT_EQ(first["error"]["code"], -32700);
  EXPECT_EQ(second["error"]["code"], -32700);
  EXPECT_EQ(third["id"], 4);
}

TEST(LspRobustness, TruncatedMessageAtTheEndEndsTheSession) {
  Session session(syncOptions());
  session.initialize();
  session.sendRaw("Content-Length: 100\r\n\r\n{\"jsonrpc\":");
  EXPECT_EQ(session.finish(), 1);
}

TEST(LspRobustness, ManyDocumentsAndRequestsInABurst) {
  Session session(syncOptions());
  session.initialize();
  for (int i = 0; i < 20; ++i)
    session.notify("textDocument/didOpen",
                   {{"textDocument",
                     {{"uri", "file:///burst/" + std::to_string(i) + ".xr"},
                      {"languageId", "xr"},
                      {"version", 1},
                      {"text", "ruleset \"批量\" version 1\nrecord R { id: text key }\n"}}}});
  for (int i = 0; i < 20; ++i)
    session.sendRequest(
        100 + i, "textDocument/documentSymbol",
        {{"textDocument", {{"uri", "file:///burst/" + std::to_string(i) + ".xr"}}}});
  for (int i = 0; i < 20; ++i) {
    json reply =
        session.waitFor([i](const json &m) { return m.contains("id") && m["id"] == 100 + i; });
    ASSERT_TRUE(reply["result"].is_array()) << reply;
    EXPECT_EQ(reply["result"][0]["name"], "R");
  }
}

} // namespace
