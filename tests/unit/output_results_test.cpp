// The result rows: the sketch's records as CSV and JSON Lines (with and without indicator
// columns, ok and error rows), quoting and escaping of awkward text, flags and actions, and the
// rows that could not be read.
#include "output_test_support.h"
#include "runtime/output/output.h"

#include <nlohmann/json.hpp>

namespace xr::testing {
namespace {

using output::OutputFormat;
using output::ResultFormatter;

std::string formatAll(const ir::Program &p, const batch::Results &results, OutputFormat format,
                      bool indicators) {
  ResultFormatter formatter(p, format, indicators);
  std::string out = formatter.preamble();
  formatter.format(results, out);
  return out;
}

class OutputSketchResults : public ::testing::Test {
protected:
  SketchRun run = runSketch();
  const ir::Program &p = run.program();

  std::string csvProvenance() const {
    return "# xuncha results: ruleset=\"XX行业巡查指标体系（示例）\" version=2024 sha256=" +
           p.contentHash + "\n";
  }
  std::string jsonProvenance() const {
    return "{\"xuncha\":\"results\",\"ruleset\":\"XX行业巡查指标体系（示例）\",\"version\":2024,"
           "\"sha256\":\"" +
           p.contentHash + "\"}\n";
  }
  std::string c3Division() const {
    return "division by zero in indicator C3 (" + run.where("41:15") + ")";
  }
};

TEST_F(OutputSketchResults, Csv) {
  ASSERT_EQ(p.contentHash.size(), 64u);
  const std::string expected =
      csvProvenance() +
      "id,status,error,checklist,total,compliance.score,safety.score,environment.score,tier,"
      "frequency,mode,surprise,notice,feedback,flags,actions\n"
      "91330100MA0000001X,ok,,full,96.52,100,91.3,100,blue,1,onsite,false,2024-06-24,2024-07-05,"
      ",\n"
      "91330100MA0000002X,ok,,sme,95.71428571428572,100,89.28571428571429,100,blue,0.3,"
      "notify_only,false,2024-06-24,2024-07-05,,\n"
      "91330200MA0000003X,error," +
      c3Division() +
      ",,,,,,,,,,,,,\n"
      "91330200MA0000004X,ok,,full,86.92,76,91.3,100,yellow,2,onsite,true,2024-06-24,2024-07-05,"
      "data_mismatch,overdue.refer_enforcement;overdue.credit_deduct=5\n";
  EXPECT_EQ(formatAll(p, run.results, OutputFormat::Csv, false), expected);
}

TEST_F(OutputSketchResults, CsvWithIndicators) {
  const std::string expected =
      csvProvenance() +
      "id,status,error,checklist,total,compliance.score,safety.score,environment.score,tier,"
      "frequency,mode,surprise,notice,feedback,C1.status,C1.score,C3.status,C3.score,S1.status,"
      "S1.score,S2.status,S2.score,S3.status,S3.score,E1.status,E1.score,E2.status,E2.score,flags,"
      "actions\n"
      "91330100MA0000001X,ok,,full,96.52,100,91.3,100,blue,1,onsite,false,2024-06-24,2024-07-05,"
      "pass,100,pass,100,pass,100,pass,75,pass,96,pass,100,pass,100,,\n"
      "91330100MA0000002X,ok,,sme,95.71428571428572,100,89.28571428571429,100,blue,0.3,"
      "notify_only,false,2024-06-24,2024-07-05,pass,100,not_assessed,,pass,100,pass,75,"
      "not_applicable,,pass,100,not_applicable,,,\n"
      "91330200MA0000003X,error," +
      c3Division() +
      ",,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
      "91330200MA0000004X,ok,,full,86.92,76,91.3,100,yellow,2,onsite,true,2024-06-24,2024-07-05,"
      "pass,100,fail,40,pass,100,pass,75,pass,96,pass,100,pass,100,data_mismatch,"
      "overdue.refer_enforcement;overdue.credit_deduct=5\n";
  EXPECT_EQ(formatAll(p, run.results, OutputFormat::Csv, true), expected);
}

TEST_F(OutputSketchResults, JsonLines) {
  const std::string expected =
      jsonProvenance() +
      R"({"id":"91330100MA0000001X","status":"ok","error":null,"checklist":"full","total":96.52,)"
      R"("compliance.score":100,"safety.score":91.3,"environment.score":100,"tier":"blue",)"
      R"("frequency":1,"mode":"onsite","surprise":false,"notice":"2024-06-24",)"
      R"("feedback":"2024-07-05","flags":[],"actions":[]})"
      "\n"
      R"({"id":"91330100MA0000002X","status":"ok","error":null,"checklist":"sme",)"
      R"("total":95.71428571428572,"compliance.score":100,"safety.score":89.28571428571429,)"
      R"("environment.score":100,"tier":"blue","frequency":0.3,"mode":"notify_only",)"
      R"("surprise":false,"notice":"2024-06-24","feedback":"2024-07-05","flags":[],"actions":[]})"
      "\n"
      R"({"id":"91330200MA0000003X","status":"error","error":")" +
      c3Division() +
      R"(","checklist":null,"total":null,"compliance.score":null,"safety.score":null,)"
      R"("environment.score":null,"tier":null,"frequency":null,"mode":null,"surprise":null,)"
      R"("notice":null,"feedback":null,"flags":null,"actions":null})"
      "\n"
      R"({"id":"91330200MA0000004X","status":"ok","error":null,"checklist":"full","total":86.92,)"
      R"("compliance.score":76,"safety.score":91.3,"environment.score":100,"tier":"yellow",)"
      R"("frequency":2,"mode":"onsite","surprise":true,"notice":"2024-06-24",)"
      R"("feedback":"2024-07-05","flags":["data_mismatch"],)"
      R"("actions":["overdue.refer_enforcement","overdue.credit_deduct=5"]})"
      "\n";
  EXPECT_EQ(formatAll(p, run.results, OutputFormat::JsonLines, false), expected);
}

TEST_F(OutputSketchResults, JsonLinesWithIndicators) {
  const std::string out = formatAll(p, run.results, OutputFormat::JsonLines, true);
  const std::string second =
      R"({"id":"91330100MA0000002X","status":"ok","error":null,"checklist":"sme",)"
      R"("total":95.71428571428572,"compliance.score":100,"safety.score":89.28571428571429,)"
      R"("environment.score":100,"tier":"blue","frequency":0.3,"mode":"notify_only",)"
      R"("surprise":false,"notice":"2024-06-24","feedback":"2024-07-05","C1.status":"pass",)"
      R"("C1.score":100,"C3.status":"not_assessed","C3.score":null,"S1.status":"pass",)"
      R"("S1.score":100,"S2.status":"pass","S2.score":75,"S3.status":"not_applicable",)"
      R"("S3.score":null,"E1.status":"pass","E1.score":100,"E2.status":"not_applicable",)"
      R"("E2.score":null,"flags":[],"actions":[]})"
      "\n";
  EXPECT_NE(out.find("\n" + second), std::string::npos) << out;
}

TEST_F(OutputSketchResults, JsonLinesHaveTheCsvColumnsInTheSameOrder) {
  for (bool indicators : {false, true}) {
    const std::string csv = formatAll(p, run.results, OutputFormat::Csv, indicators);
    const std::size_t headerStart = csv.find('\n') + 1;
    const std::string header = csv.substr(headerStart, csv.find('\n', headerStart) - headerStart);
    const std::string jsonl = formatAll(p, run.results, OutputFormat::JsonLines, indicators);
    std::size_t lines = 0;
    for (std::size_t start = 0; start < jsonl.size();) {
      const std::size_t end = jsonl.find('\n', start);
      const auto line = nlohmann::ordered_json::parse(jsonl.substr(start, end - start));
      if (lines++ == 0) {
        EXPECT_EQ(line["xuncha"], "results");
        EXPECT_EQ(line["sha256"], p.contentHash);
      } else {
        std::string keys;
        for (const auto &item : line.items())
          keys += (keys.empty() ? "" : ",") + item.key();
        EXPECT_EQ(keys, header);
      }
      start = end + 1;
    }
    EXPECT_EQ(lines, 1 + run.results.rows());
  }
}

TEST_F(OutputSketchResults, BatchesFormattedOneAfterAnotherEqualOneBatch) {
  // Rows 0-1 and 2-3 evaluated apart: the appended text is the same bytes as the whole.
  batch::Batch first(p);
  batch::Batch second(p);
  for (std::size_t row = 0; row < run.batch->rows(); ++row) {
    batch::Batch &to = row < 2 ? first : second;
    const std::size_t r = to.addRow();
    for (std::uint32_t f = 0; f < p.fields.size(); ++f)
      to.set(f, r, batch::constantAt(run.batch->column(f), row, run.batch->arena()));
  }
  batch::Results a;
  batch::Results b;
  run.interpreter->evaluate(first, defaults(p), a);
  run.interpreter->evaluate(second, defaults(p), b);
  for (OutputFormat format : {OutputFormat::Csv, OutputFormat::JsonLines}) {
    ResultFormatter formatter(p, format, true);
    std::string split = formatter.preamble();
    formatter.format(a, split);
    formatter.format(b, split);
    EXPECT_EQ(split, formatAll(p, run.results, format, true));
  }
}

/// A program made by hand with every awkward value: text with commas, quotes, newlines,
/// control characters and '#', sets, a status, a flag raised by two checks, an escalation whose
/// action has a text argument, an error site whose path has a comma.
class OutputAwkwardResults : public ::testing::Test {
protected:
  ProgramBuilder pb;
  EnumId tier = pb.enumeration("Tier", {"red", "yellow", "blue"});
  std::uint32_t id = pb.field("id", Type::text(), true);
  ir::SlotId note = pb.slot("note", Type::text(true));
  ir::SlotId kinds = pb.slot("kinds", Type::set(tier));
  ir::SlotId count = pb.slot("count", Type::integer(true));
  ir::SlotId status = pb.slot("X.status", Type::status(), ir::SlotRole::IndicatorStatus);
  ir::SlotId check1 = pb.slot("c1", Type::boolean(true), ir::SlotRole::CheckRaised);
  ir::SlotId check2 = pb.slot("c2", Type::boolean(true), ir::SlotRole::CheckRaised);
  ir::SlotId fired = pb.slot("refer", Type::boolean(), ir::SlotRole::EscalationFired);
  ir::SlotId argument = pb.slot("refer.fine", Type::text(true), ir::SlotRole::ActionArgument);
  batch::Results results;

  void SetUp() override {
    ir::Program &p = pb.p;
    p.title = "Rule \"set\"";
    p.version = 3;
    p.contentHash = std::string(64, 'f');
    pb.site(ir::ErrorKind::DivisionByZero, "let x", "a,b.xr:1:2");
    p.results = {{"note", note, false},
                 {"kinds", kinds, false},
                 {"count", count, false},
                 {"X.status", status, true}};
    p.flags = {{"mismatch", {check1, check2}}, {"late", {check2}}};
    p.escalations = {{"refer", fired, {{"notify", ir::kNoSlot}, {"fine", argument}}}};

    results.reset(p, 4);
    auto text = [&](std::string_view t) { return batch::appendText(results.arena(), t); };
    // Row 0: quotes, a comma and a newline; a flag from the first check; a text argument.
    results.key().setText(0, text("a,1"));
    results.slot(note).setText(0, text("say \"hi\"\nbye"));
    results.slot(kinds).setU64(0, 0b101);
    results.slot(count).setI64(0, 3);
    results.slot(status).setU8(0, static_cast<std::uint8_t>(ir::Status::Pass));
    results.slot(check1).setU8(0, 1);
    results.slot(check2).setU8(0, 0);
    results.slot(fired).setU8(0, 1);
    results.slot(argument).setText(0, text("x,y"));
    // Row 1: no key, control characters, an empty set, both flags, a missing argument.
    results.slot(note).setText(1, text("\x01"
                                       "ctrl\ttab"));
    results.slot(kinds).setU64(1, 0);
    results.slot(status).setU8(1, static_cast<std::uint8_t>(ir::Status::NotAssessed));
    results.slot(check2).setU8(1, 1);
    results.slot(fired).setU8(1, 1);
    // Row 2: an error.
    results.key().setText(2, text("e#3"));
    batch::RowError error;
    error.site = 0;
    error.kind = ir::ErrorKind::DivisionByZero;
    results.setError(2, error);
    // Row 3: nothing present, nothing raised or fired.
    results.key().setText(3, text("plain"));
    results.slot(fired).setU8(3, 0);
  }
};

TEST_F(OutputAwkwardResults, CsvQuotesCommasQuotesNewlinesAndHashes) {
  const std::string expected =
      "# xuncha results: ruleset=\"Rule \\\"set\\\"\" version=3 sha256=" + std::string(64, 'f') +
      "\n"
      "id,status,error,note,kinds,count,X.status,flags,actions\n"
      "\"a,1\",ok,,\"say \"\"hi\"\"\nbye\",red;blue,3,pass,mismatch,"
      "\"refer.notify;refer.fine=x,y\"\n"
      ",ok,,\x01"
      "ctrl\ttab,,,not_assessed,mismatch;late,refer.notify;refer.fine=\n"
      "\"e#3\",error,\"division by zero in let x (a,b.xr:1:2)\",,,,,,\n"
      "plain,ok,,,,,,,\n";
  EXPECT_EQ(formatAll(pb.p, results, OutputFormat::Csv, true), expected);
}

TEST_F(OutputAwkwardResults, CsvWithoutIndicatorsDropsTheirColumns) {
  const std::string out = formatAll(pb.p, results, OutputFormat::Csv, false);
  EXPECT_NE(out.find("\nid,status,error,note,kinds,count,flags,actions\n"), std::string::npos);
  EXPECT_NE(out.find("\nplain,ok,,,,,,\n"), std::string::npos) << out;
}

TEST_F(OutputAwkwardResults, JsonLinesEscapeAndTypeEveryValue) {
  const std::string expected =
      "{\"xuncha\":\"results\",\"ruleset\":\"Rule \\\"set\\\"\",\"version\":3,\"sha256\":\"" +
      std::string(64, 'f') +
      "\"}\n"
      R"({"id":"a,1","status":"ok","error":null,"note":"say \"hi\"\nbye","kinds":["red","blue"],)"
      R"("count":3,"X.status":"pass","flags":["mismatch"],)"
      R"("actions":["refer.notify","refer.fine=x,y"]})"
      "\n"
      R"({"id":null,"status":"ok","error":null,"note":"\u0001ctrl\ttab","kinds":[],"count":null,)"
      R"("X.status":"not_assessed","flags":["mismatch","late"],)"
      R"("actions":["refer.notify","refer.fine="]})"
      "\n"
      R"j({"id":"e#3","status":"error","error":"division by zero in let x (a,b.xr:1:2)",)j"
      R"("note":null,"kinds":null,"count":null,"X.status":null,"flags":null,"actions":null})"
      "\n"
      R"({"id":"plain","status":"ok","error":null,"note":null,"kinds":null,"count":null,)"
      R"("X.status":null,"flags":[],"actions":[]})"
      "\n";
  const std::string out = formatAll(pb.p, results, OutputFormat::JsonLines, true);
  EXPECT_EQ(out, expected);
  // Every line is valid JSON and reads back to the text written.
  std::size_t start = out.find('\n') + 1;
  const auto first = nlohmann::json::parse(out.substr(start, out.find('\n', start) - start));
  EXPECT_EQ(first["note"], "say \"hi\"\nbye");
  start = out.find('\n', start) + 1;
  const auto second = nlohmann::json::parse(out.substr(start, out.find('\n', start) - start));
  EXPECT_EQ(second["note"], "\x01"
                            "ctrl\ttab");
}

TEST(OutputErrorRows, CsvOfTheRecordsThatCouldNotBeRead) {
  ir::Program p;
  p.title = "sketch";
  p.version = 2024;
  p.contentHash = std::string(64, '0');
  output::ErrorFormatter formatter(p, "data/firms, 2024.csv");
  std::string out = formatter.preamble();
  formatter.format({{0, 2, "license_expiry", "expected a date like 2024-06-30, got '2024-02-30'"},
                    {4, 9, "", "expected 17 cells, got 18"},
                    {5, 10, "region", "invalid UTF-8"}},
                   out);
  EXPECT_EQ(out,
            "# xuncha errors: ruleset=\"sketch\" version=2024 sha256=" + std::string(64, '0') +
                "\n"
                "file,line,record,column,reason\n"
                "\"data/firms, 2024.csv\",2,1,license_expiry,\"expected a date like 2024-06-30, "
                "got '2024-02-30'\"\n"
                "\"data/firms, 2024.csv\",9,5,,\"expected 17 cells, got 18\"\n"
                "\"data/firms, 2024.csv\",10,6,region,invalid UTF-8\n");
}

} // namespace
} // namespace xr::testing
