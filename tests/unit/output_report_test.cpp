// The report figures: the report file (JSON) and the terminal tables, for the sketch's own
// reports and for figures with every awkward case (errors, missing values, key lists, a missing
// group, no records).
#include "output_test_support.h"
#include "runtime/output/output.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace xr::testing {
namespace {

TEST(OutputSketchReport, Json) {
  SketchRun run = runSketch();
  const ir::Program &p = run.program();
  const auto reports = interp::aggregate(*run.interpreter, {&run.results}, defaults(p));
  const output::RunCounts counts{5, 4, 1, 1};
  const std::string expected = R"({
  "xuncha": "report",
  "ruleset": {
    "name": "XX行业巡查指标体系（示例）",
    "version": 2024,
    "sha256": ")" + p.contentHash +
                               R"("
  },
  "records": {
    "in": 5,
    "evaluated": 4,
    "record_errors": 1,
    "rejected": 1
  },
  "reports": [
    {
      "name": "by_region",
      "title": null,
      "records": 3,
      "errored_records": 1,
      "groups": [
        {
          "key": "宁波",
          "records": 1,
          "items": [
            {
              "name": "enterprises",
              "title": "企业数",
              "value": 1,
              "target": null,
              "target_met": null,
              "error": null
            },
            {
              "name": "red_share",
              "title": "红色等级占比",
              "value": 0,
              "target": null,
              "target_met": null,
              "error": null
            },
            {
              "name": "mean_total",
              "title": "平均综合得分",
              "value": 86.92,
              "target": null,
              "target_met": null,
              "error": null
            },
            {
              "name": "inspectors_needed",
              "title": "所需专职巡查员",
              "value": 1,
              "target": null,
              "target_met": null,
              "error": null
            }
          ]
        },
        {
          "key": "杭州",
          "records": 2,
          "items": [
            {
              "name": "enterprises",
              "title": "企业数",
              "value": 2,
              "target": null,
              "target_met": null,
              "error": null
            },
            {
              "name": "red_share",
              "title": "红色等级占比",
              "value": 0,
              "target": null,
              "target_met": null,
              "error": null
            },
            {
              "name": "mean_total",
              "title": "平均综合得分",
              "value": 96.11714285714285,
              "target": null,
              "target_met": null,
              "error": null
            },
            {
              "name": "inspectors_needed",
              "title": "所需专职巡查员",
              "value": 1,
              "target": null,
              "target_met": null,
              "error": null
            }
          ]
        }
      ]
    },
    {
      "name": "overall",
      "title": "总体情况",
      "records": 3,
      "errored_records": 1,
      "groups": [
        {
          "key": null,
          "records": 3,
          "items": [
            {
              "name": "compliance_rate",
              "title": "合规率",
              "value": 0.6666666666666666,
              "target": ">= 85%",
              "target_met": false,
              "error": null
            },
            {
              "name": "mean_total",
              "title": "平均综合得分",
              "value": 93.05142857142857,
              "target": ">= 90",
              "target_met": true,
              "error": null
            }
          ]
        }
      ]
    }
  ]
}
)";
  const std::string json = output::reportJson(p, counts, reports);
  EXPECT_EQ(json, expected);
  // The same document as a JSON reader sees it (and byte for byte what nlohmann would indent,
  // but for the numbers: 100.0 would be written 100.0 there, 100 here).
  const auto parsed = nlohmann::ordered_json::parse(json);
  EXPECT_EQ(parsed["reports"][1]["groups"][0]["items"][0]["value"].get<double>(), 2.0 / 3.0);
  EXPECT_EQ(parsed["records"]["in"], 5);
}

TEST(OutputSketchReport, Text) {
  SketchRun run = runSketch();
  const ir::Program &p = run.program();
  const auto reports = interp::aggregate(*run.interpreter, {&run.results}, defaults(p));
  EXPECT_EQ(output::reportText(p, reports),
            "by_region: 3 records, 1 left out (record errors)\n"
            "  region  企业数  红色等级占比  平均综合得分  所需专职巡查员\n"
            "  ------  ------  ------------  ------------  --------------\n"
            "  宁波         1          0.0%         86.92               1\n"
            "  杭州         2          0.0%         96.12               1\n"
            "\n"
            "总体情况 (overall): 3 records, 1 left out (record errors)\n"
            "  item           figure  target\n"
            "  ------------  -------  ------\n"
            "  合规率        66.7% ✗  >= 85%\n"
            "  平均综合得分  93.05 ✓   >= 90\n");
}

/// Report figures made by hand, with the report's declaration for the display rules: a rate,
/// a count, a key list, an average and a sum, grouped by a field.
class OutputAwkwardReport : public ::testing::Test {
protected:
  ProgramBuilder pb;
  std::uint32_t id = pb.field("id", Type::text(), true);
  std::uint32_t region = pb.field("region", Type::text());

  void SetUp() override {
    ir::ReportInfo info;
    info.name = "r";
    info.groupBy = pb.slot("r.group", Type::text(), ir::SlotRole::AggregateInput);
    pb.stmt(ir::Assign{info.groupBy, pb.fieldRef(region)});
    const ir::AggregateKind kinds[] = {ir::AggregateKind::Rate, ir::AggregateKind::Count,
                                       ir::AggregateKind::Bottom, ir::AggregateKind::Avg,
                                       ir::AggregateKind::Sum};
    const char *names[] = {"share", "n", "worst", "avg", "bad"};
    for (std::size_t i = 0; i < 5; ++i) {
      info.aggregates.push_back({kinds[i], ir::kNoSlot, i == 2 ? 2 : 0});
      ir::ReportItemInfo item;
      item.name = names[i];
      item.value = pb.node(ir::Op::Aggregate, Type::number(), {}, static_cast<std::int64_t>(i));
      info.items.push_back(item);
    }
    // A rate inside arithmetic is not shown as a percentage.
    info.aggregates.push_back({ir::AggregateKind::Rate, ir::kNoSlot, 0});
    ir::ReportItemInfo scaled;
    scaled.name = "scaled";
    scaled.value = pb.node(ir::Op::Mul, Type::number(),
                           {pb.node(ir::Op::Aggregate, Type::number(), {}, 5), pb.n(10)});
    info.items.push_back(scaled);
    pb.p.reports.push_back(std::move(info));
    ir::ReportInfo empty;
    empty.name = "nothing";
    empty.title = "空报表";
    empty.groupBy = pb.slot("nothing.group", Type::text(), ir::SlotRole::AggregateInput);
    pb.stmt(ir::Assign{empty.groupBy, pb.t("x")});
    pb.p.reports.push_back(std::move(empty));
  }

  static interp::ReportItemResult item(std::string name, std::string title, ir::Constant value) {
    interp::ReportItemResult r;
    r.name = std::move(name);
    r.title = std::move(title);
    r.value.scalar = std::move(value);
    return r;
  }
  static interp::ReportItemResult keys(std::string name, std::string title,
                                       std::vector<ir::Constant> list) {
    interp::ReportItemResult r = item(std::move(name), std::move(title), Missing(Type::text()));
    r.value.isKeyList = true;
    r.value.keys = std::move(list);
    return r;
  }
  static interp::ReportItemResult targeted(interp::ReportItemResult r, std::optional<bool> met) {
    r.hasTarget = true;
    r.targetText = ">= 85%";
    r.targetMet = met;
    return r;
  }
  static interp::ReportItemResult failed(interp::ReportItemResult r) {
    r.value.scalar = Missing(Type::number());
    r.error = "division by zero in report r (x.xr:9:3)";
    return r;
  }

  std::vector<interp::ReportResult> figures() const {
    interp::ReportResult r;
    r.name = "r";
    r.grouped = true;
    r.records = 5;
    r.erroredRecords = 0;
    interp::ReportGroup ningbo;
    ningbo.key = T("宁波");
    ningbo.records = 3;
    ningbo.items = {targeted(item("share", "达标率", N(0.8549)), true),
                    item("n", "", I(3)),
                    keys("worst", "最低", {T("e1"), T("e3")}),
                    item("avg", "平均", N(87.33333333333333)),
                    failed(item("bad", "", N(0))),
                    item("scaled", "", N(8.549))};
    interp::ReportGroup none;
    none.key = Missing(Type::text());
    none.records = 2;
    none.items = {targeted(item("share", "达标率", Missing(Type::number())), std::nullopt),
                  item("n", "", I(2)),
                  keys("worst", "最低", {}),
                  item("avg", "平均", N(-0.0)),
                  item("bad", "", N(1e21)),
                  item("scaled", "", N(0.001))};
    r.groups = {ningbo, none};
    interp::ReportResult empty;
    empty.name = "nothing";
    empty.title = "空报表";
    empty.grouped = true;
    empty.erroredRecords = 1;
    return {r, empty};
  }
};

TEST_F(OutputAwkwardReport, TextShowsRatesMarksErrorsAndMissingValues) {
  EXPECT_EQ(output::reportText(pb.p, figures()),
            "r: 5 records\n"
            "  region     达标率 (target >= 85%)  n    最低   平均    bad  scaled\n"
            "  ---------  ----------------------  -  ------  -----  -----  ------\n"
            "  宁波                      85.5% ✓  3  e1, e3  87.33  error    8.55\n"
            "  (missing)                       -  2       -      0  1e+21   0.001\n"
            "  error in bad for 宁波: division by zero in report r (x.xr:9:3)\n"
            "\n"
            "空报表 (nothing): 0 records, 1 left out (record errors)\n"
            "  (no records)\n");
}

TEST_F(OutputAwkwardReport, AReportOfOneGroupIsAListWithItsKeyListsBelow) {
  std::vector<interp::ReportResult> reports = figures();
  reports.resize(1);
  reports[0].grouped = false;
  reports[0].groups.resize(1);
  const std::string text = output::reportText(pb.p, reports);
  EXPECT_NE(text.find("  item "), std::string::npos) << text;
  EXPECT_EQ(text.find("share  n  worst"), std::string::npos) << text; // not a wide table
  const interp::ReportItemResult &worst = reports[0].groups[0].items[2];
  ASSERT_TRUE(worst.value.isKeyList);
  ASSERT_FALSE(worst.value.keys.empty());
  EXPECT_NE(text.find(fmt::format("{} record", worst.value.keys.size())), std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  " + worst.title + ": "), std::string::npos) << text;
}

TEST_F(OutputAwkwardReport, JsonTypesEveryFigure) {
  const std::string json = output::reportJson(pb.p, {7, 5, 0, 2}, figures());
  const auto doc = nlohmann::ordered_json::parse(json);
  const auto &r = doc["reports"][0];
  EXPECT_EQ(r["title"], nullptr);
  const auto &ningbo = r["groups"][0];
  EXPECT_EQ(ningbo["key"], "宁波");
  EXPECT_EQ(ningbo["items"][0]["value"], 0.8549);
  EXPECT_EQ(ningbo["items"][0]["target"], ">= 85%");
  EXPECT_EQ(ningbo["items"][0]["target_met"], true);
  EXPECT_EQ(ningbo["items"][1]["title"], nullptr);
  EXPECT_EQ(ningbo["items"][2]["value"], nlohmann::json::array({"e1", "e3"}));
  EXPECT_EQ(ningbo["items"][4]["value"], nullptr);
  EXPECT_EQ(ningbo["items"][4]["error"], "division by zero in report r (x.xr:9:3)");
  const auto &none = r["groups"][1];
  EXPECT_EQ(none["key"], nullptr);
  EXPECT_EQ(none["items"][0]["value"], nullptr);
  EXPECT_EQ(none["items"][0]["target_met"], nullptr);
  EXPECT_EQ(none["items"][2]["value"], nlohmann::json::array());
  EXPECT_EQ(doc["reports"][1]["groups"], nlohmann::json::array());
  EXPECT_EQ(doc["records"]["rejected"], 2);
  // Numbers as the results write them: -0 as 0, no ".0" on whole numbers.
  EXPECT_NE(json.find("\"value\": 0,\n"), std::string::npos);
  EXPECT_NE(json.find("\"value\": 1e+21,\n"), std::string::npos);
  EXPECT_NE(json.find("\"value\": [\n                \"e1\",\n                \"e3\"\n"
                      "              ],\n"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"groups\": []\n"), std::string::npos);
}

TEST_F(OutputAwkwardReport, KeyListsOfRowNumbersAreIntegers) {
  auto reports = figures();
  reports[0].groups[0].items[2] = keys("worst", "最低", {I(4), I(12)});
  const auto doc = nlohmann::ordered_json::parse(output::reportJson(pb.p, {}, reports));
  EXPECT_EQ(doc["reports"][0]["groups"][0]["items"][2]["value"], nlohmann::json::array({4, 12}));
  EXPECT_NE(output::reportText(pb.p, reports).find("  4, 12  "), std::string::npos);
}

TEST(OutputReport, NoReportsGiveAnEmptyListAndNoText) {
  ir::Program p;
  p.title = "t";
  EXPECT_EQ(output::reportText(p, {}), "");
  const auto doc = nlohmann::ordered_json::parse(output::reportJson(p, {}, {}));
  EXPECT_EQ(doc["reports"], nlohmann::json::array());
  EXPECT_EQ(doc["xuncha"], "report");
}

} // namespace
} // namespace xr::testing
