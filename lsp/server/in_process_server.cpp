#include "lsp/server/in_process_server.h"

#include "lsp/transport/message_writer.h"

#include <string>

namespace xr::lsp {

InProcessServer::InProcessServer(ServerOptions options,
                                 const std::function<void(FeatureRegistry &)> &extraFeatures)
    : server_(std::move(options)) {
  if (extraFeatures)
    extraFeatures(server_.features());
  thread_ = std::thread([this] {
    exitCode_ = server_.run(serverIn_, serverOut_);
    output_.close(); // the reader sees the end of the server's output
  });
}

InProcessServer::~InProcessServer() { finish(); }

void InProcessServer::sendRaw(std::string_view bytes) {
  std::lock_guard<std::mutex> lock(writeMutex_);
  toServer_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  toServer_.flush();
}

void InProcessServer::send(const nlohmann::json &message) { sendRaw(frameMessage(message.dump())); }

int InProcessServer::finish() {
  if (thread_.joinable()) {
    input_.close();
    thread_.join();
  }
  return exitCode_;
}

int InProcessServer::waitForExit() {
  if (thread_.joinable())
    thread_.join();
  input_.close();
  return exitCode_;
}

} // namespace xr::lsp
