#include "lsp/server/uri.h"

#include <cctype>
#include <filesystem>

namespace xr::lsp {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

} // namespace

std::string percentDecode(std::string_view text, bool &ok) {
  ok = true;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    int high = i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
    int low = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      ok = false;
      return {};
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

std::optional<std::string> uriToPath(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size())
    return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i])
      return std::nullopt;
  std::string_view rest = uri.substr(scheme.size());
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos)
    return std::nullopt;
  std::string_view authority = rest.substr(0, slash);
  if (!authority.empty() && authority != "localhost")
    return std::nullopt;
  std::string_view path = rest.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  bool ok = false;
  std::string decoded = percentDecode(path, ok);
  if (!ok)
    return std::nullopt;
  return std::filesystem::path(decoded).lexically_normal().generic_string();
}

std::string pathToUri(std::string_view path) {
  std::string absolute =
      std::filesystem::absolute(std::filesystem::path(path)).lexically_normal().generic_string();
  static const char *hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (char c : absolute) {
    auto byte = static_cast<unsigned char>(c);
    if (unreserved(byte) || c == '/') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(hex[byte >> 4]);
      out.push_back(hex[byte & 15]);
    }
  }
  return out;
}

} // namespace xr::lsp
