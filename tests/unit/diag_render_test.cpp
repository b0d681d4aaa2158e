#include "compiler/diag/render.h"

#include <gtest/gtest.h>

namespace xr {
namespace {

/// One source file and helpers to point at text in it.
struct Fixture {
  SourceManager sources;
  FileId file;

  Fixture(std::string path, std::string text)
      : file(sources.add(std::move(path), std::move(text))) {}

  const std::string &text() const { return sources.file(file).text(); }

  /// The range of the `nth` occurrence of `needle`.
  SourceRange at(std::string_view needle, int nth = 0) const {
    std::size_t pos = text().find(needle);
    for (int i = 0; i < nth; ++i)
      pos = text().find(needle, pos + 1);
    EXPECT_NE(pos, std::string::npos) << needle;
    return {file, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + needle.size())};
  }

  Diagnostic diag(DiagCode code, SourceRange range, std::string message) const {
    Diagnostic d;
    d.code = code;
    d.severity = info(code).severity;
    d.range = range;
    d.message = std::move(message);
    return d;
  }

  std::string render(const std::vector<Diagnostic> &ds) const {
    return renderText(ds, sources, false);
  }
};

TEST(DiagRender, HeaderSourceLineAndUnderline) {
  Fixture f("rulesets/x.xr", "ruleset \"t\" version 1\ndomain safty weight 40%\n");
  std::string out =
      f.render({f.diag(DiagCode::UnknownDomain, f.at("safty"), "unknown domain 'safty'")});
  EXPECT_EQ(out, "rulesets/x.xr:2:8: error[XR0103]: unknown domain 'safty'\n"
                 " 2 | domain safty weight 40%\n"
                 "   |        ^~~~~\n"
                 "1 error\n");
}

TEST(DiagRender, ChineseTextGetsTwoCellsPerCharacter) {
  Fixture f("a.xr", "indicator C1 \"资质证照有效性\" in 合规 weight 40%\n");
  // Column counts code points: `证` is the 17th character of the line.
  std::string out = f.render({f.diag(DiagCode::UnknownName, f.at("证照"), "bad title part")});
  EXPECT_EQ(out, "a.xr:1:17: error[XR0101]: bad title part\n"
                 " 1 | indicator C1 \"资质证照有效性\" in 合规 weight 40%\n"
                 "   |                   ^^~~\n"
                 "1 error\n");
  // After the wide characters, an ASCII range starts where the terminal shows it.
  out = f.render({f.diag(DiagCode::UnknownName, f.at("weight"), "x")});
  EXPECT_EQ(out, "a.xr:1:30: error[XR0101]: x\n"
                 " 1 | indicator C1 \"资质证照有效性\" in 合规 weight 40%\n"
                 "   |                                       ^~~~~~\n"
                 "1 error\n");
}

TEST(DiagRender, EmptyRangeOnWideCharacterIsTwoCarets) {
  Fixture f("a.xr", "in 合规\n");
  SourceRange r = f.at("合");
  r.end = r.begin;
  std::string out = f.render({f.diag(DiagCode::SyntaxError, r, "m")});
  EXPECT_EQ(out, "a.xr:1:4: error[XR0001]: m\n"
                 " 1 | in 合规\n"
                 "   |    ^^\n"
                 "1 error\n");
}

TEST(DiagRender, FullWidthAndHangulAreWide) {
  EXPECT_EQ(terminalWidth(U'a'), 1u);
  EXPECT_EQ(terminalWidth(U'é'), 1u);
  EXPECT_EQ(terminalWidth(U'中'), 2u);
  EXPECT_EQ(terminalWidth(U'，'), 2u); // U+FF0C full-width comma
  EXPECT_EQ(terminalWidth(U'、'), 2u); // U+3001
  EXPECT_EQ(terminalWidth(U'한'), 2u);
  EXPECT_EQ(terminalWidth(U'ｱ'), 1u);    // U+FF71 half-width katakana
  EXPECT_EQ(terminalWidth(0x20001), 2u); // CJK extension B
  EXPECT_EQ(terminalWidth(0x3FFFE), 1u);
}

TEST(DiagRender, TabsExpandConsistently) {
  Fixture f("a.xr", "\tpass\twhen x\n");
  std::string out = f.render({f.diag(DiagCode::SyntaxError, f.at("when"), "m")});
  EXPECT_EQ(out, "a.xr:1:7: error[XR0001]: m\n"
                 " 1 |     pass    when x\n"
                 "   |             ^~~~\n"
                 "1 error\n");
}

TEST(DiagRender, CrlfLinesShowWithoutCarriageReturn) {
  Fixture f("w.xr", "domain a weight 1%\r\ndomain b weight 2%\r\n");
  std::string out = f.render({f.diag(DiagCode::WeightOutOfRange, f.at("2%"), "m")});
  EXPECT_EQ(out, "w.xr:2:17: error[XR0204]: m\n"
                 " 2 | domain b weight 2%\n"
                 "   |                 ^~\n"
                 "1 error\n");
  // A range that takes in the line break underlines to the end of the line only.
  SourceRange r = f.at("2%\r\n");
  out = f.render({f.diag(DiagCode::WeightOutOfRange, r, "m")});
  EXPECT_NE(out.find("   |                 ^~\n"), std::string::npos) << out;
  EXPECT_EQ(out.find('\r'), std::string::npos);
}

TEST(DiagRender, RangeAtEndOfFile) {
  Fixture f("e.xr", "domain a");
  SourceRange r{f.file, 8, 8};
  std::string out = f.render({f.diag(DiagCode::SyntaxError, r, "expected 'weight'")});
  EXPECT_EQ(out, "e.xr:1:9: error[XR0001]: expected 'weight'\n"
                 " 1 | domain a\n"
                 "   |         ^\n"
                 "1 error\n");

  Fixture g("e.xr", "domain a\n");
  r = {g.file, 9, 9};
  out = g.render({g.diag(DiagCode::SyntaxError, r, "expected 'weight'")});
  EXPECT_EQ(out, "e.xr:2:1: error[XR0001]: expected 'weight'\n"
                 " 2 |\n"
                 "   | ^\n"
                 "1 error\n");

  // Past the end (a clamped position) must not crash or read beyond the text.
  r = {g.file, 50, 60};
  out = g.render({g.diag(DiagCode::SyntaxError, r, "m")});
  EXPECT_EQ(out.rfind("e.xr:2:1:", 0), 0u) << out;
}

TEST(DiagRender, MultiLineRangeUnderlinesToEndOfFirstLine) {
  Fixture f("m.xr", "x\nindicator C1 in a {\n  pass when y\n}\n");
  SourceRange r = f.at("C1");
  r.end = static_cast<std::uint32_t>(f.text().size() - 1);
  std::string out = f.render({f.diag(DiagCode::IndicatorWithoutLogic, r, "m")});
  EXPECT_EQ(out, "m.xr:2:11: error[XR0208]: m\n"
                 " 2 | indicator C1 in a {\n"
                 "   |           ^~~~~~~~~\n"
                 "1 error\n");
}

TEST(DiagRender, NotesAndFixes) {
  Fixture f("rulesets/r.xr", "record E { license_expiry: date }\nlet a = licence_expiry\n");
  Diagnostic d =
      f.diag(DiagCode::UnknownName, f.at("licence_expiry"), "unknown name 'licence_expiry'");
  d.note(f.at("license_expiry"), "field 'license_expiry' declared here");
  d.note({}, "names are case sensitive");
  d.fix("replace with 'license_expiry'", f.at("licence_expiry"), "license_expiry");
  std::string out = f.render({d});
  EXPECT_EQ(out, "rulesets/r.xr:2:9: error[XR0101]: unknown name 'licence_expiry'\n"
                 " 2 | let a = licence_expiry\n"
                 "   |         ^~~~~~~~~~~~~~\n"
                 "rulesets/r.xr:1:12: note: field 'license_expiry' declared here\n"
                 " 1 | record E { license_expiry: date }\n"
                 "   |            ^~~~~~~~~~~~~~\n"
                 "note: names are case sensitive\n"
                 "help: replace with 'license_expiry'\n"
                 " 2 | let a = license_expiry\n"
                 "   |         ++++++++++++++\n"
                 "1 error\n");
}

TEST(DiagRender, GuttersOfOneDiagnosticLineUp) {
  std::string text;
  for (int i = 1; i <= 9; ++i)
    text += "line" + std::to_string(i) + "\n";
  text += "line10\n";
  Fixture f("g.xr", text);
  Diagnostic d = f.diag(DiagCode::DuplicateDeclaration, f.at("line10"), "m");
  d.note(f.at("line9"), "first");
  EXPECT_EQ(f.render({d}), "g.xr:10:1: error[XR0102]: m\n"
                           " 10 | line10\n"
                           "    | ^~~~~~\n"
                           "g.xr:9:1: note: first\n"
                           "  9 | line9\n"
                           "    | ^~~~~\n"
                           "1 error\n");
}

TEST(DiagRender, DeletionAndMultiLineFixPreviews) {
  Fixture f("a.xr", "indicator C1 in a {\n  pass when x x\n}\n");
  Diagnostic d = f.diag(DiagCode::SyntaxError, f.at(" x", 1), "unexpected 'x'");
  d.fix("remove it", f.at(" x", 1), "");
  SourceRange close = f.at("}");
  close.end = close.begin;
  d.fix("add a missing-data policy", close, "  missing => not_assessed\n");
  std::string out = f.render({d});
  EXPECT_EQ(out, "a.xr:2:14: error[XR0001]: unexpected 'x'\n"
                 " 2 |   pass when x x\n"
                 "   |              ^~\n"
                 "help: remove it\n"
                 " 2 |   pass when x x\n"
                 "   |              --\n"
                 "help: add a missing-data policy\n"
                 " 3 |   missing => not_assessed\n"
                 "   | +++++++++++++++++++++++++\n"
                 " 4 | }\n"
                 "1 error\n");
}

TEST(DiagRender, SummaryCountsWithSingularAndPlural) {
  EXPECT_EQ(renderSummary(0, 0, false), "");
  EXPECT_EQ(renderSummary(1, 0, false), "1 error\n");
  EXPECT_EQ(renderSummary(2, 0, false), "2 errors\n");
  EXPECT_EQ(renderSummary(0, 1, false), "1 warning\n");
  EXPECT_EQ(renderSummary(1, 3, false), "1 error, 3 warnings\n");
  EXPECT_EQ(renderSummary(2, 1, false), "2 errors, 1 warning\n");

  Fixture f("a.xr", "x\n");
  EXPECT_EQ(f.render({}), "");
  Diagnostic w = f.diag(DiagCode::UnusedDeclaration, f.at("x"), "unused 'x'");
  std::string out = f.render({w, w, f.diag(DiagCode::SyntaxError, f.at("x"), "m")});
  EXPECT_NE(out.find("a.xr:1:1: warning[XR0110]: unused 'x'\n"), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 21), "\n1 error, 2 warnings\n");
}

TEST(DiagRender, DiagnosticWithoutLocation) {
  Fixture f("a.xr", "");
  std::string out = f.render({f.diag(DiagCode::FileNotFound, {}, "cannot read 'b.xr'")});
  EXPECT_EQ(out, "error[XR0008]: cannot read 'b.xr'\n1 error\n");
  // A file that could not be read has no text: the location is shown, no source line.
  out = f.render({f.diag(DiagCode::FileNotFound, {f.file, 0, 0}, "cannot read 'a.xr'")});
  EXPECT_EQ(out, "a.xr:1:1: error[XR0008]: cannot read 'a.xr'\n1 error\n");
}

TEST(DiagRender, ControlCharactersAndBadBytesAreNotPassedToTheTerminal) {
  Fixture f("a.xr", "x \x1b[31m y \xff z\n");
  std::string out = f.render({f.diag(DiagCode::BadCharacter, f.at("z"), "m")});
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\xff'), std::string::npos);
  EXPECT_NE(out.find(" 1 | x \xEF\xBF\xBD[31m y \xEF\xBF\xBD z\n"
                     "   |             ^\n"),
            std::string::npos)
      << out;
}

TEST(DiagRender, ColorOnlyWhenAsked) {
  Fixture f("a.xr", "x\n");
  std::vector<Diagnostic> ds{f.diag(DiagCode::SyntaxError, f.at("x"), "m")};
  EXPECT_EQ(renderText(ds, f.sources, false).find('\x1b'), std::string::npos);
  std::string colored = renderText(ds, f.sources, true);
  EXPECT_NE(colored.find("\x1b[1;31merror\x1b[0m"), std::string::npos) << colored;
}

TEST(DiagRender, JsonShape) {
  Fixture f("rulesets/r.xr", "let 名 = licence_expiry\n");
  Diagnostic d =
      f.diag(DiagCode::UnknownName, f.at("licence_expiry"), "unknown name 'licence_expiry'");
  d.note(f.at("名"), "in this let");
  d.note({}, "nowhere");
  d.fix("replace with 'license_expiry'", f.at("licence_expiry"), "license_expiry");
  nlohmann::json j = renderJson({d}, f.sources);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 1u);
  const nlohmann::json &e = j[0];
  EXPECT_EQ(e["file"], "rulesets/r.xr");
  EXPECT_EQ(e["severity"], "error");
  EXPECT_EQ(e["code"], "XR0101");
  EXPECT_EQ(e["message"], "unknown name 'licence_expiry'");
  // `名` is one code point (three bytes): the column is 9, the byte offset 10.
  EXPECT_EQ(e["range"], nlohmann::json::parse(
                            R"({"start":{"line":1,"column":9},"end":{"line":1,"column":23}})"));
  EXPECT_EQ(e["byteRange"], nlohmann::json::parse(R"({"start":10,"end":24})"));
  ASSERT_EQ(e["notes"].size(), 2u);
  EXPECT_EQ(e["notes"][0]["file"], "rulesets/r.xr");
  EXPECT_EQ(e["notes"][0]["range"]["start"]["column"], 5);
  EXPECT_EQ(e["notes"][0]["range"]["end"]["column"], 6);
  EXPECT_EQ(e["notes"][0]["message"], "in this let");
  EXPECT_TRUE(e["notes"][1]["file"].is_null());
  EXPECT_TRUE(e["notes"][1]["range"].is_null());
  ASSERT_EQ(e["fixes"].size(), 1u);
  EXPECT_EQ(e["fixes"][0]["message"], "replace with 'license_expiry'");
  ASSERT_EQ(e["fixes"][0]["edits"].size(), 1u);
  EXPECT_EQ(e["fixes"][0]["edits"][0]["newText"], "license_expiry");
  EXPECT_EQ(e["fixes"][0]["edits"][0]["range"], e["range"]);
  EXPECT_EQ(e["fixes"][0]["edits"][0]["file"], "rulesets/r.xr");
  EXPECT_TRUE(renderJson({}, f.sources).is_array());
  EXPECT_TRUE(renderJson({}, f.sources).empty());
}

} // namespace
} // namespace xr
