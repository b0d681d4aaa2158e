#pragma once
// Helpers for the formatter's tests: formatting a text (and checking that it is a fixed
// point), the repository's rule files, and what formatting must keep (comments, meaning).
#include "compiler/driver/compilation.h"
#include "compiler/format/format.h"
#include "compiler/format/line_builder.h"
#include "compiler/syntax/concrete_syntax.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace xr::format::testing {

/// The formatted text, or "<not formatted>" when the formatter refuses.
inline std::string formatted(const std::string &text) {
  SourceFile file(0, "test.xr", text);
  FormatResult result = formatFile(file);
  return result.text ? *result.text : "<not formatted>";
}

/// Formats and checks that formatting the result changes nothing.
inline std::string stable(const std::string &text) {
  std::string once = formatted(text);
  EXPECT_EQ(formatted(once), once) << "not idempotent for:\n" << text;
  return once;
}

/// Every rule file of the repository, in path order: the shipped rule sets, the golden cases
/// and the fuzz seeds.
inline std::vector<std::filesystem::path> repositoryRuleFiles() {
  std::vector<std::filesystem::path> files;
  // The formatter's own golden inputs (*.input) are rule files too.
  for (const char *folder : {"rulesets", "tests/golden", "tests/fuzz/corpus"})
    for (const auto &entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(XUNCHA_SOURCE_DIR) / folder))
      if (entry.is_regular_file() &&
          (entry.path().extension() == ".xr" || entry.path().extension() == ".input"))
        files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string readFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every comment of a file as the formatter keeps it.
inline std::vector<std::vector<std::string>> comments(const syntax::ConcreteSyntax &syntax) {
  std::vector<std::vector<std::string>> out;
  for (const ast::Comment &c : syntax.comments)
    out.push_back(commentLines(c.text));
  return out;
}

/// The IR without source positions, with the tests and the calendar: what formatting must
/// not change.
inline std::string irWithoutLayout(const Compilation &c) {
  ir::DumpOptions options;
  options.sourceLayout = false;
  options.testsAndCalendar = true;
  return c.program ? ir::dump(*c.program, options) : std::string();
}

} // namespace xr::format::testing
