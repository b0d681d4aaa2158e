// Every rule file in the repository that compiles (shipped rule sets, golden and conformance
// cases, the fuzz corpus, tools' fixtures): the JIT agrees with the interpreter bit for bit on
// random records (missing and edge values) and on the file's own test cases. Rule files were
// written to exercise every construct of the language, so this covers far more shapes of IR
// than the hand-built tests.
#include "compiler/driver/compilation.h"
#include "jit_test_support.h"

#include <algorithm>
#include <filesystem>

namespace xr::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> ruleFiles() {
  std::vector<std::string> files;
  for (const char *root : {"rulesets", "tests"})
    for (const auto &entry : fs::recursive_directory_iterator(fs::path(XUNCHA_SOURCE_DIR) / root))
      if (entry.is_regular_file() && entry.path().extension() == ".xr")
        files.push_back(entry.path().string());
  std::sort(files.begin(), files.end()); // the same order on every machine
  return files;
}

TEST(JitCorpus, EveryRuleFileThatCompilesAgreesWithTheInterpreter) {
  std::size_t programs = 0;
  for (const std::string &file : ruleFiles()) {
    auto c = compileFile(file);
    if (!c->program)
      continue; // a file made to be rejected
    ++programs;
    SCOPED_TRACE(file);
    const ir::Program &p = *c->program;
    auto jit = compileJit(p);
    if (!jit)
      continue;
    std::vector<std::string> problems;
    auto params = batch::ParamValues::bind(p, std::vector<batch::ParamOverride>{}, problems);
    if (params)
      for (std::uint64_t seed = 1; seed <= 2; ++seed)
        expectEnginesAgree(p, *jit, randomRecords(p, 400, seed), *params, "random records");
    for (const ir::TestCase &tc : p.tests) {
      batch::Batch b(p);
      b.addRow();
      for (std::uint32_t f = 0; f < tc.record.size(); ++f)
        b.set(f, 0, tc.record[f]);
      auto caseParams = batch::ParamValues::bind(p, tc.params, problems);
      if (caseParams)
        expectEnginesAgree(p, *jit, b, *caseParams, tc.title);
    }
  }
  EXPECT_GT(programs, 50u);
}

} // namespace
} // namespace xr::testing
