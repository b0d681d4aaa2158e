#include "runtime/jit/code_cache.h"

#include "compiler/support/sha256.h"

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace xr::jit {
namespace {

namespace fs = std::filesystem;

// A disk entry: magic, key (64 hex digits), object size (8 bytes, little endian), SHA-256 of
// the object (32 bytes), the object.
constexpr char kMagic[8] = {'X', 'R', 'J', 'I', 'T', 'O', 'B', '1'};
constexpr std::size_t kKeySize = 64;
constexpr std::size_t kHeaderSize = sizeof kMagic + kKeySize + 8 + 32;

std::array<std::uint8_t, 32> digest(const std::vector<char> &object) {
  Sha256 hash;
  hash.update(std::string_view(object.data(), object.size()));
  return hash.finish();
}

} // namespace

MemoryCodeCache &MemoryCodeCache::process() {
  static MemoryCodeCache cache;
  return cache;
}

ObjectFile MemoryCodeCache::find(const std::string &key) const {
  std::lock_guard lock(mutex_);
  for (const Entry &e : entries_)
    if (e.key == key)
      return e.object;
  return nullptr;
}

void MemoryCodeCache::put(const std::string &key, ObjectFile object) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const Entry &e) { return e.key == key; });
  if (entries_.size() == kEntries)
    entries_.erase(entries_.begin());
  entries_.push_back({key, std::move(object)});
}

std::string cacheFilePath(const std::string &dir, const std::string &key) {
  return (fs::path(dir) / (key + ".xrjit")).string();
}

ObjectFile readCachedObject(const std::string &dir, const std::string &key) {
  if (dir.empty() || key.size() != kKeySize)
    return nullptr;
  std::ifstream in(cacheFilePath(dir, key), std::ios::binary);
  if (!in)
    return nullptr;
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0 ||
      std::string_view(bytes.data() + sizeof kMagic, kKeySize) != key)
    return nullptr;
  const char *at = bytes.data() + sizeof kMagic + kKeySize;
  std::uint64_t size = 0;
  for (int i = 0; i < 8; ++i)
    size |= std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
  if (size != bytes.size() - kHeaderSize)
    return nullptr;
  auto object = std::make_shared<std::vector<char>>(bytes.begin() + kHeaderSize, bytes.end());
  const std::array<std::uint8_t, 32> expected = digest(*object);
  if (std::memcmp(expected.data(), at + 8, expected.size()) != 0)
    return nullptr;
  return object;
}

bool writeCachedObject(const std::string &dir, const std::string &key,
                       const std::vector<char> &object, std::string &error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    error = "cannot make the JIT cache folder '" + dir + "': " + ec.message();
    return false;
  }
  static std::atomic<unsigned> counter{0};
  const std::string target = cacheFilePath(dir, key);
  const std::string temporary =
      target + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    char size[8];
    for (int i = 0; i < 8; ++i)
      size[i] = static_cast<char>((std::uint64_t{object.size()} >> (8 * i)) & 0xff);
    const std::array<std::uint8_t, 32> sum = digest(object);
    out.write(kMagic, sizeof kMagic);
    out.write(key.data(), static_cast<std::streamsize>(key.size()));
    out.write(size, sizeof size);
    out.write(reinterpret_cast<const char *>(sum.data()), static_cast<std::streamsize>(sum.size()));
    out.write(object.data(), static_cast<std::streamsize>(object.size()));
    out.flush();
    if (!out) {
      fs::remove(temporary, ec);
      error = "cannot write the JIT cache file '" + target + "'";
      return false;
    }
  }
  fs::rename(temporary, target, ec); // atomic: readers see the old entry or the new one
  if (ec) {
    fs::remove(temporary, ec);
    error = "cannot write the JIT cache file '" + target + "'";
    return false;
  }
  return true;
}

std::string defaultCacheDir() {
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "xuncha" / "jit").string();
  if (const char *home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".cache" / "xuncha" / "jit").string();
  return "";
}

} // namespace xr::jit
