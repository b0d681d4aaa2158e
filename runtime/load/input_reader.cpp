// InputReader: the file read in large blocks, decoded to UTF-8 and cut into chunks of whole
// records; the CSV header read at open.
#include "runtime/load/input.h"

#include "compiler/support/ascii.h"
#include "runtime/load/csv_syntax.h"
#include "runtime/load/decoder.h"
#include "runtime/load/value_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xr::load {

namespace {

constexpr std::size_t kReadBlock = std::size_t{1} << 20;

/// strerror as the rest of a lower-case sentence.
std::string systemReason(int err) {
  std::string reason = std::strerror(err);
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z' &&
      (reason.size() < 2 || !(reason[1] >= 'A' && reason[1] <= 'Z')))
    reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  return reason;
}

std::string displayName(const std::string &path) {
  return path == "-" ? std::string("standard input") : path;
}

/// A JSON Lines blank line: only JSON whitespace up to its line feed.
enum class Blank { No, Yes, NeedMore };

class StreamReader final : public InputReader {
public:
  StreamReader(std::string path, InputOptions options, int fd, bool ownsFd,
               std::unique_ptr<Decoder> decoder, std::uint64_t total)
      : InputReader(std::move(path), std::move(options)), fd_(fd), ownsFd_(ownsFd),
        decoder_(std::move(decoder)), total_(total) {}
  ~StreamReader() override {
    if (ownsFd_)
      ::close(fd_);
  }
  StreamReader(const StreamReader &) = delete;
  StreamReader &operator=(const StreamReader &) = delete;

  bool start(std::string &error);
  bool next(std::size_t targetBytes, RawChunk &chunk, std::string &error) override;
  std::uint64_t bytesRead() const override { return bytesRead_; }
  std::uint64_t totalBytes() const override { return total_; }

private:
  bool csv() const { return options_.format == InputFormat::Csv; }
  /// Reads and decodes one more block (sets eof_ at the end). False on an I/O error.
  bool fill(std::string &error);
  /// Is the line at `pos` blank, and how long is it (with its line feed)?
  Blank blankAt(std::size_t pos, std::size_t &length) const;
  csv::RecordEnd recordEnd(std::size_t pos) const;
  /// Skips the blank lines at pos_, reading as needed. False on an I/O error.
  bool skipBlankLines(std::string &error);
  bool readHeader(std::string &error);

  int fd_;
  bool ownsFd_;
  std::unique_ptr<Decoder> decoder_;
  std::uint64_t total_;
  std::uint64_t bytesRead_ = 0;
  std::string raw_; // one block as read, for a decoder
  std::string buf_; // decoded text; pos_ is where the next record starts
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::string failure_; // set once an I/O error stopped the reader
  std::uint64_t line_ = 1;
  std::uint64_t record_ = 0;
};

bool StreamReader::fill(std::string &error) {
  if (eof_)
    return true;
  const std::size_t before = buf_.size();
  char *into = nullptr;
  if (decoder_) {
    raw_.resize(kReadBlock);
    into = raw_.data();
  } else {
    buf_.resize(before + kReadBlock);
    into = buf_.data() + before;
  }
  ssize_t n;
  do
    n = ::read(fd_, into, kReadBlock);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    const int err = errno;
    if (!decoder_)
      buf_.resize(before);
    failure_ = fmt::format("cannot read {}: {}", displayName(path_), systemReason(err));
    error = failure_;
    return false;
  }
  const auto got = static_cast<std::size_t>(n);
  bytesRead_ += got;
  eof_ = got == 0;
  if (decoder_)
    decoder_->decode(std::string_view(raw_.data(), got), eof_, buf_);
  else
    buf_.resize(before + got);
  return true;
}

Blank StreamReader::blankAt(std::size_t pos, std::size_t &length) const {
  const std::string_view text = buf_;
  if (csv()) {
    // A lone "\r" at the end is a blank last line only when nothing can follow it.
    if (pos + 1 >= text.size() && !eof_)
      return Blank::NeedMore;
    length = csv::blankLineLength(text, pos);
    return length ? Blank::Yes : Blank::No;
  }
  std::size_t p = pos;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
    ++p;
  if (p == text.size()) {
    if (!eof_)
      return Blank::NeedMore;
    length = p - pos;
    return length ? Blank::Yes : Blank::No;
  }
  if (text[p] != '\n')
    return Blank::No;
  length = p + 1 - pos;
  return Blank::Yes;
}

csv::RecordEnd StreamReader::recordEnd(std::size_t pos) const {
  const std::string_view text = buf_;
  if (csv())
    return csv::findRecordEnd(text, pos);
  const void *lf = std::memchr(text.data() + pos, '\n', text.size() - pos);
  if (!lf)
    return {text.size(), false};
  return {static_cast<std::size_t>(static_cast<const char *>(lf) - text.data()) + 1, true};
}

bool StreamReader::skipBlankLines(std::string &error) {
  for (;;) {
    std::size_t length = 0;
    const Blank blank = blankAt(pos_, length);
    if (blank == Blank::NeedMore) {
      if (!fill(error))
        return false;
      continue;
    }
    if (blank == Blank::No)
      return true;
    line_ += buf_[pos_ + length - 1] == '\n' ? 1 : 0;
    pos_ += length;
  }
}

bool StreamReader::start(std::string &error) {
  while (buf_.size() < 3 && !eof_)
    if (!fill(error))
      return false;
  if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0)
    pos_ = 3;
  return csv() ? readHeader(error) : true;
}

bool StreamReader::readHeader(std::string &error) {
  const std::string name = displayName(path_);
  if (!skipBlankLines(error))
    return false;
  if (pos_ == buf_.size()) {
    error =
        fmt::format("{} is empty: a csv input starts with a header line naming its columns", name);
    return false;
  }
  csv::RecordEnd end = recordEnd(pos_);
  while (!end.terminated && !eof_) {
    if (!fill(error))
      return false;
    end = recordEnd(pos_);
  }
  const std::string_view header = std::string_view(buf_).substr(pos_, end.end - pos_);
  if (const std::size_t at = invalidUtf8At(header); at != kValidUtf8) {
    const bool gb = decoder_ != nullptr;
    error = fmt::format("the header of {} is not valid {} (byte 0x{:02X} at position {}){}", name,
                        gb ? "gb18030" : "utf-8", static_cast<unsigned char>(header[at]), at + 1,
                        gb ? ""
                           : "; a file saved as gb18030 or gbk is read with --encoding "
                             "gb18030");
    return false;
  }
  std::size_t pos = 0;
  std::string scratch;
  csv::Cell cell;
  for (;;) {
    const csv::CellStatus status = csv::readCell(header, pos, cell, scratch);
    if (status != csv::CellStatus::Ok) {
      error = fmt::format("the header of {} is malformed at column {}: {}", name,
                          columns_.size() + 1, csv::describe(status));
      columns_.clear();
      return false;
    }
    columns_.emplace_back(trimSpaces(cell.text));
    if (cell.last)
      break;
  }
  line_ += static_cast<std::uint64_t>(std::count(header.begin(), header.end(), '\n'));
  pos_ = end.end;
  return true;
}

bool StreamReader::next(std::size_t targetBytes, RawChunk &chunk, std::string &error) {
  chunk.text.clear();
  if (!failure_.empty()) {
    error = failure_;
    return false;
  }
  // Text before pos_ is handed out already; drop it once it is worth the move.
  if (pos_ >= kReadBlock || pos_ == buf_.size()) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (!skipBlankLines(error))
    return false;
  const std::size_t start = pos_;
  std::size_t p = start;
  std::uint64_t records = 0;
  while (p < buf_.size()) {
    const csv::RecordEnd end = recordEnd(p);
    if (!end.terminated && !eof_) {
      if (!fill(error))
        return false;
      continue;
    }
    ++records;
    p = end.end;
    if (p - start >= targetBytes)
      break;
    // Blank lines between records stay in the chunk (the parser skips them too), so its line
    // numbers hold; blank lines after the chunk's last record start the next chunk.
    std::size_t q = p;
    for (;;) {
      std::size_t length = 0;
      const Blank blank = blankAt(q, length);
      if (blank == Blank::NeedMore) {
        if (!fill(error))
          return false;
        continue;
      }
      if (blank == Blank::No)
        break;
      q += length;
    }
    if (q == buf_.size()) { // only blank lines up to the end of the input
      pos_ = q;
      break;
    }
    p = q;
  }
  if (records == 0)
    return false;
  chunk.text.assign(buf_, start, p - start);
  chunk.firstRecord = record_;
  chunk.firstLine = line_;
  record_ += records;
  line_ += static_cast<std::uint64_t>(std::count(chunk.text.begin(), chunk.text.end(), '\n'));
  pos_ = std::max(pos_, p);
  return true;
}

} // namespace

std::optional<InputFormat> inputFormatFromPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos)
    return std::nullopt;
  const std::string ext = lowerAscii(name.substr(dot + 1));
  if (ext == "csv" || ext == "txt")
    return InputFormat::Csv;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json")
    return InputFormat::JsonLines;
  return std::nullopt;
}

std::optional<InputFormat> parseInputFormat(std::string_view name) {
  const std::string lower = lowerAscii(name);
  if (lower == "csv")
    return InputFormat::Csv;
  if (lower == "jsonl")
    return InputFormat::JsonLines;
  return std::nullopt;
}

std::unique_ptr<InputReader> InputReader::open(const std::string &path, const InputOptions &options,
                                               std::string &error) {
  const std::string name = displayName(path);
  const std::optional<Encoding> encoding = encodingFromName(options.encoding);
  if (!encoding) {
    error = fmt::format("cannot read {}: unknown encoding '{}' (use utf-8, or gb18030 for "
                        "gb18030, gbk and gb2312 files)",
                        name, options.encoding);
    return nullptr;
  }
  std::unique_ptr<Decoder> decoder;
  if (*encoding != Encoding::Utf8) {
    decoder = Decoder::make(*encoding);
    if (!decoder) {
      error =
          fmt::format("cannot read {}: this system cannot convert from {}", name, options.encoding);
      return nullptr;
    }
  }
  const bool stdinput = path == "-";
  const int fd = stdinput ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("cannot open {}: {}", name, systemReason(errno));
    return nullptr;
  }
  struct stat st {};
  std::uint64_t total = 0;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (!stdinput)
        ::close(fd);
      error = fmt::format("cannot read {}: it is a directory", name);
      return nullptr;
    }
    if (S_ISREG(st.st_mode))
      total = static_cast<std::uint64_t>(st.st_size);
  }
  auto reader =
      std::make_unique<StreamReader>(path, options, fd, !stdinput, std::move(decoder), total);
  if (!reader->start(error))
    return nullptr;
  return reader;
}

} // namespace xr::load
