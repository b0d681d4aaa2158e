#include "lsp/server/cancellation.h"

namespace xr::lsp {

CancelFlag PendingRequests::start(const nlohmann::json &id) {
  auto flag = std::make_shared<std::atomic<bool>>(false);
  std::lock_guard<std::mutex> lock(mutex_);
  pending_[id.dump()] = flag;
  return flag;
}

void PendingRequests::cancel(const nlohmann::json &id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = pending_.find(id.dump());
  if (it != pending_.end())
    it->second->store(true);
}

void PendingRequests::finish(const nlohmann::json &id) {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.erase(id.dump());
}

} // namespace xr::lsp
