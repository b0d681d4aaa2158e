#pragma once
// A server on its own thread, talked to over in-memory pipes as an editor talks to it over
// stdio: for the tests, the benchmarks and an editor that embeds the server.
#include "lsp/server/server.h"
#include "lsp/transport/memory_pipe.h"
#include "lsp/transport/message_reader.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <istream>
#include <mutex>
#include <ostream>
#include <string_view>
#include <thread>

namespace xr::lsp {

class InProcessServer {
public:
  /// Starts the server; `extraFeatures` may register features of its own before it runs.
  explicit InProcessServer(ServerOptions options = {},
                           const std::function<void(FeatureRegistry &)> &extraFeatures = {});
  /// Closes the server's input and waits for it (finish()).
  ~InProcessServer();
  InProcessServer(const InProcessServer &) = delete;
  InProcessServer &operator=(const InProcessServer &) = delete;

  /// Writes bytes to the server's input as they are (from any thread).
  void sendRaw(std::string_view bytes);
  /// Frames a JSON-RPC message and sends it.
  void send(const nlohmann::json &message);

  /// The next message the server wrote, in order: blocks until there is one, or until the
  /// server's output ends. Read from one thread only.
  ReadOutcome next() { return reader_.next(); }

  /// Closes the server's input and waits for the server to end; returns its exit code.
  int finish();
  /// Waits for the server to end by itself (after `exit`), then closes its input; returns
  /// its exit code.
  int waitForExit();

private:
  Server server_;
  MemoryPipe input_, output_;
  std::ostream toServer_{&input_};
  std::istream serverIn_{&input_};
  std::ostream serverOut_{&output_};
  std::istream fromServer_{&output_};
  MessageReader reader_{fromServer_};
  std::mutex writeMutex_;
  std::thread thread_;
  int exitCode_ = -1;
};

} // namespace xr::lsp
