#include "lsp/transport/message_writer.h"

#include <string>

namespace xr::lsp {

std::string frameMessage(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  return framed;
}

void MessageWriter::write(const nlohmann::json &message) {
  // Invalid UTF-8 in a string (from a file's bytes) is replaced, not thrown.
  writeBody(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void MessageWriter::writeBody(std::string_view body) {
  std::string framed = frameMessage(body);
  std::lock_guard<std::mutex> lock(mutex_);
  out_.write(framed.data(), static_cast<std::streamsize>(framed.size()));
  out_.flush();
}

} // namespace xr::lsp
