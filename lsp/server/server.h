#pragma once
// The language server: reads messages on one thread (so a $/cancelRequest reaches a request
// that waits or runs), answers requests and applies edits on another, in the order the
// client sent them, and publishes diagnostics after edits from a third (debounced), or
// right after each edit when synchronous (transcript tests).
//
// Lifecycle (LSP 3.17): requests before `initialize` get ServerNotInitialized, notifications
// before it are dropped; after `shutdown` requests get InvalidRequest; `exit` ends run()
// with 0 after shutdown, 1 without (and so does the end of the input).
#include "compiler/limits.h"
#include "lsp/server/feature.h"

#include <chrono>
#include <iosfwd>
#include <memory>
#include <string>

namespace xr::lsp {

/// Edits closer together than this are a burst, recompiled once at its end; an edit after a
/// quiet spell is recompiled at once (diagnostics_scheduler.h, docs/lsp.md "Debounce").
inline constexpr std::chrono::milliseconds kDefaultDebounce{50};

struct ServerOptions {
  std::chrono::milliseconds debounce = kDefaultDebounce;
  /// Compile and publish right after each edit, on the request thread: deterministic
  /// output, for transcript tests.
  bool synchronousDiagnostics = false;
  /// Where to log (framing problems, requests failing); null: nowhere.
  std::ostream *log = nullptr;
  Limits limits;
  std::string version; // serverInfo.version (left out when empty)
};

class Server {
public:
  explicit Server(ServerOptions options = {});
  ~Server();
  Server(const Server &) = delete;
  Server &operator=(const Server &) = delete;

  /// The features: registerFeatures() has run; a test may add its own before run().
  FeatureRegistry &features();

  /// Serves one session from `in` to `out`; returns the process's exit code. Call once.
  int run(std::istream &in, std::ostream &out);

private:
  class Session;
  ServerOptions options_;
  FeatureRegistry features_;
};

} // namespace xr::lsp
