#include "cli/args.h"

#include <gtest/gtest.h>

namespace xr::cli {
namespace {

ArgSpec checkLike() {
  ArgSpec spec("xuncha check", "Checks rule files.");
  spec.positional({"FILE", "rule files to check", true, true})
      .option({"format", "FORMAT", "output format", {"text", "json"}, "text", false})
      .option({"define", "NAME=VALUE", "set a parameter", {}, {}, true})
      .flag("werror", "treat warnings as errors")
      .epilog("exit codes:\n  0  ok\n");
  return spec;
}

TEST(CliArgs, OptionsWithEqualsOrSeparateValue) {
  ParseResult r = checkLike().parse({"a.xr", "--format=json", "b.xr"});
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.args->value("format"), "json");
  EXPECT_EQ(r.args->positionals(), (std::vector<std::string>{"a.xr", "b.xr"}));

  r = checkLike().parse({"--format", "json", "a.xr"});
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.args->value("format"), "json");
  EXPECT_EQ(r.args->positionals(), (std::vector<std::string>{"a.xr"}));
}

TEST(CliArgs, DefaultsFlagsAndRepeatedOptions) {
  ParseResult r = checkLike().parse({"a.xr", "--define", "x=1", "--define=y=2", "--werror"});
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_FALSE(r.args->has("format"));
  EXPECT_EQ(r.args->value("format"), "text");
  EXPECT_TRUE(r.args->has("werror"));
  EXPECT_EQ(r.args->values("define"), (std::vector<std::string>{"x=1", "y=2"}));

  // A non-repeatable option given twice keeps the last value.
  r = checkLike().parse({"a.xr", "--format=json", "--format=text"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.args->values("format"), (std::vector<std::string>{"text"}));
}

TEST(CliArgs, DoubleDashMakesTheRestPositional) {
  ParseResult r = checkLike().parse({"--", "--werror", "-x"});
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_FALSE(r.args->has("werror"));
  EXPECT_EQ(r.args->positionals(), (std::vector<std::string>{"--werror", "-x"}));
}

TEST(CliArgs, UnknownOptionSuggestsTheClosest) {
  ParseResult r = checkLike().parse({"a.xr", "--fromat=json"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message, "unknown option '--fromat' for 'xuncha check'");
  EXPECT_EQ(r.error.hint, "did you mean '--format'?");

  r = checkLike().parse({"a.xr", "--zzzzzz"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.hint, "run 'xuncha check --help' to see the options");

  r = checkLike().parse({"a.xr", "-werror"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.hint, "did you mean '--werror'?");
}

TEST(CliArgs, ValueProblems) {
  ParseResult r = checkLike().parse({"a.xr", "--format=xml"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message, "invalid value 'xml' for '--format'");
  EXPECT_EQ(r.error.hint, "expected one of: text, json");

  r = checkLike().parse({"a.xr", "--format=jsno"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.hint, "did you mean '--format=json'? (expected one of: text, json)");

  r = checkLike().parse({"a.xr", "--format"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message, "option '--format' needs a value");

  r = checkLike().parse({"a.xr", "--format", "--werror"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message, "option '--format' needs a value");

  r = checkLike().parse({"a.xr", "--werror=yes"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message, "option '--werror' takes no value");
}

TEST(CliArgs, PositionalCounts) {
  ParseResult r = checkLike().parse({"--werror"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message, "missing FILE argument");
  EXPECT_EQ(r.error.hint, "usage: xuncha check [options] FILE...");

  ArgSpec one("xuncha explain", "Explains a code.");
  one.positional({"CODE", "a diagnostic code", true, false});
  r = one.parse({"XR0101", "XR0102"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message, "unexpected argument 'XR0102'");

  ArgSpec optional("xuncha x", "X.");
  optional.positional({"DIR", "a folder", false, false});
  EXPECT_TRUE(optional.parse({}).ok());
}

TEST(CliArgs, HelpSkipsValidationAndIsBuiltFromTheTable) {
  ParseResult r = checkLike().parse({"--help"});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.args->helpRequested());
  EXPECT_TRUE(checkLike().parse({"-h", "--werror"}).args->helpRequested());

  EXPECT_EQ(checkLike().help(), "usage: xuncha check [options] FILE...\n"
                                "\n"
                                "Checks rule files.\n"
                                "\n"
                                "arguments:\n"
                                "  FILE...  rule files to check\n"
                                "\n"
                                "options:\n"
                                "  --format=FORMAT      output format [text|json; default: text]\n"
                                "  --define=NAME=VALUE  set a parameter [repeatable]\n"
                                "  --werror             treat warnings as errors\n"
                                "  -h, --help           show this help\n"
                                "\n"
                                "exit codes:\n"
                                "  0  ok\n");
}

TEST(CliArgs, LongHelpWrapsAtEightyColumns) {
  ArgSpec spec("xuncha x", "X.");
  spec.flag("long", "one two three four five six seven eight nine ten eleven twelve thirteen "
                    "fourteen fifteen sixteen");
  std::string help = spec.help();
  EXPECT_NE(
      help.find("  --long      one two three four five six seven eight nine ten eleven twelve\n"
                "              thirteen fourteen fifteen sixteen\n"),
      std::string::npos)
      << help;
}

TEST(CliArgs, ClosestMatch) {
  std::vector<std::string> commands{"check", "run", "test"};
  EXPECT_EQ(closestMatch("chek", commands), "check");
  EXPECT_EQ(closestMatch("tset", commands), "test");
  EXPECT_EQ(closestMatch("xyz", commands), std::nullopt);
  EXPECT_EQ(closestMatch("", commands), std::nullopt);
}

} // namespace
} // namespace xr::cli
