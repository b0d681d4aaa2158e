// compiler/query at every position of real rule files and of their prefixes (text as it is
// typed): every query answers (possibly nothing) without failing, and what it answers lies
// inside the text.
#include "compiler/query/code_actions.h"
#include "compiler/query/completion.h"
#include "compiler/query/hover.h"
#include "compiler/query/inlay_hints.h"
#include "compiler/query/rename.h"
#include "compiler/query/signature_help.h"
#include "compiler/query/symbols.h"

#include "compiler/driver/compilation.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace xr::testing {
namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every query at every `stride`-th byte of the root file.
void queryEverywhere(const Compilation &c, std::uint32_t stride) {
  ASSERT_TRUE(c.model);
  const std::string &text = c.sources.file(0).text();
  const auto size = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t at = 0; at <= size; at += stride) {
    if (auto hit = query::symbolAt(c, 0, at)) {
      EXPECT_LE(hit->range.end, size);
    }
    query::definitionAt(c, 0, at);
    if (auto hover = query::hoverAt(c, 0, at)) {
      EXPECT_FALSE(hover->markdown.empty());
    }
    query::prepareRename(c, 0, at);
    query::planRename(c, 0, at, "新名");
    query::codeActionsIn(c, 0, at, at + stride);
    query::Completion completion = query::completeAt(c.model.get(), text, at);
    EXPECT_LE(completion.replaceBegin, at);
    query::signatureHelpAt(text, at);
  }
  for (const query::InlayHint &hint : query::inlayHintsIn(c, 0, 0, size))
    EXPECT_LE(hint.offset, size);
}

TEST(QueryRobustness, EveryPositionOfTheNationalRuleSets) {
  for (const char *file : {"/rulesets/national/2023.xr", "/rulesets/national/2024.xr"}) {
    auto c = compileFile(std::string(XUNCHA_SOURCE_DIR) + file);
    queryEverywhere(*c, 37);
  }
}

TEST(QueryRobustness, EveryPrefixOfAFileAsItIsTyped) {
  const std::string path = std::string(XUNCHA_SOURCE_DIR) + "/tests/lsp/fixtures/semantic.xr";
  const std::string text = readFile(path);
  ASSERT_FALSE(text.empty());
  CompileOptions options;
  options.lower = false;
  // Cut anywhere, also inside a UTF-8 sequence: the text a client may send mid-edit.
  for (std::size_t cut = 0; cut <= text.size(); cut += 5) {
    auto c = compileText(path, text.substr(0, cut), options);
    const auto end = static_cast<std::uint32_t>(cut);
    query::Completion completion =
        query::completeAt(c->model.get(), c->sources.file(0).text(), end);
    EXPECT_LE(completion.replaceBegin, end);
    query::signatureHelpAt(c->sources.file(0).text(), end);
    query::hoverAt(*c, 0, end);
    query::codeActionsIn(*c, 0, 0, end);
    query::inlayHintsIn(*c, 0, 0, end);
  }
}

} // namespace
} // namespace xr::testing
