#include "lsp/server/server.h"

#include "lsp/protocol/jsonrpc.h"
#include "lsp/server/cancellation.h"
#include "lsp/server/diagnostics.h"
#include "lsp/server/diagnostics_scheduler.h"
#include "lsp/server/uri.h"
#include "lsp/server/workspace.h"
#include "lsp/transport/message_reader.h"
#include "lsp/transport/message_writer.h"

#include <condition_variable>
#include <deque>
#include <istream>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

namespace xr::lsp {

using nlohmann::json;

namespace {

/// One item from the reader thread to the request thread.
struct Incoming {
  IncomingMessage message;
  CancelFlag cancel;         // for requests
  std::optional<json> reply; // an error to send in turn (unparsable or invalid message)
  bool end = false;          // the input ended
};

class IncomingQueue {
public:
  void push(Incoming item) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push_back(std::move(item));
    ready_.notify_one();
  }
  Incoming pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty(); });
    Incoming item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Incoming> items_;
};

class Log {
public:
  explicit Log(std::ostream *out) : out_(out) {}
  void write(const std::string &line) {
    if (out_ == nullptr)
      return;
    std::lock_guard<std::mutex> lock(mutex_);
    *out_ << "xuncha lsp: " << line << '\n';
    out_->flush();
  }

private:
  std::ostream *out_;
  std::mutex mutex_;
};

const json &textDocumentUri(const json &params) {
  if (!params.is_object() || !params.contains("textDocument") ||
      !params["textDocument"].is_object() || !params["textDocument"].contains("uri") ||
      !params["textDocument"]["uri"].is_string())
    throw RequestError(ErrorCode::InvalidParams, "the params lack textDocument.uri");
  return params["textDocument"]["uri"];
}

const PositionConverter &emptyConverter() {
  static const PositionConverter converter(std::string_view(), PositionEncoding::Utf16);
  return converter;
}

} // namespace

class Server::Session {
public:
  Session(const ServerOptions &options, const FeatureRegistry &features, std::ostream &out)
      : options_(options), features_(features), writer_(out), log_(options.log),
        workspace_(options.limits) {}

  int run(std::istream &in) {
    if (!options_.synchronousDiagnostics)
      scheduler_ =
          std::make_unique<DiagnosticsScheduler>(options_.debounce, [this] { publishStale(); });
    std::thread reader([this, &in] { readLoop(in); });
    int code = dispatchLoop();
    if (scheduler_)
      scheduler_->stop();
    reader.join();
    return code;
  }

  // ---- used by RequestContext
  PositionEncoding encoding() const { return client_.encoding; }
  const InitializeInfo &client() const { return client_; }
  Workspace &workspace() { return workspace_; }

private:
  class Context;

  void readLoop(std::istream &in);
  int dispatchLoop();
  json handleRequest(const IncomingMessage &message, const CancelFlag &cancel);
  json initialize(const json &params);
  void handleNotification(const IncomingMessage &message);
  void watchRuleFiles();
  void afterEdit();
  void publishStale();
  void write(const std::vector<Publication> &publications) {
    for (const Publication &publication : publications)
      writer_.write(publication.message());
  }

  const ServerOptions &options_;
  const FeatureRegistry &features_;
  MessageWriter writer_;
  Log log_;
  IncomingQueue queue_;
  PendingRequests pending_;
  Workspace workspace_;
  InitializeInfo client_;
  bool initialized_ = false;
  bool shutdownRequested_ = false;

  std::mutex publishMutex_; // guards book_ and published_
  DiagnosticsBook book_;
  std::map<std::string, std::shared_ptr<const Snapshot>> published_; // root URI -> snapshot
  std::unique_ptr<DiagnosticsScheduler> scheduler_;
};

/// The context of one request: the document and its fresh snapshot are set up before the
/// handler runs; converters for other files are made when asked for.
class Server::Session::Context : public RequestContext {
public:
  Context(Session &session, CancelFlag cancel) : session_(session), cancel_(std::move(cancel)) {}

  void setDocument(const std::string &uri, SnapshotUse use) {
    document_ = session_.workspace().load(uri);
    if (use == SnapshotUse::LastCompiled)
      snapshot_ = session_.workspace().cachedSnapshot(uri);
    if (!snapshot_)
      snapshot_ = session_.workspace().snapshot(*document_);
    positions_.emplace(*document_->text, session_.encoding());
  }

  PositionEncoding encoding() const override { return session_.encoding(); }
  const InitializeInfo &client() const override { return session_.client(); }
  bool cancelled() const override { return cancel_ && cancel_->load(); }

  const Document &document() const override {
    requireDocument();
    return *document_;
  }
  const Snapshot &snapshot() const override {
    requireDocument();
    return *snapshot_;
  }
  const PositionConverter &positions() const override {
    requireDocument();
    return *positions_;
  }
  const PositionConverter &positionsOf(FileId file) const override {
    requireDocument();
    // positions_ converts in the current text; a LastCompiled snapshot may be older.
    if (file == snapshot_->rootFile() && snapshot_->root.text == document_->text)
      return *positions_;
    const Compilation &compilation = *snapshot_->compilation;
    if (file >= compilation.sources.size())
      return emptyConverter();
    auto it = others_.find(file);
    if (it == others_.end())
      it = others_
               .emplace(file, PositionConverter(compilation.sources.file(file).text(),
                                                session_.encoding()))
               .first;
    return it->second;
  }

  std::vector<std::shared_ptr<const Snapshot>> openSnapshots() const override {
    std::vector<std::shared_ptr<const Snapshot>> out;
    for (const Document &document : session_.workspace().openDocuments()) {
      checkCancelled();
      out.push_back(session_.workspace().snapshot(document));
    }
    return out;
  }

private:
  void requireDocument() const {
    if (!snapshot_)
      throw RequestError(ErrorCode::InternalError,
                         "a workspace request asked for the document of a document request");
  }

  Session &session_;
  CancelFlag cancel_;
  std::optional<Document> document_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::optional<PositionConverter> positions_;
  mutable std::map<FileId, PositionConverter> others_;
};

void Server::Session::readLoop(std::istream &in) {
  MessageReader reader(in);
  for (;;) {
    ReadOutcome outcome = reader.next();
    if (outcome.kind == ReadOutcome::Kind::End) {
      queue_.push(Incoming{{}, nullptr, std::nullopt, true});
      return;
    }
    if (outcome.kind == ReadOutcome::Kind::Malformed) {
      log_.write("ignored a malformed message: " + outcome.problem);
      continue;
    }
    if (!outcome.problem.empty())
      log_.write("skipped input before a message: " + outcome.problem);
    json parsed = json::parse(outcome.body, nullptr, false);
    if (parsed.is_discarded()) {
      log_.write("a message is not valid JSON");
      queue_.push(
          Incoming{{},
                   nullptr,
                   errorResponse(nullptr, ErrorCode::ParseError, "the message is not valid JSON"),
                   false});
      continue;
    }
    IncomingMessage message = classifyMessage(parsed);
    if (message.kind == IncomingMessage::Kind::Invalid) {
      queue_.push(Incoming{{},
                           nullptr,
                           errorResponse(message.id, ErrorCode::InvalidRequest, message.problem),
                           false});
      continue;
    }
    if (message.kind == IncomingMessage::Kind::Notification &&
        message.method == "$/cancelRequest") {
      if (message.params.is_object() && message.params.contains("id"))
        pending_.cancel(message.params["id"]);
      continue;
    }
    CancelFlag cancel;
    if (message.kind == IncomingMessage::Kind::Request)
      cancel = pending_.start(message.id);
    bool exit = message.kind == IncomingMessage::Kind::Notification && message.method == "exit";
    queue_.push(Incoming{std::move(message), std::move(cancel), std::nullopt, false});
    if (exit)
      return; // nothing after exit is read: the process ends
  }
}

int Server::Session::dispatchLoop() {
  for (;;) {
    Incoming item = queue_.pop();
    if (item.end) {
      log_.write("the input ended without 'exit'");
      return 1;
    }
    if (item.reply) {
      writer_.write(*item.reply);
      continue;
    }
    const IncomingMessage &message = item.message;
    switch (message.kind) {
    case IncomingMessage::Kind::Request: {
      json reply = handleRequest(message, item.cancel);
      pending_.finish(message.id);
      writer_.write(reply);
      break;
    }
    case IncomingMessage::Kind::Notification:
      if (message.method == "exit")
        return shutdownRequested_ ? 0 : 1;
      try {
        handleNotification(message);
      } catch (const std::exception &error) {
        log_.write("notification " + message.method + " failed: " + error.what());
      }
      break;
    case IncomingMessage::Kind::Response:
    case IncomingMessage::Kind::Invalid:
      break; // we send no requests; invalid ones were answered by the reader
    }
  }
}

json Server::Session::handleRequest(const IncomingMessage &message, const CancelFlag &cancel) {
  const json &id = message.id;
  if (!initialized_ && message.method != "initialize")
    return errorResponse(id, ErrorCode::ServerNotInitialized,
                         "the server is not initialized: send 'initialize' first");
  if (shutdownRequested_)
    return errorResponse(id, ErrorCode::InvalidRequest,
                         "the server is shutting down: only 'exit' is accepted");
  if (cancel && cancel->load())
    return errorResponse(id, ErrorCode::RequestCancelled, "the request was cancelled");
  try {
    json result;
    if (message.method == "initialize") {
      result = initialize(message.params);
    } else if (message.method == "shutdown") {
      shutdownRequested_ = true;
      result = nullptr;
    } else {
      const FeatureRegistry::Entry *entry = features_.find(message.method);
      if (entry == nullptr)
        return errorResponse(id, ErrorCode::MethodNotFound,
                             "unknown method '" + message.method + "'");
      Context context(*this, cancel);
      if (entry->needsDocument)
        context.setDocument(textDocumentUri(message.params).get<std::string>(),
                            entry->snapshotUse);
      result = entry->handler(message.params, context);
    }
    if (cancel && cancel->load())
      return errorResponse(id, ErrorCode::RequestCancelled, "the request was cancelled");
    return resultResponse(id, std::move(result));
  } catch (const RequestError &error) {
    return errorResponse(id, error.code(), error.what());
  } catch (const json::exception &error) {
    return errorResponse(id, ErrorCode::InvalidParams,
                         "invalid params for '" + message.method + "': " + error.what());
  } catch (const std::exception &error) {
    log_.write("request " + message.method + " failed: " + error.what());
    return errorResponse(id, ErrorCode::InternalError,
                         "'" + message.method + "' failed: " + error.what());
  }
}

json Server::Session::initialize(const json &params) {
  if (initialized_)
    throw RequestError(ErrorCode::InvalidRequest, "'initialize' was already received");
  if (!params.is_object())
    throw RequestError(ErrorCode::InvalidParams, "'initialize' needs params (an object)");
  client_.clientCapabilities =
      params.contains("capabilities") ? params["capabilities"] : json::object();
  client_.encoding = negotiateEncoding(client_.clientCapabilities);
  initialized_ = true;
  json capabilities = {
      {"positionEncoding", encodingName(client_.encoding)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2 /* Incremental */}, {"save", false}}},
  };
  features_.fillCapabilities(capabilities, client_);
  json serverInfo = {{"name", "xuncha"}};
  if (!options_.version.empty())
    serverInfo["version"] = options_.version;
  return {{"capabilities", capabilities}, {"serverInfo", serverInfo}};
}

void Server::Session::handleNotification(const IncomingMessage &message) {
  if (!initialized_)
    return; // dropped, as the protocol says
  const json &params = message.params;
  const std::string &method = message.method;
  if (method == "initialized") {
    watchRuleFiles();
  } else if (method == "textDocument/didOpen") {
    workspace_.open(params.at("textDocument").get<TextDocumentItem>());
    afterEdit();
  } else if (method == "textDocument/didChange") {
    auto document = params.at("textDocument").get<VersionedTextDocumentIdentifier>();
    std::vector<TextDocumentContentChangeEvent> changes;
    for (const json &change : params.at("contentChanges"))
      changes.push_back(change.get<TextDocumentContentChangeEvent>());
    workspace_.change(document, changes, client_.encoding);
    afterEdit();
  } else if (method == "textDocument/didClose") {
    std::string uri = textDocumentUri(params).get<std::string>();
    workspace_.close(uri);
    {
      std::lock_guard<std::mutex> lock(publishMutex_);
      published_.erase(uri);
      write(book_.forget(uri));
    }
    afterEdit();
  } else if (method == "workspace/didChangeWatchedFiles") {
    for (const json &change : params.at("changes"))
      if (std::optional<std::string> path = uriToPath(change.at("uri").get<std::string>()))
        workspace_.changedOnDisk(*path);
    afterEdit();
  }
  // Anything else (didSave, $/setTrace, configuration...) needs nothing.
}

void Server::Session::watchRuleFiles() {
  // Rule files change on disk under the editor (a checkout, a base saved elsewhere): ask the
  // client to tell us, when it can register the watcher dynamically. Its answer is ignored.
  const json &capabilities = client_.clientCapabilities;
  json::json_pointer dynamic("/workspace/didChangeWatchedFiles/dynamicRegistration");
  if (!capabilities.is_object() || !capabilities.contains(dynamic) || capabilities[dynamic] != true)
    return;
  json watchers = json::array({{{"globPattern", "**/*.xr"}}});
  writer_.write(requestMessage(
      "xuncha/watch-rule-files", "client/registerCapability",
      {{"registrations", json::array({{{"id", "xuncha-rule-files"},
                                       {"method", "workspace/didChangeWatchedFiles"},
                                       {"registerOptions", {{"watchers", watchers}}}}})}}));
}

void Server::Session::afterEdit() {
  if (scheduler_)
    scheduler_->noteEdit();
  else
    publishStale();
}

void Server::Session::publishStale() {
  for (const Document &document : workspace_.openDocuments()) {
    std::shared_ptr<const Snapshot> snapshot = workspace_.snapshot(document);
    {
      std::lock_guard<std::mutex> lock(publishMutex_);
      auto last = published_.find(document.uri);
      if (last != published_.end() && last->second == snapshot)
        continue;
    }
    std::map<std::string, json> byUri = protocolDiagnostics(*snapshot, client_.encoding);
    std::lock_guard<std::mutex> lock(publishMutex_);
    if (!workspace_.openDocument(document.uri)) {
      published_.erase(document.uri); // closed meanwhile: its diagnostics are cleared
      continue;
    }
    published_[document.uri] = snapshot;
    write(book_.record(document.uri, snapshot->root.version, std::move(byUri)));
  }
}

Server::Server(ServerOptions options) : options_(std::move(options)) {
  registerFeatures(features_);
}

Server::~Server() = default;

FeatureRegistry &Server::features() { return features_; }

int Server::run(std::istream &in, std::ostream &out) {
  Session session(options_, features_, out);
  return session.run(in);
}

} // namespace xr::lsp
