#include "compiler/format/source_lines.h"

#include "compiler/format/display_width.h"

#include <algorithm>

namespace xr::format {

SourceLines::SourceLines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
      continue;
    if (text[i] == '\n' || text[i] == '\r')
      starts_.push_back(i + 1);
  }
}

std::uint32_t SourceLines::line(std::uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::uint32_t>(it - starts_.begin()) - 1;
}

std::uint32_t SourceLines::column(std::uint32_t offset) const {
  std::uint32_t start = starts_[line(offset)];
  return static_cast<std::uint32_t>(displayWidth(text_.substr(start, offset - start)));
}

std::uint32_t SourceLines::lineBreaks(std::uint32_t begin, std::uint32_t end) const {
  if (end <= begin)
    return 0;
  return line(end) - line(begin);
}

} // namespace xr::format
