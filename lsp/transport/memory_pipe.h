#pragma once
// An in-memory byte pipe for running the server in-process (tests, the benchmark, an
// embedding editor): what is written is read in order, a read blocks until there are bytes
// or the pipe is closed. Use it as the streambuf of an istream (the reading side) and an
// ostream (the writing side).
#include <condition_variable>
#include <mutex>
#include <streambuf>
#include <string>

namespace xr::lsp {

class MemoryPipe : public std::streambuf {
public:
  /// No more bytes will be written: reads return end of file once the pipe is empty.
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) {
      char ch = traits_type::to_char_type(c);
      xsputn(&ch, 1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char *s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mutex_);
    data_.append(s, static_cast<std::size_t>(n));
    ready_.notify_all();
    return n;
  }
  int_type underflow() override {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !data_.empty() || closed_; });
    if (data_.empty())
      return traits_type::eof();
    current_ = std::move(data_);
    data_.clear();
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(current_[0]);
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::string data_;    // written, not yet handed to the reader
  std::string current_; // the reader's get area
  bool closed_ = false;
};

} // namespace xr::lsp
