#pragma once
// Source files and positions. Everything inside the compiler works on byte offsets; lines
// and columns (1-based, columns counted in Unicode code points) are computed only when a
// position is shown to a person. The LSP converts to UTF-16/UTF-8/UTF-32 at its edge.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xr {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = ~FileId{0};

struct SourceRange {
  FileId file = kNoFile;
  std::uint32_t begin = 0; // byte offset, inclusive
  std::uint32_t end = 0;   // byte offset, exclusive

  bool valid() const { return file != kNoFile; }
  bool contains(std::uint32_t offset) const { return offset >= begin && offset <= end; }
  friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

/// The smallest range covering both (same file; otherwise `a`).
SourceRange cover(SourceRange a, SourceRange b);

struct LineColumn {
  std::uint32_t line = 1;   // 1-based
  std::uint32_t column = 1; // 1-based, in Unicode code points
};

class SourceFile {
public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  const std::string &path() const { return path_; }
  const std::string &text() const { return text_; }

  /// Line and code-point column of a byte offset (clamped to the text).
  LineColumn position(std::uint32_t offset) const;
  /// Byte offset of a 1-based line and code-point column (clamped to the line).
  std::uint32_t offset(LineColumn position) const;
  /// The text of a 1-based line without its line terminator.
  std::string_view line(std::uint32_t line) const;
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(lineStarts_.size()); }
  std::uint32_t lineStart(std::uint32_t line) const;

private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> lineStarts_; // byte offset of each line; \n, \r\n and \r end lines
};

/// Owns every source file of a compilation; ids are stable indices.
class SourceManager {
public:
  FileId add(std::string path, std::string text);
  const SourceFile &file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }
  /// The id of an already added file with this path, or kNoFile.
  FileId find(std::string_view path) const;

private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

/// Number of Unicode code points in a UTF-8 string (invalid bytes count one each).
std::uint32_t codePointCount(std::string_view utf8);

} // namespace xr
