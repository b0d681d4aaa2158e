#include "compiler/format/display_width.h"

#include "compiler/diag/render.h"

namespace xr::format {

std::size_t displayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    auto lead = static_cast<unsigned char>(utf8[i]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    bool valid = length > 0 && i + length <= utf8.size();
    char32_t c = length > 1 ? lead & (0xFFu >> (length + 1)) : lead;
    for (std::size_t k = 1; valid && k < length; ++k) {
      auto next = static_cast<unsigned char>(utf8[i + k]);
      valid = (next & 0xC0) == 0x80;
      c = (c << 6) | (next & 0x3F);
    }
    if (!valid) {
      width += 1;
      i += 1;
      continue;
    }
    width += c == 0xFEFF ? 0 : terminalWidth(c);
    i += length;
  }
  return width;
}

} // namespace xr::format
