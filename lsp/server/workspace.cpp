#include "lsp/server/workspace.h"

#include <set>

namespace xr::lsp {

void Workspace::touchLocked(const std::string &path) { changedAt_[path] = ++revision_; }

void Workspace::open(const TextDocumentItem &item) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Document &document = store_.open(item);
  touchLocked(document.path);
}

void Workspace::change(const VersionedTextDocumentIdentifier &identifier,
                       const std::vector<TextDocumentContentChangeEvent> &changes,
                       PositionEncoding encoding) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Document &document = store_.change(identifier, changes, encoding);
  touchLocked(document.path);
}

void Workspace::close(const std::string &uri) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Document *document = store_.find(uri);
  if (document == nullptr)
    return;
  touchLocked(document->path); // others that import it now read it from disk
  store_.close(uri);
  snapshots_.erase(uri);
}

void Workspace::changedOnDisk(const std::string &path) {
  std::lock_guard<std::mutex> lock(mutex_);
  touchLocked(path);
}

std::optional<Document> Workspace::openDocument(const std::string &uri) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Document *document = store_.find(uri);
  return document ? std::optional<Document>(*document) : std::nullopt;
}

Document Workspace::load(const std::string &uri) const {
  if (std::optional<Document> open = openDocument(uri))
    return *open;
  Document document;
  document.uri = uri;
  document.path = documentPath(uri);
  std::optional<std::string> text = diskFileReader()(document.path);
  if (!text)
    throw RequestError(ErrorCode::InvalidParams,
                       "'" + uri + "' is neither open nor a readable file");
  document.text = std::make_shared<const std::string>(std::move(*text));
  return document;
}

std::vector<Document> Workspace::openDocuments() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Document> out;
  for (const auto &[uri, document] : store_.documents())
    out.push_back(document);
  return out;
}

bool Workspace::isFreshLocked(const Snapshot &snapshot) const {
  for (const std::string &path : snapshot.pathsRead) {
    auto changed = changedAt_.find(path);
    if (changed != changedAt_.end() && changed->second > snapshot.revision)
      return false;
  }
  return true;
}

bool Workspace::isFresh(const Snapshot &snapshot) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return isFreshLocked(snapshot);
}

std::shared_ptr<const Snapshot> Workspace::cachedSnapshot(const std::string &uri) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = snapshots_.find(uri);
  return it == snapshots_.end() ? nullptr : it->second;
}

std::uint64_t Workspace::compileCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return compiles_;
}

std::shared_ptr<const Snapshot> Workspace::snapshot(const Document &requested) {
  auto cached = [&]() -> std::shared_ptr<const Snapshot> {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = snapshots_.find(requested.uri);
    if (it != snapshots_.end() && isFreshLocked(*it->second))
      return it->second;
    return nullptr;
  };
  if (auto hit = cached())
    return hit;
  std::lock_guard<std::mutex> compiling(compileMutex_);
  if (auto hit = cached()) // compiled by the other thread meanwhile
    return hit;

  auto snapshot = std::make_shared<Snapshot>();
  std::map<std::string, std::shared_ptr<const std::string>> buffers; // path -> text
  bool open = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const Document *current = store_.find(requested.uri);
    open = current != nullptr;
    snapshot->root = open ? *current : requested;
    snapshot->revision = revision_;
    for (const auto &[uri, document] : store_.documents()) {
      buffers.emplace(document.path, document.text);
      snapshot->openUris.emplace(document.path, uri);
    }
  }

  std::set<std::string> read{snapshot->root.path};
  CompileOptions options;
  options.limits = limits_;
  FileReader disk = diskFileReader();
  options.reader = [&](const std::string &path) -> std::optional<std::string> {
    read.insert(path);
    auto buffer = buffers.find(path);
    if (buffer != buffers.end())
      return *buffer->second;
    return disk(path);
  };
  std::unique_ptr<Compilation> compilation =
      compileText(snapshot->root.path, *snapshot->root.text, options);
  snapshot->compilation = std::shared_ptr<const Compilation>(std::move(compilation));
  snapshot->pathsRead.assign(read.begin(), read.end());

  std::lock_guard<std::mutex> lock(mutex_);
  ++compiles_;
  if (open && store_.find(requested.uri) != nullptr)
    snapshots_[requested.uri] = snapshot;
  return snapshot;
}

} // namespace xr::lsp
