// The C API (xuncha/xuncha.h only) on the national rule set and the sample population: results
// and report figures equal those of a file run (the C++ API's run(), what `xuncha run` does),
// on one thread or many sharing one compiled rule set, on the interpreter and the JIT.
#include "capi_fixture.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {
using namespace capi_test;

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The population's records as rows of cells (the file has no quoted cells), in the rule set's
/// field order.
std::vector<std::vector<std::string>> populationRows(const xuncha_ruleset *rules) {
  std::istringstream in(readFile(population()));
  std::string line;
  std::getline(in, line);
  auto split = [](const std::string &text) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
      std::size_t comma = text.find(',', start);
      cells.push_back(text.substr(start, comma - start));
      if (comma == std::string::npos)
        return cells;
      start = comma + 1;
    }
  };
  const std::vector<std::string> header = split(line);
  size_t fields = 0;
  EXPECT_EQ(xuncha_ruleset_field_count(rules, &fields), XUNCHA_OK);
  std::vector<size_t> columnOf(fields);
  for (size_t c = 0; c < header.size(); ++c) {
    size_t field = 0;
    EXPECT_EQ(xuncha_ruleset_field_index(rules, header[c].c_str(), &field), XUNCHA_OK)
        << xuncha_last_error();
    columnOf[field] = c;
  }
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> cells = split(line);
    std::vector<std::string> row(fields);
    for (size_t f = 0; f < fields; ++f)
      row[f] = cells.at(columnOf[f]);
    rows.push_back(std::move(row));
  }
  return rows;
}

/// Evaluates rows [begin, end) in batches of `batch` on `context`, appending the results as CSV
/// rows (no header) to `csv` and adding them to `report` at their positions.
void evaluateRows(xuncha_context *context, xuncha_report *report,
                  const std::vector<std::vector<std::string>> &rows, size_t begin, size_t end,
                  size_t batch, std::string &csv) {
  for (size_t first = begin; first < end; first += batch) {
    ASSERT_EQ(xuncha_context_set_rows(context, 0), XUNCHA_OK);
    for (size_t r = first; r < std::min(end, first + batch); ++r) {
      std::vector<const char *> values;
      for (const std::string &cell : rows[r])
        values.push_back(cell.c_str());
      ASSERT_EQ(xuncha_context_add_row(context, values.data(), values.size()), XUNCHA_OK)
          << xuncha_last_error();
    }
    ASSERT_EQ(xuncha_context_evaluate(context), XUNCHA_OK) << xuncha_last_error();
    char *text = nullptr;
    ASSERT_EQ(xuncha_context_format_results(context, "csv", 0, 0, &text, nullptr), XUNCHA_OK);
    csv += text;
    xuncha_string_free(text);
    ASSERT_EQ(xuncha_report_add_at(report, context, first), XUNCHA_OK) << xuncha_last_error();
  }
}

struct CapiNational : ::testing::Test {
  static void SetUpTestSuite() {
    xuncha_diagnostics *diagnostics = nullptr;
    ASSERT_EQ(xuncha_ruleset_load(national2023().c_str(), &rules, &diagnostics), XUNCHA_OK)
        << xuncha_last_error();
    ASSERT_EQ(xuncha_diagnostics_free(diagnostics), XUNCHA_OK);
    rows = new std::vector<std::vector<std::string>>(populationRows(rules));

    // The reference: a file run of the whole population.
    xuncha_compiled *compiled = compile(rules);
    const std::string dir = ::testing::TempDir() + "capi_national";
    std::filesystem::create_directories(dir);
    xuncha_run_options *options = nullptr;
    ASSERT_EQ(xuncha_run_options_create(&options), XUNCHA_OK);
    ASSERT_EQ(xuncha_run_options_set(options, "data", population().c_str()), XUNCHA_OK);
    ASSERT_EQ(xuncha_run_options_set(options, "out", (dir + "/results.csv").c_str()), XUNCHA_OK);
    ASSERT_EQ(xuncha_run_options_set(options, "report", (dir + "/report.json").c_str()), XUNCHA_OK);
    ASSERT_EQ(xuncha_run_options_set(options, "threads", "2"), XUNCHA_OK);
    xuncha_run_summary *summary = nullptr;
    ASSERT_EQ(xuncha_run_file(compiled, options, &summary), XUNCHA_OK) << xuncha_last_error();
    uint64_t in = 0, evaluated = 0, rejected = 9;
    ASSERT_EQ(xuncha_run_summary_counts(summary, &in, &evaluated, nullptr, &rejected), XUNCHA_OK);
    EXPECT_EQ(in, 10000u);
    EXPECT_EQ(evaluated, 10000u);
    EXPECT_EQ(rejected, 0u);
    int outcome = -1;
    const char *message = nullptr;
    ASSERT_EQ(xuncha_run_summary_outcome(summary, &outcome, &message), XUNCHA_OK);
    EXPECT_EQ(outcome, 0);
    EXPECT_STREQ(message, "");
    char *json = nullptr;
    ASSERT_EQ(xuncha_run_summary_report_json(summary, &json), XUNCHA_OK);
    reportJson = new std::string(json);
    xuncha_string_free(json);
    EXPECT_EQ(*reportJson, readFile(dir + "/report.json"));
    // The results file without its provenance and header lines.
    std::string results = readFile(dir + "/results.csv");
    for (int line = 0; line < 2; ++line)
      results.erase(0, results.find('\n') + 1);
    resultsCsv = new std::string(std::move(results));
    EXPECT_EQ(xuncha_run_summary_free(summary), XUNCHA_OK);
    EXPECT_EQ(xuncha_run_options_free(options), XUNCHA_OK);
    EXPECT_EQ(xuncha_compiled_free(compiled), XUNCHA_OK);
  }
  static void TearDownTestSuite() {
    xuncha_ruleset_free(rules);
    delete rows;
    delete reportJson;
    delete resultsCsv;
  }

  /// Evaluates the population on `threads` threads sharing `compiled`, each with its own
  /// context and report (merged at the end); checks the results and figures.
  void checkAgainstTheFileRun(xuncha_compiled *compiled, unsigned threads) {
    const size_t total = rows->size();
    std::vector<std::string> csv(threads);
    std::vector<xuncha_report *> reports(threads);
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
      ASSERT_EQ(xuncha_report_create(compiled, &reports[t]), XUNCHA_OK);
      workers.emplace_back([&, t] {
        xuncha_context *context = nullptr;
        ASSERT_EQ(xuncha_context_create(compiled, nullptr, &context), XUNCHA_OK);
        evaluateRows(context, reports[t], *rows, total * t / threads, total * (t + 1) / threads,
                     777, csv[t]);
        EXPECT_EQ(xuncha_context_free(context), XUNCHA_OK);
      });
    }
    for (std::thread &worker : workers)
      worker.join();
    std::string all;
    for (unsigned t = 0; t < threads; ++t) {
      all += csv[t];
      if (t > 0) {
        ASSERT_EQ(xuncha_report_merge(reports[0], reports[t]), XUNCHA_OK) << xuncha_last_error();
      }
    }
    EXPECT_TRUE(all == *resultsCsv) << "the results differ from the file run's";
    char *json = nullptr;
    ASSERT_EQ(xuncha_report_json(reports[0], nullptr, &json), XUNCHA_OK) << xuncha_last_error();
    EXPECT_EQ(std::string(json), *reportJson);
    xuncha_string_free(json);
    for (xuncha_report *report : reports)
      EXPECT_EQ(xuncha_report_free(report), XUNCHA_OK);
  }

  static xuncha_ruleset *rules;
  static std::vector<std::vector<std::string>> *rows;
  static std::string *reportJson;
  static std::string *resultsCsv;
};
xuncha_ruleset *CapiNational::rules = nullptr;
std::vector<std::vector<std::string>> *CapiNational::rows = nullptr;
std::string *CapiNational::reportJson = nullptr;
std::string *CapiNational::resultsCsv = nullptr;

TEST_F(CapiNational, OneThreadGivesTheFileRunsResultsAndFigures) {
  xuncha_compiled *compiled = compile(rules);
  checkAgainstTheFileRun(compiled, 1);
  EXPECT_EQ(xuncha_compiled_free(compiled), XUNCHA_OK);
}

TEST_F(CapiNational, ThreadsShareOneCompiledRuleSet) {
  xuncha_compiled *compiled = compile(rules);
  checkAgainstTheFileRun(compiled, 4);
  EXPECT_EQ(xuncha_compiled_free(compiled), XUNCHA_OK);
}

TEST_F(CapiNational, TheJitGivesTheSameOnThreads) {
  xuncha_compiled *compiled = compile(rules, XUNCHA_ENGINE_JIT);
  ASSERT_NE(compiled, nullptr);
  checkAgainstTheFileRun(compiled, 3);
  EXPECT_EQ(xuncha_compiled_free(compiled), XUNCHA_OK);
}

TEST_F(CapiNational, FileRunProblemsAreStatuses) {
  xuncha_compiled *compiled = compile(rules);
  xuncha_run_options *options = nullptr;
  ASSERT_EQ(xuncha_run_options_create(&options), XUNCHA_OK);
  EXPECT_EQ(xuncha_run_options_set(options, "threds", "2"), XUNCHA_ERROR_ARGUMENT);
  EXPECT_NE(std::string(xuncha_last_error()).find("unknown run option 'threds'"),
            std::string::npos);
  EXPECT_EQ(xuncha_run_options_set(options, "threads", "two"), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_run_options_set(options, "strict", "maybe"), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_run_options_set(options, "map", "=x"), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_run_options_set(options, "encoding", "latin1"), XUNCHA_ERROR_ARGUMENT);
  EXPECT_EQ(xuncha_run_options_set(options, nullptr, "x"), XUNCHA_ERROR_ARGUMENT);

  xuncha_run_summary *summary = nullptr;
  EXPECT_EQ(xuncha_run_file(compiled, options, &summary), XUNCHA_ERROR_ARGUMENT); // no data
  EXPECT_EQ(summary, nullptr);
  const std::string dir = ::testing::TempDir() + "capi_national_bad";
  std::filesystem::create_directories(dir);
  ASSERT_EQ(xuncha_run_options_set(options, "data", (dir + "/absent.csv").c_str()), XUNCHA_OK);
  ASSERT_EQ(xuncha_run_options_set(options, "out", (dir + "/out.csv").c_str()), XUNCHA_OK);
  EXPECT_EQ(xuncha_run_file(compiled, options, &summary), XUNCHA_ERROR_RUN);
  EXPECT_NE(std::string(xuncha_last_error()).find("absent.csv"), std::string::npos)
      << xuncha_last_error();
  int outcome = -1;
  const char *message = nullptr;
  ASSERT_EQ(xuncha_run_summary_outcome(summary, &outcome, &message), XUNCHA_OK);
  EXPECT_EQ(outcome, 1);
  EXPECT_NE(std::string(message).find("absent.csv"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.csv"));
  EXPECT_EQ(xuncha_run_summary_free(summary), XUNCHA_OK);

  const char *names[] = {"inspection_date"};
  const char *values[] = {"2024-09-30"};
  xuncha_params *params = nullptr;
  ASSERT_EQ(xuncha_params_bind(compiled, names, values, 1, &params), XUNCHA_OK);
  xuncha_report *report = nullptr;
  ASSERT_EQ(xuncha_report_create(compiled, &report), XUNCHA_OK);
  EXPECT_EQ(xuncha_report_merge(report, report), XUNCHA_ERROR_ARGUMENT);
  xuncha_context *context = nullptr;
  ASSERT_EQ(xuncha_context_create(compiled, params, &context), XUNCHA_OK);
  EXPECT_EQ(xuncha_report_add(report, context), XUNCHA_ERROR_ARGUMENT); // not evaluated yet
  char *json = nullptr;
  ASSERT_EQ(xuncha_report_json(report, params, &json), XUNCHA_OK);
  EXPECT_NE(std::string(json).find("\"in\": 0"), std::string::npos) << json;
  xuncha_string_free(json);

  // Objects of another rule set are refused.
  xuncha_ruleset *other = loadRules();
  xuncha_compiled *otherCompiled = compile(other);
  xuncha_context *otherContext = nullptr;
  EXPECT_EQ(xuncha_context_create(otherCompiled, params, &otherContext), XUNCHA_ERROR_ARGUMENT);
  ASSERT_EQ(xuncha_context_create(otherCompiled, nullptr, &otherContext), XUNCHA_OK);
  const char *row[] = {"x", "sme", "true", "1", "1", "2024-01-01"};
  ASSERT_EQ(xuncha_context_add_row(otherContext, row, 6), XUNCHA_OK);
  ASSERT_EQ(xuncha_context_evaluate(otherContext), XUNCHA_OK);
  EXPECT_EQ(xuncha_report_add(report, otherContext), XUNCHA_ERROR_ARGUMENT);
  EXPECT_NE(std::string(xuncha_last_error()).find("not the report's"), std::string::npos);

  EXPECT_EQ(xuncha_context_free(otherContext), XUNCHA_OK);
  EXPECT_EQ(xuncha_compiled_free(otherCompiled), XUNCHA_OK);
  EXPECT_EQ(xuncha_ruleset_free(other), XUNCHA_OK);
  EXPECT_EQ(xuncha_context_free(context), XUNCHA_OK);
  EXPECT_EQ(xuncha_report_free(report), XUNCHA_OK);
  EXPECT_EQ(xuncha_params_free(params), XUNCHA_OK);
  EXPECT_EQ(xuncha_run_options_free(options), XUNCHA_OK);
  EXPECT_EQ(xuncha_compiled_free(compiled), XUNCHA_OK);
}

TEST_F(CapiNational, AFileRunReportsProgressAndCanBeCancelled) {
  xuncha_compiled *compiled = compile(rules);
  const std::string dir = ::testing::TempDir() + "capi_national_progress";
  std::filesystem::create_directories(dir);
  xuncha_run_options *options = nullptr;
  ASSERT_EQ(xuncha_run_options_create(&options), XUNCHA_OK);
  ASSERT_EQ(xuncha_run_options_set(options, "data", population().c_str()), XUNCHA_OK);
  ASSERT_EQ(xuncha_run_options_set(options, "out", (dir + "/results.csv").c_str()), XUNCHA_OK);
  ASSERT_EQ(xuncha_run_options_set(options, "batch-bytes", "65536"), XUNCHA_OK);
  ASSERT_EQ(xuncha_run_options_set(options, "threads", "1"), XUNCHA_OK);
  struct Seen {
    int calls = 0;
    uint64_t records = 0;
    int cancelAt = 0; // 0: never
  } seen;
  auto progress = [](uint64_t records, uint64_t, uint64_t total, void *user) -> int {
    Seen &s = *static_cast<Seen *>(user);
    EXPECT_GT(total, 0u);
    EXPECT_GE(records, s.records);
    s.records = records;
    return ++s.calls == s.cancelAt ? 1 : 0;
  };
  ASSERT_EQ(xuncha_run_options_set_progress(options, progress, &seen), XUNCHA_OK);
  xuncha_run_summary *summary = nullptr;
  ASSERT_EQ(xuncha_run_file(compiled, options, &summary), XUNCHA_OK) << xuncha_last_error();
  EXPECT_GT(seen.calls, 2);
  EXPECT_EQ(seen.records, 10000u);
  EXPECT_TRUE(std::filesystem::exists(dir + "/results.csv"));
  ASSERT_EQ(xuncha_run_summary_free(summary), XUNCHA_OK);

  std::filesystem::remove(dir + "/results.csv");
  seen = Seen{};
  seen.cancelAt = 2;
  EXPECT_EQ(xuncha_run_file(compiled, options, &summary), XUNCHA_ERROR_RUN);
  EXPECT_NE(std::string(xuncha_last_error()).find("cancelled"), std::string::npos)
      << xuncha_last_error();
  int outcome = -1;
  ASSERT_EQ(xuncha_run_summary_outcome(summary, &outcome, nullptr), XUNCHA_OK);
  EXPECT_EQ(outcome, 3);
  EXPECT_FALSE(std::filesystem::exists(dir + "/results.csv"));
  ASSERT_EQ(xuncha_run_summary_free(summary), XUNCHA_OK);

  ASSERT_EQ(xuncha_run_options_set_progress(options, nullptr, &seen), XUNCHA_OK);
  seen = Seen{};
  ASSERT_EQ(xuncha_run_file(compiled, options, nullptr), XUNCHA_OK) << xuncha_last_error();
  EXPECT_EQ(seen.calls, 0);
  EXPECT_EQ(xuncha_run_options_free(options), XUNCHA_OK);
  EXPECT_EQ(xuncha_compiled_free(compiled), XUNCHA_OK);
}

} // namespace
