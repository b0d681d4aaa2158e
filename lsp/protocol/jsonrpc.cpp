#include "lsp/protocol/jsonrpc.h"

namespace xr::lsp {

using nlohmann::json;

IncomingMessage classifyMessage(const json &message) {
  IncomingMessage out;
  if (!message.is_object()) {
    out.problem = "a message must be a JSON object";
    return out;
  }
  auto id = message.find("id");
  bool hasId = id != message.end();
  if (hasId && (id->is_string() || id->is_number_integer() || id->is_number_unsigned()))
    out.id = *id;
  auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    out.problem = "the message lacks \"jsonrpc\": \"2.0\"";
    return out;
  }
  if (hasId && !id->is_null() && out.id.is_null()) {
    out.problem = "the id must be a number or a string";
    return out;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    if (hasId && (message.contains("result") || message.contains("error"))) {
      out.kind = IncomingMessage::Kind::Response;
      return out;
    }
    out.problem = "the message has no method";
    return out;
  }
  if (!method->is_string()) {
    out.problem = "the method must be a string";
    return out;
  }
  out.method = method->get<std::string>();
  auto params = message.find("params");
  if (params != message.end()) {
    if (!params->is_object() && !params->is_array() && !params->is_null()) {
      out.problem = "params must be an object or an array";
      return out;
    }
    out.params = *params;
  }
  out.kind = hasId && !id->is_null() ? IncomingMessage::Kind::Request
                                     : IncomingMessage::Kind::Notification;
  return out;
}

json resultResponse(const json &id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json errorResponse(const json &id, ErrorCode code, const std::string &message) {
  return json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", {{"code", static_cast<int>(code)}, {"message", message}}}};
}

json notificationMessage(const std::string &method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json requestMessage(const json &id, const std::string &method, json params) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

} // namespace xr::lsp
