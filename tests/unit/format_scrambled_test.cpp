// The formatter on the messiest input there is: every rule file of the repository with the
// whitespace between its tokens and comments replaced at random (spaces, line breaks, blank
// lines, odd indentation). Whatever the layout, the result keeps the tokens and comments,
// compiles to the same IR as the original file, and is a fixed point of the formatter.
#include "compiler/driver/compilation.h"
#include "compiler/format/format.h"
#include "compiler/format/line_builder.h"
#include "compiler/syntax/concrete_syntax.h"
#include "tests/unit/format_testing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace xr::format {
namespace {

namespace fs = std::filesystem;
using testing::comments;
using testing::irWithoutLayout;
using testing::readFile;

/// The file's tokens and comments with random whitespace between them.
std::string scramble(const syntax::ConcreteSyntax &syntax, const std::string &text,
                     std::mt19937 &random) {
  struct Piece {
    std::uint32_t begin, end;
    bool lineComment;
  };
  std::vector<Piece> pieces;
  for (const syntax::ConcreteToken &t : syntax.tokens)
    pieces.push_back({t.begin, t.end, false});
  for (const ast::Comment &c : syntax.comments)
    pieces.push_back({c.range.begin, c.range.end, c.text.starts_with("//")});
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece &a, const Piece &b) { return a.begin < b.begin; });
  std::string out;
  std::uniform_int_distribution<int> choice(0, 99), indent(0, 12);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) {
      int c = choice(random);
      if (pieces[i - 1].lineComment || c < 25)
        out += (c % 7 == 0 ? "\n\n" : "\n") + std::string(indent(random), ' ');
      else
        out += c < 90 ? " " : c < 95 ? "   " : "\t";
    }
    out += text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin);
  }
  return out + "\n";
}

TEST(FormatScrambled, AnyWhitespaceFormatsToAFixedPointWithTheSameMeaning) {
  const std::vector<fs::path> files = testing::repositoryRuleFiles();

  std::mt19937 random(20240630);
  std::size_t scrambled = 0;
  for (const fs::path &path : files) {
    std::string original = readFile(path);
    SourceFile file(0, path.string(), original);
    Diagnostics diagnostics;
    std::optional<syntax::ConcreteSyntax> syntax = syntax::parseConcrete(file, diagnostics);
    if (!syntax)
      continue;
    std::unique_ptr<Compilation> before = compileFile(path.string());
    for (int round = 0; round < 3; ++round) {
      std::string messy = scramble(*syntax, original, random);
      SCOPED_TRACE(path.string() + ", round " + std::to_string(round) + ":\n" + messy);
      std::optional<std::string> once = formatFile(SourceFile(0, path.string(), messy)).text;
      ASSERT_TRUE(once.has_value());
      std::optional<std::string> twice = formatFile(SourceFile(0, path.string(), *once)).text;
      ASSERT_TRUE(twice.has_value());
      EXPECT_EQ(*twice, *once) << "not idempotent";

      Diagnostics again;
      std::optional<syntax::ConcreteSyntax> reread =
          syntax::parseConcrete(SourceFile(0, path.string(), *once), again);
      ASSERT_TRUE(reread.has_value());
      EXPECT_EQ(comments(*reread), comments(*syntax));
      ASSERT_EQ(reread->tokens.size(), syntax->tokens.size());
      for (std::size_t t = 0; t < syntax->tokens.size(); ++t)
        EXPECT_EQ(reread->tokens[t].text, syntax->tokens[t].text);

      std::unique_ptr<Compilation> after = compileText(path.string(), *once);
      ASSERT_EQ(after->program != nullptr, before->program != nullptr);
      if (before->program) {
        EXPECT_EQ(irWithoutLayout(*after), irWithoutLayout(*before));
      }
      ++scrambled;
    }
  }
  EXPECT_GE(scrambled, 270u);
}

} // namespace
} // namespace xr::format
