#pragma once
// THE CONTRACT between the language server and its features. A feature is a file of
// lsp/features/ that exposes `void registerXxx(FeatureRegistry &registry)` and is listed in
// lsp/server/features.cpp (an explicit list: self-registering static objects would be
// dropped by the linker from the static library). In its register function it adds
// request handlers and the server capabilities they need:
//
//   void registerHover(FeatureRegistry &registry) {
//     registry.addCapabilities([](nlohmann::json &capabilities, const InitializeInfo &) {
//       capabilities["hoverProvider"] = true;
//     });
//     registry.onDocumentRequest("textDocument/hover",
//         [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
//           std::uint32_t offset = context.offset(params.at("position").get<Position>());
//           const xr::Compilation &c = context.compilation();   // context.file() is ours
//           ...
//           return nullptr; // or the result
//         });
//   }
//
// A handler runs on the server's request thread, one at a time and in the order the client
// sent its messages (so it sees every edit sent before it). It returns the response's
// `result`; to answer with an error it throws lsp::RequestError (jsonrpc.h). A JSON type
// error from reading params (nlohmann::json::exception) becomes InvalidParams. A long handler
// calls context.checkCancelled() now and then: the client's $/cancelRequest then ends it
// with RequestCancelled.
//
// Positions: the compiler works on byte offsets; a handler converts at the edge only, with
// context.offset(Position) for the document and context.range/location(SourceRange) for
// any file of the compilation (the negotiated encoding is applied there).
#include "compiler/driver/compilation.h"
#include "lsp/protocol/jsonrpc.h"
#include "lsp/protocol/position_encoding.h"
#include "lsp/protocol/types.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace xr::lsp {

/// A text document as the server knows it: an open editor buffer, or a file read from
/// disk (version -1) when a request names a file that is not open.
struct Document {
  std::string uri;
  std::string path; // lexically normal; for a URI that is not file:, the URI itself
  std::shared_ptr<const std::string> text;
  std::int64_t version = -1;
};

/// One compilation with a document as its root (the file, what it imports and what it
/// extends), from the open buffers first and the disk for the rest. Immutable once made;
/// shared by the request thread and the diagnostics thread.
struct Snapshot {
  Document root;
  std::shared_ptr<const Compilation> compilation;
  std::uint64_t revision = 0;                  // the workspace revision it was compiled at
  std::vector<std::string> pathsRead;          // every path the compiler asked for, found or not
  std::map<std::string, std::string> openUris; // path -> URI of the buffers open then

  /// The root's FileId (always 0 when the compilation could read it).
  FileId rootFile() const;
  /// The URI of a file of the compilation: the client's URI when the file is open,
  /// else the file:// URI of its path.
  std::string uriOf(FileId file) const;
  /// The FileId of a URI in this compilation, or kNoFile.
  FileId fileOf(const std::string &uri) const;
};

/// What the client said at initialize, for capability decisions.
struct InitializeInfo {
  nlohmann::json clientCapabilities; // the `capabilities` of the initialize params
  PositionEncoding encoding = PositionEncoding::Utf16;
};

class RequestContext {
public:
  virtual ~RequestContext() = default;

  /// The negotiated position encoding.
  virtual PositionEncoding encoding() const = 0;
  virtual const InitializeInfo &client() const = 0;

  /// Whether the client cancelled this request; checkCancelled throws RequestCancelled.
  virtual bool cancelled() const = 0;
  void checkCancelled() const;

  // ---- For document requests (registered with onDocumentRequest); otherwise these throw
  // RequestError(InternalError).
  /// The document named by `params.textDocument.uri`.
  virtual const Document &document() const = 0;
  /// The compilation whose root is the document, compiled from the text the document has
  /// now (or, for a SnapshotUse::LastCompiled request, maybe from an older text).
  virtual const Snapshot &snapshot() const = 0;
  const Compilation &compilation() const { return *snapshot().compilation; }
  /// The document's FileId in compilation().
  FileId file() const { return snapshot().rootFile(); }
  /// Converter for the document's text.
  virtual const PositionConverter &positions() const = 0;
  std::uint32_t offset(const Position &position) const { return positions().offset(position); }

  // ---- Conversions for any file of the snapshot's compilation.
  virtual const PositionConverter &positionsOf(FileId file) const = 0;
  Range range(const SourceRange &range) const;
  Location location(const SourceRange &range) const;
  std::string uriOf(FileId file) const { return snapshot().uriOf(file); }

  // ---- The whole workspace (workspace requests, or a document feature looking further).
  /// A fresh snapshot for every open document, in URI order.
  virtual std::vector<std::shared_ptr<const Snapshot>> openSnapshots() const = 0;
};

using RequestHandler =
    std::function<nlohmann::json(const nlohmann::json &params, const RequestContext &context)>;
using CapabilitiesHook =
    std::function<void(nlohmann::json &serverCapabilities, const InitializeInfo &client)>;

/// Which compilation a document request needs.
enum class SnapshotUse {
  /// Compiled from the document's current text (compiled first when the text changed).
  Current,
  /// The last one compiled for the document, even from an older text (a fresh compile only
  /// when there is none yet). For requests that read names and types from the model and
  /// everything positional from the current text (document().text, positions()), such as
  /// completion: a keystroke must not wait for a whole recompile of a big file.
  LastCompiled,
};

class FeatureRegistry {
public:
  /// A request about one document: params carry `textDocument.uri`; the context's
  /// document(), snapshot() and positions() are set before the handler runs. positions()
  /// always converts in the document's current text.
  void onDocumentRequest(std::string method, RequestHandler handler,
                         SnapshotUse use = SnapshotUse::Current);
  /// A request about no document in particular (workspace/symbol).
  void onWorkspaceRequest(std::string method, RequestHandler handler);
  /// Adds to the `capabilities` of the initialize result.
  void addCapabilities(CapabilitiesHook hook);

  struct Entry {
    RequestHandler handler;
    bool needsDocument = false;
    SnapshotUse snapshotUse = SnapshotUse::Current;
  };
  const Entry *find(const std::string &method) const;
  void fillCapabilities(nlohmann::json &capabilities, const InitializeInfo &client) const;

private:
  std::map<std::string, Entry> handlers_;
  std::vector<CapabilitiesHook> capabilityHooks_;
};

/// Registers every feature of lsp/features/ (lsp/server/features.cpp lists them).
void registerFeatures(FeatureRegistry &registry);

} // namespace xr::lsp
