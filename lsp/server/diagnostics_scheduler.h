#pragma once
// Debounced recompiles for diagnostics: each edit pushes a deadline `delay` ahead; when it
// passes with no edit, the scheduler's thread runs the given work (compile what is stale,
// publish). An edit during the work schedules another round.
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
  std::thread thread_;
};

} // namespace xr::lsp
