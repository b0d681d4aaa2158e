#include "lsp/server/diagnostics.h"

#include "compiler/diag/diagnostic.h"

#include <set>

namespace xr::lsp {

using nlohmann::json;

namespace {

DiagnosticSeverity protocolSeverity(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return DiagnosticSeverity::Error;
  case Severity::Warning:
    return DiagnosticSeverity::Warning;
  case Severity::Note:
    return DiagnosticSeverity::Information;
  }
  return DiagnosticSeverity::Error;
}

/// Converters for the files of one compilation, made when first needed.
class Converters {
public:
  Converters(const Compilation &compilation, PositionEncoding encoding)
      : compilation_(compilation), encoding_(encoding) {}

  bool valid(const SourceRange &range) const {
    return range.valid() && range.file < compilation_.sources.size();
  }
  Range range(const SourceRange &range) {
    auto it = converters_.find(range.file);
    if (it == converters_.end())
      it = converters_
               .emplace(range.file,
                        PositionConverter(compilation_.sources.file(range.file).text(), encoding_))
               .first;
    return {it->second.position(range.begin), it->second.position(range.end)};
  }

private:
  const Compilation &compilation_;
  PositionEncoding encoding_;
  std::map<FileId, PositionConverter> converters_;
};

} // namespace

std::map<std::string, json> protocolDiagnostics(const Snapshot &snapshot,
                                                PositionEncoding encoding) {
  std::map<std::string, json> out;
  out[snapshot.root.uri] = json::array();
  if (!snapshot.compilation)
    return out;
  const Compilation &compilation = *snapshot.compilation;
  Converters converters(compilation, encoding);
  FileId root = snapshot.rootFile();
  for (const xr::Diagnostic &d : compilation.sortedDiagnostics()) {
    Diagnostic item;
    bool located = converters.valid(d.range);
    FileId file = located ? d.range.file : root;
    item.range = located ? converters.range(d.range) : Range{};
    item.severity = protocolSeverity(d.severity);
    item.code = std::string(info(d.code).code);
    item.message = d.message;
    for (const DiagNote &note : d.notes) {
      // A note that points nowhere still says something: attach it to the diagnostic.
      SourceRange at = converters.valid(note.range) ? note.range : d.range;
      if (!converters.valid(at)) {
        item.message += "\nnote: " + note.message;
        continue;
      }
      item.relatedInformation.push_back(
          {{snapshot.uriOf(at.file), converters.range(at)}, note.message});
    }
    if (!d.fixes.empty()) {
      json fixes = json::array();
      for (const Fix &fix : d.fixes) {
        WorkspaceEdit edit;
        for (const xr::TextEdit &e : fix.edits)
          if (converters.valid(e.range))
            edit.changes[snapshot.uriOf(e.range.file)].push_back(
                {converters.range(e.range), e.newText});
        fixes.push_back({{"title", fix.message}, {"edit", edit}});
      }
      item.data = {{"fixes", fixes}};
    }
    std::string uri = file == root || file == kNoFile ? snapshot.root.uri : snapshot.uriOf(file);
    json &list = out[uri];
    if (list.is_null())
      list = json::array();
    list.push_back(item);
  }
  return out;
}

json Publication::message() const {
  json params = {{"uri", uri}, {"diagnostics", diagnostics}};
  if (version)
    params["version"] = *version;
  return json{{"jsonrpc", "2.0"},
              {"method", "textDocument/publishDiagnostics"},
              {"params", std::move(params)}};
}

json DiagnosticsBook::shown(const std::string &uri) const {
  auto own = roots_.find(uri);
  if (own != roots_.end()) {
    auto it = own->second.find(uri);
    return it != own->second.end() ? it->second : json::array();
  }
  for (const auto &[root, byUri] : roots_) {
    auto it = byUri.find(uri);
    if (it != byUri.end())
      return it->second;
  }
  return json::array();
}

std::vector<Publication> DiagnosticsBook::settle(const std::vector<std::string> &uris,
                                                 const std::string &forced, std::int64_t version) {
  std::vector<Publication> out;
  for (const std::string &uri : uris) {
    json now = shown(uri);
    auto before = published_.find(uri);
    bool same = before != published_.end() ? before->second == now : now.empty();
    if (same && uri != forced)
      continue;
    Publication publication{uri, now, std::nullopt};
    if (uri == forced)
      publication.version = version;
    out.push_back(std::move(publication));
    if (now.empty())
      published_.erase(uri);
    else
      published_[uri] = now;
  }
  return out;
}

std::vector<Publication> DiagnosticsBook::record(const std::string &rootUri, std::int64_t version,
                                                 std::map<std::string, json> byUri) {
  std::set<std::string> touched;
  for (const auto &[uri, list] : roots_[rootUri])
    touched.insert(uri);
  for (const auto &[uri, list] : byUri)
    touched.insert(uri);
  touched.insert(rootUri);
  roots_[rootUri] = std::move(byUri);
  return settle({touched.begin(), touched.end()}, rootUri, version);
}

std::vector<Publication> DiagnosticsBook::forget(const std::string &rootUri) {
  auto it = roots_.find(rootUri);
  if (it == roots_.end())
    return {};
  std::set<std::string> touched{rootUri};
  for (const auto &[uri, list] : it->second)
    touched.insert(uri);
  roots_.erase(it);
  return settle({touched.begin(), touched.end()}, {}, 0);
}

} // namespace xr::lsp
