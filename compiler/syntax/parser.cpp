// parseModule: the front end's entry point. Checks the file's size and encoding, lexes,
// guards the parser against nesting that would overflow its stack, parses with ANTLR's
// error recovery, and builds the AST.
#include "compiler/syntax/parser.h"

#include "compiler/syntax/antlr_lock.h"
#include "compiler/syntax/builder.h"
#include "compiler/syntax/concrete_tree_builder.h"
#include "compiler/syntax/lexing.h"
#include "compiler/syntax/nesting_guard.h"
#include "compiler/syntax/source_text.h"
#include "compiler/syntax/syntax_errors.h"
#include "compiler/syntax/token_kinds.h"

#include "XrLexer.h"
#include "XrParser.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>

namespace xr {

namespace {

/// A binary file would give one diagnostic per stretch of bad bytes; a few say it all.
constexpr std::size_t kMaxInvalidUtf8Reports = 20;

void reportInvalidUtf8(const syntax::DecodedText &decoded, const SourceFile &file,
                       Diagnostics &diagnostics) {
  const std::vector<syntax::InvalidUtf8Run> &runs = decoded.invalid;
  for (std::size_t i = 0; i < runs.size() && i < kMaxInvalidUtf8Reports; ++i) {
    const syntax::InvalidUtf8Run &run = runs[i];
    SourceRange range{file.id(), run.offset, run.offset + run.length};
    auto first = static_cast<unsigned char>(file.text()[run.offset]);
    std::string what = run.length == 1 ? fmt::format("invalid UTF-8 byte 0x{:02X}", first)
                                       : fmt::format("{} bytes of invalid UTF-8 (first 0x{:02X})",
                                                     run.length, first);
    Diagnostic &d = diagnostics.report(
        DiagCode::InvalidUtf8, range,
        fmt::format("{} at byte offset {}; save the file as UTF-8", what, run.offset));
    if (i + 1 == kMaxInvalidUtf8Reports && runs.size() > kMaxInvalidUtf8Reports) {
      const syntax::InvalidUtf8Run &last = runs.back();
      d.note(SourceRange{file.id(), last.offset, last.offset + last.length},
             fmt::format("{} more stretches of invalid UTF-8 follow, the last one here",
                         runs.size() - kMaxInvalidUtf8Reports));
    }
  }
}

/// Where the top-level declaration that contains token `index` starts: the parser then
/// sees only the declarations before it.
std::size_t declarationStart(const std::vector<std::unique_ptr<antlr4::Token>> &tokens,
                             std::size_t index) {
  const syntax::TokenKinds &k = syntax::TokenKinds::get();
  std::vector<std::size_t> starters;
  for (const char *t : {"record",    "enum",     "param",    "domain",   "indicator", "check",
                        "checklist", "let",      "score",    "table",    "output",    "frequency",
                        "rule",      "escalate", "deadline", "calendar", "report",    "example",
                        "test",      "retire",   "override", "import",   "ruleset"})
    starters.push_back(k.type(t));
  std::size_t open = k.type("("), close = k.type(")");
  std::size_t openSquare = k.type("["), closeSquare = k.type("]");
  std::size_t openBrace = k.type("{"), closeBrace = k.type("}");
  std::size_t overrideType = k.type("override"), retireType = k.type("retire");
  std::size_t depth = 0, start = 0;
  std::size_t previous = 0;
  for (std::size_t i = 0; i < index; ++i) {
    std::size_t type = tokens[i]->getType();
    if (type == open || type == openSquare || type == openBrace)
      ++depth;
    else if ((type == close || type == closeSquare || type == closeBrace) && depth > 0)
      --depth;
    else if (depth == 0 && previous != overrideType && previous != retireType &&
             std::find(starters.begin(), starters.end(), type) != starters.end())
      start = i;
    previous = type;
  }
  return start;
}

} // namespace

std::unique_ptr<ast::Module> parseModule(const SourceFile &file, NodeIdAllocator &ids,
                                         Diagnostics &diagnostics, const Limits &limits) {
  return syntax::parseModuleAndTree(file, ids, diagnostics, limits, nullptr);
}

std::unique_ptr<ast::Module>
syntax::parseModuleAndTree(const SourceFile &file, NodeIdAllocator &ids, Diagnostics &diagnostics,
                           const Limits &limits, std::optional<ConcreteSyntax> *concrete) {
  std::size_t errorsBefore = diagnostics.errorCount();
  auto module = std::make_unique<ast::Module>();
  const std::string &text = file.text();
  module->file = file.id();
  module->range = {file.id(), 0, static_cast<std::uint32_t>(text.size())};
  if (text.size() > limits.maxFileBytes) {
    diagnostics.report(DiagCode::LimitExceeded, SourceRange{file.id(), 0, 0},
                       fmt::format("file of {} bytes is too large: the limit is {} bytes",
                                   text.size(), limits.maxFileBytes));
    return module;
  }

  syntax::DecodedText decoded = syntax::decodeUtf8(text);
  reportInvalidUtf8(decoded, file, diagnostics);
  syntax::TokenPositions positions(file.id(), decoded);

  std::lock_guard<std::mutex> lock(syntax::antlrMutex());
  syntax::CodePointStream input(decoded.codePoints);
  grammar::XrLexer lexer(&input);
  lexer.removeErrorListeners();
  syntax::LexedTokens lexed =
      syntax::lexTokens(lexer, decoded, positions, file, limits, diagnostics);
  module->comments = std::move(lexed.comments);

  std::vector<std::unique_ptr<antlr4::Token>> &tokens = lexed.tokens;
  const antlr4::Token *madeUpEnd = nullptr;
  std::size_t depthLimit = syntax::effectiveDepthLimit(limits.maxNestingDepth);
  if (auto overflow = syntax::findNestingOverflow(tokens, depthLimit)) {
    diagnostics.report(DiagCode::LimitExceeded, positions.range(tokens[*overflow].get()),
                       fmt::format("nesting deeper than {} levels; split the expression with "
                                   "`let` or simplify it",
                                   depthLimit));
    // Parse only the declarations before the one that is too deep; what follows it is not
    // read (the parser could not get through it safely).
    std::size_t cut = declarationStart(tokens, *overflow);
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(cut), tokens.end() - 1);
    madeUpEnd = tokens.back().get();
  }

  antlr4::ListTokenSource source(std::move(tokens));
  antlr4::CommonTokenStream stream(&source);
  grammar::XrParser parser(&stream);
  parser.removeErrorListeners();
  syntax::SyntaxErrorListener listener(positions, diagnostics);
  listener.ignoreErrorsAt(madeUpEnd);
  parser.addErrorListener(&listener);
  parser.setErrorHandler(std::make_shared<syntax::SyntaxErrorStrategy>());
  grammar::XrParser::FileContext *tree = parser.file();

  syntax::AstBuilder builder(file, positions, ids, diagnostics, limits);
  builder.buildModule(tree, *module);
  if (concrete != nullptr && diagnostics.errorCount() == errorsBefore) {
    std::vector<antlr4::Token *> parsed = stream.getTokens();
    *concrete = syntax::buildConcreteSyntax(tree, parsed, parser.getRuleNames(), positions, file,
                                            module->comments);
  }
  return module;
}

} // namespace xr
