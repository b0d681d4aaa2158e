// The C API (xuncha/xuncha.h only): params, contexts, typed, text and row input with its
// checks, evaluation, and results read in place.
#include "capi_fixture.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <thread>
#include <vector>

namespace {
using namespace capi_test;

// Results: tier, overdue, per_item, doubled, big, label, large, due.
enum Result : size_t { kTier, kOverdue, kPerItem, kDoubled, kBig, kLabel, kLarge, kDue };

struct CapiContext : ::testing::Test {
  void SetUp() override {
    rules = loadRules();
    compiled = compile(rules);
    XOK(xuncha_context_create(compiled, nullptr, &context));
  }
  void TearDown() override {
    EXPECT_EQ(xuncha_context_free(context), XUNCHA_OK);
    EXPECT_EQ(xuncha_compiled_free(compiled), XUNCHA_OK);
    EXPECT_EQ(xuncha_ruleset_free(rules), XUNCHA_OK);
  }

  /// The three records of the fixture, as typed columns: a, b (items 0: per_item divides by
  /// zero), c (amount missing, 200 items).
  void setTypedColumns() {
    XOK(xuncha_context_set_rows(context, 3));
    const char *ids[] = {"a", "b", "c"};
    XOK(xuncha_context_set_text(context, kId, ids, nullptr, nullptr, 3));
    const int32_t sizes[] = {1, 0, 0};
    XOK(xuncha_context_set_enum(context, kSize, sizes, nullptr, 3));
    const uint8_t ok[] = {1, 1, 0};
    XOK(xuncha_context_set_bool(context, kOk, ok, nullptr, 3));
    const int64_t items[] = {2, 0, 200};
    XOK(xuncha_context_set_int64(context, kItems, items, nullptr, 3));
    const double amounts[] = {5, 3, std::numeric_limits<double>::quiet_NaN()};
    const uint8_t amountValid[] = {1, 1, 0}; // the NaN is not read: it is missing
    XOK(xuncha_context_set_double(context, kAmount, amounts, amountValid, 3));
    const int32_t found[] = {19723, 19905, 19722}; // 2024-01-01, 2024-07-01, 2023-12-31
    XOK(xuncha_context_set_date(context, kFound, found, nullptr, 3));
  }

  std::string format(size_t column, size_t row) {
    const char *text = nullptr;
    EXPECT_EQ(xuncha_context_result_format(context, column, row, &text), XUNCHA_OK)
        << xuncha_last_error();
    return text == nullptr ? "" : text;
  }

  xuncha_ruleset *rules = nullptr;
  xuncha_compiled *compiled = nullptr;
  xuncha_context *context = nullptr;
};

TEST_F(CapiContext, TypedColumnsEvaluateAndResultsAreReadInPlace) {
  setTypedColumns();
  XOK(xuncha_context_evaluate(context));
  size_t rows = 0, errors = 0;
  XOK(xuncha_context_result_rows(context, &rows));
  EXPECT_EQ(rows, 3u);
  const uint8_t *status = nullptr;
  XOK(xuncha_context_result_status(context, &status, &errors));
  EXPECT_EQ(errors, 1u);
  EXPECT_EQ(status[0], 0);
  EXPECT_EQ(status[1], 1);
  EXPECT_EQ(status[2], 0);
  const char *message = nullptr;
  XOK(xuncha_context_result_error(context, 1, &message));
  EXPECT_STREQ(message, "division by zero in output per_item (capi.xr:16:28)");
  XOK(xuncha_context_result_error(context, 0, &message));
  EXPECT_STREQ(message, "");

  const int64_t *doubled = nullptr;
  const uint8_t *valid = nullptr;
  XOK(xuncha_context_result_int64(context, kDoubled, &doubled, &valid));
  EXPECT_EQ(doubled[0], 4);
  EXPECT_EQ(valid[1], 0); // every value of an error record is missing
  EXPECT_EQ(doubled[2], 400);
  const double *perItem = nullptr;
  XOK(xuncha_context_result_double(context, kPerItem, &perItem, &valid));
  EXPECT_EQ(perItem[0], 2.5);
  EXPECT_EQ(valid[2], 0); // amount missing
  const int32_t *tier = nullptr;
  XOK(xuncha_context_result_int32(context, kTier, &tier, nullptr));
  EXPECT_EQ(tier[0], 2); // blue
  EXPECT_EQ(tier[2], 0); // red
  const uint8_t *overdue = nullptr;
  XOK(xuncha_context_result_uint8(context, kOverdue, &overdue, nullptr));
  EXPECT_EQ(overdue[0], 1);
  const int32_t *due = nullptr;
  XOK(xuncha_context_result_int32(context, kDue, &due, nullptr));
  EXPECT_EQ(due[0], 19723 + 30);
  const char *label = nullptr;
  size_t length = 0;
  int present = 0;
  XOK(xuncha_context_result_text(context, kLabel, 2, &label, &length, &present));
  EXPECT_EQ(std::string(label, length), "c");
  EXPECT_EQ(present, 1);
  XOK(xuncha_context_result_text(context, kLabel, 1, &label, &length, &present));
  EXPECT_EQ(present, 0);

  EXPECT_EQ(format(kTier, 0), "blue");
  EXPECT_EQ(format(kDue, 2), "2024-01-30");
  EXPECT_EQ(format(kPerItem, 2), "");
  EXPECT_EQ(format(kLarge, 0), "false");
}

TEST_F(CapiContext, FormattedResultsAreWhatXunchaRunWrites) {
  setTypedColumns();
  XOK(xuncha_context_evaluate(context));
  char *csv = nullptr;
  size_t length = 0;
  XOK(xuncha_context_format_results(context, "csv", 0, 1, &csv, &length));
  const std::string text(csv, length);
  xuncha_string_free(csv);
  const char *sha = nullptr;
  XOK(xuncha_ruleset_info(rules, nullptr, nullptr, &sha));
  EXPECT_EQ(text, std::string("# xuncha results: ruleset=\"capi test\" version=3 sha256=") + sha +
                      "\n"
                      "id,status,error,tier,overdue,per_item,doubled,big,label,large,due,flags,"
                      "actions\n"
                      "a,ok,,blue,true,2.5,4,false,a,false,2024-01-31,,\n"
                      "b,error,division by zero in output per_item (capi.xr:16:28),,,,,,,,,,\n"
                      "c,ok,,red,true,,400,false,c,false,2024-01-30,,\n");
  char *jsonl = nullptr;
  XOK(xuncha_context_format_results(context, "jsonl", 0, 0, &jsonl, nullptr));
  EXPECT_EQ(std::string(jsonl).rfind("{\"id\":\"a\"", 0), 0u) << jsonl;
  xuncha_string_free(jsonl);
  EXPECT_EQ(xuncha_context_format_results(context, "xml", 0, 0, &jsonl, nullptr),
            XUNCHA_ERROR_ARGUMENT);
}

TEST_F(CapiContext, TextColumnsAndRowsGiveTheSameResultsAsTypedColumns) {
  setTypedColumns();
  XOK(xuncha_context_evaluate(context));
  char *typed = nullptr;
  XOK(xuncha_context_format_results(context, "csv", 1, 0, &typed, nullptr));

  // The same records as text, parsed by each field's type (an enum by name or label).
  XOK(xuncha_context_set_rows(context, 3));
  const char *columns[6][3] = {{"a", "b", "c"},        {"sme", "规模以上", "large"},
                               {"true", "1", "false"}, {"2", "0", "200"},
                               {"5", "3", nullptr},    {"2024-01-01", "2024-07-01", "2023-12-31"}};
  for (size_t f = 0; f < 6; ++f)
    XOK(xuncha_context_set_text(context, f, columns[f], nullptr, nullptr, 3));
  XOK(xuncha_context_evaluate(context));
  char *fromText = nullptr;
  XOK(xuncha_context_format_results(context, "csv", 1, 0, &fromText, nullptr));
  EXPECT_STREQ(fromText, typed);
  xuncha_string_free(fromText);

  // Arrow-style offsets, with lengths, for the ids.
  XOK(xuncha_context_set_rows(context, 3));
  const char data[] = "abc";
  const int64_t offsets[] = {0, 1, 2, 3};
  XOK(xuncha_context_set_text_offsets(context, kId, data, offsets, nullptr, 3));
  for (size_t f = 1; f < 6; ++f) {
    const size_t lengths[] = {columns[f][0] ? std::strlen(columns[f][0]) : 0,
                              std::strlen(columns[f][1]),
                              columns[f][2] ? std::strlen(columns[f][2]) : 0};
    XOK(xuncha_context_set_text(context, f, columns[f], lengths, nullptr, 3));
  }
  XOK(xuncha_context_evaluate(context));
  char *fromOffsets = nullptr;
  XOK(xuncha_context_format_results(context, "csv", 1, 0, &fromOffsets, nullptr));
  EXPECT_STREQ(fromOffsets, typed);
  xuncha_string_free(fromOffsets);

  // Row by row.
  XOK(xuncha_context_set_rows(context, 0));
  for (size_t row = 0; row < 3; ++row) {
    const char *values[6];
    for (size_t f = 0; f < 6; ++f)
      values[f] = columns[f][row];
    XOK(xuncha_context_add_row(context, values, 6));
  }
  size_t rows = 0;
  XOK(xuncha_context_rows(context, &rows));
  EXPECT_EQ(rows, 3u);
  XOK(xuncha_context_evaluate(context));
  char *fromRows = nullptr;
  XOK(xuncha_context_format_results(context, "csv", 1, 0, &fromRows, nullptr));
  EXPECT_STREQ(fromRows, typed);
  xuncha_string_free(fromRows);
  xuncha_string_free(typed);
}

TEST_F(CapiContext, ColumnsFilledInPlaceGiveTheSameResults) {
  setTypedColumns();
  XOK(xuncha_context_evaluate(context));
  char *copied = nullptr;
  XOK(xuncha_context_format_results(context, "csv", 1, 0, &copied, nullptr));

  // The same records written straight into the batch's own arrays.
  XOK(xuncha_context_set_rows(context, 3));
  const char *ids[] = {"a", "b", "c"};
  XOK(xuncha_context_set_text(context, kId, ids, nullptr, nullptr, 3));
  void *values = nullptr;
  uint8_t *valid = nullptr;
  XOK(xuncha_context_column_buffer(context, kSize, &values, &valid));
  EXPECT_EQ(valid[0], 0); // a new batch: every value missing
  const int32_t sizes[] = {1, 0, 0};
  std::memcpy(values, sizes, sizeof sizes);
  std::memset(valid, 1, 3);
  XOK(xuncha_context_column_buffer(context, kOk, &values, &valid));
  const uint8_t ok[] = {1, 1, 0};
  std::memcpy(values, ok, sizeof ok);
  std::memset(valid, 7, 3); // any non-zero byte is present
  XOK(xuncha_context_column_buffer(context, kItems, &values, &valid));
  const int64_t items[] = {2, 0, 200};
  std::memcpy(values, items, sizeof items);
  std::memset(valid, 1, 3);
  XOK(xuncha_context_column_buffer(context, kAmount, &values, &valid));
  static_cast<double *>(values)[0] = 5;
  static_cast<double *>(values)[1] = 3;
  static_cast<double *>(values)[2] = std::numeric_limits<double>::quiet_NaN(); // missing: not read
  const uint8_t amountValid[] = {1, 1, 0};
  std::memcpy(valid, amountValid, 3);
  XOK(xuncha_context_column_buffer(context, kFound, &values, &valid));
  const int32_t found[] = {19723, 19905, 19722};
  std::memcpy(values, found, sizeof found);
  std::memset(valid, 1, 3);
  XOK(xuncha_context_evaluate(context));
  char *inPlace = nullptr;
  XOK(xuncha_context_format_results(context, "csv", 1, 0, &inPlace, nullptr));
  EXPECT_STREQ(inPlace, copied);
  xuncha_string_free(inPlace);
  xuncha_string_free(copied);

  // Values are checked when the batch is evaluated; nothing is evaluated then.
  XOK(xuncha_context_column_buffer(context, kAmount, &values, &valid));
  static_cast<double *>(values)[1] = std::numeric_limits<double>::infinity();
  EXPECT_EQ(xuncha_context_evaluate(context), XUNCHA_ERROR_VALUE);
  EXPECT_NE(std::string(xuncha_last_error())
                .find("field 'amount', row 1 (filled in place): a number is finite"),
            std::string::npos)
      << xuncha_last_error();
  size_t rows = 0;
  EXPECT_EQ(xuncha_context_result_rows(context, &rows), XUNCHA_ERROR_ARGUMENT);
  valid[1] = 0; // now missing: its element is zeroed, the record evaluates
  XOK(xuncha_context_evaluate(context));
  EXPECT_EQ(format(kPerItem, 1), "");

  XOK(xuncha_context_column_buffer(context, kSize, &values, &valid));
  static_cast<int32_t *>(values)[0] = 5;
  EXPECT_EQ(xuncha_context_evaluate(context), XUNCHA_ERROR_VALUE);
  static_cast<int32_t *>(values)[0] = 0;
  XOK(xuncha_context_evaluate(context));

  EXPECT_EQ(xuncha_context_column_buffer(context, kId, &values, &valid), XUNCHA_ERROR_TYPE);
  EXPECT_NE(std::string(xuncha_last_error()).find("set it with xuncha_context_set_text"),
            std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_context_column_buffer(context, 6, &values, &valid), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_context_column_buffer(context, kItems, nullptr, &valid), XUNCHA_ERROR_ARGUMENT);
}

TEST_F(CapiContext, ExplainsOneRecordAsXunchaExplainDoes) {
  setTypedColumns();
  char *text = nullptr;
  XOK(xuncha_context_explain(context, 0, 0, &text));
  const std::string explained = text;
  xuncha_string_free(text);
  EXPECT_NE(explained.find("why a got its result"), std::string::npos) << explained;
  EXPECT_NE(explained.find("table tier (hit first) = blue"), std::string::npos) << explained;
  EXPECT_NE(explained.find("row 2 (line 24) no: items > 10 is false: items = 2"), std::string::npos)
      << explained;
  XOK(xuncha_context_explain(context, 1, 1, &text));
  const std::string json = text;
  xuncha_string_free(text);
  EXPECT_EQ(json.rfind("{\n  \"xuncha\": \"explain\"", 0), 0u) << json;
  EXPECT_NE(json.find("division by zero in output per_item"), std::string::npos) << json;
  EXPECT_EQ(xuncha_context_explain(context, 3, 0, &text), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_context_explain(context, 0, 0, nullptr), XUNCHA_ERROR_ARGUMENT);
}

TEST_F(CapiContext, BadColumnsAreRefusedWithAMessage) {
  XOK(xuncha_context_set_rows(context, 2));
  const int64_t ints[] = {1, 2};
  const double numbers[] = {1, std::numeric_limits<double>::infinity()};
  const uint8_t bools[] = {1, 2};
  const int32_t members[] = {0, 2};
  const int32_t days[] = {0, 3000000};

  EXPECT_EQ(xuncha_context_set_int64(context, kAmount, ints, nullptr, 2), XUNCHA_ERROR_TYPE);
  EXPECT_NE(std::string(xuncha_last_error())
                .find("field 'amount' is number, not int; set it with xuncha_context_set_double"),
            std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_context_set_int64(context, kItems, ints, nullptr, 3), XUNCHA_ERROR_LENGTH);
  EXPECT_NE(std::string(xuncha_last_error()).find("has 3 values but the batch has 2 rows"),
            std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_context_set_int64(context, 6, ints, nullptr, 2), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_context_set_int64(context, kItems, nullptr, nullptr, 2), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_context_set_double(context, kAmount, numbers, nullptr, 2), XUNCHA_ERROR_VALUE);
  EXPECT_NE(std::string(xuncha_last_error())
                .find("field 'amount', row 1: a number is finite, got an infinity"),
            std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_context_set_bool(context, kOk, bools, nullptr, 2), XUNCHA_ERROR_VALUE);
  EXPECT_EQ(xuncha_context_set_enum(context, kSize, members, nullptr, 2), XUNCHA_ERROR_VALUE);
  EXPECT_NE(std::string(xuncha_last_error()).find("has members 0 to 1, got 2"), std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_context_set_date(context, kFound, days, nullptr, 2), XUNCHA_ERROR_VALUE);
  const char *badDates[] = {"2024-01-01", "2024-02-30"};
  EXPECT_EQ(xuncha_context_set_text(context, kFound, badDates, nullptr, nullptr, 2),
            XUNCHA_ERROR_VALUE);
  EXPECT_NE(std::string(xuncha_last_error()).find("field 'found', row 1: expected a date"),
            std::string::npos)
      << xuncha_last_error();
  const char *badUtf8[] = {"ok", "\xff"};
  EXPECT_EQ(xuncha_context_set_text(context, kId, badUtf8, nullptr, nullptr, 2),
            XUNCHA_ERROR_VALUE);
  const char data[] = "ab";
  const int64_t decreasing[] = {0, 2, 1};
  EXPECT_EQ(xuncha_context_set_text_offsets(context, kId, data, decreasing, nullptr, 2),
            XUNCHA_ERROR_ARGUMENT);

  // A row with one bad value is not appended at all.
  const char *row[] = {"x", "sme", "true", "1", "1", "2024-13-01"};
  EXPECT_EQ(xuncha_context_add_row(context, row, 6), XUNCHA_ERROR_VALUE);
  EXPECT_NE(std::string(xuncha_last_error()).find("field 'found': expected a date"),
            std::string::npos)
      << xuncha_last_error();
  size_t rows = 0;
  XOK(xuncha_context_rows(context, &rows));
  EXPECT_EQ(rows, 2u); // nothing appended
  EXPECT_EQ(xuncha_context_add_row(context, row, 5), XUNCHA_ERROR_LENGTH);

  // Results before any evaluation, and out of range.
  size_t count = 0;
  EXPECT_EQ(xuncha_context_result_rows(context, &count), XUNCHA_ERROR_ARGUMENT);
  EXPECT_NE(std::string(xuncha_last_error()).find("call xuncha_context_evaluate"),
            std::string::npos);
  XOK(xuncha_context_set_rows(context, 1));
  const char *rowOk[] = {"x", "sme", "true", "1", "1", "2024-01-01"};
  XOK(xuncha_context_set_rows(context, 0));
  XOK(xuncha_context_add_row(context, rowOk, 6));
  XOK(xuncha_context_evaluate(context));
  const double *values = nullptr;
  EXPECT_EQ(xuncha_context_result_double(context, kDoubled, &values, nullptr), XUNCHA_ERROR_TYPE);
  EXPECT_NE(std::string(xuncha_last_error())
                .find("result column 'doubled' is int; read it with xuncha_context_result_int64"),
            std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_context_result_double(context, 8, &values, nullptr), XUNCHA_ERROR_ARGUMENT);
  const char *text = nullptr;
  EXPECT_EQ(xuncha_context_result_format(context, kTier, 1, &text), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_context_result_text(context, kTier, 0, &text, nullptr, nullptr),
            XUNCHA_ERROR_TYPE);
}

TEST_F(CapiContext, ParamsAreBoundByNameFromText) {
  const char *names[] = {"threshold"};
  const char *values[] = {"4"};
  xuncha_params *params = nullptr;
  XOK(xuncha_params_bind(compiled, names, values, 1, &params));
  xuncha_context *withParams = nullptr;
  XOK(xuncha_context_create(compiled, params, &withParams));
  XOK(xuncha_params_free(params)); // the context keeps its own copy
  const char *row[] = {"x", "sme", "true", "1", "4.5", "2024-01-01"};
  XOK(xuncha_context_add_row(withParams, row, 6));
  XOK(xuncha_context_evaluate(withParams));
  const uint8_t *big = nullptr;
  XOK(xuncha_context_result_uint8(withParams, kBig, &big, nullptr));
  EXPECT_EQ(big[0], 1); // 4.5 > 4; with the default threshold of 10 it is not
  XOK(xuncha_context_add_row(context, row, 6));
  XOK(xuncha_context_evaluate(context));
  XOK(xuncha_context_result_uint8(context, kBig, &big, nullptr));
  EXPECT_EQ(big[0], 0);
  XOK(xuncha_context_free(withParams));

  const char *badNames[] = {"treshold", "inspection_date"};
  const char *badValues[] = {"1", "soon"};
  EXPECT_EQ(xuncha_params_bind(compiled, badNames, badValues, 2, &params), XUNCHA_ERROR_PARAMS);
  const std::string message = xuncha_last_error();
  EXPECT_NE(message.find("unknown param 'treshold'; did you mean 'threshold'?"), std::string::npos)
      << message;
  EXPECT_NE(message.find("param 'inspection_date': expected a date"), std::string::npos) << message;
  EXPECT_EQ(xuncha_params_bind(compiled, nullptr, nullptr, 1, &params), XUNCHA_ERROR_ARGUMENT);
  XOK(xuncha_params_bind(compiled, nullptr, nullptr, 0, &params));
  XOK(xuncha_params_free(params));
}

TEST(CapiEvaluate, AParamWithoutDefaultMustBeGiven) {
  const std::string text = "ruleset \"p\" version 1\n"
                           "record R { id: text key\n amount: number }\n"
                           "param threshold: number\n"
                           "output over: bool = amount > threshold\n";
  xuncha_ruleset *rules = nullptr;
  XOK(xuncha_ruleset_from_text("p.xr", text.data(), text.size(), &rules, nullptr));
  xuncha_compiled *compiled = compile(rules);
  xuncha_context *context = nullptr;
  EXPECT_EQ(xuncha_context_create(compiled, nullptr, &context), XUNCHA_ERROR_PARAMS);
  EXPECT_NE(std::string(xuncha_last_error()).find("threshold"), std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(context, nullptr);
  XOK(xuncha_compiled_free(compiled));
  XOK(xuncha_ruleset_free(rules));
}

TEST(CapiEvaluate, EnginesByNameAndFreeingInAnyOrder) {
  xuncha_engine engine = XUNCHA_ENGINE_INTERP;
  XOK(xuncha_engine_from_name("jit", &engine));
  EXPECT_EQ(engine, XUNCHA_ENGINE_JIT);
  XOK(xuncha_engine_from_name("auto", &engine));
  EXPECT_EQ(engine, XUNCHA_ENGINE_AUTO);
  EXPECT_EQ(xuncha_engine_from_name("llvm", &engine), XUNCHA_ERROR_ARGUMENT);
  xuncha_ruleset *rules = loadRules();
  xuncha_compiled *compiled = nullptr;
  EXPECT_EQ(xuncha_compile(rules, static_cast<xuncha_engine>(7), nullptr, &compiled),
            XUNCHA_ERROR_ARGUMENT);
  compiled = compile(rules, XUNCHA_ENGINE_AUTO);
  char *warnings = nullptr;
  XOK(xuncha_compiled_warnings(compiled, &warnings));
  EXPECT_STREQ(warnings, "");
  xuncha_string_free(warnings);
  xuncha_context *context = nullptr;
  XOK(xuncha_context_create(compiled, nullptr, &context));
  // The context keeps what it needs: the rule set and the compiled rule set may go first.
  XOK(xuncha_ruleset_free(rules));
  XOK(xuncha_compiled_free(compiled));
  const char *row[] = {"x", "sme", "true", "3", "1", "2024-01-01"};
  XOK(xuncha_context_add_row(context, row, 6));
  XOK(xuncha_context_evaluate(context));
  const int64_t *doubled = nullptr;
  XOK(xuncha_context_result_int64(context, kDoubled, &doubled, nullptr));
  EXPECT_EQ(doubled[0], 6);
  XOK(xuncha_context_free(context));
  EXPECT_EQ(xuncha_context_evaluate(context), XUNCHA_ERROR_HANDLE);
}

TEST(CapiEvaluate, AJitThatCannotCompileIsAnEngineError) {
  xuncha_ruleset *rules = loadRules();
  ASSERT_EQ(setenv("XUNCHA_JIT_DISABLE", "1", 1), 0);
  xuncha_compiled *compiled = nullptr;
  const xuncha_status status = xuncha_compile(rules, XUNCHA_ENGINE_JIT, nullptr, &compiled);
  const std::string message = xuncha_last_error();
  ASSERT_EQ(unsetenv("XUNCHA_JIT_DISABLE"), 0);
  EXPECT_EQ(status, XUNCHA_ERROR_ENGINE);
  EXPECT_EQ(compiled, nullptr);
  EXPECT_NE(message.find("the JIT cannot compile rule set 'capi test'"), std::string::npos)
      << message;
  XOK(xuncha_ruleset_free(rules));
}

TEST(CapiEvaluate, TheLastErrorIsPerThread) {
  const char *name = nullptr;
  ASSERT_EQ(xuncha_ruleset_info(nullptr, &name, nullptr, nullptr), XUNCHA_ERROR_HANDLE);
  std::string other = "unset";
  std::thread([&] {
    other = xuncha_last_error();
    xuncha_engine engine;
    EXPECT_EQ(xuncha_engine_from_name("fast", &engine), XUNCHA_ERROR_ARGUMENT);
  }).join();
  EXPECT_EQ(other, "");
  EXPECT_NE(std::string(xuncha_last_error()).find("'ruleset' is NULL"), std::string::npos)
      << xuncha_last_error();
  xuncha_engine engine;
  XOK(xuncha_engine_from_name("interp", &engine));
  EXPECT_STREQ(xuncha_last_error(), "");
}

TEST(CapiEvaluate, SetResultsAreBitMasksOfMembers) {
  const std::string text = "ruleset \"sets\" version 1\n"
                           "enum Issue { safety, environment, paperwork }\n"
                           "record R {\n  id: text key\n  incidents: int\n  late: bool\n}\n"
                           "table issues : Issue hit collect {\n"
                           "  late => paperwork\n"
                           "  incidents > 0 => safety\n"
                           "}\n";
  xuncha_ruleset *rules = nullptr;
  XOK(xuncha_ruleset_from_text("sets.xr", text.data(), text.size(), &rules, nullptr));
  size_t column = 0;
  XOK(xuncha_ruleset_result_index(rules, "issues", &column));
  xuncha_type type{};
  XOK(xuncha_ruleset_result(rules, column, nullptr, &type, nullptr, nullptr));
  EXPECT_EQ(type, XUNCHA_TYPE_SET);
  xuncha_compiled *compiled = compile(rules);
  xuncha_context *context = nullptr;
  XOK(xuncha_context_create(compiled, nullptr, &context));
  const char *first[] = {"a", "2", "true"};
  const char *second[] = {"b", "0", "false"};
  XOK(xuncha_context_add_row(context, first, 3));
  XOK(xuncha_context_add_row(context, second, 3));
  XOK(xuncha_context_evaluate(context));
  const uint64_t *sets = nullptr;
  const uint8_t *valid = nullptr;
  XOK(xuncha_context_result_uint64(context, column, &sets, &valid));
  EXPECT_EQ(sets[0], 0b101u); // safety (member 0) and paperwork (member 2)
  EXPECT_EQ(sets[1], 0u);
  const char *formatted = nullptr;
  XOK(xuncha_context_result_format(context, column, 0, &formatted));
  EXPECT_STREQ(formatted, "safety;paperwork");
  const int32_t *wrong = nullptr;
  EXPECT_EQ(xuncha_context_result_int32(context, column, &wrong, nullptr), XUNCHA_ERROR_TYPE);
  XOK(xuncha_context_free(context));
  XOK(xuncha_compiled_free(compiled));
  XOK(xuncha_ruleset_free(rules));
}

} // namespace
