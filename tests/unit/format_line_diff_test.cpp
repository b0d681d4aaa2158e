// The line diff of `xuncha fmt --diff`: a shortest edit script (checked against the longest
// common subsequence on random inputs) and its unified-diff text.
#include "compiler/format/line_diff.h"

#include <gtest/gtest.h>

#include <random>

namespace xr::format {
namespace {

std::size_t lcsLength(const std::vector<std::string> &a, const std::vector<std::string> &b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : std::max(t[i + 1][j], t[i][j + 1]);
  return t[0][0];
}

TEST(FormatLineDiff, EditScriptsAreValidAndShortest) {
  std::mt19937 random(42);
  for (int round = 0; round < 400; ++round) {
    std::uniform_int_distribution<int> length(0, 30), letter(0, round % 2 == 0 ? 2 : 6);
    std::vector<std::string> a(length(random)), b(length(random));
    for (std::string &line : a)
      line = std::string(1, static_cast<char>('a' + letter(random)));
    for (std::string &line : b)
      line = std::string(1, static_cast<char>('a' + letter(random)));
    std::vector<DiffOp> ops = diffLines(a, b);
    std::vector<std::string> rebuilt;
    std::size_t i = 0, j = 0, kept = 0;
    for (DiffOp op : ops) {
      if (op == DiffOp::Keep) {
        ASSERT_LT(i, a.size());
        ASSERT_LT(j, b.size());
        ASSERT_EQ(a[i], b[j]);
        rebuilt.push_back(a[i]);
        ++i, ++j, ++kept;
      } else if (op == DiffOp::Remove) {
        ASSERT_LT(i, a.size());
        ++i;
      } else {
        ASSERT_LT(j, b.size());
        rebuilt.push_back(b[j]);
        ++j;
      }
    }
    EXPECT_EQ(i, a.size());
    EXPECT_EQ(rebuilt, b);
    EXPECT_EQ(kept, lcsLength(a, b)) << "round " << round;
  }
}

TEST(FormatLineDiff, EqualTextsHaveNoDiff) {
  EXPECT_EQ(unifiedDiff("a\nb\n", "a\nb\n", "x.orig", "x"), "");
  EXPECT_EQ(unifiedDiff("", "", "x.orig", "x"), "");
}

TEST(FormatLineDiff, OneChangeWithThreeLinesOfContext) {
  EXPECT_EQ(unifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
                        "f.xr.orig", "f.xr"),
            "--- f.xr.orig\n+++ f.xr\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(FormatLineDiff, ChangesFarApartMakeSeparateHunks) {
  std::string before, after;
  for (int n = 1; n <= 20; ++n) {
    before += std::to_string(n) + "\n";
    after += (n == 2 || n == 18 ? "x" : std::to_string(n)) + "\n";
  }
  EXPECT_EQ(unifiedDiff(before, after, "a", "b"),
            "--- a\n+++ b\n"
            "@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
            "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
  // Six unchanged lines apart (two contexts) share one hunk; seven do not.
  EXPECT_EQ(unifiedDiff("a\n1\n2\n3\n4\n5\n6\nb\n", "A\n1\n2\n3\n4\n5\n6\nB\n", "a", "b"),
            "--- a\n+++ b\n@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n");
  EXPECT_EQ(unifiedDiff("a\n1\n2\n3\n4\n5\n6\n7\nb\n", "A\n1\n2\n3\n4\n5\n6\n7\nB\n", "a", "b"),
            "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n"
            "@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n");
}

TEST(FormatLineDiff, AddingToAnEmptyFileAndRemovingEverything) {
  EXPECT_EQ(unifiedDiff("", "a\nb\n", "o", "n"), "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  EXPECT_EQ(unifiedDiff("a\n", "", "o", "n"), "--- o\n+++ n\n@@ -1,1 +0,0 @@\n-a\n");
}

TEST(FormatLineDiff, LineEndsCount) {
  EXPECT_EQ(unifiedDiff("a", "a\n", "o", "n"),
            "--- o\n+++ n\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n");
  EXPECT_EQ(unifiedDiff("a\r\nb\n", "a\nb\n", "o", "n"),
            "--- o\n+++ n\n@@ -1,2 +1,2 @@\n-a\n+a\n b\n");
}

} // namespace
} // namespace xr::format
