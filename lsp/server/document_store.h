#pragma once
// The open editor buffers, by URI. Text sync is incremental: each didChange carries changes
// applied in order, each a range (in the negotiated encoding, on the text as the previous
// change left it) and its replacement, or a whole new text.
#include "lsp/protocol/types.h"
#include "lsp/server/feature.h"

#include <map>
#include <string>
#include <vector>

namespace xr::lsp {

/// The path the compiler knows a document by: the file's path for a file: URI, else the URI.
std::string documentPath(const std::string &uri);

/// `text` with one change applied. Out-of-range positions clamp (see PositionConverter).
std::string applyChange(const std::string &text, const TextDocumentContentChangeEvent &change,
                        PositionEncoding encoding);

class DocumentStore {
public:
  /// Opens (or, when the client opens it again, replaces) a buffer.
  const Document &open(const TextDocumentItem &item);
  /// Applies changes in order. Throws RequestError(InvalidParams) for a document not open.
  const Document &change(const VersionedTextDocumentIdentifier &document,
                         const std::vector<TextDocumentContentChangeEvent> &changes,
                         PositionEncoding encoding);
  /// Returns whether it was open.
  bool close(const std::string &uri);

  const Document *find(const std::string &uri) const;
  const Document *findByPath(const std::string &path) const;
  /// In URI order.
  const std::map<std::string, Document> &documents() const { return documents_; }

private:
  std::map<std::string, Document> documents_;
};

} // namespace xr::lsp
