// Transcript tests: every tests/lsp/transcripts/*.transcript is a recorded session with the
// language server, run in-process (diagnostics published synchronously, so the order of the
// messages is fixed). See tests/lsp/transcripts/README.md for the format:
//
//   # a comment
//   --> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{...}}    sent to the server
//   <-- {"jsonrpc":"2.0","id":1,"result":{"$partial":true,...}}          expected from it
//
// A message may span several lines. ${FIXTURES_URI} is the file:// URI of tests/lsp/fixtures,
// ${FIXTURES_PATH} its path and ${TEXT:name} the JSON string of a fixture's text. In an
// expected message an object with "$partial": true matches an object with at least its
// other members, and the string "$any" matches any value. `#! exit N` checks the exit code.
//
// XR_LSP_TRANSCRIPT_UPDATE=1 rewrites the expected messages that do not match with what the
// server sent (then read the diff before committing it).
#include "compiler/format/line_diff.h"
#include "lsp/server/server.h"
#include "lsp/server/uri.h"
#include "lsp/transport/message_reader.h"
#include "lsp/transport/message_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kTranscripts = fs::path(XUNCHA_SOURCE_DIR) / "tests/lsp/transcripts";
const fs::path kFixtures = fs::path(XUNCHA_SOURCE_DIR) / "tests/lsp/fixtures";

struct Step {
  bool sent = false;    // --> (to the server) or <-- (expected from it)
  std::string text;     // as written, after the arrow
  std::size_t line = 0; // where it starts in the file (1-based)
};

struct Transcript {
  std::vector<std::string> lines; // the file, for rewriting
  std::vector<Step> steps;
  std::vector<std::pair<std::size_t, std::size_t>> expectedLines; // [first, last) of each <--
  std::optional<int> exitCode;
};

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Transcript parseTranscript(const std::string &text) {
  Transcript t;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    t.lines.push_back(line);
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const std::string &l = t.lines[i];
    if (l.rfind("#! exit ", 0) == 0) {
      t.exitCode = std::stoi(l.substr(8));
      continue;
    }
    bool sent = l.rfind("-->", 0) == 0;
    if (!sent && l.rfind("<--", 0) != 0)
      continue;
    Step step{sent, l.substr(3), i + 1};
    std::size_t j = i + 1;
    for (; j < t.lines.size(); ++j) {
      const std::string &next = t.lines[j];
      if (next.rfind("-->", 0) == 0 || next.rfind("<--", 0) == 0 || next.rfind("#", 0) == 0)
        break;
      step.text += "\n" + next;
    }
    if (!sent)
      t.expectedLines.emplace_back(i, j);
    t.steps.push_back(std::move(step));
    i = j - 1;
  }
  return t;
}

std::string replaceAll(std::string text, const std::string &from, const std::string &to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string fixturesUri() { return xr::lsp::pathToUri(kFixtures.generic_string()); }

std::string substitute(std::string text) {
  for (std::size_t at = text.find("${TEXT:"); at != std::string::npos;
       at = text.find("${TEXT:", at)) {
    std::size_t end = text.find('}', at);
    std::string name = text.substr(at + 7, end - at - 7);
    std::string literal = json(readFile(kFixtures / name)).dump();
    text.replace(at, end + 1 - at, literal);
    at += literal.size();
  }
  text = replaceAll(text, "${FIXTURES_URI}", fixturesUri());
  return replaceAll(text, "${FIXTURES_PATH}", kFixtures.generic_string());
}

std::string unsubstitute(std::string text) {
  text = replaceAll(text, fixturesUri(), "${FIXTURES_URI}");
  return replaceAll(text, kFixtures.generic_string(), "${FIXTURES_PATH}");
}

bool matches(const json &expected, const json &actual) {
  if (expected == "$any")
    return true;
  if (expected.is_object() && expected.value("$partial", false) == true) {
    if (!actual.is_object())
      return false;
    for (const auto &[key, value] : expected.items())
      if (key != "$partial" && (!actual.contains(key) || !matches(value, actual[key])))
        return false;
    return true;
  }
  if (expected.is_object() && actual.is_object()) {
    if (expected.size() != actual.size())
      return false;
    for (const auto &[key, value] : expected.items())
      if (!actual.contains(key) || !matches(value, actual[key]))
        return false;
    return true;
  }
  if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size())
      return false;
    for (std::size_t i = 0; i < expected.size(); ++i)
      if (!matches(expected[i], actual[i]))
        return false;
    return true;
  }
  if (expected.is_number() && actual.is_number())
    return expected.get<double>() == actual.get<double>();
  return expected == actual;
}

/// `actual` cut to the shape of `expected`: what the expected message does not look at is
/// left out, so a diff shows only real differences.
json project(const json &expected, const json &actual) {
  if (expected == "$any")
    return expected;
  if (expected.is_object() && actual.is_object()) {
    bool partial = expected.value("$partial", false) == true;
    json out = json::object();
    for (const auto &[key, value] : actual.items()) {
      if (expected.contains(key))
        out[key] = project(expected[key], value);
      else if (!partial)
        out[key] = value;
    }
    return out;
  }
  if (expected.is_array() && actual.is_array()) {
    json out = json::array();
    for (std::size_t i = 0; i < actual.size(); ++i)
      out.push_back(i < expected.size() ? project(expected[i], actual[i]) : actual[i]);
    return out;
  }
  return actual;
}

json withoutPartial(json value) {
  if (value.is_object()) {
    value.erase("$partial");
    for (auto &[key, member] : value.items())
      member = withoutPartial(member);
  } else if (value.is_array()) {
    for (json &member : value)
      member = withoutPartial(member);
  }
  return value;
}

std::string diffText(const std::string &expected, const std::string &actual) {
  return xr::format::unifiedDiff(expected, actual, "expected", "actual");
}

struct Outcome {
  std::vector<json> messages;
  int exitCode = 0;
};

Outcome runSession(const Transcript &transcript) {
  std::string input;
  for (const Step &step : transcript.steps)
    if (step.sent) {
      std::string body = substitute(step.text);
      // Sent as written (so a transcript can send broken JSON), without the arrow's space.
      std::size_t first = body.find_first_not_of(" \n");
      input += xr::lsp::frameMessage(first == std::string::npos ? "" : body.substr(first));
    }
  std::istringstream in(input);
  std::ostringstream out;
  xr::lsp::ServerOptions options;
  options.synchronousDiagnostics = true;
  xr::lsp::Server server(options);
  Outcome outcome;
  outcome.exitCode = server.run(in, out);
  std::istringstream produced(out.str());
  xr::lsp::MessageReader reader(produced);
  for (;;) {
    xr::lsp::ReadOutcome read = reader.next();
    if (read.kind == xr::lsp::ReadOutcome::Kind::End)
      break;
    outcome.messages.push_back(json::parse(read.body, nullptr, false));
  }
  return outcome;
}

std::vector<std::string> transcriptNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry &entry : fs::directory_iterator(kTranscripts, ec))
    if (entry.path().extension() == ".transcript")
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class LspTranscript : public ::testing::TestWithParam<std::string> {};

TEST_P(LspTranscript, Replays) {
  fs::path file = kTranscripts / (GetParam() + ".transcript");
  Transcript transcript = parseTranscript(readFile(file));
  Outcome outcome = runSession(transcript);
  bool update = std::getenv("XR_LSP_TRANSCRIPT_UPDATE") != nullptr;

  std::vector<const Step *> expected;
  for (const Step &step : transcript.steps)
    if (!step.sent)
      expected.push_back(&step);
  std::vector<std::string> rewritten; // per expected step, when updating
  bool changed = false;
  std::size_t count = std::max(expected.size(), outcome.messages.size());
  for (std::size_t i = 0; i < count; ++i) {
    const json *actual = i < outcome.messages.size() ? &outcome.messages[i] : nullptr;
    if (i >= expected.size()) {
      ADD_FAILURE() << file.string() << ": the server sent more than expected:\n"
                    << actual->dump(2);
      changed = true;
      rewritten.push_back("<-- " + unsubstitute(actual->dump()));
      continue;
    }
    json want = json::parse(substitute(expected[i]->text), nullptr, false);
    if (want.is_discarded()) {
      ADD_FAILURE() << file.string() << ":" << expected[i]->line
                    << ": the expected message is not valid JSON";
      rewritten.push_back("<--" + expected[i]->text);
      continue;
    }
    if (actual == nullptr) {
      ADD_FAILURE() << file.string() << ":" << expected[i]->line
                    << ": the server sent nothing more; expected:\n"
                    << withoutPartial(want).dump(2);
      changed = true;
      continue; // dropped when updating
    }
    if (matches(want, *actual)) {
      rewritten.push_back("<--" + expected[i]->text);
      continue;
    }
    changed = true;
    rewritten.push_back("<-- " + unsubstitute(actual->dump()));
    ADD_FAILURE() << file.string() << ":" << expected[i]->line << ": message " << i + 1
                  << " differs:\n"
                  << diffText(withoutPartial(want).dump(2) + "\n",
                              project(want, *actual).dump(2) + "\n");
  }
  if (transcript.exitCode) {
    EXPECT_EQ(outcome.exitCode, *transcript.exitCode) << file.string();
  }

  if (update && changed) {
    // Replace each expected block in place; extra messages go after the last one.
    std::vector<std::string> lines;
    std::size_t next = 0, block = 0;
    for (const auto &[first, last] : transcript.expectedLines) {
      lines.insert(lines.end(), transcript.lines.begin() + static_cast<std::ptrdiff_t>(next),
                   transcript.lines.begin() + static_cast<std::ptrdiff_t>(first));
      if (block < rewritten.size())
        lines.push_back(rewritten[block]);
      ++block;
      next = last;
    }
    std::size_t tail = next;
    if (transcript.expectedLines.empty())
      tail = transcript.lines.size();
    lines.insert(lines.end(), transcript.lines.begin() + static_cast<std::ptrdiff_t>(next),
                 transcript.lines.begin() + static_cast<std::ptrdiff_t>(tail));
    for (; block < rewritten.size(); ++block)
      lines.push_back(rewritten[block]);
    if (tail < transcript.lines.size())
      lines.insert(lines.end(), transcript.lines.begin() + static_cast<std::ptrdiff_t>(tail),
                   transcript.lines.end());
    std::ofstream out(file, std::ios::binary);
    for (const std::string &line : lines)
      out << line << "\n";
  }
}

INSTANTIATE_TEST_SUITE_P(Files, LspTranscript, ::testing::ValuesIn(transcriptNames()),
                         [](const ::testing::TestParamInfo<std::string> &param) {
                           std::string name = param.param;
                           for (char &c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           return name;
                         });

TEST(LspTranscriptMatcher, PartialObjectsAndAnyValues) {
  EXPECT_TRUE(matches(json::parse(R"({"$partial":true,"a":1})"), json::parse(R"({"a":1,"b":2})")));
  EXPECT_FALSE(matches(json::parse(R"({"a":1})"), json::parse(R"({"a":1,"b":2})")));
  EXPECT_TRUE(matches(json::parse(R"({"a":"$any"})"), json::parse(R"({"a":[1,2]})")));
  EXPECT_FALSE(matches(json::parse(R"([1,2])"), json::parse(R"([1,2,3])")));
  EXPECT_FALSE(matches(json::parse(R"({"$partial":true,"a":1})"), json::parse(R"({"b":1})")));
}

TEST(LspTranscriptMatcher, ProjectionKeepsOnlyWhatIsCompared) {
  json want = json::parse(R"({"$partial":true,"a":{"$partial":true,"x":1}})");
  json got = json::parse(R"({"a":{"x":2,"y":3},"b":4})");
  EXPECT_EQ(project(want, got), json::parse(R"({"a":{"x":2}})"));
}

TEST(LspTranscriptMatcher, ParsesMultiLineMessagesCommentsAndExitCodes) {
  Transcript t = parseTranscript("# c\n--> {\"a\":\n 1}\n<-- {}\n#! exit 0\n");
  ASSERT_EQ(t.steps.size(), 2u);
  EXPECT_TRUE(t.steps[0].sent);
  EXPECT_EQ(json::parse(t.steps[0].text), json::parse(R"({"a":1})"));
  EXPECT_EQ(t.exitCode, 0);
  EXPECT_EQ(t.expectedLines.size(), 1u);
}

} // namespace
