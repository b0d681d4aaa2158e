#include "cli/interrupt.h"

#include "runtime/output/atomic_file.h"

#include <csignal>

namespace xr::cli {
namespace {

std::atomic<bool> stopRequested{false};
std::atomic<int> receivedSignal{0};
struct sigaction previousInt {}, previousTerm {};

extern "C" void onInterrupt(int signal) {
  if (stopRequested.exchange(true)) {
    output::removeTemporaryFilesOnSignal();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  receivedSignal.store(signal);
}

} // namespace

InterruptGuard::InterruptGuard() {
  stopRequested.store(false);
  receivedSignal.store(0);
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previousInt);
  sigaction(SIGTERM, &action, &previousTerm);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &previousInt, nullptr);
  sigaction(SIGTERM, &previousTerm, nullptr);
}

const std::atomic<bool> &InterruptGuard::requested() const { return stopRequested; }

int InterruptGuard::signal() const { return receivedSignal.load(); }

} // namespace xr::cli
