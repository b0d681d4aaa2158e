#pragma once
// An output file that appears whole or not at all: written to a temporary file in the same
// directory, renamed over the target by commit(). A run that fails, is interrupted (the
// destructor runs) or crashes (only a hidden temporary file remains, never the target name)
// never leaves a half-written file that looks whole.
#include <cstdio>
#include <string>
#include <string_view>

namespace xr::output {

class AtomicFile {
public:
  AtomicFile() = default;
  ~AtomicFile(); // removes the temporary file unless committed
  AtomicFile(const AtomicFile &) = delete;
  AtomicFile &operator=(const AtomicFile &) = delete;

  /// Creates the temporary file `.<name>.xuncha-<pid>-<n>.tmp` next to `path` ("-" writes to
  /// standard output directly). False with `error` set when it cannot be created. A target
  /// that exists and is not a regular file (/dev/null, a pipe) is written directly: renaming
  /// over it would replace the device or pipe with a file.
  bool open(const std::string &path, std::string &error);
  /// False with `error` set on a write error (disk full ...); the temporary file is then
  /// removed and the file is no longer open.
  bool write(std::string_view bytes, std::string &error);
  /// Flushes, fsyncs and renames over the target. False with `error` set on failure (the
  /// temporary file is then removed).
  bool commit(std::string &error);
  /// Removes the temporary file now.
  void abandon();

  const std::string &path() const { return path_; }

private:
  std::string path_;
  std::string temporary_;
  std::FILE *file_ = nullptr;
  bool toStdout_ = false;
  bool direct_ = false; // writing straight to a device or pipe
};

/// Removes every temporary file of this process's open AtomicFiles; async-signal-safe, for a
/// SIGINT/SIGTERM handler that then re-raises the signal. The temporary files are listed in a
/// fixed table of 64 paths of up to 4095 bytes; a file beyond that is removed only by its
/// AtomicFile (a crash then leaves its hidden temporary file, never the target).
void removeTemporaryFilesOnSignal();

} // namespace xr::output
