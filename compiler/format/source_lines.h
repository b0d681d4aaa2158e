#pragma once
// Lines and display columns of the text being formatted. Lines end at \n, \r\n or \r, as
// in compiler/source.
#include <cstdint>
#include <string_view>
#include <vector>

namespace xr::format {

class SourceLines {
public:
  explicit SourceLines(std::string_view text);

  /// 0-based line of a byte offset.
  std::uint32_t line(std::uint32_t offset) const;
  /// Display column (see display_width.h) of a byte offset within its line.
  std::uint32_t column(std::uint32_t offset) const;
  /// Line ends in [begin, end).
  std::uint32_t lineBreaks(std::uint32_t begin, std::uint32_t end) const;

private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

} // namespace xr::format
