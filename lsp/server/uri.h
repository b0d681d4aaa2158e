#pragma once
// file:// URIs and paths. Clients percent-encode everything outside a few ASCII characters,
// Chinese path names included (`%E6%A3%80`); we decode to the UTF-8 path and encode the same
// way back.
#include <optional>
#include <string>
#include <string_view>

namespace xr::lsp {

/// The path of a `file:` URI (authority empty or `localhost`), percent-decoded and
/// lexically normalised; nullopt for any other scheme or a malformed escape.
std::optional<std::string> uriToPath(std::string_view uri);

/// `file://` + the absolute path, every byte but unreserved characters and `/` percent-encoded
/// (upper-case hex, as VS Code writes them).
std::string pathToUri(std::string_view path);

std::string percentDecode(std::string_view text, bool &ok);

} // namespace xr::lsp
