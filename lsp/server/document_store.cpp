#include "lsp/server/document_store.h"

#include "lsp/server/uri.h"

namespace xr::lsp {

std::string documentPath(const std::string &uri) {
  std::optional<std::string> path = uriToPath(uri);
  return path ? *path : uri;
}

std::string applyChange(const std::string &text, const TextDocumentContentChangeEvent &change,
                        PositionEncoding encoding) {
  if (!change.range)
    return change.text;
  PositionConverter converter(text, encoding);
  std::uint32_t begin = converter.offset(change.range->start);
  std::uint32_t end = converter.offset(change.range->end);
  if (end < begin)
    std::swap(begin, end);
  std::string out;
  out.reserve(text.size() - (end - begin) + change.text.size());
  out.append(text, 0, begin);
  out.append(change.text);
  out.append(text, end, std::string::npos);
  return out;
}

const Document &DocumentStore::open(const TextDocumentItem &item) {
  Document &document = documents_[item.uri];
  document.uri = item.uri;
  document.path = documentPath(item.uri);
  document.text = std::make_shared<const std::string>(item.text);
  document.version = item.version;
  return document;
}

const Document &DocumentStore::change(const VersionedTextDocumentIdentifier &identifier,
                                      const std::vector<TextDocumentContentChangeEvent> &changes,
                                      PositionEncoding encoding) {
  auto it = documents_.find(identifier.uri);
  if (it == documents_.end())
    throw RequestError(ErrorCode::InvalidParams,
                       "didChange for '" + identifier.uri + "', which is not open");
  Document &document = it->second;
  std::string text = *document.text;
  for (const TextDocumentContentChangeEvent &change : changes)
    text = applyChange(text, change, encoding);
  document.text = std::make_shared<const std::string>(std::move(text));
  document.version = identifier.version;
  return document;
}

bool DocumentStore::close(const std::string &uri) { return documents_.erase(uri) > 0; }

const Document *DocumentStore::find(const std::string &uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

const Document *DocumentStore::findByPath(const std::string &path) const {
  for (const auto &[uri, document] : documents_)
    if (document.path == path)
      return &document;
  return nullptr;
}

} // namespace xr::lsp
