#pragma once
// The parse tree to AST builder, internal to compiler/syntax. One class, its methods defined
// per grammar area (build_module.cpp, build_schema.cpp, build_indicators.cpp,
// build_decisions.cpp, build_reports.cpp, build_tests.cpp, build_expressions.cpp) and the
// shared helpers in build_common.cpp.
//
// Under error recovery ANTLR hands over contexts with missing children and tokens conjured
// for "missing" input: every accessor result is checked, a missing expression becomes an
// ErrorExpr and a missing name an empty Ident.
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/limits.h"
#include "compiler/syntax/parser.h"
#include "compiler/syntax/token_kinds.h"
#include "compiler/syntax/token_positions.h"

#include "XrParser.h"

#include <optional>
#include <string>
#include <vector>

namespace xr::syntax {

using P = grammar::XrParser;

class AstBuilder {
public:
  AstBuilder(const SourceFile &file, const TokenPositions &positions, NodeIdAllocator &ids,
             Diagnostics &diagnostics, const Limits &limits);

  /// Fills `module` from the parse tree (header, imports, declarations).
  void buildModule(P::FileContext *file, ast::Module &module);

  // ---- build_common.cpp
  SourceRange range(const antlr4::ParserRuleContext *context) const;
  SourceRange range(const antlr4::Token *token) const;
  SourceRange range(antlr4::tree::TerminalNode *node) const;
  static bool present(const antlr4::Token *token);
  /// The first child token of `context` with this literal text ("indicator"), or null.
  antlr4::Token *keyword(antlr4::ParserRuleContext *context, std::string_view literal) const;
  ast::Ident ident(P::NameContext *name) const;
  std::optional<ast::StringLit> stringLit(const antlr4::Token *token) const;
  std::optional<ast::StringLit> stringLit(antlr4::tree::TerminalNode *node) const;
  std::optional<std::int64_t> integer(const antlr4::Token *token);
  std::optional<double> number(P::NumberLiteralContext *literal);
  std::optional<ast::Date> date(const antlr4::Token *token);
  std::optional<ast::WeightSpec> weight(P::WeightSpecContext *spec);
  std::optional<ast::Severity> severity(P::SeverityContext *severity) const;
  std::string sourceText(SourceRange range) const;
  ast::NodeId nextId() { return ids_.next(); }

  // ---- build_module.cpp
  ast::DeclPtr declaration(P::DeclarationContext *context);

  // ---- build_schema.cpp
  ast::DeclPtr record(P::RecordDeclContext *context);
  ast::DeclPtr enumeration(P::EnumDeclContext *context);
  ast::DeclPtr param(P::ParamDeclContext *context);
  ast::TypeRef typeRef(P::TypeRefContext *context);
  ast::EnumMember enumMember(P::EnumMemberContext *context);

  // ---- build_indicators.cpp
  ast::DeclPtr domain(P::DomainDeclContext *context);
  ast::DeclPtr indicator(P::IndicatorDeclContext *context);
  ast::DeclPtr check(P::CheckDeclContext *context);
  ast::DeclPtr checklist(P::ChecklistDeclContext *context);
  ast::MissingPolicy missingPolicy(P::MissingPolicyContext *context);
  ast::LetItem letItem(P::NameContext *name, P::ExprContext *value,
                       antlr4::ParserRuleContext *whole);

  // ---- build_decisions.cpp
  ast::DeclPtr let(P::LetDeclContext *context);
  ast::DeclPtr score(P::ScoreDeclContext *context);
  ast::DeclPtr table(P::TableDeclContext *context);
  ast::HitPolicy hitPolicy(P::HitPolicyContext *context);
  ast::DeclPtr output(P::OutputDeclContext *context);
  ast::DeclPtr frequency(P::FrequencyDeclContext *context);
  ast::DeclPtr rule(P::RuleDeclContext *context);
  ast::DeclPtr escalate(P::EscalateDeclContext *context);
  ast::DeclPtr deadline(P::DeadlineDeclContext *context);
  ast::DeclPtr calendar(P::CalendarDeclContext *context);

  // ---- build_reports.cpp
  ast::DeclPtr report(P::ReportDeclContext *context);

  // ---- build_tests.cpp
  ast::DeclPtr example(P::ExampleDeclContext *context);
  ast::DeclPtr test(P::TestDeclContext *context);
  ast::DeclPtr retire(P::RetireDeclContext *context);
  ast::RecordLiteral recordLiteral(P::RecordLiteralContext *context);
  ast::FieldValue fieldValue(P::FieldValueContext *context);

  // ---- build_expressions.cpp
  /// A whole expression (the start of a nesting count). Never null.
  ast::ExprPtr expr(P::ExprContext *context);
  std::optional<ast::BinaryOp> comparisonOp(P::ComparisonOpContext *context) const;

  /// Reports XR0011 for a clause given a second time; remembers the first otherwise.
  /// Returns false for the duplicate.
  class ClauseTracker {
  public:
    ClauseTracker(AstBuilder &builder, std::string owner)
        : builder_(builder), owner_(std::move(owner)) {}
    bool first(std::string_view clause, SourceRange at);

  private:
    AstBuilder &builder_;
    std::string owner_;
    std::vector<std::pair<std::string, SourceRange>> seen_;
  };

  /// A declaration node with its id, range, name and title.
  template <typename T>
  std::unique_ptr<T> start(antlr4::ParserRuleContext *context, P::NameContext *name,
                           const antlr4::Token *title);

private:
  // build_expressions.cpp
  ast::ExprPtr exprAt(P::ExprContext *context, std::size_t depth);
  ast::ExprPtr exprOperand(P::ExprContext *context, std::size_t depth);
  ast::ExprPtr exprCombine(P::ExprContext *context, ast::ExprPtr left, std::size_t depth);
  ast::ExprPtr additive(P::AdditiveContext *context, std::size_t depth);
  ast::ExprPtr multiplicative(P::MultiplicativeContext *context, std::size_t depth);
  ast::ExprPtr unary(P::UnaryContext *context, std::size_t depth);
  ast::ExprPtr postfix(P::PostfixContext *context, std::size_t depth);
  ast::ExprPtr primary(P::PrimaryContext *context, std::size_t depth);
  ast::ExprPtr quantified(P::QuantifiedExprContext *context);
  ast::ExprPtr error(SourceRange range);
  ast::ExprPtr error(const antlr4::ParserRuleContext *context) { return error(range(context)); }
  /// True (after reporting XR0007 once per top-level expression) when `depth` is too deep.
  bool tooDeep(std::size_t depth, SourceRange at);
  template <typename T> std::unique_ptr<T> node(SourceRange at);

  friend class ClauseTracker;

  const SourceFile &file_;
  const TokenPositions &positions_;
  NodeIdAllocator &ids_;
  Diagnostics &diagnostics_;
  const Limits &limits_;
  const TokenKinds &kinds_;
  std::size_t depthLimit_;
  bool depthReported_ = false;
};

template <typename T>
std::unique_ptr<T> AstBuilder::start(antlr4::ParserRuleContext *context, P::NameContext *name,
                                     const antlr4::Token *title) {
  auto decl = std::make_unique<T>();
  decl->id = ids_.next();
  decl->range = range(context);
  if (name != nullptr)
    decl->name = ident(name);
  decl->title = stringLit(title);
  return decl;
}

template <typename T> std::unique_ptr<T> AstBuilder::node(SourceRange at) {
  auto out = std::make_unique<T>();
  out->id = ids_.next();
  out->range = at;
  return out;
}

} // namespace xr::syntax
