#pragma once
// Compiled code kept for reuse: object files (Session::emitObject) under a key that names the
// program's code, the engine and LLVM versions and the host CPU with its features. In memory
// for the life of the process, and on disk under a directory, one file per key. A disk entry
// carries its key and a SHA-256 of its bytes, checked before use: a corrupt, truncated or
// foreign file is ignored (and replaced by the next compile), never linked.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace xr::jit {

using ObjectFile = std::shared_ptr<const std::vector<char>>;

/// The process's in-memory cache; thread safe. Keeps the most recently stored entries.
class MemoryCodeCache {
public:
  static MemoryCodeCache &process();
  ObjectFile find(const std::string &key) const;
  void put(const std::string &key, ObjectFile object);

private:
  static constexpr std::size_t kEntries = 32;
  struct Entry {
    std::string key;
    ObjectFile object;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_; // oldest first
};

/// `<dir>/<key>.xrjit`.
std::string cacheFilePath(const std::string &dir, const std::string &key);
/// The entry for `key` when the file exists and checks out; null otherwise.
ObjectFile readCachedObject(const std::string &dir, const std::string &key);
/// Writes an entry atomically (a temporary file renamed over it), making the directory. False
/// with `error` when it cannot.
bool writeCachedObject(const std::string &dir, const std::string &key,
                       const std::vector<char> &object, std::string &error);
/// $XDG_CACHE_HOME/xuncha/jit, else $HOME/.cache/xuncha/jit; "" when neither is set.
std::string defaultCacheDir();

} // namespace xr::jit
