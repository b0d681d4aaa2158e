#pragma once
// The ANTLR 4.9 C++ runtime shares its lexer and parser prediction caches between instances
// without reliable locking. Everything that runs the generated lexer or parser holds this
// one lock, so concurrent callers (the language server's compiles and its completion
// scans, parallel loads) stay safe.
#include <mutex>

namespace xr::syntax {

std::mutex &antlrMutex();

} // namespace xr::syntax
