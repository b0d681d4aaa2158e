#include "lsp/transport/message_reader.h"

#include "compiler/support/ascii.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string_view>

namespace xr::lsp {

namespace {

/// A header line longer than this is not a header: the reader resynchronises.
constexpr std::size_t kMaxHeaderLine = 8192;
constexpr std::string_view kLengthHeader = "content-length:";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::optional<std::size_t> parseLength(std::string_view value) {
  value = trim(value);
  std::size_t length = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (error != std::errc() || end != value.data() + value.size() || value.empty())
    return std::nullopt;
  return length;
}

} // namespace

MessageReader::LineStatus MessageReader::readLine(std::string &line) {
  line.clear();
  int c;
  while ((c = in_.get()) != std::char_traits<char>::eof()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r')
        line.pop_back();
      return LineStatus::Ok;
    }
    if (line.size() >= kMaxHeaderLine) {
      // Skip the rest of this line: it is no header.
      while ((c = in_.get()) != std::char_traits<char>::eof() && c != '\n') {
      }
      return LineStatus::TooLong;
    }
    line.push_back(static_cast<char>(c));
  }
  return line.empty() ? LineStatus::End : LineStatus::Ok;
}

ReadOutcome MessageReader::next() {
  std::optional<std::size_t> length;
  std::string problem;
  bool sawHeader = false;
  std::string line;
  for (;;) {
    LineStatus status = readLine(line);
    if (status == LineStatus::End) {
      if (sawHeader || !problem.empty())
        return {ReadOutcome::Kind::Malformed, {}, "the input ended inside a message header"};
      return {ReadOutcome::Kind::End, {}, {}};
    }
    if (status == LineStatus::TooLong) {
      problem = "a header line is too long";
      sawHeader = true;
      continue;
    }
    if (line.empty()) {
      if (!sawHeader)
        continue; // blank lines between messages
      break;
    }
    sawHeader = true;
    std::string lower = lowerAscii(line);
    std::size_t at = lower.find(kLengthHeader);
    if (at != std::string::npos && at > 0) {
      // Garbage (e.g. a body sent without a header) runs into the next header: resynchronise
      // on it, dropping what came before.
      problem = "bytes that are not a message header before 'Content-Length'";
    }
    if (at != std::string::npos) {
      std::optional<std::size_t> parsed =
          parseLength(std::string_view(line).substr(at + kLengthHeader.size()));
      if (!parsed)
        problem = "bad Content-Length '" +
                  std::string(trim(line.substr(at + kLengthHeader.size()))) + "'";
      length = parsed;
      continue;
    }
    if (line.find(':') == std::string::npos)
      problem = "a header line without ':'";
    // Other headers (Content-Type) are accepted and ignored.
  }
  if (!length) {
    return {ReadOutcome::Kind::Malformed,
            {},
            problem.empty() ? "a message header without Content-Length" : problem};
  }
  if (*length > maxBody_) {
    in_.ignore(static_cast<std::streamsize>(*length));
    return {ReadOutcome::Kind::Malformed,
            {},
            "a message of " + std::to_string(*length) + " bytes is larger than the limit of " +
                std::to_string(maxBody_)};
  }
  std::string body(*length, '\0');
  in_.read(body.data(), static_cast<std::streamsize>(*length));
  auto got = static_cast<std::size_t>(in_.gcount());
  if (got < *length) {
    return {ReadOutcome::Kind::Malformed,
            {},
            "the input ended after " + std::to_string(got) + " of the " + std::to_string(*length) +
                " bytes of a message"};
  }
  // A problem before a good header block (garbage, an unknown line) is passed on for the
  // log; the message itself is fine.
  return {ReadOutcome::Kind::Message, std::move(body), problem};
}

} // namespace xr::lsp
