// Examples and tests: given records, examples and params; expectations; cases tables
// (XR0601-XR0604, XR0313 for given values).
#include "sema_core_support.h"

namespace xr::testing {
namespace {

TEST(SemaCoreTests, AWellFormedTestChecksClean) {
  const std::string src = withPrelude(
      "param limit: int = 3\n"
      "table tier { n > 5 => high\n otherwise => low }\n"
      "example base_firm = E { id: \"1\", size: big, credit: A, n: 1, ratio: 0.5, since: "
      "2024-01-01, ok: true, name: \"甲\", so2: 1.5 }\n"
      "test \"given everything\" {\n"
      "  given base_firm with { n: 7, size: \"小型\" }\n"
      "  given limit = 4\n"
      "  expect tier == high\n"
      "  expect I1 passes\n"
      "}\n"
      "test \"cases\" {\n"
      "  given E { ok: false, ... }\n"
      "  cases {\n"
      "    | n  | limit | expect tier |\n"
      "    | 0  | 1     | low         |\n"
      "    | -9 | 2     | low         |\n"
      "    | 6  | 3     | high        |\n"
      "  }\n"
      "}\n"
      "test \"errors\" { given E { n: 1, ... }\n expect error \"division\" }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(noErrors(*c));
  EXPECT_EQ(countDiagnostics(*c, "XR0604"), 0u);
  const sema::Model &m = *c->model;
  ASSERT_EQ(m.tests.size(), 3u);
  EXPECT_EQ(m.tests[0].title, "given everything");
  ASSERT_EQ(m.examples.size(), 1u);
  // The label string given to an enum field resolves to the member.
  const auto &given = std::get<ast::GivenExample>(m.tests[0].decl->items[0].item);
  auto member = m.resolution(*given.changes[1].value);
  ASSERT_TRUE(member);
  EXPECT_EQ(m.nameOf(*member), "E.size.small");
  // The expect column's cells resolve against the subject's enum.
  const auto &cases = std::get<ast::Cases>(m.tests[1].decl->items[1].item);
  auto low = m.resolution(*cases.rows[0].cells[2]);
  ASSERT_TRUE(low);
  EXPECT_EQ(m.nameOf(*low), "tier.low");
  // The lowering can build the test cases.
  auto lowered = compileSource(src, /*lower=*/true);
  ASSERT_TRUE(lowered->program) << listDiagnostics(*lowered);
  EXPECT_EQ(lowered->program->tests.size(), 5u); // 1 + 3 rows + 1
}

TEST(SemaCoreTests, UnknownFieldIsXR0601) {
  const std::string src = withPrelude("test \"t\" { given E { nn: 1, ... }\n expect true }\n"
                                      "example x = E { n: 1, sizee: big, ... }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0601", locate(src, "nn"),
                            "unknown field 'nn' in record E; did you mean 'n'?"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0601", locate(src, "sizee"),
                            "unknown field 'sizee' in record E; did you mean 'size'?"));
}

TEST(SemaCoreTests, RequiredFieldsMustBeGivenWithoutEllipsis) {
  const std::string src =
      withPrelude("test \"t\" { given E { id: \"x\", size: big, credit: A, n: "
                  "1, ratio: 1, since: 2024-01-01, ok: true }\n expect true }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0602", locate(src, "E { id"),
                            "required fields 'name' and 'so2' of E are not given; give them, or "
                            "write `...`"));
  const Diagnostic *d = findDiagnostic(*c, "XR0602");
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits.at(0).newText, ", ... ");
  // Optional fields (opt, output_t) need not be given.
  EXPECT_EQ(d->message.find("opt"), std::string::npos);
}

TEST(SemaCoreTests, CasesRowsMatchTheHeader) {
  const std::string src = withPrelude("test \"t\" {\n  given E { ... }\n  cases {\n"
                                      "    | n | expect I1 passes |\n"
                                      "    | 1 | true |\n"
                                      "    | 2 | false | 3 |\n"
                                      "  }\n}\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0603", locate(src, "| 2"),
                            "row 2 of the cases table has 3 cells, but the header has 2 columns"));
  EXPECT_EQ(countDiagnostics(*c, "XR0603"), 1u);
}

TEST(SemaCoreTests, CasesColumnsAreFieldsOrParams) {
  const std::string src = withPrelude("test \"t\" {\n  given E { ... }\n  cases {\n"
                                      "    | nn | expect I1 passes |\n    | 1 | true |\n  }\n}\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0601", locate(src, "nn"), "'nn' is neither a field of E nor a param"));
}

TEST(SemaCoreTests, TestWithoutExpectationIsAWarning) {
  const std::string src = withPrelude("test \"nothing expected\" { given E { ... } }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0604", locate(src, "\"nothing"),
                            "test \"nothing expected\" has no expectation"));
  EXPECT_EQ(findDiagnostic(*c, "XR0604")->severity, Severity::Warning);
}

TEST(SemaCoreTests, ExpectationsAreBools) {
  const std::string src = withPrelude("test \"t\" { given E { ... }\n expect n + 1 }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0302", locate(src, "n + 1"), "an expectation must be a bool, not int"));
}

TEST(SemaCoreTests, GivenValuesAreConstantsOfTheFieldType) {
  const std::string src = withPrelude("param p: int = 1\n"
                                      "test \"t\" { given E { n: p, ratio: \"x\", ... }\n"
                                      "  given p = 2.5\n  given n = 3\n  given q = 1\n"
                                      "  given missing_example\n  expect true }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0313", locate(src, "p, ratio"), "field n must be given a constant"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "\"x\""),
                            "the value given to field ratio is text, but field ratio is number"));
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0307", locate(src, "2.5"), "is a number, but param p is an int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0108", locate(src, "n = 3"), "'n' is a field of E"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0101", locate(src, "q = 1"), "unknown param 'q'"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0101", locate(src, "missing_example"),
                            "unknown example 'missing_example'"));
}

TEST(SemaCoreTests, ExampleOfTheWrongRecord) {
  const std::string src = withPrelude("example x = Firm { ... }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0101", locate(src, "Firm"),
                            "unknown record 'Firm'; the record of this rule set is E"));
}

} // namespace
} // namespace xr::testing
