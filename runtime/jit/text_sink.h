#pragma once
// The host side of xr_jit_text_append (compiler/codegen/abi.h): the results' arena that
// compiled code appends text slots to, and whether an append failed.
#include <string>

namespace xr::jit {

struct TextSink {
  std::string *arena = nullptr;
  /// Set when an append failed (the arena would pass 4 GiB, or memory ran out): the host
  /// reports it once the compiled code has returned, since no exception may cross its frames.
  bool failed = false;
};

} // namespace xr::jit
