#include "compiler/source/source.h"

#include <algorithm>

namespace xr {

SourceRange cover(SourceRange a, SourceRange b) {
  if (!a.valid())
    return b;
  if (!b.valid() || a.file != b.file)
    return a;
  return {a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

static bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 sequence at `i`, or 1 for a byte that starts none (so an
/// invalid byte counts as one column, as the header promises).
static std::size_t sequenceLength(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n <= 1 || i + n > s.size())
    return 1;
  for (std::size_t k = 1; k < n; ++k)
    if (!isContinuationByte(static_cast<unsigned char>(s[i + k])))
      return 1;
  return n;
}

std::uint32_t codePointCount(std::string_view utf8) {
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < utf8.size(); i += sequenceLength(utf8, i))
    ++count;
  return count;
}

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n')
      continue; // the \n that follows ends this line
    if (c == '\n' || c == '\r')
      lineStarts_.push_back(i + 1);
  }
}

std::uint32_t SourceFile::lineStart(std::uint32_t line) const {
  if (line == 0)
    return 0;
  if (line > lineStarts_.size())
    return static_cast<std::uint32_t>(text_.size());
  return lineStarts_[line - 1];
}

LineColumn SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  auto lineIndex = static_cast<std::uint32_t>(it - lineStarts_.begin()); // 1-based line
  std::uint32_t start = lineStarts_[lineIndex - 1];
  std::string_view prefix(text_.data() + start, offset - start);
  return {lineIndex, codePointCount(prefix) + 1};
}

std::string_view SourceFile::line(std::uint32_t line) const {
  if (line == 0 || line > lineStarts_.size())
    return {};
  std::uint32_t start = lineStarts_[line - 1];
  std::uint32_t end = line < lineStarts_.size() ? lineStarts_[line]
                                                 : static_cast<std::uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r'))
    --end;
  return std::string_view(text_).substr(start, end - start);
}

std::uint32_t SourceFile::offset(LineColumn position) const {
  std::uint32_t start = lineStart(position.line);
  std::string_view text = line(position.line);
  std::uint32_t column = 1;
  std::uint32_t i = 0;
  while (i < text.size() && column < position.column) {
    i += sequenceLength(text, i);
    ++column;
  }
  return start + i;
}

FileId SourceManager::add(std::string path, std::string text) {
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
  return id;
}

FileId SourceManager::find(std::string_view path) const {
  for (const auto &file : files_)
    if (file->path() == path)
      return file->id();
  return kNoFile;
}

} // namespace xr
