// Content-Length framing: good messages, extra headers, bad, missing and oversized lengths,
// truncated bodies, and resynchronising on the next good header.
#include "lsp/transport/message_reader.h"
#include "lsp/transport/message_writer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

using xr::lsp::frameMessage;
using xr::lsp::MessageReader;
using xr::lsp::MessageWriter;
using xr::lsp::ReadOutcome;
using Kind = xr::lsp::ReadOutcome::Kind;

namespace {

std::vector<ReadOutcome> readAll(const std::string &bytes, std::size_t maxBody = 1 << 20) {
  std::istringstream in(bytes);
  MessageReader reader(in, maxBody);
  std::vector<ReadOutcome> out;
  for (;;) {
    ReadOutcome outcome = reader.next();
    if (outcome.kind == Kind::End)
      return out;
    out.push_back(outcome);
    if (out.size() > 10000)
      return out;
  }
}

TEST(LspTransport, ReadsFramedMessagesInOrder) {
  auto out = readAll(frameMessage("{\"a\":1}") + frameMessage("{\"b\":\"检查\"}"));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::Message);
  EXPECT_EQ(out[0].body, "{\"a\":1}");
  EXPECT_EQ(out[1].body, "{\"b\":\"检查\"}");
}

TEST(LspTransport, AcceptsContentTypeAnyCaseAndBareNewlines) {
  auto out = readAll("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; "
                     "charset=utf-8\r\nX-Other: 1\r\n\r\n{}"
                     "Content-Length:2\n\n[]");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::Message);
  EXPECT_EQ(out[0].body, "{}");
  EXPECT_EQ(out[1].kind, Kind::Message);
  EXPECT_EQ(out[1].body, "[]");
}

TEST(LspTransport, MissingLengthIsMalformedAndTheNextMessageIsRead) {
  auto out = readAll("Content-Type: x\r\n\r\n" + frameMessage("{}"));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
  EXPECT_NE(out[0].problem.find("without Content-Length"), std::string::npos);
  EXPECT_EQ(out[1].kind, Kind::Message);
}

TEST(LspTransport, BadLengthThenABodyWithoutHeaderResynchronises) {
  auto out = readAll("Content-Length: twelve\r\n\r\n{\"x\":1}" + frameMessage("{\"ok\":1}"));
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
  EXPECT_NE(out[0].problem.find("bad Content-Length"), std::string::npos);
  EXPECT_EQ(out.back().kind, Kind::Message);
  EXPECT_EQ(out.back().body, "{\"ok\":1}");
  EXPECT_FALSE(out.back().problem.empty()); // the skipped garbage is reported for the log
}

TEST(LspTransport, NegativeAndHugeLengthsAreMalformed) {
  auto out = readAll("Content-Length: -5\r\n\r\n" + frameMessage("{}"));
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
  EXPECT_EQ(out.back().body, "{}");
  out = readAll("Content-Length: 99999999999999999999999\r\n\r\n" + frameMessage("{}"));
  ASSERT_GE(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
}

TEST(LspTransport, OversizedBodyIsSkipped) {
  auto out = readAll(frameMessage(std::string(100, 'x')) + frameMessage("{}"), 50);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
  EXPECT_NE(out[0].problem.find("larger than the limit"), std::string::npos);
  EXPECT_EQ(out[1].kind, Kind::Message);
  EXPECT_EQ(out[1].body, "{}");
}

TEST(LspTransport, TruncatedBodyEndsTheStream) {
  auto out = readAll("Content-Length: 10\r\n\r\n{\"a\"");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
  EXPECT_NE(out[0].problem.find("4 of the 10"), std::string::npos);
}

TEST(LspTransport, TruncatedHeaderIsMalformed) {
  auto out = readAll("Content-Length: 10\r\n");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
}

TEST(LspTransport, OverlongHeaderLineIsSkipped) {
  auto out = readAll(std::string(20000, 'h') + "\r\n\r\n" + frameMessage("{}"));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::Malformed);
  EXPECT_EQ(out[1].body, "{}");
}

TEST(LspTransport, EmptyInputEndsAtOnce) { EXPECT_TRUE(readAll("").empty()); }

TEST(LspTransport, WriterFramesAndNeverInterleavesAcrossThreads) {
  std::ostringstream out;
  MessageWriter writer(out);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&writer, t] {
      for (int i = 0; i < 200; ++i)
        writer.write({{"thread", t}, {"i", i}, {"pad", std::string(100, 'p')}});
    });
  for (std::thread &thread : threads)
    thread.join();
  auto messages = readAll(out.str());
  ASSERT_EQ(messages.size(), 800u);
  for (const ReadOutcome &m : messages) {
    ASSERT_EQ(m.kind, Kind::Message);
    EXPECT_FALSE(nlohmann::json::parse(m.body, nullptr, false).is_discarded());
  }
}

TEST(LspTransport, WriterReplacesInvalidUtf8) {
  std::ostringstream out;
  MessageWriter writer(out);
  writer.write({{"text", std::string("a\xff")}});
  auto messages = readAll(out.str());
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_FALSE(nlohmann::json::parse(messages[0].body, nullptr, false).is_discarded());
}

} // namespace
