#pragma once
// Internal to compiler/syntax: copies an ANTLR parse tree into a ConcreteSyntax, and the
// parse entry point that can hand one out (parser.cpp).
#include "compiler/syntax/concrete_syntax.h"
#include "compiler/syntax/parser.h"
#include "compiler/syntax/token_positions.h"

#include "XrParser.h"

#include <memory>
#include <string>
#include <vector>

namespace xr::syntax {

/// The tree under `root`, walked without recursion (a long `a + b + c ...` chain is as deep
/// as it is long). `tokens` are the parser's tokens, indexed as the tree's terminals are.
ConcreteSyntax buildConcreteSyntax(antlr4::ParserRuleContext *root,
                                   const std::vector<antlr4::Token *> &tokens,
                                   const std::vector<std::string> &ruleNames,
                                   const TokenPositions &positions, const SourceFile &file,
                                   std::vector<ast::Comment> comments);

/// parseModule, also filling `concrete` (when not null) if the file has no error.
std::unique_ptr<ast::Module> parseModuleAndTree(const SourceFile &file, NodeIdAllocator &ids,
                                                Diagnostics &diagnostics, const Limits &limits,
                                                std::optional<ConcreteSyntax> *concrete);

} // namespace xr::syntax
