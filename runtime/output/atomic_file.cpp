// Output files that appear whole or not at all.
//
// The temporary files of open AtomicFiles are listed in a fixed table of path buffers so that a
// signal handler can unlink them: the handler only reads buffers whose slot is marked Ready
// (lock-free atomics) and calls unlink(), both async-signal-safe. A slot is filled before it is
// marked Ready and is only reused after the file is gone.
#include "runtime/output/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace xr::output {

namespace {

constexpr std::size_t kMaxTemporaries = 64;
constexpr std::size_t kMaxPath = 4096;

enum SlotState : int { Free = 0, Busy = 1, Ready = 2 };

struct TemporarySlot {
  std::atomic<int> state{Free};
  char path[kMaxPath];
};

static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

TemporarySlot gTemporaries[kMaxTemporaries];
std::atomic<unsigned> gTemporaryCounter{0};

/// Lists a temporary file for removeTemporaryFilesOnSignal. Returns the slot, or -1 when the
/// table is full or the path too long (the file is then only removed by its AtomicFile).
int registerTemporary(const std::string &path) {
  if (path.size() >= kMaxPath)
    return -1;
  for (std::size_t i = 0; i < kMaxTemporaries; ++i) {
    int expected = Free;
    if (gTemporaries[i].state.compare_exchange_strong(expected, Busy)) {
      std::memcpy(gTemporaries[i].path, path.c_str(), path.size() + 1);
      gTemporaries[i].state.store(Ready, std::memory_order_release);
      return static_cast<int>(i);
    }
  }
  return -1;
}

/// Forgets the slot of `path` (after the file was renamed or removed).
void unregisterTemporary(const std::string &path) {
  for (std::size_t i = 0; i < kMaxTemporaries; ++i) {
    int expected = Ready;
    if (gTemporaries[i].state.load(std::memory_order_acquire) == Ready &&
        path == gTemporaries[i].path &&
        gTemporaries[i].state.compare_exchange_strong(expected, Busy)) {
      gTemporaries[i].state.store(Free, std::memory_order_release);
      return;
    }
  }
}

/// strerror's text in lower case, as every message of ours is.
std::string reason(int error) {
  std::string text = std::strerror(error);
  // "No space left on device" -> "no space ...", but "I/O error" stays.
  if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string directoryOf(const std::string &path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos)
    return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string nameOf(const std::string &path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// Why `path` cannot be created, in words a user acts on.
std::string openError(const std::string &path, int error) {
  if (error == ENOENT)
    return "cannot write '" + path + "': the directory '" + directoryOf(path) + "' does not exist";
  if (error == ENOTDIR)
    return "cannot write '" + path + "': a part of '" + directoryOf(path) + "' is not a directory";
  return "cannot write '" + path + "': " + reason(error);
}

/// Makes the rename itself durable; a file system that cannot sync a directory loses nothing
/// but that guarantee.
void syncDirectory(const std::string &path) {
  const int fd = ::open(directoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  (void)::fsync(fd);
  ::close(fd);
}

} // namespace

AtomicFile::~AtomicFile() { abandon(); }

bool AtomicFile::open(const std::string &path, std::string &error) {
  abandon();
  path_ = path;
  if (path == "-") {
    toStdout_ = true;
    file_ = stdout;
    return true;
  }
  if (path.empty() || path.back() == '/') {
    error = "cannot write '" + path + "': a file name is needed";
    return false;
  }
  struct stat target {};
  const bool exists = ::stat(path.c_str(), &target) == 0;
  if (exists && S_ISDIR(target.st_mode)) {
    error = "cannot write '" + path + "': it is a directory";
    return false;
  }
  if (exists && !S_ISREG(target.st_mode)) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) {
      error = openError(path, errno);
      return false;
    }
    direct_ = true;
    return true;
  }
  const std::size_t slash = path.find_last_of('/');
  const std::string prefix = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const unsigned n = gTemporaryCounter.fetch_add(1);
  temporary_ = prefix + "." + nameOf(path) + ".xuncha-" + std::to_string(::getpid()) + "-" +
               std::to_string(n) + ".tmp";
  // O_EXCL: never write through a file or link someone else put there. 0666 & ~umask: the
  // permissions a plainly created output file would have.
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = openError(path, errno);
    temporary_.clear();
    return false;
  }
  registerTemporary(temporary_);
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    error = openError(path, errno);
    ::close(fd);
    abandon();
    return false;
  }
  return true;
}

bool AtomicFile::write(std::string_view bytes, std::string &error) {
  if (!file_) {
    error = "cannot write '" + path_ + "': the file is not open";
    return false;
  }
  if (bytes.empty())
    return true;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error = "cannot write '" + path_ + "': " + reason(errno);
    if (!toStdout_ && !direct_)
      abandon();
    return false;
  }
  return true;
}

bool AtomicFile::commit(std::string &error) {
  if (!file_) {
    error = "cannot write '" + path_ + "': the file is not open";
    return false;
  }
  if (toStdout_) {
    file_ = nullptr;
    toStdout_ = false;
    if (std::fflush(stdout) != 0) {
      error = "cannot write to standard output: " + reason(errno);
      return false;
    }
    return true;
  }
  if (direct_) {
    const int closed = std::fclose(file_);
    const int closeError = errno;
    file_ = nullptr;
    direct_ = false;
    if (closed != 0) {
      error = "cannot write '" + path_ + "': " + reason(closeError);
      return false;
    }
    return true;
  }
  if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) {
    error = "cannot write '" + path_ + "': " + reason(errno);
    abandon();
    return false;
  }
  const int closed = std::fclose(file_);
  const int closeError = errno;
  file_ = nullptr;
  if (closed != 0) {
    error = "cannot write '" + path_ + "': " + reason(closeError);
    abandon();
    return false;
  }
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
    error = "cannot replace '" + path_ + "': " + reason(errno);
    abandon();
    return false;
  }
  unregisterTemporary(temporary_);
  temporary_.clear();
  syncDirectory(path_);
  return true;
}

void AtomicFile::abandon() {
  if (toStdout_) {
    std::fflush(stdout); // what was written to a stream cannot be taken back
    file_ = nullptr;
    toStdout_ = false;
    return;
  }
  if (file_) {
    std::fclose(file_);
    file_ = nullptr;
  }
  direct_ = false;
  if (!temporary_.empty()) {
    ::unlink(temporary_.c_str());
    unregisterTemporary(temporary_);
    temporary_.clear();
  }
}

void removeTemporaryFilesOnSignal() {
  for (TemporarySlot &slot : gTemporaries)
    if (slot.state.load(std::memory_order_acquire) == Ready)
      ::unlink(slot.path);
}

} // namespace xr::output
