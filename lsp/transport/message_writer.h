#pragma once
// Writes Language Server Protocol messages (Content-Length framing) to a byte stream. One
// lock around each message: responses from the request thread and notifications from the
// compile thread never interleave.
#include <nlohmann/json.hpp>

#include <mutex>
#include <ostream>
#include <string_view>

namespace xr::lsp {

class MessageWriter {
public:
  explicit MessageWriter(std::ostream &out) : out_(out) {}

  void write(const nlohmann::json &message);
  /// A body as given (a test can send what no JSON value serialises to).
  void writeBody(std::string_view body);

private:
  std::ostream &out_;
  std::mutex mutex_;
};

/// A message framed with its header, as written on the wire.
std::string frameMessage(std::string_view body);

} // namespace xr::lsp
