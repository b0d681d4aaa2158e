// Shared pieces of the AST builder: ranges, names, strings and the literal checks.
#include "compiler/syntax/builder.h"
#include "compiler/syntax/literals.h"
#include "compiler/syntax/nesting_guard.h"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace xr::syntax {

AstBuilder::AstBuilder(const SourceFile &file, const TokenPositions &positions,
                       NodeIdAllocator &ids, Diagnostics &diagnostics, const Limits &limits)
    : file_(file), positions_(positions), ids_(ids), diagnostics_(diagnostics), limits_(limits),
      kinds_(TokenKinds::get()), depthLimit_(effectiveDepthLimit(limits.maxNestingDepth)) {}

SourceRange AstBuilder::range(const antlr4::ParserRuleContext *context) const {
  return positions_.range(context);
}

SourceRange AstBuilder::range(const antlr4::Token *token) const { return positions_.range(token); }

SourceRange AstBuilder::range(antlr4::tree::TerminalNode *node) const {
  return positions_.range(node);
}

bool AstBuilder::present(const antlr4::Token *token) {
  return token != nullptr && !TokenPositions::isConjured(token) &&
         token->getType() != antlr4::Token::EOF;
}

antlr4::Token *AstBuilder::keyword(antlr4::ParserRuleContext *context,
                                   std::string_view literal) const {
  if (context == nullptr)
    return nullptr;
  std::size_t type = kinds_.type(literal);
  for (antlr4::tree::ParseTree *child : context->children) {
    auto *terminal = dynamic_cast<antlr4::tree::TerminalNode *>(child);
    if (terminal == nullptr || dynamic_cast<antlr4::tree::ErrorNode *>(child) != nullptr)
      continue;
    antlr4::Token *token = terminal->getSymbol();
    if (present(token) && token->getType() == type)
      return token;
  }
  return nullptr;
}

ast::Ident AstBuilder::ident(P::NameContext *name) const {
  if (name == nullptr || name->start == nullptr)
    return {};
  antlr4::Token *token = nullptr;
  if (antlr4::tree::TerminalNode *id = name->ID())
    token = id->getSymbol();
  else if (P::SoftKeywordContext *soft = name->softKeyword())
    token = soft->start;
  if (!present(token))
    return {std::string(), range(token)};
  return {token->getText(), range(token)};
}

std::optional<ast::StringLit> AstBuilder::stringLit(const antlr4::Token *token) const {
  if (!present(token) || token->getType() != P::STRING)
    return std::nullopt;
  std::string text = token->getText();
  SourceRange at = range(token);
  return ast::StringLit{unescapeString(text, isTerminatedString(text)).value, at};
}

std::optional<ast::StringLit> AstBuilder::stringLit(antlr4::tree::TerminalNode *node) const {
  return node == nullptr ? std::nullopt : stringLit(node->getSymbol());
}

std::optional<std::int64_t> AstBuilder::integer(const antlr4::Token *token) {
  if (!present(token))
    return std::nullopt;
  std::string text = token->getText();
  if (auto value = parseInt64(text))
    return value;
  diagnostics_.report(DiagCode::InvalidNumber, range(token),
                      fmt::format("integer {} is too large: the largest int is {}", text,
                                  std::numeric_limits<std::int64_t>::max()));
  return std::nullopt;
}

std::optional<double> AstBuilder::number(P::NumberLiteralContext *literal) {
  if (literal == nullptr || !present(literal->start))
    return std::nullopt;
  std::string text = literal->start->getText();
  if (auto value = parseFiniteDouble(text))
    return value;
  diagnostics_.report(DiagCode::InvalidNumber, range(literal->start),
                      fmt::format("number {} is too large to represent", text));
  return std::nullopt;
}

std::optional<ast::Date> AstBuilder::date(const antlr4::Token *token) {
  if (!present(token) || token->getType() != P::DATE)
    return std::nullopt;
  std::string text = token->getText();
  DateResult result = parseDateLiteral(text);
  if (result.days)
    return ast::Date{*result.days};
  diagnostics_.report(DiagCode::InvalidDate, range(token),
                      fmt::format("invalid date {}: {}", text, result.problem));
  return std::nullopt;
}

std::optional<ast::WeightSpec> AstBuilder::weight(P::WeightSpecContext *spec) {
  if (spec == nullptr)
    return std::nullopt;
  ast::WeightSpec out;
  P::NumberLiteralContext *amount = nullptr;
  if (auto *share = dynamic_cast<P::ShareWeightContext *>(spec)) {
    out.kind = ast::WeightKind::Share;
    amount = share->amount;
  } else if (auto *points = dynamic_cast<P::PointsWeightContext *>(spec)) {
    out.kind = ast::WeightKind::Points;
    amount = points->amount;
  }
  if (amount == nullptr || !present(amount->start))
    return std::nullopt;
  out.range = range(spec);
  SourceRange amountRange = range(amount);
  out.text = sourceText({out.range.file, amountRange.begin, out.range.end});
  std::string digits = amount->start->getText();
  MicroResult micro = parseMicro(digits);
  switch (micro.error) {
  case MicroError::None:
    out.micro = micro.micro;
    return out;
  case MicroError::TooManyDecimals:
    diagnostics_.report(DiagCode::InvalidNumber, amountRange,
                        fmt::format("weight {} has more than 6 decimal places", out.text));
    return std::nullopt;
  case MicroError::TooLarge:
    diagnostics_.report(DiagCode::InvalidNumber, amountRange,
                        fmt::format("weight {} is too large", out.text));
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<ast::Severity> AstBuilder::severity(P::SeverityContext *severity) const {
  if (severity == nullptr || !present(severity->start))
    return std::nullopt;
  std::string word = severity->start->getText();
  if (word == "critical")
    return ast::Severity::Critical;
  if (word == "major")
    return ast::Severity::Major;
  if (word == "minor")
    return ast::Severity::Minor;
  return std::nullopt;
}

std::string AstBuilder::sourceText(SourceRange at) const {
  const std::string &text = file_.text();
  if (!at.valid() || at.begin > at.end || at.end > text.size())
    return {};
  return text.substr(at.begin, at.end - at.begin);
}

bool AstBuilder::ClauseTracker::first(std::string_view clause, SourceRange at) {
  for (const auto &[name, where] : seen_) {
    if (name != clause)
      continue;
    builder_.diagnostics_
        .report(DiagCode::DuplicateClause, at,
                fmt::format("'{}' is given twice in {}", clause, owner_))
        .note(where, fmt::format("'{}' first given here", clause))
        .fix(fmt::format("remove the second '{}'", clause), at, "");
    return false;
  }
  seen_.emplace_back(std::string(clause), at);
  return true;
}

} // namespace xr::syntax
