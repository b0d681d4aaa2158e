#include "cli/commands.h"
#include "tests/unit/cli_testing.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

const char *kBase = "ruleset \"巡查规则\" version 1\n"
                    "record Firm {\n"
                    "  id: text key\n"
                    "  a: int\n"
                    "}\n"
                    "domain d \"领域<一>\" weight 100%\n"
                    "indicator A1 \"指标 & \\\"一\\\"\" in d weight 100% { pass when a > 1 }\n"
                    "checklist all_firms for true { all }\n";

class CliDoc : public testing::CommandTest {
protected:
  CliDoc() : CommandTest(docCommand(), "doc", testing::UsageErrors::Report) {}
  void SetUp() override {
    base_ = write("base.xr", kBase);
    next_ = write("next.xr", "ruleset \"巡查规则\" version 2 extends \"base.xr\"\n"
                             "override indicator A1 { pass when a > 2 }\n");
  }

  std::string base_, next_;
};

TEST_F(CliDoc, WritesMarkdownAndHtmlNamedAfterTheRuleFile) {
  const fs::path out = dir_ / "handbook" / "nested";
  EXPECT_EQ(run({next_, "--out", out.string()}), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "wrote " + (out / "next.html").string() + "\nwrote " +
                            (out / "next.md").string() + "\n");
  const std::string md = read(out / "next.md");
  EXPECT_EQ(md.rfind("# 巡查规则 指标手册\n", 0), 0u);
  EXPECT_NE(md.find("## 变更记录"), std::string::npos);
  EXPECT_NE(md.find("- a > 1\n+ a > 2"), std::string::npos) << md;
  const std::string html = read(out / "next.html");
  EXPECT_NE(html.find("指标 &amp; &quot;一&quot;"), std::string::npos);
  EXPECT_NE(html.find("领域&lt;一&gt;"), std::string::npos);
  // Nothing but the two files: no temporary file is left behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto &entry : fs::directory_iterator(out))
    ++files;
  EXPECT_EQ(files, 2u);
}

TEST_F(CliDoc, OneFormatAndTheSameBytesEveryTime) {
  EXPECT_EQ(run({base_, "--out", dir_.string(), "--format=html"}), kExitOk);
  EXPECT_TRUE(fs::exists(dir_ / "base.html"));
  EXPECT_FALSE(fs::exists(dir_ / "base.md"));
  const std::string first = read(dir_ / "base.html");
  EXPECT_EQ(run({base_, "--out", dir_.string(), "--format=html"}), kExitOk);
  EXPECT_EQ(read(dir_ / "base.html"), first);
  EXPECT_EQ(run({base_, "--out", dir_.string(), "--format=markdown"}), kExitOk);
  EXPECT_TRUE(fs::exists(dir_ / "base.md"));
  EXPECT_NE(read(dir_ / "base.md").find("本规则集不继承其他规则集"), std::string::npos);
}

TEST_F(CliDoc, Problems) {
  EXPECT_EQ(run({base_}), kExitUsage);
  EXPECT_NE(err_.str().find("missing --out DIR"), std::string::npos);
  EXPECT_EQ(run({base_, "--out", dir_.string(), "--format=pdf"}), kExitUsage);
  const std::string broken = write("broken.xr", "ruleset \"x\" version 1\nrecord {\n");
  EXPECT_EQ(run({broken, "--out", dir_.string()}), kExitProblems);
  EXPECT_NE(err_.str().find("error[XR"), std::string::npos);
  // --out names a file, not a folder.
  const std::string file = write("taken", "x");
  EXPECT_EQ(run({base_, "--out", file}), kExitProblems);
  EXPECT_NE(err_.str().find("cannot create folder"), std::string::npos) << err_.str();
}

} // namespace
} // namespace xr::cli
