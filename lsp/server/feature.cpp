#include "lsp/server/feature.h"

#include "lsp/server/uri.h"

#include <filesystem>
#include <stdexcept>

namespace xr::lsp {

FileId Snapshot::rootFile() const {
  if (!compilation || compilation->sources.size() == 0)
    return kNoFile;
  FileId id = compilation->sources.find(root.path);
  return id != kNoFile ? id : 0;
}

std::string Snapshot::uriOf(FileId file) const {
  if (!compilation || file >= compilation->sources.size())
    return root.uri;
  const std::string &path = compilation->sources.file(file).path();
  if (path == root.path)
    return root.uri;
  auto open = openUris.find(path);
  if (open != openUris.end())
    return open->second;
  return pathToUri(path);
}

FileId Snapshot::fileOf(const std::string &uri) const {
  if (!compilation)
    return kNoFile;
  if (uri == root.uri)
    return rootFile();
  std::optional<std::string> path = uriToPath(uri);
  return path ? compilation->sources.find(*path) : kNoFile;
}

void RequestContext::checkCancelled() const {
  if (cancelled())
    throw RequestError(ErrorCode::RequestCancelled, "the request was cancelled");
}

Range RequestContext::range(const SourceRange &range) const {
  const PositionConverter &converter = positionsOf(range.file);
  return {converter.position(range.begin), converter.position(range.end)};
}

Location RequestContext::location(const SourceRange &sourceRange) const {
  return {uriOf(sourceRange.file), range(sourceRange)};
}

void FeatureRegistry::onDocumentRequest(std::string method, RequestHandler handler,
                                        SnapshotUse use) {
  if (!handlers_.emplace(method, Entry{std::move(handler), true, use}).second)
    throw std::logic_error("two handlers for " + method);
}

void FeatureRegistry::onWorkspaceRequest(std::string method, RequestHandler handler) {
  if (!handlers_.emplace(method, Entry{std::move(handler), false}).second)
    throw std::logic_error("two handlers for " + method);
}

void FeatureRegistry::addCapabilities(CapabilitiesHook hook) {
  capabilityHooks_.push_back(std::move(hook));
}

const FeatureRegistry::Entry *FeatureRegistry::find(const std::string &method) const {
  auto it = handlers_.find(method);
  return it == handlers_.end() ? nullptr : &it->second;
}

void FeatureRegistry::fillCapabilities(nlohmann::json &capabilities,
                                       const InitializeInfo &client) const {
  for (const CapabilitiesHook &hook : capabilityHooks_)
    hook(capabilities, client);
}

} // namespace xr::lsp
