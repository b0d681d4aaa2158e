// Text sync and diagnostics: didOpen/didChange/didClose, incremental changes applied in
// order in the negotiated encoding, diagnostics positioned after Chinese and non-BMP text,
// imports read from open buffers, diagnostics cleared when a file is closed or fixed.
#include "lsp/server/document_store.h"
#include "lsp/server/uri.h"
#include "lsp_testing.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using nlohmann::json;
using xr::lsp::FeatureRegistry;
using xr::lsp::RequestContext;
using xr::lsp::ServerOptions;
using xr::lsp::testing::Session;
using xr::lsp::testing::syncOptions;

namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string fixture() { return readFile(XUNCHA_SOURCE_DIR "/tests/lsp/fixtures/chinese.xr"); }

std::string replaceOnce(std::string text, const std::string &from, const std::string &to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

/// test/text answers the document's text and version as the server holds them.
void registerTextProbe(FeatureRegistry &registry) {
  registry.onDocumentRequest("test/text", [](const json &, const RequestContext &context) -> json {
    return {{"text", *context.document().text},
            {"version", context.document().version},
            {"compiled", *context.snapshot().root.text}};
  });
}

json openParams(const std::string &uri, const std::string &text, int version = 1) {
  return {
      {"textDocument", {{"uri", uri}, {"languageId", "xr"}, {"version", version}, {"text", text}}}};
}

json change(int startLine, int startCharacter, int endLine, int endCharacter,
            const std::string &text) {
  return {{"range",
           {{"start", {{"line", startLine}, {"character", startCharacter}}},
            {"end", {{"line", endLine}, {"character", endCharacter}}}}},
          {"text", text}};
}

const json *findCode(const json &diagnostics, const std::string &code) {
  for (const json &d : diagnostics)
    if (d["code"] == code)
      return &d;
  return nullptr;
}

const std::string kUri = "file:///virtual/%E5%B7%A1%E6%9F%A5.xr"; // 巡查.xr, not on disk
const std::string kErrorLine = "  /* 演练次数𠀀：每年至少两次 */ pass when 演练 >= 2";

TEST(LspDocumentSync, DiagnosticsAfterChineseAndNonBmpTextInUtf16) {
  Session session(syncOptions());
  session.initialize();
  std::string text = replaceOnce(
      fixture(), "  /* 演练次数𠀀：每年至少两次 */ pass when drills_per_year >= 2", kErrorLine);
  session.notify("textDocument/didOpen", openParams(kUri, text));
  json published = session.waitForDiagnostics(kUri);
  EXPECT_EQ(published["params"]["version"], 1);
  const json *unknown = findCode(published["params"]["diagnostics"], "XR0101");
  ASSERT_NE(unknown, nullptr) << published.dump(2);
  EXPECT_EQ((*unknown)["message"], "unknown name '演练'");
  EXPECT_EQ((*unknown)["source"], "xuncha");
  EXPECT_EQ((*unknown)["severity"], 1);
  // 31 code points before the name, one of them (𠀀) two UTF-16 units.
  EXPECT_EQ((*unknown)["range"], json::parse(R"({"start":{"line":20,"character":32},
                                                  "end":{"line":20,"character":34}})"));
}

TEST(LspDocumentSync, DiagnosticsInUtf8) {
  Session session(syncOptions());
  session.initialize({{"general", {{"positionEncodings", {"utf-8"}}}}});
  std::string text = replaceOnce(
      fixture(), "  /* 演练次数𠀀：每年至少两次 */ pass when drills_per_year >= 2", kErrorLine);
  session.notify("textDocument/didOpen", openParams(kUri, text));
  json published = session.waitForDiagnostics(kUri);
  const json *unknown = findCode(published["params"]["diagnostics"], "XR0101");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ((*unknown)["range"], json::parse(R"({"start":{"line":20,"character":56},
                                                  "end":{"line":20,"character":62}})"));
}

TEST(LspDocumentSync, DiagnosticsAndChangesInUtf32) {
  Session session(syncOptions(), registerTextProbe);
  session.initialize({{"general", {{"positionEncodings", {"utf-32"}}}}});
  std::string text = replaceOnce(
      fixture(), "  /* 演练次数𠀀：每年至少两次 */ pass when drills_per_year >= 2", kErrorLine);
  session.notify("textDocument/didOpen", openParams(kUri, text));
  json published = session.waitForDiagnostics(kUri);
  const json *unknown = findCode(published["params"]["diagnostics"], "XR0101");
  ASSERT_NE(unknown, nullptr);
  // 31 code points before the name, 𠀀 one of them.
  EXPECT_EQ((*unknown)["range"], json::parse(R"({"start":{"line":20,"character":31},
                                                  "end":{"line":20,"character":33}})"));
  session.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                  {"contentChanges", {change(20, 31, 20, 33, "drills_per_year")}}});
  json probe = session.request("test/text", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(probe["result"]["text"], fixture());
}

TEST(LspDocumentSync, IncrementalChangesApplyInOrderAndFixClearsTheError) {
  Session session(syncOptions(), registerTextProbe);
  session.initialize();
  std::string text = replaceOnce(
      fixture(), "  /* 演练次数𠀀：每年至少两次 */ pass when drills_per_year >= 2", kErrorLine);
  session.notify("textDocument/didOpen", openParams(kUri, text));
  ASSERT_NE(findCode(session.waitForDiagnostics(kUri)["params"]["diagnostics"], "XR0101"), nullptr);
  // Two changes in one notification, the second on the text the first left: replace 演练
  // (UTF-16 32..34) with "drills", then append "_per_year" after it (32+6 = 38).
  session.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                  {"contentChanges",
                   {change(20, 32, 20, 34, "drills"), change(20, 38, 20, 38, "_per_year")}}});
  json published = session.waitForDiagnostics(kUri);
  EXPECT_EQ(published["params"]["version"], 2);
  EXPECT_EQ(findCode(published["params"]["diagnostics"], "XR0101"), nullptr) << published.dump(2);
  json probe = session.request("test/text", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(probe["result"]["version"], 2);
  EXPECT_EQ(probe["result"]["text"], fixture());
  EXPECT_EQ(probe["result"]["compiled"], fixture()); // the snapshot is of the new text
}

TEST(LspDocumentSync, FullTextChangeAndChangesAcrossLines) {
  Session session(syncOptions(), registerTextProbe);
  session.initialize();
  session.notify("textDocument/didOpen", openParams(kUri, "第一行\r\n第二行\n第三行"));
  session.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                            {"contentChanges", {change(0, 2, 1, 1, "X")}}});
  json probe = session.request("test/text", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(probe["result"]["text"], "第一X二行\n第三行");
  session.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 3}}},
                                            {"contentChanges", {{{"text", "全新"}}}}});
  probe = session.request("test/text", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(probe["result"]["text"], "全新");
  EXPECT_EQ(probe["result"]["version"], 3);
  // Out-of-range positions clamp instead of failing.
  session.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 4}}},
                                            {"contentChanges", {change(0, 99, 7, 99, "！")}}});
  probe = session.request("test/text", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(probe["result"]["text"], "全新！");
}

TEST(LspDocumentSync, CloseClearsDiagnostics) {
  Session session(syncOptions());
  session.initialize();
  session.notify("textDocument/didOpen", openParams(kUri, "ruleset \"x\" version 1\nrecord {"));
  json published = session.waitForDiagnostics(kUri);
  EXPECT_FALSE(published["params"]["diagnostics"].empty());
  session.notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  published = session.waitForDiagnostics(kUri);
  EXPECT_TRUE(published["params"]["diagnostics"].empty());
}

TEST(LspDocumentSync, ChangeOfADocumentNotOpenIsIgnored) {
  Session session(syncOptions(), registerTextProbe);
  session.initialize();
  session.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                            {"contentChanges", {{{"text", "x"}}}}});
  json probe = session.request("test/text", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(probe["error"]["code"], -32602); // neither open nor on disk
}

class LspImports : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("xuncha-lsp-sync-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "基础");
    write("基础/base.xr", kBase);
    write("child.xr", "ruleset \"扩展\" version 2 extends \"基础/base.xr\"\n"
                      "override indicator C1 { pass when drills >= 3 }\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string &name, const std::string &text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string uri(const std::string &name) {
    return xr::lsp::pathToUri((dir_ / name).generic_string());
  }

  static constexpr const char *kBase = "ruleset \"基础\" version 1\n"
                                       "record Enterprise {\n  id: text key\n  drills: int\n}\n"
                                       "domain d \"域\" weight 100%\n"
                                       "indicator C1 \"演练\" in d weight 100% {\n"
                                       "  pass when drills >= 2\n}\n"
                                       "checklist full \"全部\" for true { all }\n";
  fs::path dir_;
};

TEST_F(LspImports, BaseIsReadFromItsOpenBufferAndFromDiskAfterClose) {
  Session session(syncOptions());
  session.initialize();
  std::string child = readFile((dir_ / "child.xr").string());
  session.notify("textDocument/didOpen", openParams(uri("child.xr"), child));
  EXPECT_EQ(
      findCode(session.waitForDiagnostics(uri("child.xr"))["params"]["diagnostics"], "XR0101"),
      nullptr);
  // The base's unsaved buffer renames the field: the child's use of it is now unknown.
  std::string renamed = kBase;
  renamed = replaceOnce(renamed, "drills: int", "drill_count: int");
  renamed = replaceOnce(renamed, "pass when drills", "pass when drill_count");
  session.notify("textDocument/didOpen", openParams(uri("基础/base.xr"), renamed));
  json childDiagnostics;
  for (int i = 0; i < 3 && childDiagnostics.is_null(); ++i) {
    json published = session.waitFor(
        [](const json &m) { return m.value("method", "") == "textDocument/publishDiagnostics"; });
    if (published["params"]["uri"] == uri("child.xr"))
      childDiagnostics = published["params"]["diagnostics"];
  }
  ASSERT_FALSE(childDiagnostics.is_null());
  ASSERT_NE(findCode(childDiagnostics, "XR0101"), nullptr) << childDiagnostics.dump(2);
  // Closing the buffer: the child reads the base from disk again, and is clean.
  session.notify("textDocument/didClose", {{"textDocument", {{"uri", uri("基础/base.xr")}}}});
  json published = session.waitForDiagnostics(uri("child.xr"));
  EXPECT_EQ(findCode(published["params"]["diagnostics"], "XR0101"), nullptr);
}

TEST_F(LspImports, ErrorsInAClosedBaseArePublishedForTheBase) {
  // An error the child does not override: an unknown type in the base's record.
  write("基础/base.xr", replaceOnce(kBase, "drills: int", "drills: integr"));
  Session session(syncOptions());
  session.initialize();
  session.notify("textDocument/didOpen",
                 openParams(uri("child.xr"), readFile((dir_ / "child.xr").string())));
  json base = session.waitForDiagnostics(uri("基础/base.xr"));
  EXPECT_NE(base["params"]["uri"].get<std::string>().find("%E5%9F%BA%E7%A1%80"),
            std::string::npos); // 基础, percent-encoded
  ASSERT_FALSE(base["params"]["diagnostics"].empty());
  EXPECT_EQ(base["params"]["diagnostics"][0]["severity"], 1) << base.dump(2);
  // Closing the child clears them: no open file reads the base any more.
  session.notify("textDocument/didClose", {{"textDocument", {{"uri", uri("child.xr")}}}});
  base = session.waitForDiagnostics(uri("基础/base.xr"));
  EXPECT_TRUE(base["params"]["diagnostics"].empty());
}

TEST_F(LspImports, AWatchedBaseChangedOnDiskIsReadAgain) {
  Session session(syncOptions());
  json reply = session.request(
      "initialize",
      {{"capabilities",
        {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
  session.notify("initialized", json::object());
  json registration = session.waitFor(
      [](const json &m) { return m.value("method", "") == "client/registerCapability"; });
  EXPECT_EQ(
      registration["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"],
      "**/*.xr");
  session.send({{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}});
  session.notify("textDocument/didOpen",
                 openParams(uri("child.xr"), readFile((dir_ / "child.xr").string())));
  EXPECT_EQ(
      findCode(session.waitForDiagnostics(uri("child.xr"))["params"]["diagnostics"], "XR0101"),
      nullptr);
  write("基础/base.xr", replaceOnce(replaceOnce(kBase, "drills: int", "drill_count: int"),
                                    "pass when drills", "pass when drill_count"));
  session.notify("workspace/didChangeWatchedFiles",
                 {{"changes", {{{"uri", uri("基础/base.xr")}, {"type", 2}}}}});
  json published = session.waitForDiagnostics(uri("child.xr"));
  EXPECT_NE(findCode(published["params"]["diagnostics"], "XR0101"), nullptr) << published.dump(2);
}

TEST(LspDocumentSync, NoWatcherIsRegisteredWithoutDynamicRegistration) {
  Session session(syncOptions());
  session.initialize();
  EXPECT_EQ(session.request("shutdown")["result"], nullptr);
  EXPECT_TRUE(session.drain().empty());
}

TEST(LspDocumentSync, DebouncedDiagnosticsArriveAfterABurstOfEdits) {
  ServerOptions options;
  options.debounce = std::chrono::milliseconds(30);
  Session session(options);
  session.initialize();
  session.notify("textDocument/didOpen", openParams(kUri, "ruleset \"x\" version 1\n"));
  for (int version = 2; version < 12; ++version)
    session.notify("textDocument/didChange",
                   {{"textDocument", {{"uri", kUri}, {"version", version}}},
                    {"contentChanges", {change(1, 0, 1, 0, "/")}}});
  // The last publication is of the last version; a burst gives few publications.
  json published;
  int count = 0;
  while (published.is_null() || published["params"]["version"] != 11) {
    published = session.waitForDiagnostics(kUri);
    ++count;
  }
  EXPECT_LT(count, 11);
}

TEST(LspUri, PathsAndUrisRoundTripWithChineseAndSpaces) {
  std::string uri = xr::lsp::pathToUri("/tmp/巡查 规则/a+b.xr");
  EXPECT_EQ(uri, "file:///tmp/%E5%B7%A1%E6%9F%A5%20%E8%A7%84%E5%88%99/a%2Bb.xr");
  EXPECT_EQ(xr::lsp::uriToPath(uri), "/tmp/巡查 规则/a+b.xr");
  EXPECT_EQ(xr::lsp::uriToPath("file://localhost/a/./b/../c.xr"), "/a/c.xr");
  EXPECT_EQ(xr::lsp::uriToPath("file:///a%e5%b7%a1.xr"), "/a巡.xr"); // lower-case hex
  EXPECT_FALSE(xr::lsp::uriToPath("untitled:Untitled-1"));
  EXPECT_FALSE(xr::lsp::uriToPath("file://server/share/a.xr"));
  EXPECT_FALSE(xr::lsp::uriToPath("file:///bad%zz"));
  EXPECT_EQ(xr::lsp::documentPath("untitled:Untitled-1"), "untitled:Untitled-1");
}

} // namespace
