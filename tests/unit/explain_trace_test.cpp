// interp::traceRecord, what `xuncha explain` reads: the frames before each statement are the
// interpreter's own evaluation, so the last frame equals evaluate() for every record of a
// population, and a failed record reports the error evaluate() reports.
#include "compiler/driver/compilation.h"
#include "runtime/builtins/dates.h"
#include "runtime/interp/interpreter.h"
#include "runtime/interp/trace.h"

#include <gtest/gtest.h>

#include <bit>
#include <random>

namespace xr::interp {
namespace {

const std::string kSketch = std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr";

std::uint32_t field(const ir::Program &p, std::string_view name) {
  for (std::uint32_t i = 0; i < p.fields.size(); ++i)
    if (p.fields[i].name == name)
      return i;
  throw std::out_of_range(std::string(name));
}

ir::SlotId slot(const ir::Program &p, std::string_view name) {
  for (ir::SlotId i = 0; i < p.slots.size(); ++i)
    if (p.slots[i].name == name)
      return i;
  throw std::out_of_range(std::string(name));
}

/// Records with missing values, zero costs (division by zero) and every enum member.
batch::Batch population(const ir::Program &p, std::size_t rows, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  batch::Batch b(p);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t r = b.addRow();
    b.setText(field(p, "id"), r, "e" + std::to_string(i));
    b.setText(field(p, "region"), r, pick(2) ? "杭州" : "宁波");
    b.setEnum(field(p, "size"), r, pick(2));
    b.setEnum(field(p, "credit"), r, pick(3));
    b.setDate(field(p, "license_expiry"), r, *dates::makeDate(2024, 6, 30) + pick(60) - 30);
    b.setBool(field(p, "special_equipment_checked"), r, pick(10) > 0);
    b.setInt(field(p, "drills_per_year"), r, pick(6));
    b.setNumber(field(p, "certified_staff_ratio"), r, pick(101) / 100.0);
    b.setNumber(field(p, "so2"), r, pick(50));
    b.setNumber(field(p, "so2_limit"), r, 35);
    if (pick(10) > 0)
      b.setNumber(field(p, "electricity_kwh"), r, pick(2'000'000));
    if (pick(10) > 0)
      b.setNumber(field(p, "reported_output"), r, pick(1000));
    if (pick(6) > 0)
      b.setNumber(field(p, "revenue"), r, pick(1'000'000));
    if (pick(6) > 0)
      b.setNumber(field(p, "cost"), r, pick(20) == 0 ? 0 : pick(1'000'000) + 1);
    b.setBool(field(p, "data_encrypted"), r, pick(3) > 0);
    b.setInt(field(p, "incidents_3y"), r, pick(8) == 0 ? 1 : 0);
    b.setInt(field(p, "overdue_rectifications"), r, pick(4) == 0 ? 2 : 0);
  }
  return b;
}

batch::Batch rowOf(const ir::Program &p, const batch::Batch &from, std::size_t row) {
  batch::Batch one(p);
  one.addRow();
  for (std::uint32_t f = 0; f < p.fields.size(); ++f)
    one.set(f, 0, batch::constantAt(from.column(f), row, from.arena()));
  return one;
}

class Tracing : public ::testing::Test {
protected:
  void SetUp() override {
    c_ = compileFile(kSketch);
    ASSERT_TRUE(c_->program);
    interpreter_ = std::make_unique<Interpreter>(*c_->program);
    std::vector<std::string> errors;
    params_ = batch::ParamValues::bind(p(), std::vector<batch::ParamOverride>{}, errors);
    ASSERT_TRUE(params_);
  }
  const ir::Program &p() const { return *c_->program; }

  std::unique_ptr<Compilation> c_;
  std::unique_ptr<Interpreter> interpreter_;
  std::optional<batch::ParamValues> params_;
};

TEST_F(Tracing, TheLastFrameIsWhatEvaluateGivesForEveryRecord) {
  const batch::Batch records = population(p(), 600, 11);
  batch::Results whole;
  interpreter_->evaluate(records, *params_, whole);
  ASSERT_GT(whole.errorCount(), 0u);
  ASSERT_LT(whole.errorCount(), records.rows());
  for (std::size_t row = 0; row < records.rows(); ++row) {
    const Trace trace = traceRecord(*interpreter_, rowOf(p(), records, row), *params_);
    ASSERT_EQ(trace.frames.size(), trace.ran + 1);
    ASSERT_EQ(whole.ok(row), !trace.error.has_value()) << row;
    for (const batch::Results &frame : trace.frames)
      ASSERT_TRUE(frame.ok(0)) << row;
    if (trace.error) {
      EXPECT_EQ(*trace.error, whole.error(row)) << row;
      EXPECT_EQ(trace.ran, trace.failedStatement + 1);
      EXPECT_LE(trace.ran, p().statements.size());
      continue;
    }
    EXPECT_EQ(trace.ran, p().statements.size());
    for (ir::SlotId s = 0; s < p().slots.size(); ++s) {
      const ir::Constant a = whole.value(s, row);
      const ir::Constant b = trace.final().value(s, 0);
      ASSERT_EQ(a.valid, b.valid) << row << " " << p().slots[s].name;
      ASSERT_EQ(a.i, b.i) << row << " " << p().slots[s].name;
      ASSERT_EQ(std::bit_cast<std::uint64_t>(a.d), std::bit_cast<std::uint64_t>(b.d))
          << row << " " << p().slots[s].name;
      ASSERT_EQ(a.text, b.text) << row << " " << p().slots[s].name;
    }
  }
}

TEST_F(Tracing, EachFrameHoldsTheValuesBeforeItsStatement) {
  // Credit A and blue: rule credit_a lowers frequency from 1 to 0.3.
  const batch::Batch records = population(p(), 1, 3);
  batch::Batch record = rowOf(p(), records, 0);
  const EnumId credit = p().fields[field(p(), "credit")].type.enumId;
  record.setEnum(field(p(), "credit"), 0, p().enums.get(credit).find("A"));
  record.setEnum(field(p(), "size"), 0, 1);
  record.setDate(field(p(), "license_expiry"), 0, *dates::makeDate(2025, 1, 1));
  record.setBool(field(p(), "special_equipment_checked"), 0, true);
  record.setInt(field(p(), "drills_per_year"), 0, 4);
  record.setNumber(field(p(), "so2"), 0, 10);
  record.setMissing(field(p(), "revenue"), 0);
  record.setInt(field(p(), "incidents_3y"), 0, 0);
  record.setInt(field(p(), "overdue_rectifications"), 0, 0);
  const Trace trace = traceRecord(*interpreter_, record, *params_);
  ASSERT_FALSE(trace.error);

  std::size_t ruleStatement = p().statements.size();
  for (std::size_t s = 0; s < p().statements.size(); ++s)
    if (auto *rule = std::get_if<ir::RuleStmt>(&p().statements[s].body))
      if (rule->applied == slot(p(), "credit_a"))
        ruleStatement = s;
  ASSERT_LT(ruleStatement, p().statements.size());
  const ir::SlotId frequency = slot(p(), "frequency");
  EXPECT_EQ(trace.before(ruleStatement).value(frequency, 0).d, 1);
  EXPECT_EQ(trace.after(ruleStatement).value(frequency, 0).d, 0.3);
  EXPECT_EQ(trace.final().value(frequency, 0).d, 0.3);
  // Before the first statement nothing is computed yet.
  EXPECT_FALSE(trace.before(0).value(frequency, 0).valid);
  EXPECT_FALSE(trace.before(0).value(slot(p(), "total"), 0).valid);
}

TEST_F(Tracing, AFailedRecordKeepsTheValuesComputedBeforeItsError) {
  const batch::Batch records = population(p(), 1, 5);
  batch::Batch record = rowOf(p(), records, 0);
  record.setNumber(field(p(), "revenue"), 0, 10);
  record.setNumber(field(p(), "cost"), 0, 0);
  const Trace trace = traceRecord(*interpreter_, record, *params_);
  ASSERT_TRUE(trace.error);
  EXPECT_EQ(trace.error->kind, ir::ErrorKind::DivisionByZero);
  EXPECT_TRUE(
      std::holds_alternative<ir::IndicatorStmt>(p().statements[trace.failedStatement].body));
  EXPECT_TRUE(trace.final().value(p().checklistSlot, 0).valid);
  EXPECT_TRUE(trace.final().value(slot(p(), "C1.status"), 0).valid);
}

TEST_F(Tracing, ABatchOfMoreThanOneRecordIsRefused) {
  const batch::Batch records = population(p(), 2, 1);
  EXPECT_THROW(traceRecord(*interpreter_, records, *params_), std::invalid_argument);
}

} // namespace
} // namespace xr::interp
