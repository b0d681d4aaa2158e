#pragma once
// When to recompile for diagnostics. An edit after a quiet spell (no edit for `delay`) is
// compiled at once: a single change shows its diagnostics after one compile. Edits in a
// burst (less than `delay` apart) push the deadline `delay` ahead each, so a burst costs
// one compile at its end, not one per keystroke. The work (compile what is stale, publish)
// runs on the scheduler's thread; an edit during it schedules another round.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace xr::lsp {

class DiagnosticsScheduler {
public:
  DiagnosticsScheduler(std::chrono::milliseconds delay, std::function<void()> work);
  ~DiagnosticsScheduler(); // stops the thread (work in progress finishes first)

  void noteEdit();
  /// Stops the thread: work under way finishes, work not yet started is dropped (the
  /// server is exiting).
  void stop();

private:
  void loop();

  std::chrono::milliseconds delay_;
  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool scheduled_ = false;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::steady_clock::time_point lastEdit_;
  bool edited_ = false; // lastEdit_ is set
  std::thread thread_;
};

} // namespace xr::lsp
