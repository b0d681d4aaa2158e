#pragma once
// Positions at the protocol edge. Inside, the server and the compiler work on byte offsets
// into UTF-8 text; the client counts characters in the position encoding negotiated at
// initialize (UTF-16 code units unless it offers UTF-8 or UTF-32). This is the one place
// that converts, in both directions.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xr::lsp {

enum class PositionEncoding { Utf8, Utf16, Utf32 };

/// "utf-8", "utf-16", "utf-32": the protocol's names.
std::string_view encodingName(PositionEncoding encoding);

/// The encoding to use, from the client's `general.positionEncodings` (part of the
/// initialize params' capabilities): UTF-8 when offered (it is our own, so no conversion
/// cost), else UTF-32 when offered, else UTF-16, which every client supports.
PositionEncoding negotiateEncoding(const nlohmann::json &clientCapabilities);

/// A zero-based line and a character offset counted in the negotiated encoding.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const Position &, const Position &) = default;
  friend auto operator<=>(const Position &, const Position &) = default;
};

/// Converts between byte offsets and positions in one text. Lines end at \n, \r\n or \r,
/// as the protocol says. Out-of-range input is clamped, never an error: a line past the end
/// is the end of the text, a character past the end of its line is the line's end, an
/// offset inside a character (a UTF-8 sequence, or between \r and \n) moves back to its
/// start. Invalid UTF-8 bytes count one unit each. The text must outlive the converter.
class PositionConverter {
public:
  PositionConverter(std::string_view text, PositionEncoding encoding);

  Position position(std::uint32_t offset) const;
  std::uint32_t offset(Position position) const;

  PositionEncoding encoding() const { return encoding_; }
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(lineStarts_.size()); }
  /// Byte offset where a zero-based line starts, and where its text ends (before the line
  /// terminator); both clamped to the text.
  std::uint32_t lineStart(std::uint32_t line) const;
  std::uint32_t lineEnd(std::uint32_t line) const;
  std::string_view text() const { return text_; }

private:
  std::string_view text_;
  PositionEncoding encoding_;
  std::vector<std::uint32_t> lineStarts_;
};

/// The length of the UTF-8 sequence starting at `text[at]` when it is a valid one, else 1;
/// and how many code units of `encoding` that character takes.
std::uint32_t utf8SequenceLength(std::string_view text, std::size_t at);
std::uint32_t codeUnits(std::string_view text, std::size_t at, std::uint32_t sequenceLength,
                        PositionEncoding encoding);

} // namespace xr::lsp
