#pragma once
// CPU time of the calling thread: what the benchmarks measure, because the machines are shared
// and a thread waiting for a core must not look slow.
#include <time.h>

namespace xr::bench {

inline double threadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

} // namespace xr::bench
