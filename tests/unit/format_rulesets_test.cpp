// The shipped rule sets are in the canonical layout of `xuncha fmt` (ctest ruleset_format
// checks the same through the command line).
#include "compiler/format/format.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace xr::format {
namespace {

namespace fs = std::filesystem;

TEST(FormatRuleSets, TheShippedRuleSetsAreFormatted) {
  std::size_t files = 0;
  for (const auto &entry :
       fs::recursive_directory_iterator(fs::path(XUNCHA_SOURCE_DIR) / "rulesets")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".xr")
      continue;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    SourceFile file(0, entry.path().string(), text.str());
    FormatResult result = formatFile(file);
    ASSERT_TRUE(result.text.has_value());
    EXPECT_EQ(*result.text, text.str()) << "run: xuncha fmt " << entry.path().string();
    ++files;
  }
  EXPECT_GE(files, 8u);
}

} // namespace
} // namespace xr::format
