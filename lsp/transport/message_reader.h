#pragma once
// Reads Language Server Protocol messages from a byte stream: header lines (`Content-Length`
// is required; `Content-Type` and unknown headers are accepted and ignored) ended by an
// empty line, then exactly that many bytes of JSON. Framing problems are reported as
// Malformed and reading goes on where it can: a missing or bad length skips to the next
// header block, an oversized body is skipped, a truncated body ends the stream.
#include <cstddef>
#include <istream>
#include <string>

namespace xr::lsp {

struct ReadOutcome {
  enum class Kind { Message, Malformed, End };
  Kind kind = Kind::End;
  std::string body;    // the message's JSON text, for Message
  std::string problem; // what is wrong, for Malformed; for a Message, what was skipped
                       // before its header (for the log)
};

class MessageReader {
public:
  static constexpr std::size_t kDefaultMaxBody = 64u << 20;

  explicit MessageReader(std::istream &in, std::size_t maxBody = kDefaultMaxBody)
      : in_(in), maxBody_(maxBody) {}

  /// The next message, framing problem or end of input. Blocks until one is available.
  ReadOutcome next();

private:
  enum class LineStatus { Ok, TooLong, End };
  LineStatus readLine(std::string &line);

  std::istream &in_;
  std::size_t maxBody_;
};

} // namespace xr::lsp
