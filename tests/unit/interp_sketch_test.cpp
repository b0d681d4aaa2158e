// Real rule text end to end: the completed sketch compiled by the front end and run by the
// interpreter, its own `test` blocks checked, a population evaluated (working-day deadlines
// through the calendar, tiers, rules, escalations) and its reports aggregated.
#include "compiler/driver/compilation.h"
#include "interp_test_support.h"
#include "runtime/interp/report.h"

#include <fmt/format.h>

#include <bit>
#include <random>

namespace xr::testing {
namespace {

const std::string kSketch = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr";

std::unique_ptr<Compilation> compileSketch() {
  auto c = compileFile(kSketch);
  std::string problems;
  for (const Diagnostic &d : c->sortedDiagnostics())
    problems += d.message + "\n";
  EXPECT_TRUE(c->program) << problems;
  return c;
}

std::uint32_t fieldIndex(const ir::Program &p, std::string_view name) {
  for (std::uint32_t i = 0; i < p.fields.size(); ++i)
    if (p.fields[i].name == name)
      return i;
  throw std::out_of_range(std::string(name));
}

ir::SlotId slotIndex(const ir::Program &p, std::string_view name) {
  for (ir::SlotId i = 0; i < p.slots.size(); ++i)
    if (p.slots[i].name == name)
      return i;
  throw std::out_of_range(std::string(name));
}

/// Runs one of the program's test cases; returns what failed ("" when it passes).
std::string runTestCase(const interp::Interpreter &interpreter, const ir::TestCase &tc) {
  const ir::Program &p = interpreter.program();
  batch::Batch b(p);
  b.addRow();
  for (std::uint32_t f = 0; f < tc.record.size(); ++f)
    b.set(f, 0, tc.record[f]);
  std::vector<std::string> errors;
  auto params = batch::ParamValues::bind(p, tc.params, errors);
  if (!params)
    return "params: " + errors.front();
  batch::Results results;
  interpreter.evaluate(b, *params, results);
  if (tc.expectError) {
    if (results.ok(0))
      return "expected an error";
    const std::string message = batch::errorMessage(p, results.error(0));
    return message.find(tc.errorContains) == std::string::npos ? "wrong error: " + message : "";
  }
  if (!results.ok(0))
    return "record error: " + batch::errorMessage(p, results.error(0));
  std::string failures;
  for (const ir::TestExpectation &x : tc.expectations) {
    interp::ExpressionValues v = interpreter.evaluateExpression(x.condition, b, *params, results);
    if (v.status[0] != 0)
      failures += "expectation failed with " + batch::errorMessage(p, v.errors[0]) + "; ";
    else if (!v.values.valid(0) || v.values.values<std::uint8_t>()[0] == 0)
      failures += "expect " + x.text + " does not hold; ";
  }
  return failures;
}

TEST(InterpSketch, TheSketchsOwnTestsPass) {
  auto c = compileSketch();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  interp::Interpreter interpreter(p);
  std::size_t expectations = 0;
  for (const ir::TestCase &tc : p.tests) {
    EXPECT_EQ(runTestCase(interpreter, tc), "") << tc.title;
    expectations += tc.expectations.size();
  }
  EXPECT_GE(p.tests.size(), 9u);
  EXPECT_GE(expectations, 15u);
  // A wrong expectation is caught: the first test's record with the next test's expectations.
  ir::TestCase wrong = p.tests[0];
  wrong.expectations = p.tests[1].expectations;
  EXPECT_NE(runTestCase(interpreter, wrong), "");
}

/// A random population of the sketch's record, with missing values, zero costs (division by
/// zero), licences expiring around the inspection date and every enum member.
batch::Batch randomPopulation(const ir::Program &p, std::size_t rows, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  auto chance = [&](int percent) { return pick(100) < percent; };
  batch::Batch b(p);
  const char *regions[] = {"杭州", "宁波", "温州"};
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t r = b.addRow();
    b.setText(fieldIndex(p, "id"), r, fmt::format("9133{:06}", pick(1'000'000)));
    b.setText(fieldIndex(p, "region"), r, regions[pick(3)]);
    b.setEnum(fieldIndex(p, "size"), r, pick(2));
    b.setEnum(fieldIndex(p, "credit"), r, pick(3));
    b.setDate(fieldIndex(p, "license_expiry"), r, *dates::makeDate(2024, 6, 30) + pick(60) - 30);
    b.setBool(fieldIndex(p, "special_equipment_checked"), r, chance(85));
    b.setInt(fieldIndex(p, "drills_per_year"), r, pick(6));
    b.setNumber(fieldIndex(p, "certified_staff_ratio"), r, pick(101) / 100.0);
    b.setNumber(fieldIndex(p, "so2"), r, pick(50));
    b.setNumber(fieldIndex(p, "so2_limit"), r, 35);
    if (!chance(10))
      b.setNumber(fieldIndex(p, "electricity_kwh"), r, pick(2'000'000));
    if (!chance(10))
      b.setNumber(fieldIndex(p, "reported_output"), r, pick(1000)); // 0: division by zero
    if (!chance(15))
      b.setNumber(fieldIndex(p, "revenue"), r, pick(1'000'000));
    if (!chance(15))
      b.setNumber(fieldIndex(p, "cost"), r, chance(3) ? 0 : pick(1'000'000) + 1);
    b.setBool(fieldIndex(p, "data_encrypted"), r, chance(70));
    b.setInt(fieldIndex(p, "incidents_3y"), r, chance(90) ? 0 : pick(3));
    b.setInt(fieldIndex(p, "overdue_rectifications"), r, chance(80) ? 0 : pick(4));
  }
  return b;
}

TEST(InterpSketch, AWholeBatchEqualsEachRecordEvaluatedAlone) {
  auto c = compileSketch();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  interp::Interpreter interpreter(p);
  const batch::Batch population = randomPopulation(p, 3000, 7);
  auto params = defaults(p);
  batch::Results whole;
  interpreter.evaluate(population, params, whole);
  EXPECT_GT(whole.errorCount(), 0u);
  EXPECT_LT(whole.errorCount(), population.rows());

  const std::size_t errorsSeen =
      expectRecordsAloneAsInTheBatch(interpreter, p, population, params, whole);
  EXPECT_EQ(errorsSeen, whole.errorCount());
}

TEST(InterpSketch, APopulationWithDeadlinesTiersAndReports) {
  auto c = compileSketch();
  ASSERT_TRUE(c->program);
  const ir::Program &p = *c->program;
  interp::Interpreter interpreter(p);
  const EnumId sizeEnum = p.fields[fieldIndex(p, "size")].type.enumId;
  const EnumId creditEnum = p.fields[fieldIndex(p, "credit")].type.enumId;

  batch::Batch b(p);
  auto add = [&](std::string id, std::string region, int size, int credit, int incidents,
                 int overdue, std::optional<double> revenue, double cost) {
    const std::size_t r = b.addRow();
    b.setText(fieldIndex(p, "id"), r, id);
    b.setText(fieldIndex(p, "region"), r, region);
    b.setEnum(fieldIndex(p, "size"), r, size);
    b.setEnum(fieldIndex(p, "credit"), r, credit);
    b.setDate(fieldIndex(p, "license_expiry"), r, *dates::makeDate(2025, 12, 31));
    b.setBool(fieldIndex(p, "special_equipment_checked"), r, true);
    b.setInt(fieldIndex(p, "drills_per_year"), r, 4);
    b.setNumber(fieldIndex(p, "certified_staff_ratio"), r, 1.0);
    b.setNumber(fieldIndex(p, "so2"), r, 20);
    b.setNumber(fieldIndex(p, "so2_limit"), r, 35);
    if (revenue)
      b.setNumber(fieldIndex(p, "revenue"), r, *revenue);
    b.setNumber(fieldIndex(p, "cost"), r, cost);
    b.setBool(fieldIndex(p, "data_encrypted"), r, true);
    b.setInt(fieldIndex(p, "incidents_3y"), r, incidents);
    b.setInt(fieldIndex(p, "overdue_rectifications"), r, overdue);
  };
  const int above = p.enums.get(sizeEnum).find("above_scale");
  const int sme = p.enums.get(sizeEnum).find("sme");
  const int A = p.enums.get(creditEnum).find("A");
  const int B = p.enums.get(creditEnum).find("B");
  const int C = p.enums.get(creditEnum).find("C");
  add("e1", "杭州", above, B, 0, 0, 100, 50);
  add("e2", "杭州", sme, A, 0, 0, std::nullopt, 50);
  add("e3", "宁波", sme, C, 1, 2, 100, 0); // revenue / 0: C3's division by zero
  add("e4", "宁波", above, C, 0, 1, 10, 50);

  // A rule set run in late December: the feedback deadline needs 2025's calendar.
  std::vector<std::string> errors;
  auto params = batch::ParamValues::bind(
      p, std::vector<batch::ParamOverride>{{"inspection_date", D(2024, 12, 27)}}, errors);
  ASSERT_TRUE(params) << errors.front();
  batch::Results results;
  interpreter.evaluate(b, *params, results);
  for (std::size_t r = 0; r < results.rows(); ++r)
    ASSERT_FALSE(results.ok(r)) << r; // every record needs 2025 for feedback
  EXPECT_NE(batch::errorMessage(p, results.error(0))
                .find("no calendar covers 2024-12-27 + 5 working days in deadline feedback"),
            std::string::npos)
      << batch::errorMessage(p, results.error(0));

  auto inJune = defaults(p);
  interpreter.evaluate(b, inJune, results);
  EXPECT_TRUE(results.ok(0));
  EXPECT_TRUE(results.ok(1));
  ASSERT_FALSE(results.ok(2));
  EXPECT_NE(batch::errorMessage(p, results.error(2)).find("division by zero in indicator C3"),
            std::string::npos)
      << batch::errorMessage(p, results.error(2));
  EXPECT_TRUE(results.ok(3));

  // 2024-06-30 is a Sunday: five working days later is Friday 2024-07-05; five before, 06-24.
  EXPECT_EQ(results.value(slotIndex(p, "feedback"), 0).i, *dates::makeDate(2024, 7, 5));
  EXPECT_EQ(results.value(slotIndex(p, "notice"), 0).i, *dates::makeDate(2024, 6, 24));
  const EnumId tierEnum = p.slots[slotIndex(p, "tier")].type.enumId;
  const auto tier = [&](std::size_t row) {
    return p.enums.get(tierEnum)
        .members[static_cast<std::size_t>(results.value(slotIndex(p, "tier"), row).i)]
        .name;
  };
  EXPECT_EQ(tier(0), "blue");
  EXPECT_EQ(tier(1), "blue");
  EXPECT_EQ(tier(3), "yellow");                                  // overdue rectifications
  EXPECT_EQ(results.value(slotIndex(p, "frequency"), 1).d, 0.3); // credit A, blue
  EXPECT_EQ(results.value(slotIndex(p, "frequency"), 3).d, 2);   // credit C: max(2, 2)
  EXPECT_EQ(results.value(slotIndex(p, "overdue"), 3).i, 1);
  EXPECT_EQ(results.value(slotIndex(p, "C3.status"), 1).i,
            static_cast<int>(ir::Status::NotAssessed));

  auto reports = interp::aggregate(interpreter, {&results}, inJune);
  ASSERT_FALSE(reports.empty());
  std::int64_t enterprises = 0;
  for (const auto &g : reports[0].groups)
    enterprises += g.records;
  EXPECT_EQ(enterprises, 3);
  EXPECT_EQ(reports[0].erroredRecords, 1);
}

} // namespace
} // namespace xr::testing
