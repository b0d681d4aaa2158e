#pragma once
// The server's view of the files: the open buffers (DocumentStore) and one compile snapshot
// per open document, kept until an edit makes it stale. Thread-safe: the request thread
// edits and asks for snapshots, the diagnostics thread asks for snapshots.
//
// A snapshot is fresh while no file it read (or tried to read) has changed since it was
// compiled: every open, change and close (and a watched file changed on disk) bumps the
// workspace revision and records it against the file's path.
#include "compiler/limits.h"
#include "lsp/server/document_store.h"
#include "lsp/server/feature.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace xr::lsp {

class Workspace {
public:
  explicit Workspace(Limits limits = {}) : limits_(limits) {}

  void open(const TextDocumentItem &item);
  void change(const VersionedTextDocumentIdentifier &document,
              const std::vector<TextDocumentContentChangeEvent> &changes,
              PositionEncoding encoding);
  void close(const std::string &uri);
  /// A file changed on disk (workspace/didChangeWatchedFiles): snapshots that read it are
  /// stale.
  void changedOnDisk(const std::string &path);

  std::optional<Document> openDocument(const std::string &uri) const;
  /// The open buffer, else the file read from disk (version -1). Throws
  /// RequestError(InvalidParams) when neither exists.
  Document load(const std::string &uri) const;
  /// In URI order.
  std::vector<Document> openDocuments() const;

  /// A snapshot of `document` compiled from what the files hold now: the cached one when
  /// fresh, else compiled here (one compile at a time).
  std::shared_ptr<const Snapshot> snapshot(const Document &document);
  /// The cached snapshot of an open document, fresh or not (null when none).
  std::shared_ptr<const Snapshot> cachedSnapshot(const std::string &uri) const;
  bool isFresh(const Snapshot &snapshot) const;

  /// How many compiles this workspace has run (tests check the cache with it).
  std::uint64_t compileCount() const;

private:
  bool isFreshLocked(const Snapshot &snapshot) const;
  void touchLocked(const std::string &path);

  Limits limits_;
  mutable std::mutex mutex_; // guards everything below
  DocumentStore store_;
  std::uint64_t revision_ = 0;
  std::map<std::string, std::uint64_t> changedAt_; // path -> revision of its last change
  std::map<std::string, std::shared_ptr<const Snapshot>> snapshots_; // open documents only
  std::uint64_t compiles_ = 0;
  std::mutex compileMutex_;
};

} // namespace xr::lsp
