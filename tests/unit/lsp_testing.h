#pragma once
// Helpers for the language server's tests: an in-process session (the server on its own
// thread, as under an editor) whose messages are collected as they come and taken by match.
#include "lsp/server/in_process_server.h"
#include "lsp/transport/message_writer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace xr::lsp::testing {

/// Options under which diagnostics are compiled and published right after each edit, on the
/// request thread: the messages come in a deterministic order.
inline ServerOptions syncOptions() {
  ServerOptions options;
  options.synchronousDiagnostics = true;
  return options;
}

/// A server on its own thread, driven like an editor drives it.
class Session {
public:
  using Json = nlohmann::json;

  explicit Session(ServerOptions options = {},
                   const std::function<void(FeatureRegistry &)> &extraFeatures = {})
      : server_(std::move(options), extraFeatures) {
    readerThread_ = std::thread([this] {
      for (;;) {
        ReadOutcome outcome = server_.next();
        if (outcome.kind == ReadOutcome::Kind::End)
          break;
        std::lock_guard<std::mutex> lock(mutex_);
        received_.push_back(outcome.kind == ReadOutcome::Kind::Message
                                ? Json::parse(outcome.body, nullptr, false)
                                : Json("malformed output: " + outcome.problem));
        ready_.notify_all();
      }
      std::lock_guard<std::mutex> lock(mutex_);
      ended_ = true;
      ready_.notify_all();
    });
  }

  ~Session() { finish(); }

  void sendRaw(const std::string &bytes) { server_.sendRaw(bytes); }
  void send(const Json &message) { server_.send(message); }
  void notify(const std::string &method, Json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void sendRequest(int id, const std::string &method, Json params) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  /// Sends a request and waits for its response.
  Json request(const std::string &method, Json params = Json::object()) {
    int id = nextId_++;
    sendRequest(id, method, std::move(params));
    return waitFor([&](const Json &m) { return m.contains("id") && m["id"] == id; });
  }
  Json initialize(Json capabilities = Json::object()) {
    Json result = request(
        "initialize",
        {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", std::move(capabilities)}});
    notify("initialized", Json::object());
    return result;
  }

  /// The first message received (in order, each taken once) that matches; throws after
  /// the timeout.
  Json waitFor(const std::function<bool(const Json &)> &match,
               std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      for (auto it = received_.begin(); it != received_.end(); ++it) {
        if (match(*it)) {
          Json found = *it;
          received_.erase(it);
          return found;
        }
      }
      if (ended_ || ready_.wait_until(lock, deadline) == std::cv_status::timeout) {
        for (auto it = received_.begin(); it != received_.end(); ++it)
          if (match(*it)) {
            Json found = *it;
            received_.erase(it);
            return found;
          }
        throw std::runtime_error("no matching message from the server");
      }
    }
  }
  Json waitForDiagnostics(const std::string &uri) {
    return waitFor([&](const Json &m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == uri;
    });
  }
  /// Everything received and not taken yet.
  std::vector<Json> drain() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<Json> out(received_.begin(), received_.end());
    received_.clear();
    return out;
  }

  /// Closes the input and waits for the server; returns its exit code.
  int finish() {
    const int code = server_.finish();
    if (readerThread_.joinable())
      readerThread_.join();
    return code;
  }
  /// Waits for the server to end by itself (after `exit`).
  int waitForExit() {
    const int code = server_.waitForExit();
    if (readerThread_.joinable())
      readerThread_.join();
    return code;
  }

private:
  InProcessServer server_;
  std::thread readerThread_;
  int nextId_ = 1;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Json> received_;
  bool ended_ = false;
};

} // namespace xr::lsp::testing
