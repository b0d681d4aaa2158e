// The columnar batch: typed columns with validity and zeroed missing values, the per-batch text
// arena, setters that check types, params bound from defaults and overrides, record error
// messages, and the bit-for-bit comparison of two Results.
#include "interp_test_support.h"

#include <bit>
#include <cmath>

namespace xr::testing {
namespace {

using batch::Column;
using batch::Storage;

TEST(BatchColumns, StorageFollowsTheType) {
  EXPECT_EQ(batch::storageOf(TypeKind::Bool), Storage::U8);
  EXPECT_EQ(batch::storageOf(TypeKind::Status), Storage::U8);
  EXPECT_EQ(batch::storageOf(TypeKind::Int), Storage::I64);
  EXPECT_EQ(batch::storageOf(TypeKind::Number), Storage::F64);
  EXPECT_EQ(batch::storageOf(TypeKind::Date), Storage::I32);
  EXPECT_EQ(batch::storageOf(TypeKind::Enum), Storage::I32);
  EXPECT_EQ(batch::storageOf(TypeKind::Set), Storage::U64);
  EXPECT_EQ(batch::storageOf(TypeKind::Text), Storage::Text);
  EXPECT_THROW(batch::storageOf(TypeKind::Error), std::invalid_argument);
}

TEST(BatchColumns, NewRowsAreMissingAndMissingValuesAreZero) {
  Column c(Type::number(true));
  c.resize(3);
  c.setF64(1, 2.5);
  EXPECT_FALSE(c.valid(0));
  EXPECT_TRUE(c.valid(1));
  EXPECT_EQ(c.missingCount(), 2u);
  c.setMissing(1);
  EXPECT_EQ(std::bit_cast<std::uint64_t>(c.values<double>()[1]), 0u);
  EXPECT_THROW(c.values<std::int64_t>(), std::bad_variant_access);
}

TEST(BatchColumns, BatchSettersCheckTypesAndKeepTextInOneArena) {
  ProgramBuilder pb;
  const EnumId size = pb.enumeration("size", {"above_scale", "sme"});
  auto name = pb.field("name", Type::text());
  auto count = pb.field("count", Type::integer());
  auto kind = pb.field("size", Type::enumeration(size));
  auto when = pb.field("when", Type::date(true));
  batch::Batch b(pb.p);
  EXPECT_EQ(b.fieldCount(), 4u);
  const std::size_t r0 = b.addRow();
  b.setText(name, r0, "杭州某某有限公司");
  b.setInt(count, r0, 7);
  b.setEnum(kind, r0, 1);
  const std::size_t r1 = b.addRow();
  b.setText(name, r1, "宁波");
  EXPECT_EQ(b.rows(), 2u);
  EXPECT_EQ(b.text(name, r0), "杭州某某有限公司");
  EXPECT_EQ(b.text(name, r1), "宁波");
  EXPECT_EQ(b.arena(), "杭州某某有限公司宁波");
  EXPECT_FALSE(b.column(when).valid(r0));
  EXPECT_FALSE(b.column(count).valid(r1));
  EXPECT_THROW(b.setNumber(count, r0, 1.5), std::invalid_argument);
  EXPECT_THROW(b.setEnum(kind, r0, 2), std::invalid_argument);
  EXPECT_THROW(b.setText(count, r0, "x"), std::invalid_argument);
  b.set(when, r1, D(2024, 6, 30));
  EXPECT_EQ(b.column(when).values<std::int32_t>()[r1], *dates::makeDate(2024, 6, 30));
  b.clear();
  EXPECT_EQ(b.rows(), 0u);
  EXPECT_TRUE(b.arena().empty());
}

TEST(BatchParams, DefaultsOverridesAndErrors) {
  ProgramBuilder pb;
  pb.param("inspection_date", Type::date(), D(2024, 6, 30));
  pb.param("kwh_per_ton", Type::number(), N(1200));
  pb.param("region", Type::text(true));
  std::vector<std::string> errors;
  auto bound = batch::ParamValues::bind(pb.p, std::vector<batch::ParamOverride>{}, errors);
  ASSERT_TRUE(bound);
  EXPECT_EQ(bound->value(0).i, *dates::makeDate(2024, 6, 30));
  EXPECT_EQ(bound->value(1).d, 1200);
  EXPECT_FALSE(bound->value(2).valid); // optional, no default: missing

  auto overridden = batch::ParamValues::bind(
      pb.p, std::vector<batch::ParamOverride>{{"kwh_per_ton", I(1000)}, {"region", T("杭州")}},
      errors);
  ASSERT_TRUE(overridden);
  EXPECT_EQ(overridden->value(1).d, 1000); // an int for a number, converted
  EXPECT_EQ(overridden->value(2).text, "杭州");

  auto wrong = batch::ParamValues::bind(
      pb.p, std::vector<batch::ParamOverride>{{"inspection_date", T("2024-06-30")}, {"kwh", N(1)}},
      errors);
  EXPECT_FALSE(wrong);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0],
            "unknown param 'kwh' (the params are: inspection_date, kwh_per_ton, region)");
  EXPECT_EQ(errors[1], "param inspection_date is a date, not a text");

  ProgramBuilder required;
  required.param("threshold", Type::number());
  errors.clear();
  EXPECT_FALSE(batch::ParamValues::bind(required.p, std::vector<batch::ParamOverride>{}, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "param threshold has no default: give it a value for the run");
  errors.clear();
  EXPECT_FALSE(batch::ParamValues::bind(
      required.p, std::vector<batch::ParamOverride>{{"threshold", Missing(Type::number())}},
      errors));
  EXPECT_EQ(errors[0], "param threshold needs a value: it is not optional");
}

TEST(BatchResults, MessagesForEveryKind) {
  ProgramBuilder pb;
  pb.p.checklists = {"full", "sme"};
  auto site = [&](ir::ErrorKind kind, std::string context) {
    return pb.site(kind, std::move(context), "rules/x.xr:14:15");
  };
  auto message = [&](batch::RowError e) { return batch::errorMessage(pb.p, e); };
  batch::RowError e;
  e.site = site(ir::ErrorKind::DivisionByZero, "indicator C3");
  e.kind = ir::ErrorKind::DivisionByZero;
  EXPECT_EQ(message(e), "division by zero in indicator C3 (rules/x.xr:14:15)");

  e = {};
  e.site = site(ir::ErrorKind::UniqueConflict, "table tier");
  e.kind = ir::ErrorKind::UniqueConflict;
  e.detail[0] = 2;
  e.detail[1] = 4;
  EXPECT_EQ(message(e), "rows 2 and 4 of table tier both match (rules/x.xr:14:15)");

  e = {};
  e.site = site(ir::ErrorKind::BuiltinFailed, "deadline feedback");
  e.kind = ir::ErrorKind::NoCalendar;
  e.fn = static_cast<std::uint16_t>(builtins::Fn::AddWorkdays);
  e.code = XR_KERNEL_NO_CALENDAR;
  e.detail[0] = *dates::makeDate(2027, 1, 4);
  e.detail[1] = 5;
  EXPECT_EQ(
      message(e),
      "no calendar covers 2027-01-04 + 5 working days in deadline feedback (rules/x.xr:14:15)");
  e.detail[1] = -5;
  EXPECT_EQ(
      message(e),
      "no calendar covers 2027-01-04 - 5 working days in deadline feedback (rules/x.xr:14:15)");
  e.fn = static_cast<std::uint16_t>(builtins::Fn::IsWorkday);
  EXPECT_EQ(message(e), "no calendar covers 2027-01-04 in deadline feedback (rules/x.xr:14:15)");

  e = {};
  e.site = site(ir::ErrorKind::NothingAssessed, "score total");
  e.kind = ir::ErrorKind::NothingAssessed;
  e.detail[0] = 1;
  EXPECT_EQ(message(e),
            "no indicator of checklist sme could be assessed in score total (rules/x.xr:14:15)");

  e = {};
  e.site = site(ir::ErrorKind::ScoreOutOfRange, "indicator S3");
  e.kind = ir::ErrorKind::ScoreOutOfRange;
  e.detail[0] = std::bit_cast<std::int64_t>(120.5);
  EXPECT_EQ(message(e), "score 120.5 is outside 0..100 in indicator S3 (rules/x.xr:14:15)");

  e = {};
  e.site = site(ir::ErrorKind::BuiltinFailed, "add_days in deadline d");
  e.kind = ir::ErrorKind::DateOutOfRange;
  e.fn = static_cast<std::uint16_t>(builtins::Fn::AddDays);
  e.code = XR_KERNEL_DATE_OUT_OF_RANGE;
  e.detail[0] = *dates::makeDate(9999, 12, 31);
  e.detail[1] = 1;
  EXPECT_EQ(message(e),
            "date out of range (years 1..9999) in add_days(9999-12-31, 1) in deadline d "
            "(rules/x.xr:14:15)");
}

TEST(BatchResults, SameResultsComparesBitsAndTextBytes) {
  ProgramBuilder pb;
  auto s = pb.field("s", Type::text());
  auto y = pb.field("y", Type::number());
  const ir::SlotId copy = pb.let("copy", pb.fieldRef(s));
  const ir::SlotId neg = pb.let("neg", pb.neg(pb.fieldRef(y)));
  interp::Interpreter interpreter(pb.p);
  batch::Results a, b;
  interpreter.evaluate(makeBatch(pb.p, {{T("x"), N(0)}, {T("y"), N(1)}}), defaults(pb.p), a);
  // The same values, text placed elsewhere in the arena: still the same results.
  interpreter.evaluate(makeBatch(pb.p, {{T("x"), N(0)}, {T("y"), N(1)}}), defaults(pb.p), b);
  b.arena().insert(0, "padding");
  auto &refs = b.slot(copy);
  for (std::size_t r = 0; r < 2; ++r)
    refs.values<batch::TextRef>()[r].offset += 7;
  std::string why;
  EXPECT_TRUE(batch::sameResults(pb.p, a, b, &why)) << why;
  // -0 and +0 differ bit for bit.
  b.slot(neg).values<double>()[0] = 0.0;
  EXPECT_FALSE(batch::sameResults(pb.p, a, b, &why));
  EXPECT_EQ(why, "row 0, slot neg: -0 vs 0");
}

} // namespace
} // namespace xr::testing
