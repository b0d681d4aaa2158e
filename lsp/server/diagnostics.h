#pragma once
// publishDiagnostics: the compiler's diagnostics (the same codes and messages as
// `xuncha check`) in protocol form, and the bookkeeping of what each file shows.
//
// Every open document is the root of its own compilation, which also reports on the files
// it imports or extends. A file shows the diagnostics of its own compilation when it is
// open, else those of the first open root (in URI order) that reads it, else none: so
// diagnostics of a closed or fixed file are cleared.
#include "lsp/server/feature.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xr::lsp {

/// The snapshot's diagnostics by the URI of their file; the root always has an entry
/// (empty when it is clean). Notes become relatedInformation; fixes go in `data.fixes`
/// (`[{title, edit: WorkspaceEdit}]`) for code actions.
std::map<std::string, nlohmann::json> protocolDiagnostics(const Snapshot &snapshot,
                                                          PositionEncoding encoding);

struct Publication {
  std::string uri;
  nlohmann::json diagnostics; // an array
  std::optional<std::int64_t> version;

  nlohmann::json message() const; // the textDocument/publishDiagnostics notification
};

class DiagnosticsBook {
public:
  /// A root's new diagnostics; returns what to publish: the root itself always, the other
  /// files whose shown diagnostics change.
  std::vector<Publication> record(const std::string &rootUri, std::int64_t version,
                                  std::map<std::string, nlohmann::json> byUri);
  /// A root was closed: its files show what other roots say, or nothing.
  std::vector<Publication> forget(const std::string &rootUri);

private:
  nlohmann::json shown(const std::string &uri) const;
  std::vector<Publication> settle(const std::vector<std::string> &uris, const std::string &forced,
                                  std::int64_t version);

  std::map<std::string, std::map<std::string, nlohmann::json>> roots_; // root -> uri -> diags
  std::map<std::string, nlohmann::json> published_;                    // uri -> diags shown
};

} // namespace xr::lsp
