// The C API (xuncha/xuncha.h only): loading rule sets, diagnostics, what a rule set reads and
// gives, its tests, and handles checked on every call.
#include "capi_fixture.h"

#include <cstring>
#include <string>

namespace {
using namespace capi_test;

TEST(CapiRuleSet, VersionAndNames) {
  EXPECT_STREQ(xuncha_version(), XUNCHA_VERSION_STRING);
  EXPECT_EQ(xuncha_abi_version(), XUNCHA_ABI_VERSION);
  EXPECT_STREQ(xuncha_status_name(XUNCHA_ERROR_HANDLE), "handle");
  EXPECT_STREQ(xuncha_status_name(static_cast<xuncha_status>(99)), "unknown");
  EXPECT_STREQ(xuncha_type_name(XUNCHA_TYPE_DATE), "date");
}

TEST(CapiRuleSet, LoadsAFileWithItsIdentityAndWarnings) {
  xuncha_ruleset *rules = nullptr;
  xuncha_diagnostics *diagnostics = nullptr;
  XOK(xuncha_ruleset_load(national2023().c_str(), &rules, &diagnostics));
  EXPECT_STREQ(xuncha_last_error(), "");
  const char *name = nullptr;
  const char *sha = nullptr;
  int64_t version = 0;
  XOK(xuncha_ruleset_info(rules, &name, &version, &sha));
  EXPECT_EQ(version, 2023);
  EXPECT_EQ(std::strlen(sha), 64u);
  EXPECT_GT(std::strlen(name), 0u);
  size_t count = 99, errors = 99;
  XOK(xuncha_diagnostics_count(diagnostics, &count, &errors, nullptr));
  EXPECT_EQ(errors, 0u);
  XOK(xuncha_diagnostics_free(diagnostics));
  XOK(xuncha_ruleset_free(rules));
}

TEST(CapiRuleSet, ErrorsComeBackAsDiagnostics) {
  const std::string text = "ruleset \"x\" version 1\n"
                           "record R { id: text key }\n"
                           "param p: date = 2024-02-30\n";
  xuncha_ruleset *rules = reinterpret_cast<xuncha_ruleset *>(0x1);
  xuncha_diagnostics *diagnostics = nullptr;
  EXPECT_EQ(xuncha_ruleset_from_text("bad.xr", text.data(), text.size(), &rules, &diagnostics),
            XUNCHA_ERROR_RULESET);
  EXPECT_EQ(rules, nullptr);
  EXPECT_NE(std::string(xuncha_last_error()).find("bad.xr:3:"), std::string::npos)
      << xuncha_last_error();
  size_t count = 0, errors = 0, warnings = 0;
  XOK(xuncha_diagnostics_count(diagnostics, &count, &errors, &warnings));
  EXPECT_EQ(errors, 1u);
  bool sawError = false;
  for (size_t i = 0; i < count; ++i) {
    xuncha_severity severity;
    const char *code, *message, *file;
    uint32_t line, column;
    XOK(xuncha_diagnostics_get(diagnostics, i, &severity, &code, &message, &file, &line, &column));
    if (severity != XUNCHA_SEVERITY_ERROR)
      continue;
    sawError = true;
    EXPECT_STREQ(file, "bad.xr");
    EXPECT_EQ(line, 3u);
    EXPECT_GT(column, 0u);
    EXPECT_EQ(std::string(code).substr(0, 2), "XR");
    EXPECT_GT(std::strlen(message), 0u);
  }
  EXPECT_TRUE(sawError);
  EXPECT_EQ(xuncha_diagnostics_get(diagnostics, count, nullptr, nullptr, nullptr, nullptr, nullptr,
                                   nullptr),
            XUNCHA_ERROR_ARGUMENT);
  const char *plain = nullptr;
  const char *colored = nullptr;
  XOK(xuncha_diagnostics_render(diagnostics, 0, &plain));
  XOK(xuncha_diagnostics_render(diagnostics, 1, &colored));
  EXPECT_NE(std::string(plain).find("bad.xr:3:"), std::string::npos);
  EXPECT_EQ(std::string(plain).find('\x1b'), std::string::npos);
  EXPECT_NE(std::string(colored).find('\x1b'), std::string::npos);
  XOK(xuncha_diagnostics_free(diagnostics));

  EXPECT_EQ(xuncha_ruleset_load("/nonexistent/rules.xr", &rules, nullptr), XUNCHA_ERROR_RULESET);
  EXPECT_GT(std::strlen(xuncha_last_error()), 0u);
}

TEST(CapiRuleSet, DescribesFieldsResultsParamsAndEnums) {
  xuncha_ruleset *rules = loadRules();
  size_t count = 0;
  XOK(xuncha_ruleset_field_count(rules, &count));
  EXPECT_EQ(count, 6u);
  const char *name = nullptr;
  xuncha_type type{};
  uint32_t flags = 0, enumId = 0;
  XOK(xuncha_ruleset_field(rules, kId, &name, &type, &flags, &enumId));
  EXPECT_STREQ(name, "id");
  EXPECT_EQ(type, XUNCHA_TYPE_TEXT);
  EXPECT_EQ(flags, XUNCHA_FLAG_KEY);
  EXPECT_EQ(enumId, XUNCHA_NO_ENUM);
  XOK(xuncha_ruleset_field(rules, kAmount, &name, &type, &flags, nullptr));
  EXPECT_EQ(type, XUNCHA_TYPE_NUMBER);
  EXPECT_EQ(flags, XUNCHA_FLAG_OPTIONAL);
  XOK(xuncha_ruleset_field(rules, kSize, nullptr, &type, nullptr, &enumId));
  EXPECT_EQ(type, XUNCHA_TYPE_ENUM);
  size_t index = 0;
  XOK(xuncha_ruleset_field_index(rules, "found", &index));
  EXPECT_EQ(index, kFound);
  EXPECT_EQ(xuncha_ruleset_field_index(rules, "fuond", &index), XUNCHA_ERROR_NOT_FOUND);
  EXPECT_NE(std::string(xuncha_last_error()).find("did you mean 'found'"), std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_ruleset_field(rules, 6, &name, nullptr, nullptr, nullptr),
            XUNCHA_ERROR_ARGUMENT);
  EXPECT_NE(std::string(xuncha_last_error()).find("field index 6 is out of range"),
            std::string::npos)
      << xuncha_last_error();

  XOK(xuncha_ruleset_enum_member_count(rules, enumId, &count));
  EXPECT_EQ(count, 2u);
  const char *label = nullptr;
  XOK(xuncha_ruleset_enum_member(rules, enumId, 1, &name, &label));
  EXPECT_STREQ(name, "sme");
  EXPECT_STREQ(label, "中小企业");
  int32_t member = -1;
  XOK(xuncha_ruleset_enum_find(rules, enumId, "规模以上", &member));
  EXPECT_EQ(member, 0);
  XOK(xuncha_ruleset_enum_find(rules, enumId, "sme", &member));
  EXPECT_EQ(member, 1);
  EXPECT_EQ(xuncha_ruleset_enum_find(rules, enumId, "smee", &member), XUNCHA_ERROR_NOT_FOUND);
  EXPECT_EQ(xuncha_ruleset_enum_member_count(rules, 9999, &count), XUNCHA_ERROR_ARGUMENT);

  XOK(xuncha_ruleset_result_count(rules, &count));
  EXPECT_EQ(count, 8u);
  XOK(xuncha_ruleset_result(rules, 0, &name, &type, &flags, &enumId));
  EXPECT_STREQ(name, "tier");
  EXPECT_EQ(type, XUNCHA_TYPE_ENUM);
  XOK(xuncha_ruleset_enum_member(rules, enumId, 2, &name, nullptr));
  EXPECT_STREQ(name, "blue");
  XOK(xuncha_ruleset_result_index(rules, "due", &index));
  EXPECT_EQ(index, 7u);
  XOK(xuncha_ruleset_result(rules, index, nullptr, &type, nullptr, nullptr));
  EXPECT_EQ(type, XUNCHA_TYPE_DATE);

  XOK(xuncha_ruleset_param_count(rules, &count));
  EXPECT_EQ(count, 2u);
  const char *defaultText = nullptr;
  XOK(xuncha_ruleset_param(rules, 0, &name, &type, &flags, &defaultText));
  EXPECT_STREQ(name, "inspection_date");
  EXPECT_EQ(type, XUNCHA_TYPE_DATE);
  EXPECT_EQ(flags, XUNCHA_FLAG_HAS_DEFAULT);
  EXPECT_STREQ(defaultText, "2024-06-30");
  XOK(xuncha_ruleset_free(rules));
}

TEST(CapiRuleSet, RunsItsTests) {
  xuncha_ruleset *rules = loadRules();
  xuncha_test_results *results = nullptr;
  XOK(xuncha_ruleset_run_tests(rules, nullptr, &results));
  size_t count = 0, passed = 0;
  XOK(xuncha_test_results_count(results, &count, &passed));
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(passed, 1u);
  const char *title, *file, *text;
  uint32_t line = 0;
  int ok = -1;
  XOK(xuncha_test_results_get(results, 1, &title, &file, &line, &ok, &text));
  EXPECT_STREQ(title, "a failing case");
  EXPECT_STREQ(file, "capi.xr");
  EXPECT_EQ(ok, 0);
  EXPECT_NE(std::string(text).find("doubled = 2"), std::string::npos) << text;
  EXPECT_EQ(xuncha_test_results_get(results, 2, &title, nullptr, nullptr, nullptr, nullptr),
            XUNCHA_ERROR_ARGUMENT);
  XOK(xuncha_test_results_free(results));

  XOK(xuncha_ruleset_run_tests(rules, "doubles", &results));
  XOK(xuncha_test_results_count(results, &count, &passed));
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(passed, 1u);
  XOK(xuncha_test_results_free(results));
  XOK(xuncha_ruleset_free(rules));
}

TEST(CapiRuleSet, NullFreedAndForeignHandlesAreErrorsNotCrashes) {
  const char *name = nullptr;
  EXPECT_EQ(xuncha_ruleset_info(nullptr, &name, nullptr, nullptr), XUNCHA_ERROR_HANDLE);
  EXPECT_NE(std::string(xuncha_last_error()).find("xuncha_ruleset_info: 'ruleset' is NULL"),
            std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_ruleset_free(nullptr), XUNCHA_OK);

  xuncha_ruleset *rules = loadRules();
  XOK(xuncha_ruleset_free(rules));
  EXPECT_EQ(xuncha_ruleset_info(rules, &name, nullptr, nullptr), XUNCHA_ERROR_HANDLE);
  EXPECT_NE(std::string(xuncha_last_error()).find("freed already"), std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_ruleset_free(rules), XUNCHA_ERROR_HANDLE); // a double free is reported

  // A handle of another kind, passed where a rule set is expected.
  xuncha_run_options *options = nullptr;
  XOK(xuncha_run_options_create(&options));
  EXPECT_EQ(xuncha_ruleset_info(reinterpret_cast<const xuncha_ruleset *>(options), &name, nullptr,
                                nullptr),
            XUNCHA_ERROR_HANDLE);
  EXPECT_NE(std::string(xuncha_last_error()).find("is a run options"), std::string::npos)
      << xuncha_last_error();
  int local = 0;
  EXPECT_EQ(xuncha_ruleset_info(reinterpret_cast<const xuncha_ruleset *>(&local), &name, nullptr,
                                nullptr),
            XUNCHA_ERROR_HANDLE);
  XOK(xuncha_run_options_free(options));

  EXPECT_EQ(xuncha_ruleset_load(nullptr, &rules, nullptr), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_ruleset_load("x.xr", nullptr, nullptr), XUNCHA_ERROR_ARGUMENT);
  EXPECT_NE(std::string(xuncha_last_error()).find("out-parameter 'ruleset' is NULL"),
            std::string::npos)
      << xuncha_last_error();
  EXPECT_EQ(xuncha_ruleset_from_text("x.xr", nullptr, 5, &rules, nullptr), XUNCHA_ERROR_ARGUMENT);
}

} // namespace
