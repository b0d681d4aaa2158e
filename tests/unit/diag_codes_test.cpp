// Every diagnostic code is documented (docs/language.md) and has a golden case
// (tests/golden/diagnostics/XR####-*.xr with its .expected output): a code that users can
// meet without an explanation, or without a test that it is really produced, fails here.
#include "compiler/diag/diagnostic.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

std::string readFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(DiagCodes, CodesAreUniqueAndWellFormed) {
  std::set<std::string_view> seen;
  for (const auto &code : xr::allDiagCodes()) {
    EXPECT_TRUE(seen.insert(code.code).second) << code.code << " is used twice";
    ASSERT_EQ(code.code.size(), 6u) << code.code;
    EXPECT_EQ(code.code.substr(0, 2), "XR") << code.code;
    EXPECT_FALSE(code.summary.empty()) << code.code;
  }
}

TEST(DiagCodes, EveryCodeIsDocumented) {
  const std::string doc = readFile(std::filesystem::path(XUNCHA_SOURCE_DIR) / "docs/language.md");
  ASSERT_FALSE(doc.empty());
  for (const auto &code : xr::allDiagCodes())
    EXPECT_NE(doc.find("##### " + std::string(code.code)), std::string::npos)
        << code.code << " has no section in docs/language.md";
}

TEST(DiagCodes, EveryCodeHasAGoldenCase) {
  const auto dir = std::filesystem::path(XUNCHA_SOURCE_DIR) / "tests/golden/diagnostics";
  for (const auto &code : xr::allDiagCodes()) {
    if (code.id == xr::DiagCode::InternalError)
      continue; // a compiler bug has no rule file that triggers it on purpose
    bool found = false;
    for (const auto &entry : std::filesystem::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".xr" || name.rfind(std::string(code.code) + "-", 0) != 0)
        continue;
      found = true;
      auto expected = entry.path();
      expected.replace_extension(".expected");
      const std::string output = readFile(expected);
      EXPECT_NE(output.find(std::string("[") + std::string(code.code) + "]"), std::string::npos)
          << name << " does not produce " << code.code;
    }
    EXPECT_TRUE(found) << code.code << " has no golden case in tests/golden/diagnostics";
  }
}

} // namespace
