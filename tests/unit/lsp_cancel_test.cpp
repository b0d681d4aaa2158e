// $/cancelRequest: a request cancelled while it runs or while it waits answers
// RequestCancelled; cancelling a finished or unknown request changes nothing.
#include "lsp_testing.h"

#include <gtest/gtest.h>

#include <atomic>

using nlohmann::json;
using xr::lsp::FeatureRegistry;
using xr::lsp::RequestContext;
using xr::lsp::ServerOptions;
using xr::lsp::testing::Session;

namespace {

/// test/slow runs until cancelled (or 20 s), saying when it started.
void registerSlow(FeatureRegistry &registry, std::atomic<bool> &started) {
  registry.onWorkspaceRequest(
      "test/slow", [&started](const json &, const RequestContext &context) -> json {
        started = true;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
          context.checkCancelled();
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return "finished";
      });
  registry.onWorkspaceRequest("test/quick",
                              [](const json &, const RequestContext &) -> json { return "quick"; });
}

void cancel(Session &session, int id) { session.notify("$/cancelRequest", {{"id", id}}); }

json response(Session &session, int id) {
  return session.waitFor([id](const json &m) { return m.contains("id") && m["id"] == id; });
}

TEST(LspCancel, RunningRequestAnswersRequestCancelled) {
  std::atomic<bool> started{false};
  Session session(ServerOptions{}, [&](FeatureRegistry &r) { registerSlow(r, started); });
  session.initialize();
  session.sendRequest(100, "test/slow", json::object());
  while (!started)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  cancel(session, 100);
  json reply = response(session, 100);
  EXPECT_EQ(reply["error"]["code"], -32800) << reply;
}

TEST(LspCancel, QueuedRequestIsCancelledBeforeItRuns) {
  std::atomic<bool> started{false};
  Session session(ServerOptions{}, [&](FeatureRegistry &r) { registerSlow(r, started); });
  session.initialize();
  session.sendRequest(100, "test/slow", json::object());
  session.sendRequest(101, "test/quick", json::object()); // waits behind the slow one
  while (!started)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  cancel(session, 101);
  cancel(session, 100);
  EXPECT_EQ(response(session, 100)["error"]["code"], -32800);
  EXPECT_EQ(response(session, 101)["error"]["code"], -32800);
  // The server goes on answering.
  EXPECT_EQ(session.request("test/quick")["result"], "quick");
}

TEST(LspCancel, CancellingAFinishedOrUnknownRequestChangesNothing) {
  std::atomic<bool> started{false};
  Session session(ServerOptions{}, [&](FeatureRegistry &r) { registerSlow(r, started); });
  session.initialize();
  json reply = session.request("test/quick");
  cancel(session, reply["id"].get<int>());
  session.notify("$/cancelRequest", {{"id", "never-sent"}});
  session.notify("$/cancelRequest", json::object());
  EXPECT_EQ(session.request("test/quick")["result"], "quick");
  EXPECT_TRUE(session.drain().empty());
}

} // namespace
