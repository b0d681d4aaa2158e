#pragma once
// Syntax errors in words a rule author understands. ANTLR's DefaultErrorStrategy keeps doing
// the recovery (single-token insertion and deletion, resynchronisation); this subclass only
// rewrites what is reported: the unexpected token as written, what was expected
// ("an expression", "a name", "'=>'"), and a hint about the construct being written.
// The listener turns each report into an XR0001 diagnostic at the offending token.
#include "compiler/diag/diagnostic.h"
#include "compiler/syntax/token_positions.h"

#include "antlr4-runtime.h"

namespace xr::syntax {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
protected:
  void reportNoViableAlternative(antlr4::Parser *parser,
                                 const antlr4::NoViableAltException &e) override;
  void reportInputMismatch(antlr4::Parser *parser,
                           const antlr4::InputMismatchException &e) override;
  void reportFailedPredicate(antlr4::Parser *parser,
                             const antlr4::FailedPredicateException &e) override;
  void reportUnwantedToken(antlr4::Parser *parser) override;
  void reportMissingToken(antlr4::Parser *parser) override;
  /// Never drops a declaration keyword as "extraneous": in `let a = 1 +` followed by
  /// `let b = 2`, deleting the second `let` would glue `b` onto the broken expression and
  /// cascade. Recovery then resynchronises at the keyword instead.
  antlr4::Token *singleTokenDeletion(antlr4::Parser *parser) override;
};

class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  SyntaxErrorListener(const TokenPositions &positions, Diagnostics &diagnostics)
      : positions_(positions), diagnostics_(diagnostics) {}

  /// Errors at this token are not reported: it is an end of input we made up (the parser
  /// only saw the part of the file before a nesting-limit violation).
  void ignoreErrorsAt(const antlr4::Token *token) { ignored_ = token; }

  void syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offendingSymbol, std::size_t line,
                   std::size_t charPositionInLine, const std::string &message,
                   std::exception_ptr e) override;

private:
  const TokenPositions &positions_;
  Diagnostics &diagnostics_;
  const antlr4::Token *ignored_ = nullptr;
};

} // namespace xr::syntax
