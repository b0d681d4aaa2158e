// `xuncha fmt` over every rule file of the repository: the shipped rule sets, the golden
// cases and the fuzz seeds. Formatting is idempotent, keeps every comment, and never changes
// meaning: the file compiles to the same IR (dumped without source positions, with the
// tests and the calendar) and to the same diagnostics as before.
#include "compiler/driver/compilation.h"
#include "compiler/format/format.h"
#include "compiler/format/line_builder.h"
#include "compiler/syntax/concrete_syntax.h"
#include "tests/unit/format_testing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace xr::format {
namespace {

namespace fs = std::filesystem;
using testing::irWithoutLayout;
using testing::readFile;

std::optional<std::string> format(const std::string &path, const std::string &text) {
  SourceFile file(0, path, text);
  return formatFile(file).text;
}

/// Every comment of a file as the formatter keeps it.
std::vector<std::vector<std::string>> comments(const std::string &text) {
  SourceFile file(0, "comments.xr", text);
  Diagnostics diagnostics;
  std::optional<syntax::ConcreteSyntax> syntax = syntax::parseConcrete(file, diagnostics);
  return syntax ? testing::comments(*syntax) : std::vector<std::vector<std::string>>();
}

/// Codes and messages of the diagnostics, without positions.
std::vector<std::string> diagnosticMessages(const Compilation &c) {
  std::vector<std::string> out;
  for (const Diagnostic &d : c.diagnostics.items())
    out.push_back(std::string(info(d.code).code) + " " + d.message);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FormatCorpus, FindsTheRuleFiles) {
  std::vector<fs::path> files = testing::repositoryRuleFiles();
  EXPECT_GE(files.size(), 100u);
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](const fs::path &p) {
    return p.generic_string().ends_with("rulesets/national/2023.xr");
  }));
}

TEST(FormatCorpus, EveryFileIsFormattedIdempotentlyWithTheSameMeaning) {
  std::size_t formatted = 0, compiled = 0;
  for (const fs::path &path : testing::repositoryRuleFiles()) {
    SCOPED_TRACE(path.string());
    std::string original = readFile(path);
    std::optional<std::string> once = format(path.string(), original);
    std::unique_ptr<Compilation> before = compileFile(path.string());
    if (!once) {
      // Only a file with errors is refused.
      EXPECT_TRUE(before->diagnostics.hasErrors());
      continue;
    }
    ++formatted;
    std::optional<std::string> twice = format(path.string(), *once);
    ASSERT_TRUE(twice.has_value());
    EXPECT_EQ(*twice, *once) << "not idempotent";
    EXPECT_EQ(comments(*once), comments(original));

    std::unique_ptr<Compilation> after = compileText(path.string(), *once);
    EXPECT_EQ(diagnosticMessages(*after), diagnosticMessages(*before));
    ASSERT_EQ(after->program != nullptr, before->program != nullptr);
    if (before->program) {
      ++compiled;
      EXPECT_EQ(irWithoutLayout(*after), irWithoutLayout(*before));
    }
  }
  EXPECT_GE(formatted, 90u);
  EXPECT_GE(compiled, 10u);
}

TEST(FormatCorpus, TheIrDumpWithoutLayoutIgnoresPositionsButNotMeaning) {
  const std::string base = "ruleset \"t\" version 1\n"
                           "record R { id: text key\n x: int }\n"
                           "domain d weight 100%\n"
                           "indicator I in d weight 100% { pass when x > 1 }\n"
                           "checklist all_of for true { all }\n"
                           "table t hit first {\n x > 5 => 1\n otherwise => 0 }\n"
                           "report r { n = count target >= 1 }\n"
                           "test \"a\" { given R { id: \"a\", x: 2 }\n expect I passes }\n";
  std::unique_ptr<Compilation> a = compileText("t.xr", base);
  std::unique_ptr<Compilation> moved = compileText("t.xr", "\n\n// moved\n" + base);
  std::string changedTest = base;
  changedTest.replace(changedTest.find("x: 2 }"), 6, "x: 3 }");
  std::unique_ptr<Compilation> changed = compileText("t.xr", changedTest);
  ASSERT_TRUE(a->program && moved->program && changed->program);
  EXPECT_NE(ir::dump(*a->program), ir::dump(*moved->program)); // the hash and row lines
  EXPECT_EQ(irWithoutLayout(*a), irWithoutLayout(*moved));
  EXPECT_EQ(ir::dump(*a->program), ir::dump(*a->program, ir::DumpOptions{}));
  EXPECT_NE(irWithoutLayout(*a), irWithoutLayout(*changed)); // the test's record differs
}

} // namespace
} // namespace xr::format
