#include "lsp/server/diagnostics_scheduler.h"

namespace xr::lsp {

DiagnosticsScheduler::DiagnosticsScheduler(std::chrono::milliseconds delay,
                                           std::function<void()> work)
    : delay_(delay), work_(std::move(work)) {
  thread_ = std::thread([this] { loop(); });
}

DiagnosticsScheduler::~DiagnosticsScheduler() { stop(); }

void DiagnosticsScheduler::noteEdit() {
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  bool burst = edited_ && now - lastEdit_ < delay_;
  lastEdit_ = now;
  edited_ = true;
  scheduled_ = true;
  deadline_ = burst ? now + delay_ : now;
  wake_.notify_all();
}

void DiagnosticsScheduler::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_)
      return;
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable())
    thread_.join();
}

void DiagnosticsScheduler::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return scheduled_ || stopping_; });
    if (stopping_)
      return;
    // Wait until no edit has come for `delay_` (each edit moves the deadline).
    while (!stopping_ && std::chrono::steady_clock::now() < deadline_)
      wake_.wait_until(lock, deadline_);
    if (stopping_)
      return;
    scheduled_ = false;
    lock.unlock();
    work_();
    lock.lock();
  }
}

} // namespace xr::lsp
