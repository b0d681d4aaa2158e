#pragma once
// $/cancelRequest: the reader thread marks a request cancelled as soon as the cancel is
// read, while the request waits in the queue or runs; the request thread checks the flag.
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace xr::lsp {

using CancelFlag = std::shared_ptr<const std::atomic<bool>>;

class PendingRequests {
public:
  /// Called when a request is read; its flag stays valid after finish().
  CancelFlag start(const nlohmann::json &id);
  /// Called for $/cancelRequest; an id not pending (done already, or unknown) is ignored.
  void cancel(const nlohmann::json &id);
  void finish(const nlohmann::json &id);

private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> pending_; // by the id's JSON text
};

} // namespace xr::lsp
