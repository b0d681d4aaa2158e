#include "compiler/syntax/antlr_lock.h"

namespace xr::syntax {

std::mutex &antlrMutex() {
  static std::mutex mutex;
  return mutex;
}

} // namespace xr::syntax
