#include "compiler/syntax/concrete_syntax.h"

#include "compiler/syntax/concrete_token.h"
#include "compiler/syntax/concrete_tree_builder.h"

namespace xr::syntax {

ConcreteSyntax buildConcreteSyntax(antlr4::ParserRuleContext *root,
                                   const std::vector<antlr4::Token *> &tokens,
                                   const std::vector<std::string> &ruleNames,
                                   const TokenPositions &positions, const SourceFile &file,
                                   std::vector<ast::Comment> comments) {
  ConcreteSyntax out;
  out.comments = std::move(comments);
  for (const antlr4::Token *token : tokens) {
    if (token->getType() == antlr4::Token::EOF)
      break;
    out.tokens.push_back(concreteToken(*token, positions, file));
  }
  auto count = static_cast<std::uint32_t>(out.tokens.size());
  auto clamp = [&](std::size_t index) {
    return static_cast<std::uint32_t>(index < count ? index : count);
  };

  std::vector<std::pair<antlr4::ParserRuleContext *, std::uint32_t>> pending{{root, 0}};
  out.nodes.emplace_back();
  while (!pending.empty()) {
    auto [context, index] = pending.back();
    pending.pop_back();
    ConcreteNode node;
    std::size_t rule = context->getRuleIndex();
    node.rule = rule < ruleNames.size() ? ruleNames[rule] : std::string();
    const antlr4::Token *start = context->getStart();
    const antlr4::Token *stop = context->getStop();
    node.firstToken = start != nullptr ? clamp(start->getTokenIndex()) : count;
    node.endToken = node.firstToken;
    if (stop != nullptr && start != nullptr && stop->getTokenIndex() >= start->getTokenIndex())
      node.endToken = clamp(stop->getTokenIndex() + 1);
    std::vector<std::pair<antlr4::ParserRuleContext *, std::uint32_t>> childNodes;
    for (antlr4::tree::ParseTree *child : context->children) {
      if (auto *terminal = dynamic_cast<antlr4::tree::TerminalNode *>(child)) {
        const antlr4::Token *symbol = terminal->getSymbol();
        if (symbol->getType() != antlr4::Token::EOF)
          node.children.push_back({true, clamp(symbol->getTokenIndex())});
      } else if (auto *childContext = dynamic_cast<antlr4::ParserRuleContext *>(child)) {
        auto childIndex = static_cast<std::uint32_t>(out.nodes.size());
        out.nodes.emplace_back();
        node.children.push_back({false, childIndex});
        childNodes.emplace_back(childContext, childIndex);
      }
    }
    pending.insert(pending.end(), childNodes.begin(), childNodes.end());
    out.nodes[index] = std::move(node);
  }
  return out;
}

std::optional<ConcreteSyntax> parseConcrete(const SourceFile &file, Diagnostics &diagnostics,
                                            const Limits &limits) {
  NodeIdAllocator ids;
  std::optional<ConcreteSyntax> concrete;
  parseModuleAndTree(file, ids, diagnostics, limits, &concrete);
  return concrete;
}

} // namespace xr::syntax
