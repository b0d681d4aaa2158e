#pragma once
// JSON-RPC 2.0 as the Language Server Protocol uses it: requests (with an id), notifications
// (without), responses, and the error codes of both specifications.
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace xr::lsp {

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  UnknownErrorCode = -32001,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

/// Thrown by a request handler to answer with an error response (the server catches it;
/// it never crosses the server loop).
class RequestError : public std::runtime_error {
public:
  RequestError(ErrorCode code, const std::string &message)
      : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

private:
  ErrorCode code_;
};

/// One message read from the client, sorted by what it is.
struct IncomingMessage {
  enum class Kind { Request, Notification, Response, Invalid };
  Kind kind = Kind::Invalid;
  nlohmann::json id; // a request's or response's id (number or string); null otherwise
  std::string method;
  nlohmann::json params; // null when absent
  std::string problem;   // for Invalid: what is wrong
};

/// Sorts a parsed JSON value. Anything that is not a well-formed JSON-RPC message is
/// Invalid (with the id when one could be read, so the error response can carry it).
IncomingMessage classifyMessage(const nlohmann::json &message);

nlohmann::json resultResponse(const nlohmann::json &id, nlohmann::json result);
nlohmann::json errorResponse(const nlohmann::json &id, ErrorCode code, const std::string &message);
nlohmann::json notificationMessage(const std::string &method, nlohmann::json params);
nlohmann::json requestMessage(const nlohmann::json &id, const std::string &method,
                              nlohmann::json params);

} // namespace xr::lsp
