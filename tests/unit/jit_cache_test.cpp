// Compiled code reused: the key names the program's code (not its names or messages), the
// engine and LLVM versions and the CPU; the process keeps code in memory; a disk cache keeps it
// between runs, and an entry that is corrupt, truncated or another program's is never linked.
#include "compiler/codegen/program_key.h"
#include "jit_test_support.h"
#include "runtime/jit/code_cache.h"
#include "xuncha/xuncha.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace xr::testing {
namespace {

namespace fs = std::filesystem;
using Source = jit::CompileStats::Source;

ir::Program smallProgram(double factor, const std::string &slotName = "y") {
  ProgramBuilder pb;
  auto x = pb.field("x", Type::number(true));
  pb.let(slotName, pb.div(pb.mul(pb.fieldRef(x), pb.n(factor)), pb.fieldRef(x)));
  return pb.p;
}

class JitCache : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("xuncha-jit-cache-" +
           std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  /// Compiles from the disk cache only (not the process's), and checks the code against the
  /// interpreter.
  Source compileFromDisk(const ir::Program &p) {
    std::string error;
    auto compiled = jit::CompiledProgram::compile(p, error, {false, dir.string(), false, {}});
    EXPECT_TRUE(compiled) << error;
    if (!compiled)
      return Source::Compiled;
    expectEnginesAgree(p, *compiled, makeBatch(p, {{N(2)}, {N(0)}, {Missing(Type::number())}}),
                       defaults(p));
    return compiled->stats().source;
  }
  std::string entryPath(const ir::Program &p) {
    std::string error;
    auto compiled = jit::CompiledProgram::compile(p, error, {false, "", false, {}});
    return jit::cacheFilePath(dir.string(), compiled->stats().key);
  }

  fs::path dir;
};

TEST_F(JitCache, TheKeyFollowsTheCodeNotTheNames) {
  EXPECT_EQ(codegen::programKey(smallProgram(3)), codegen::programKey(smallProgram(3)));
  EXPECT_NE(codegen::programKey(smallProgram(3)), codegen::programKey(smallProgram(3.0000001)));
  ir::Program renamed = smallProgram(3, "renamed");
  renamed.errors[0].context = "another message";
  EXPECT_EQ(codegen::programKey(smallProgram(3)), codegen::programKey(renamed));
  EXPECT_EQ(codegen::programKey(smallProgram(3)).size(), 64u);
}

TEST_F(JitCache, TheProcessReusesCodeItCompiled) {
  const ir::Program p = smallProgram(5);
  std::string error;
  auto first = jit::CompiledProgram::compile(p, error);
  ASSERT_TRUE(first) << error;
  auto second = jit::CompiledProgram::compile(p, error);
  ASSERT_TRUE(second) << error;
  EXPECT_EQ(second->stats().source, Source::MemoryCache);
  EXPECT_EQ(second->stats().key, first->stats().key);
  expectEnginesAgree(p, *second, makeBatch(p, {{N(2)}, {N(0)}}), defaults(p));
}

TEST_F(JitCache, CodeKeepingOtherSlotsHasAnotherKey) {
  // Which slots the code writes to the results, and where it keeps the others, is compiled in:
  // code for one selection must never evaluate for another.
  const ir::Program p = smallProgram(5);
  std::string error;
  auto every = jit::CompiledProgram::compile(p, error, {true, "", false, {}});
  ASSERT_TRUE(every) << error;
  auto some = jit::CompiledProgram::compile(
      p, error, {true, "", false, ir::SlotSelection::only(p.slots.size(), {0})});
  ASSERT_TRUE(some) << error;
  EXPECT_NE(some->stats().key, every->stats().key);
  EXPECT_EQ(some->stats().source, Source::Compiled);
  auto again = jit::CompiledProgram::compile(
      p, error, {true, "", false, ir::SlotSelection::only(p.slots.size(), {0})});
  ASSERT_TRUE(again) << error;
  EXPECT_EQ(again->stats().key, some->stats().key);
  EXPECT_EQ(again->stats().source, Source::MemoryCache);
}

TEST_F(JitCache, TheDiskKeepsCodeBetweenRuns) {
  const ir::Program p = smallProgram(7);
  EXPECT_EQ(compileFromDisk(p), Source::Compiled);
  EXPECT_TRUE(fs::exists(entryPath(p)));
  EXPECT_EQ(compileFromDisk(p), Source::DiskCache);
}

TEST_F(JitCache, ACorruptEntryIsRecompiledAndReplaced) {
  const ir::Program p = smallProgram(11);
  ASSERT_EQ(compileFromDisk(p), Source::Compiled);
  const std::string path = entryPath(p);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::string corrupt = bytes;
  corrupt[corrupt.size() - 100] ^= 0x40; // a bit of the machine code
  std::ofstream(path, std::ios::binary | std::ios::trunc) << corrupt;
  EXPECT_EQ(compileFromDisk(p), Source::Compiled);
  EXPECT_EQ(compileFromDisk(p), Source::DiskCache); // replaced by a good entry

  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  EXPECT_EQ(compileFromDisk(p), Source::Compiled); // truncated
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "not an entry";
  EXPECT_EQ(compileFromDisk(p), Source::Compiled);
}

TEST_F(JitCache, AnotherProgramsEntryUnderThisKeyIsIgnored) {
  const ir::Program mine = smallProgram(13);
  const ir::Program other = smallProgram(17);
  ASSERT_EQ(compileFromDisk(other), Source::Compiled);
  fs::copy_file(entryPath(other), entryPath(mine));
  EXPECT_EQ(compileFromDisk(mine), Source::Compiled);
}

TEST_F(JitCache, TheEvaluatorUsesTheDiskCacheItIsGiven) {
  auto loaded =
      xuncha::RuleSet::load(std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr");
  ASSERT_TRUE(loaded.ok());
  xuncha::EngineOptions options;
  options.cacheDir = dir.string();
  xuncha::Evaluator first(loaded.ruleSet, xuncha::Engine::Jit, options);
  ASSERT_TRUE(first.jitStatus().compiled);
  ASSERT_TRUE(fs::exists(dir)); // written even when the process already had the code
  EXPECT_FALSE(fs::is_empty(dir));
  EXPECT_TRUE(first.warnings().empty());
  xuncha::Evaluator second(loaded.ruleSet, xuncha::Engine::Jit, options);
  EXPECT_TRUE(second.jitStatus().cached);
}

TEST_F(JitCache, AnUnwritableCacheIsAWarningNotAFailure) {
  fs::create_directories(dir.parent_path());
  std::ofstream(dir) << "a file where the cache folder should be";
  auto loaded = xuncha::RuleSet::fromText(
      "t.xr", "ruleset \"t\" version 1\nrecord R { id: text key\n x: number }\n"
              "output y: number = x * 19\n");
  ASSERT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
  xuncha::EngineOptions options;
  options.cacheDir = (dir / "jit").string();
  xuncha::Evaluator evaluator(loaded.ruleSet, xuncha::Engine::Jit, options);
  EXPECT_TRUE(evaluator.jitStatus().compiled);
  ASSERT_EQ(evaluator.warnings().size(), 1u);
  EXPECT_NE(evaluator.warnings()[0].find("cache"), std::string::npos) << evaluator.warnings()[0];
}

} // namespace
} // namespace xr::testing
