// The loader and the compile entry points: imports and extends relative to the referring
// file, each file parsed once, cycles, unreadable files, libraries extended, file limits.
#include "compiler/driver/loader.h"

#include "sema_core_support.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace xr::testing {
namespace {

const char *kRecord = "record E { id: text key }\n";

TEST(DriverLoader, ResolvesRelativeToTheReferringFile) {
  EXPECT_EQ(resolveRelative("rules/2024/main.xr", "../lib/cal.xr"), "rules/lib/cal.xr");
  EXPECT_EQ(resolveRelative("main.xr", "./a/./b.xr"), "a/b.xr");
  EXPECT_EQ(resolveRelative("rules/main.xr", "/abs/x.xr"), "/abs/x.xr");
}

TEST(DriverLoader, FollowsImportsAndExtendsTransitively) {
  auto c = compileFiles(
      "r/2025.xr",
      {{"r/2025.xr", "ruleset \"t\" version 2025 extends \"2024.xr\"\nimport \"lib/cal.xr\"\n"},
       {"r/2024.xr", std::string("ruleset \"t\" version 2024 extends \"old/2023.xr\"\n")},
       {"r/old/2023.xr",
        std::string("ruleset \"t\" version 2023\nimport \"../lib/shared.xr\"\n") + kRecord},
       {"r/lib/shared.xr", "enum Tier { red, blue }\n"},
       {"r/lib/cal.xr", "calendar c year 2024 { holiday 2024-01-01 }\n"}});
  ASSERT_TRUE(c->model);
  EXPECT_EQ(c->sources.size(), 5u);
  EXPECT_EQ(c->modules.size(), 5u);
  EXPECT_EQ(c->sources.file(0).path(), "r/2025.xr");
  EXPECT_NE(c->sources.find("r/lib/shared.xr"), kNoFile);
  EXPECT_NE(c->sources.find("r/lib/cal.xr"), kNoFile);
  // Declarations of every file share one namespace.
  EXPECT_TRUE(c->model->lookup("Tier"));
  EXPECT_TRUE(c->model->lookup("c"));
  EXPECT_EQ(c->model->recordName, "E");
  EXPECT_EQ(c->model->version, 2025);
  EXPECT_EQ(c->model->files.front(), 0u);
  EXPECT_EQ(c->model->files.size(), 5u);
}

TEST(DriverLoader, DependencyOrderPutsBasesThenImportsThenTheFile) {
  auto c = compileFiles(
      "main.xr",
      {{"main.xr", "ruleset \"t\" version 2 extends \"base.xr\"\nimport \"lib.xr\"\nlet c = 3\n"},
       {"base.xr",
        std::string("ruleset \"t\" version 1\nimport \"baselib.xr\"\nlet b = 2\n") + kRecord},
       {"baselib.xr", "let a = 1\n"},
       {"lib.xr", "let l = 4\n"}});
  ASSERT_TRUE(c->model);
  std::vector<std::string> order;
  for (const auto &let : c->model->lets)
    order.push_back(let.name);
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "l", "c"}));
}

TEST(DriverLoader, ParsesAFileReachedTwiceOnce) {
  auto c = compileFiles("main.xr", {{"main.xr", std::string("import \"a.xr\"\nimport \"b.xr\"\n")},
                                    {"a.xr", "import \"shared.xr\"\nlet a = x\n"},
                                    {"b.xr", "import \"./shared.xr\"\nlet b = x\n"},
                                    {"shared.xr", "let x = 1\n"}});
  EXPECT_EQ(c->sources.size(), 4u);
  EXPECT_TRUE(noErrors(*c));
}

TEST(DriverLoader, ImportCycleIsReportedWithANotePerStep) {
  const std::string a = "import \"b.xr\"\n";
  const std::string b = "let x = 1\nimport \"c.xr\"\n";
  const std::string cc = "import \"a.xr\"\n";
  auto c = compileFiles("a.xr", {{"a.xr", a}, {"b.xr", "import \"c.xr\"\n"}, {"c.xr", cc}});
  const Diagnostic *d = findDiagnostic(*c, "XR0105");
  ASSERT_TRUE(d) << listDiagnostics(*c);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0105", {1, 8},
                            "'c.xr' imports 'a.xr', which leads back to itself", "c.xr"));
  ASSERT_EQ(d->notes.size(), 3u);
  EXPECT_EQ(d->notes[0].message, "'a.xr' imports 'b.xr'");
  EXPECT_EQ(d->notes[1].message, "'b.xr' imports 'c.xr'");
  EXPECT_EQ(d->notes[2].message, "'c.xr' imports 'a.xr'");
  EXPECT_EQ(c->sources.size(), 3u);
  (void)b;
}

TEST(DriverLoader, ExtendsCycleIsReported) {
  auto c = compileFiles(
      "a.xr", {{"a.xr", std::string("ruleset \"a\" version 1 extends \"a.xr\"\n") + kRecord}});
  EXPECT_TRUE(hasDiagnostic(*c, "XR0105", {1, 31}, "'a.xr' extends 'a.xr'", "a.xr"));
  EXPECT_EQ(c->sources.size(), 1u);
}

TEST(DriverLoader, UnreadableImportIsReportedAtTheString) {
  auto c = compileFiles("rules/main.xr", {{"rules/main.xr", "import \"calendars/cn.xr\"\n"}});
  EXPECT_TRUE(hasDiagnostic(*c, "XR0008", {1, 8},
                            "cannot read 'calendars/cn.xr' (main.xr imports it)", "rules/main.xr"));
  const Diagnostic *d = findDiagnostic(*c, "XR0008");
  ASSERT_TRUE(d && d->notes.size() == 1);
  EXPECT_EQ(d->notes[0].message, "looked for rules/calendars/cn.xr");
  ASSERT_TRUE(c->model); // the root still gets checked
}

TEST(DriverLoader, UnreadableRootGivesNoModel) {
  CompileOptions options;
  options.reader = [](const std::string &) { return std::optional<std::string>(); };
  auto c = compileFile("nowhere.xr", options);
  EXPECT_FALSE(c->model);
  const Diagnostic *d = findDiagnostic(*c, "XR0008");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->message, "cannot read 'nowhere.xr'");
}

TEST(DriverLoader, ExtendingALibraryIsXR0112) {
  auto c = compileFiles(
      "main.xr",
      {{"main.xr", std::string("ruleset \"t\" version 1 extends \"lib.xr\"\n") + kRecord},
       {"lib.xr", "let x = 1\n"}});
  EXPECT_TRUE(hasDiagnostic(*c, "XR0112", {1, 31}, "'lib.xr' is not a rule set"));
}

TEST(DriverLoader, RespectsTheFileLimit) {
  CompileOptions options;
  options.lower = false;
  options.limits.maxFiles = 2;
  std::map<std::string, std::string> files = {
      {"a.xr", "import \"b.xr\"\nimport \"c.xr\"\n"}, {"b.xr", ""}, {"c.xr", ""}};
  options.reader = [files](const std::string &p) -> std::optional<std::string> {
    auto it = files.find(p);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  auto c = compileText("a.xr", files["a.xr"], options);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0007", {2, 8}, "at most 2 files", "a.xr"));
  EXPECT_EQ(c->sources.size(), 2u);
}

TEST(DriverCompile, CompileFileReadsFromDisk) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "xuncha_driver_test";
  fs::create_directories(dir / "lib");
  {
    std::ofstream(dir / "main.xr", std::ios::binary)
        << "ruleset \"t\" version 1\nimport \"lib/x.xr\"\nrecord E { id: text key }\n"
           "let y = x + 1\n";
    std::ofstream(dir / "lib" / "x.xr", std::ios::binary) << "let x = 41\n";
  }
  CompileOptions options;
  options.lower = false;
  auto c = compileFile((dir / "main.xr").string(), options);
  EXPECT_TRUE(noErrors(*c));
  ASSERT_TRUE(c->model);
  EXPECT_EQ(c->sources.size(), 2u);
  EXPECT_TRUE(c->model->lookup("x"));

  auto text = diskFileReader()((dir / "lib" / "x.xr").string());
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "let x = 41\n");
  EXPECT_FALSE(diskFileReader()((dir / "missing.xr").string()));
  EXPECT_FALSE(diskFileReader()(dir.string())); // a folder is not a file
  fs::remove_all(dir);
}

TEST(DriverCompile, LowersOnlyWithoutErrors) {
  const std::string ok = std::string(kPrelude);
  auto good = compileFiles("main.xr", {{"main.xr", ok}}, /*lower=*/true);
  EXPECT_TRUE(noErrors(*good));
  EXPECT_TRUE(good->program);

  auto bad = compileFiles("main.xr", {{"main.xr", ok + "let z = nope\n"}}, /*lower=*/true);
  EXPECT_TRUE(bad->diagnostics.hasErrors());
  EXPECT_TRUE(bad->model);
  EXPECT_TRUE(bad->model->hasErrors);
  EXPECT_FALSE(bad->program);

  auto unlowered = compileFiles("main.xr", {{"main.xr", ok}}, /*lower=*/false);
  EXPECT_FALSE(unlowered->program);
}

} // namespace
} // namespace xr::testing
