#include "compiler/syntax/syntax_errors.h"

#include "compiler/syntax/token_kinds.h"

#include "XrParser.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace xr::syntax {

namespace {

using antlr4::Token;
using grammar::XrParser;

constexpr std::size_t kShownCodePoints = 30;
// IntervalSet holds token types as signed numbers; these are EOF and EPSILON there.
constexpr ssize_t kEof = -1;
constexpr ssize_t kEpsilon = -2;

std::string truncated(const std::string &text) {
  std::size_t codePoints = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && codePoints++ == kShownCodePoints)
      return text.substr(0, i) + "...";
  }
  return text;
}

std::string describeToken(const Token *token) {
  if (token == nullptr || token->getType() == Token::EOF)
    return "the end of the file";
  std::string text = truncated(token->getText());
  if (token->getType() == XrParser::STRING)
    return "the string " + text;
  return "'" + text + "'";
}

/// "unexpected string "x"", "unexpected 'x'": describeToken's article reads wrong after
/// "unexpected".
std::string unexpected(const Token *token) {
  if (token == nullptr || token->getType() == Token::EOF)
    return "unexpected end of file";
  if (token->getType() == XrParser::STRING)
    return "unexpected string " + truncated(token->getText());
  return "unexpected " + describeToken(token);
}

/// What the author was writing, by the innermost rule that has something to say about it.
std::string_view hintFor(const antlr4::RuleContext *context) {
  for (int level = 0; context != nullptr && level < 3;
       ++level, context = dynamic_cast<const antlr4::RuleContext *>(context->parent)) {
    switch (context->getRuleIndex()) {
    case XrParser::RuleHeader:
      return "the header is `ruleset \"title\" version N [extends \"file\"]`";
    case XrParser::RuleImportDecl:
      return "an import is `import \"file\"`";
    case XrParser::RuleRecordDecl:
    case XrParser::RuleFieldDecl:
    case XrParser::RuleFieldModifier:
      return "a field is `name: type`, then `key`, `unit \"...\"` or a title";
    case XrParser::RuleEnumDecl:
    case XrParser::RuleEnumMember:
    case XrParser::RuleBaseType:
      return "an enum is `enum { a \"label\", b }`";
    case XrParser::RuleParamDecl:
      return "a param is `param name: type = default`";
    case XrParser::RuleWeightSpec:
      return "a weight is `weight 40%` or `weight 8 points`";
    case XrParser::RuleIndicatorBody:
    case XrParser::RuleIndicatorItem:
      return "an indicator body holds basis, let, score =, pass when, missing =>, weight, "
             "a severity, in and title";
    case XrParser::RuleMissingPolicy:
      return "a missing-data policy is not_assessed, fail, pass, skip, flag or `score N`";
    case XrParser::RuleCheckDecl:
    case XrParser::RuleCheckItem:
      return "a check body holds when, flag, let, missing => and basis";
    case XrParser::RuleChecklistDecl:
    case XrParser::RuleChecklistBody:
    case XrParser::RuleNameList:
      return "a checklist is `checklist name for condition { all }` or lists indicators and "
             "domains";
    case XrParser::RuleHitPolicy:
      return "a hit policy is `hit first`, unique, any, priority or `collect [sum|min|max|count]`";
    case XrParser::RuleTableDecl:
    case XrParser::RuleTableRow:
      return "a table row is `condition => outcome`";
    case XrParser::RuleFrequencyDecl:
    case XrParser::RuleFrequencyEntry:
      return "a frequency entry is `member: inspections per year`";
    case XrParser::RuleRuleDecl:
    case XrParser::RuleAssignment:
      return "a rule body holds assignments `output = expression`";
    case XrParser::RuleEscalateDecl:
    case XrParser::RuleAction:
      return "an escalation body holds actions `action name [argument]`";
    case XrParser::RuleCalendarDecl:
    case XrParser::RuleCalendarItem:
      return "a calendar holds `source \"...\"`, `holiday DATE [.. DATE]` and `workday DATE`";
    case XrParser::RuleReportDecl:
    case XrParser::RuleReportItem:
      return "a report item is `name = expression [target >= value]`";
    case XrParser::RuleRecordLiteral:
    case XrParser::RuleFieldValue:
      return "a record value is `Type { field: value, ... }`";
    case XrParser::RuleTestDecl:
    case XrParser::RuleTestItem:
      return "a test holds given, expect and cases items";
    case XrParser::RuleCasesHeader:
    case XrParser::RuleCasesColumn:
    case XrParser::RuleCasesRow:
      return "a cases table has rows of cells `| a | b |`";
    case XrParser::RuleRetireDecl:
    case XrParser::RuleDeclKind:
      return "retire names a kind and a name: `retire indicator C2`";
    default:
      break;
    }
  }
  return {};
}

struct Expectation {
  std::string text;     // empty: too varied to describe
  bool general = false; // "an expression" or "a name": reads well with "after 'x'"
};

/// Tokens that could continue the expression before the error; listing them ("expected
/// '+', '-', 'and', ...") never helps, so they are dropped when anything else is expected.
bool continuesExpression(std::size_t type) {
  static const std::vector<std::size_t> continuations = [] {
    const TokenKinds &k = TokenKinds::get();
    std::vector<std::size_t> out;
    for (const char *t :
         {"??",      "or",  "and", "==",  "!=",     "<",       "<=",         ">", ">=",
          "between", "not", "in",  "is",  "passes", "fails",   "unassessed", "+", "-",
          "*",       "/",   ".",   "day", "days",   "working", "(",          "%"})
      out.push_back(k.type(t));
    return out;
  }();
  for (std::size_t t : continuations)
    if (t == type)
      return true;
  return false;
}

std::string describeType(std::size_t type) {
  switch (type) {
  case XrParser::STRING:
    return "a string";
  case XrParser::INT:
  case XrParser::NUMBER:
    return "a number";
  case XrParser::DATE:
    return "a date";
  case XrParser::ID:
    return "a name";
  default:
    break;
  }
  std::string_view literal = TokenKinds::get().literal(type);
  return literal.empty() ? std::string() : fmt::format("'{}'", literal);
}

Expectation describe(antlr4::Parser *parser, const antlr4::misc::IntervalSet &expected) {
  const antlr4::atn::ATN &atn = parser->getATN();
  const auto &expressionStart = atn.nextTokens(atn.ruleToStartState[XrParser::RuleExpr]);
  const auto &declarationStart = atn.nextTokens(atn.ruleToStartState[XrParser::RuleDeclaration]);
  const auto &softKeywords = atn.nextTokens(atn.ruleToStartState[XrParser::RuleSoftKeyword]);

  std::vector<std::string> phrases;
  std::vector<ssize_t> rest;
  bool expression = expected.contains(std::size_t{XrParser::INT}) &&
                    expected.contains(std::size_t{XrParser::ID}) &&
                    expected.contains(TokenKinds::get().type("("));
  bool name = !expression && expected.contains(std::size_t{XrParser::ID});
  std::size_t declarationKeywords = 0;
  for (ssize_t t : expected.toList())
    if (t > 0 && declarationStart.contains(t))
      ++declarationKeywords;
  bool declaration = declarationKeywords >= 5;
  if (expression)
    phrases.push_back("an expression");
  if (name)
    phrases.push_back("a name");
  if (declaration)
    phrases.push_back("a declaration");

  bool hasOther = false;
  for (ssize_t t : expected.toList()) {
    if (t == kEpsilon)
      continue;
    if ((expression && expressionStart.contains(t)) ||
        ((expression || name) && (t == XrParser::ID || softKeywords.contains(t))) ||
        (declaration && (declarationStart.contains(t) || t == kEof)))
      continue;
    rest.push_back(t);
    if (t < 0 || !continuesExpression(static_cast<std::size_t>(t)))
      hasOther = true;
  }
  for (ssize_t t : rest) {
    if (t == kEof) {
      phrases.push_back("the end of the file");
      continue;
    }
    if ((hasOther || !phrases.empty()) && continuesExpression(static_cast<std::size_t>(t)))
      continue;
    std::string phrase = describeType(static_cast<std::size_t>(t));
    if (phrase.empty())
      return {};
    bool seen = false;
    for (const std::string &p : phrases)
      seen = seen || p == phrase;
    if (!seen)
      phrases.push_back(phrase);
  }
  if (phrases.empty() || phrases.size() > 4)
    return {};
  Expectation out;
  out.general = (expression || name) && phrases.size() == 1;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0)
      out.text += i + 1 == phrases.size() ? " or " : ", ";
    out.text += phrases[i];
  }
  return out;
}

const Token *tokenBefore(antlr4::Parser *parser, const Token *token) {
  if (token == nullptr || TokenPositions::isConjured(token) || token->getTokenIndex() == 0)
    return nullptr;
  return parser->getTokenStream()->get(token->getTokenIndex() - 1);
}

/// A closing bracket the parser was waiting for, if any: at the end of the file that is the
/// likely mistake.
std::string_view expectedCloser(const antlr4::misc::IntervalSet &expected) {
  for (std::string_view closer : {")", "]", "}"})
    if (expected.contains(TokenKinds::get().type(closer)))
      return closer;
  return {};
}

/// `guessed`: the expected set is from where a multi-token decision started, not from the
/// offending token, so it is not listed.
std::string composeMessage(antlr4::Parser *parser, const antlr4::RuleContext *context,
                           const Token *offending, const antlr4::misc::IntervalSet &expected,
                           bool unwanted, bool guessed = false) {
  std::string found = describeToken(offending);
  std::string_view hint = hintFor(context);
  const Token *previous = tokenBefore(parser, offending);
  bool atEnd = offending == nullptr || offending->getType() == Token::EOF;
  std::string withHint = hint.empty() ? std::string() : fmt::format(" ({})", hint);
  if (atEnd) {
    if (std::string_view closer = expectedCloser(expected); !closer.empty() && !guessed)
      return fmt::format("expected '{}' before the end of the file{}", closer, withHint);
  }
  if (guessed) {
    std::string message = unexpected(offending);
    if (previous != nullptr)
      message += " after " + describeToken(previous);
    return hint.empty() ? message : fmt::format("{}: {}", message, hint);
  }

  Expectation expectation = describe(parser, expected);
  std::string after;
  if (expectation.general && previous != nullptr)
    after = fmt::format(" after {}", describeToken(previous));
  if (expectation.text.empty()) {
    std::string message = unexpected(offending);
    return hint.empty() ? message : fmt::format("{}: {}", message, hint);
  }
  std::string message =
      unwanted ? fmt::format("{}: expected {}{}", unexpected(offending), expectation.text, after)
               : fmt::format("expected {}{}, found {}", expectation.text, after, found);
  if (!expectation.general && expectation.text != "a declaration")
    message += withHint;
  return message;
}

} // namespace

void SyntaxErrorStrategy::reportNoViableAlternative(antlr4::Parser *parser,
                                                    const antlr4::NoViableAltException &e) {
  Token *offending = e.getOffendingToken();
  bool guessed = e.getStartToken() != nullptr && offending != nullptr &&
                 e.getStartToken()->getTokenIndex() != offending->getTokenIndex();
  parser->notifyErrorListeners(
      offending,
      composeMessage(parser, e.getCtx(), offending, e.getExpectedTokens(), false, guessed),
      nullptr);
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser *parser,
                                              const antlr4::InputMismatchException &e) {
  Token *offending = e.getOffendingToken();
  parser->notifyErrorListeners(
      offending, composeMessage(parser, e.getCtx(), offending, e.getExpectedTokens(), false),
      nullptr);
}

void SyntaxErrorStrategy::reportFailedPredicate(antlr4::Parser *parser,
                                                const antlr4::FailedPredicateException &e) {
  Token *offending = e.getOffendingToken();
  parser->notifyErrorListeners(offending, unexpected(offending), nullptr);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  Token *offending = parser->getCurrentToken();
  parser->notifyErrorListeners(
      offending,
      composeMessage(parser, parser->getContext(), offending, getExpectedTokens(parser), true),
      nullptr);
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  Token *offending = parser->getCurrentToken();
  parser->notifyErrorListeners(
      offending,
      composeMessage(parser, parser->getContext(), offending, getExpectedTokens(parser), false),
      nullptr);
}

antlr4::Token *SyntaxErrorStrategy::singleTokenDeletion(antlr4::Parser *parser) {
  static const std::vector<std::size_t> anchors = [] {
    const TokenKinds &k = TokenKinds::get();
    std::vector<std::size_t> out;
    for (const char *t :
         {"ruleset",  "import", "record",  "enum",   "param",  "domain",   "indicator",
          "check",    "let",    "table",   "output", "rule",   "escalate", "deadline",
          "calendar", "report", "example", "test",   "retire", "override"})
      out.push_back(k.type(t));
    return out;
  }();
  std::size_t next = parser->getInputStream()->LA(1);
  for (std::size_t anchor : anchors)
    if (anchor == next)
      return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer *, antlr4::Token *offendingSymbol,
                                      std::size_t line, std::size_t charPositionInLine,
                                      const std::string &message, std::exception_ptr) {
  if (offendingSymbol != nullptr && offendingSymbol == ignored_)
    return;
  SourceRange range = offendingSymbol != nullptr ? positions_.range(offendingSymbol)
                                                 : positions_.at(line, charPositionInLine);
  diagnostics_.report(DiagCode::SyntaxError, range, message);
}

} // namespace xr::syntax
