#include "lsp/protocol/position_encoding.h"

#include <algorithm>

namespace xr::lsp {

std::string_view encodingName(PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf8:
    return "utf-8";
  case PositionEncoding::Utf16:
    return "utf-16";
  case PositionEncoding::Utf32:
    return "utf-32";
  }
  return "utf-16";
}

PositionEncoding negotiateEncoding(const nlohmann::json &clientCapabilities) {
  if (!clientCapabilities.is_object())
    return PositionEncoding::Utf16;
  auto general = clientCapabilities.find("general");
  if (general == clientCapabilities.end() || !general->is_object())
    return PositionEncoding::Utf16;
  auto offered = general->find("positionEncodings");
  if (offered == general->end() || !offered->is_array())
    return PositionEncoding::Utf16;
  bool utf8 = false, utf32 = false;
  for (const nlohmann::json &name : *offered) {
    if (name == "utf-8")
      utf8 = true;
    else if (name == "utf-32")
      utf32 = true;
  }
  if (utf8)
    return PositionEncoding::Utf8;
  return utf32 ? PositionEncoding::Utf32 : PositionEncoding::Utf16;
}

std::uint32_t utf8SequenceLength(std::string_view text, std::size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  std::uint32_t length = lead < 0x80                    ? 1
                         : lead >= 0xC2 && lead <= 0xDF ? 2
                         : lead >= 0xE0 && lead <= 0xEF ? 3
                         : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                        : 0;
  if (length == 0 || at + length > text.size())
    return 1;
  for (std::uint32_t i = 1; i < length; ++i)
    if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80)
      return 1;
  auto second = static_cast<unsigned char>(text[at + 1]);
  // Overlong forms, surrogates and code points past U+10FFFF are not valid UTF-8.
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
    return 1;
  return length;
}

std::uint32_t codeUnits(std::string_view, std::size_t, std::uint32_t sequenceLength,
                        PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf8:
    return sequenceLength;
  case PositionEncoding::Utf16:
    return sequenceLength == 4 ? 2 : 1;
  case PositionEncoding::Utf32:
    return 1;
  }
  return 1;
}

PositionConverter::PositionConverter(std::string_view text, PositionEncoding encoding)
    : text_(text), encoding_(encoding) {
  lineStarts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
      ++i;
    if (text[i] == '\n' || text[i] == '\r')
      lineStarts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

std::uint32_t PositionConverter::lineStart(std::uint32_t line) const {
  if (line >= lineStarts_.size())
    return static_cast<std::uint32_t>(text_.size());
  return lineStarts_[line];
}

std::uint32_t PositionConverter::lineEnd(std::uint32_t line) const {
  if (line >= lineStarts_.size())
    return static_cast<std::uint32_t>(text_.size());
  std::uint32_t end = line + 1 < lineStarts_.size() ? lineStarts_[line + 1]
                                                    : static_cast<std::uint32_t>(text_.size());
  if (end > lineStarts_[line] && text_[end - 1] == '\n')
    --end;
  if (end > lineStarts_[line] && text_[end - 1] == '\r')
    --end;
  return end;
}

Position PositionConverter::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto after = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  auto line = static_cast<std::uint32_t>(after - lineStarts_.begin() - 1);
  std::uint32_t end = std::min(offset, lineEnd(line));
  std::uint32_t character = 0;
  std::size_t at = lineStarts_[line];
  while (at < end) {
    std::uint32_t length = utf8SequenceLength(text_, at);
    if (at + length > end)
      break; // the offset is inside this character: it stands for the character's start
    character += codeUnits(text_, at, length, encoding_);
    at += length;
  }
  return {line, character};
}

std::uint32_t PositionConverter::offset(Position position) const {
  if (position.line >= lineStarts_.size())
    return static_cast<std::uint32_t>(text_.size());
  std::uint32_t end = lineEnd(position.line);
  std::uint32_t at = lineStarts_[position.line];
  std::uint32_t counted = 0;
  while (at < end) {
    std::uint32_t length = utf8SequenceLength(text_, at);
    std::uint32_t units = codeUnits(text_, at, length, encoding_);
    if (counted + units > position.character)
      break; // the position is inside this character (half a surrogate pair, a UTF-8 byte)
    counted += units;
    at += length;
  }
  return at;
}

} // namespace xr::lsp
