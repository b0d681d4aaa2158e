#pragma once
// Ctrl-C and SIGTERM during a long command: the first signal asks the run to stop (it then
// abandons its temporary output files and returns); a second one removes the temporary files
// at once and ends the process with the signal.
#include <atomic>

namespace xr::cli {

/// Installs the handlers for as long as the guard lives.
class InterruptGuard {
public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard &) = delete;
  InterruptGuard &operator=(const InterruptGuard &) = delete;

  /// Set by the first signal.
  const std::atomic<bool> &requested() const;
  /// The signal that was received (0: none), for the exit code 128 + signal.
  int signal() const;
};

} // namespace xr::cli
