// Expressions. Left-recursive rules (`a + b + c`, `a and b and c`, `x.y.z`) come out of
// ANTLR as left-deep trees as long as the chain; they are walked with loops, and every AST
// level counts against Limits::maxNestingDepth, so neither this builder nor the passes after
// it can be driven into a stack overflow.
#include "compiler/syntax/builder.h"
#include "compiler/syntax/literals.h"

#include <fmt/format.h>

namespace xr::syntax {

namespace {

using ast::BinaryOp;
using ast::ExprPtr;

/// The left operand of a left-recursive `expr` alternative, or null.
P::ExprContext *leftOperand(P::ExprContext *c) {
  if (auto *x = dynamic_cast<P::StatusExprContext *>(c))
    return x->operand;
  if (auto *x = dynamic_cast<P::IsMissingExprContext *>(c))
    return x->operand;
  if (auto *x = dynamic_cast<P::InListExprContext *>(c))
    return x->operand;
  if (auto *x = dynamic_cast<P::BetweenExprContext *>(c))
    return x->operand;
  if (auto *x = dynamic_cast<P::CompareExprContext *>(c))
    return x->lhs;
  if (auto *x = dynamic_cast<P::AndExprContext *>(c))
    return x->lhs;
  if (auto *x = dynamic_cast<P::OrExprContext *>(c))
    return x->lhs;
  return nullptr;
}

bool isLeftRecursive(P::ExprContext *c) {
  return dynamic_cast<P::StatusExprContext *>(c) || dynamic_cast<P::IsMissingExprContext *>(c) ||
         dynamic_cast<P::InListExprContext *>(c) || dynamic_cast<P::BetweenExprContext *>(c) ||
         dynamic_cast<P::CompareExprContext *>(c) || dynamic_cast<P::AndExprContext *>(c) ||
         dynamic_cast<P::OrExprContext *>(c);
}

/// The chain from `top` down its left operands, `top` first, leaf excluded.
template <typename Ctx, typename LeftOf> std::vector<Ctx *> leftSpine(Ctx *top, LeftOf leftOf) {
  std::vector<Ctx *> spine;
  for (Ctx *c = top; c != nullptr;) {
    Ctx *left = leftOf(c);
    if (left == nullptr)
      break;
    spine.push_back(c);
    c = left;
  }
  return spine;
}

/// In a spine of `length` nodes (top first) starting at `depth`, the node whose operator,
/// counted from the left of the text, is the first one past `limit`. Only called when the
/// chain is too deep.
std::size_t firstTooDeep(std::size_t depth, std::size_t length, std::size_t limit) {
  std::size_t fromLeft = depth <= limit ? limit - depth + 1 : 0;
  return fromLeft < length ? length - 1 - fromLeft : 0;
}

ast::IndicatorStatus statusOf(const antlr4::Token *token) {
  std::string text = token != nullptr ? token->getText() : std::string();
  if (text == "passes")
    return ast::IndicatorStatus::Passes;
  if (text == "unassessed")
    return ast::IndicatorStatus::Unassessed;
  return ast::IndicatorStatus::Fails;
}

/// The operator of a binary parse-tree node: its second child.
antlr4::tree::ParseTree *operatorChild(antlr4::ParserRuleContext *c) {
  return c != nullptr && c->children.size() > 1 ? c->children[1] : nullptr;
}

SourceRange operatorRange(const AstBuilder &builder, antlr4::ParserRuleContext *c) {
  antlr4::tree::ParseTree *child = operatorChild(c);
  if (auto *terminal = dynamic_cast<antlr4::tree::TerminalNode *>(child))
    return builder.range(terminal);
  if (auto *rule = dynamic_cast<antlr4::ParserRuleContext *>(child))
    return builder.range(rule);
  return builder.range(c);
}

} // namespace

ExprPtr AstBuilder::error(SourceRange at) { return node<ast::ErrorExpr>(at); }

bool AstBuilder::tooDeep(std::size_t depth, SourceRange at) {
  if (depth <= depthLimit_)
    return false;
  if (!depthReported_) {
    depthReported_ = true;
    diagnostics_.report(DiagCode::LimitExceeded, at,
                        fmt::format("expression nested more than {} levels deep; split it with "
                                    "`let`",
                                    depthLimit_));
  }
  return true;
}

std::optional<BinaryOp> AstBuilder::comparisonOp(P::ComparisonOpContext *context) const {
  if (context == nullptr || !present(context->start))
    return std::nullopt;
  std::string text = context->start->getText();
  if (text == "==")
    return BinaryOp::Eq;
  if (text == "!=")
    return BinaryOp::Ne;
  if (text == "<")
    return BinaryOp::Lt;
  if (text == "<=")
    return BinaryOp::Le;
  if (text == ">")
    return BinaryOp::Gt;
  if (text == ">=")
    return BinaryOp::Ge;
  return std::nullopt;
}

ExprPtr AstBuilder::expr(P::ExprContext *context) {
  depthReported_ = false;
  return exprAt(context, 1);
}

ExprPtr AstBuilder::exprAt(P::ExprContext *context, std::size_t depth) {
  if (context == nullptr)
    return error(SourceRange{});
  std::vector<P::ExprContext *> spine = leftSpine(context, leftOperand);
  P::ExprContext *leaf = spine.empty() ? context : leftOperand(spine.back());
  std::size_t leafDepth = depth + spine.size();
  if (leafDepth > depthLimit_) {
    SourceRange at =
        spine.empty() ? range(context)
                      : operatorRange(*this, spine[firstTooDeep(depth, spine.size(), depthLimit_)]);
    tooDeep(leafDepth, at);
    return error(context);
  }
  ExprPtr result = exprOperand(leaf, leafDepth);
  for (std::size_t i = spine.size(); i-- > 0;)
    result = exprCombine(spine[i], std::move(result), depth + i);
  return result;
}

ExprPtr AstBuilder::exprOperand(P::ExprContext *c, std::size_t depth) {
  if (tooDeep(depth, range(c)))
    return error(c);
  if (auto *x = dynamic_cast<P::QuantifiedExprContext *>(c))
    return quantified(x);
  if (auto *x = dynamic_cast<P::AdditiveExprContext *>(c))
    return additive(x->additive(), depth);
  if (auto *x = dynamic_cast<P::CoalesceExprContext *>(c)) {
    auto out = node<ast::BinaryExpr>(range(c));
    out->op = BinaryOp::Coalesce;
    out->opRange = range(keyword(c, "??"));
    out->lhs = exprAt(x->lhs, depth + 1);
    out->rhs = exprAt(x->rhs, depth + 1);
    return out;
  }
  if (auto *x = dynamic_cast<P::NotExprContext *>(c)) {
    auto out = node<ast::UnaryExpr>(range(c));
    out->op = ast::UnaryOp::Not;
    out->operand = exprAt(x->operand, depth + 1);
    return out;
  }
  if (auto *x = dynamic_cast<P::IfExprContext *>(c)) {
    auto out = node<ast::IfExpr>(range(c));
    out->cond = exprAt(x->cond, depth + 1);
    out->thenExpr = exprAt(x->thenExpr, depth + 1);
    out->elseExpr = exprAt(x->elseExpr, depth + 1);
    return out;
  }
  if (isLeftRecursive(c)) { // its left operand is missing (error recovery)
    SourceRange at = range(c);
    return exprCombine(c, error(SourceRange{at.file, at.begin, at.begin}), depth);
  }
  return error(c);
}

ExprPtr AstBuilder::exprCombine(P::ExprContext *c, ExprPtr left, std::size_t depth) {
  SourceRange at = range(c);
  if (auto *x = dynamic_cast<P::StatusExprContext *>(c)) {
    auto out = node<ast::StatusExpr>(at);
    out->operand = std::move(left);
    out->status = statusOf(x->status);
    return out;
  }
  if (auto *x = dynamic_cast<P::IsMissingExprContext *>(c)) {
    auto out = node<ast::IsMissingExpr>(at);
    out->operand = std::move(left);
    out->negated = present(x->negated);
    return out;
  }
  if (auto *x = dynamic_cast<P::InListExprContext *>(c)) {
    auto out = node<ast::InListExpr>(at);
    out->operand = std::move(left);
    out->negated = present(x->negated);
    for (P::ExprContext *item : x->expr())
      if (item != x->operand)
        out->items.push_back(exprAt(item, depth + 1));
    return out;
  }
  if (auto *x = dynamic_cast<P::BetweenExprContext *>(c)) {
    auto out = node<ast::BetweenExpr>(at);
    out->operand = std::move(left);
    out->low = additive(x->low, depth + 1);
    out->high = additive(x->high, depth + 1);
    return out;
  }
  auto out = node<ast::BinaryExpr>(at);
  out->lhs = std::move(left);
  P::ExprContext *rhs = nullptr;
  if (auto *compare = dynamic_cast<P::CompareExprContext *>(c)) {
    out->op = comparisonOp(compare->op).value_or(BinaryOp::Eq);
    out->opRange = range(compare->op);
    rhs = compare->rhs;
  } else if (auto *conjunction = dynamic_cast<P::AndExprContext *>(c)) {
    out->op = BinaryOp::And;
    out->opRange = range(keyword(c, "and"));
    rhs = conjunction->rhs;
  } else if (auto *disjunction = dynamic_cast<P::OrExprContext *>(c)) {
    out->op = BinaryOp::Or;
    out->opRange = range(keyword(c, "or"));
    rhs = disjunction->rhs;
  }
  out->rhs = exprAt(rhs, depth + 1);
  return out;
}

ExprPtr AstBuilder::quantified(P::QuantifiedExprContext *c) {
  auto out = node<ast::QuantifiedExpr>(range(c));
  std::string quantifier = present(c->quantifier) ? c->quantifier->getText() : "any";
  std::string status = present(c->status) ? c->status->getText() : "fails";
  out->quantifier = quantifier == "all"     ? ast::Quantifier::All
                    : quantifier == "count" ? ast::Quantifier::Count
                                            : ast::Quantifier::Any;
  out->severity = severity(c->severity());
  out->status = statusOf(c->status);
  if (c->domain != nullptr)
    out->domain = ident(c->domain);
  if (c->severity() == nullptr && keyword(c, "indicator") == nullptr)
    diagnostics_.report(DiagCode::SyntaxError, out->range,
                        fmt::format("'{0} {1}' needs a severity or 'indicator': write `{0} "
                                    "critical {1}` or `{0} indicator {1}`",
                                    quantifier, status));
  return out;
}

ExprPtr AstBuilder::additive(P::AdditiveContext *context, std::size_t depth) {
  if (context == nullptr)
    return error(SourceRange{});
  auto spine = leftSpine(context, [](P::AdditiveContext *c) { return c->additive(); });
  P::AdditiveContext *leaf = spine.empty() ? context : spine.back()->additive();
  if (depth + spine.size() > depthLimit_) {
    tooDeep(depth + spine.size(), range(spine[firstTooDeep(depth, spine.size(), depthLimit_)]->op));
    return error(context);
  }
  ExprPtr result = multiplicative(leaf->multiplicative(), depth + spine.size());
  for (std::size_t i = spine.size(); i-- > 0;) {
    P::AdditiveContext *c = spine[i];
    auto out = node<ast::BinaryExpr>(range(c));
    out->op = present(c->op) && c->op->getText() == "-" ? BinaryOp::Sub : BinaryOp::Add;
    out->opRange = range(c->op);
    out->lhs = std::move(result);
    out->rhs = multiplicative(c->multiplicative(), depth + i + 1);
    result = std::move(out);
  }
  return result;
}

ExprPtr AstBuilder::multiplicative(P::MultiplicativeContext *context, std::size_t depth) {
  if (context == nullptr)
    return error(SourceRange{});
  auto spine = leftSpine(context, [](P::MultiplicativeContext *c) { return c->multiplicative(); });
  P::MultiplicativeContext *leaf = spine.empty() ? context : spine.back()->multiplicative();
  if (depth + spine.size() > depthLimit_) {
    tooDeep(depth + spine.size(), range(spine[firstTooDeep(depth, spine.size(), depthLimit_)]->op));
    return error(context);
  }
  ExprPtr result = unary(leaf->unary(), depth + spine.size());
  for (std::size_t i = spine.size(); i-- > 0;) {
    P::MultiplicativeContext *c = spine[i];
    auto out = node<ast::BinaryExpr>(range(c));
    out->op = present(c->op) && c->op->getText() == "/" ? BinaryOp::Div : BinaryOp::Mul;
    out->opRange = range(c->op);
    out->lhs = std::move(result);
    out->rhs = unary(c->unary(), depth + i + 1);
    result = std::move(out);
  }
  return result;
}

ExprPtr AstBuilder::unary(P::UnaryContext *context, std::size_t depth) {
  if (context == nullptr)
    return error(SourceRange{});
  if (auto *negate = dynamic_cast<P::NegateContext *>(context)) {
    if (tooDeep(depth, range(context->start)))
      return error(context);
    auto out = node<ast::UnaryExpr>(range(context));
    out->op = ast::UnaryOp::Negate;
    out->operand = unary(negate->unary(), depth + 1);
    return out;
  }
  if (auto *p = dynamic_cast<P::PostfixUnaryContext *>(context))
    return postfix(p->postfix(), depth);
  return error(context);
}

ExprPtr AstBuilder::postfix(P::PostfixContext *context, std::size_t depth) {
  if (context == nullptr)
    return error(SourceRange{});
  auto leftOf = [](P::PostfixContext *c) -> P::PostfixContext * {
    if (auto *m = dynamic_cast<P::MemberAccessContext *>(c))
      return m->postfix();
    if (auto *d = dynamic_cast<P::DurationLiteralContext *>(c))
      return d->postfix();
    return nullptr;
  };
  auto spine = leftSpine(context, leftOf);
  P::PostfixContext *leaf = spine.empty() ? context : leftOf(spine.back());
  if (depth + spine.size() > depthLimit_) {
    tooDeep(depth + spine.size(),
            operatorRange(*this, spine[firstTooDeep(depth, spine.size(), depthLimit_)]));
    return error(context);
  }
  ExprPtr result;
  if (auto *p = dynamic_cast<P::PrimaryPostfixContext *>(leaf)) {
    result = primary(p->primary(), depth + spine.size());
  } else if (dynamic_cast<P::MemberAccessContext *>(leaf) != nullptr ||
             dynamic_cast<P::DurationLiteralContext *>(leaf) != nullptr) {
    // A suffix whose operand is missing (error recovery): keep the suffix itself.
    SourceRange at = range(leaf);
    result = error(SourceRange{at.file, at.begin, at.begin});
    spine.push_back(leaf);
  } else {
    result = error(leaf);
  }
  for (std::size_t i = spine.size(); i-- > 0;) {
    P::PostfixContext *c = spine[i];
    if (auto *m = dynamic_cast<P::MemberAccessContext *>(c)) {
      auto out = node<ast::MemberExpr>(range(c));
      out->object = std::move(result);
      out->member = ident(m->name());
      result = std::move(out);
    } else if (auto *d = dynamic_cast<P::DurationLiteralContext *>(c)) {
      auto out = node<ast::DurationExpr>(range(c));
      out->count = std::move(result);
      out->unit = keyword(d->durationUnit(), "working") != nullptr ? ast::DurationUnit::WorkingDays
                                                                   : ast::DurationUnit::Days;
      result = std::move(out);
    }
  }
  return result;
}

ExprPtr AstBuilder::primary(P::PrimaryContext *context, std::size_t depth) {
  if (context == nullptr)
    return error(SourceRange{});
  SourceRange at = range(context);
  auto literal = [&](ast::LiteralValue value) {
    auto out = node<ast::LiteralExpr>(at);
    out->value = std::move(value);
    return out;
  };
  if (auto *x = dynamic_cast<P::IntLiteralContext *>(context)) {
    if (auto value = integer(x->INT() ? x->INT()->getSymbol() : nullptr))
      return literal(*value);
    return error(context);
  }
  if (auto *x = dynamic_cast<P::NumberLiteralExprContext *>(context)) {
    antlr4::Token *token = x->NUMBER() ? x->NUMBER()->getSymbol() : nullptr;
    if (!present(token))
      return error(context);
    if (auto value = parseFiniteDouble(token->getText()))
      return literal(*value);
    diagnostics_.report(DiagCode::InvalidNumber, at,
                        fmt::format("number {} is too large to represent", token->getText()));
    return error(context);
  }
  if (auto *x = dynamic_cast<P::PercentLiteralContext *>(context)) {
    if (number(x->amount))
      if (auto value = parsePercent(x->amount->getText()))
        return literal(ast::Percent{*value});
    return error(context);
  }
  if (auto *x = dynamic_cast<P::StringLiteralContext *>(context)) {
    if (auto text = stringLit(x->STRING()))
      return literal(std::move(text->value));
    return error(context);
  }
  if (auto *x = dynamic_cast<P::DateLiteralContext *>(context)) {
    if (auto value = date(x->DATE() ? x->DATE()->getSymbol() : nullptr))
      return literal(*value);
    return error(context);
  }
  if (dynamic_cast<P::BoolLiteralContext *>(context) != nullptr && present(context->start))
    return literal(context->start->getText() == "true");
  if (auto *x = dynamic_cast<P::CallExprContext *>(context)) {
    if (tooDeep(depth, at))
      return error(context);
    auto out = node<ast::CallExpr>(at);
    out->callee = ident(x->callee);
    for (P::ExprContext *arg : x->expr())
      out->args.push_back(exprAt(arg, depth + 1));
    return out;
  }
  if (auto *x = dynamic_cast<P::NameRefContext *>(context)) {
    ast::Ident name = ident(x->name());
    if (name.empty())
      return error(context);
    auto out = node<ast::NameExpr>(at);
    out->name = std::move(name);
    return out;
  }
  if (auto *x = dynamic_cast<P::ParenExprContext *>(context)) // no node: no AST level
    return exprAt(x->expr(), depth);
  return error(context);
}

} // namespace xr::syntax
