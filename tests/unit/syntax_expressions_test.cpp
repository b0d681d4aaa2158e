// Expressions: every alternative of the grammar's expression rules, precedence, ranges.
#include "syntax_testing.h"

#include <sstream>

namespace xr::testing {
namespace {

using namespace ast;

std::string sexpr(const Expr *e);

std::string join(const std::vector<ExprPtr> &items) {
  std::string out;
  for (const ExprPtr &item : items)
    out += " " + sexpr(item.get());
  return out;
}

std::string literal(const LiteralValue &v) {
  std::ostringstream out;
  if (auto *b = std::get_if<bool>(&v))
    out << (*b ? "true" : "false");
  else if (auto *i = std::get_if<std::int64_t>(&v))
    out << *i;
  else if (auto *d = std::get_if<double>(&v))
    out << "n" << *d;
  else if (auto *p = std::get_if<Percent>(&v))
    out << "pct" << p->value;
  else if (auto *s = std::get_if<std::string>(&v))
    out << '"' << *s << '"';
  else if (auto *date = std::get_if<Date>(&v))
    out << "date" << date->days;
  return out.str();
}

/// A compact shape of an expression tree: `(and (== a b) (not c))`.
std::string sexpr(const Expr *e) {
  if (e == nullptr)
    return "null";
  switch (e->kind) {
  case ExprKind::Error:
    return "<error>";
  case ExprKind::Literal:
    return literal(as<LiteralExpr>(*e).value);
  case ExprKind::Name:
    return as<NameExpr>(*e).name.text;
  case ExprKind::Member: {
    const auto &m = as<MemberExpr>(*e);
    return "(. " + sexpr(m.object.get()) + " " + m.member.text + ")";
  }
  case ExprKind::Call: {
    const auto &c = as<CallExpr>(*e);
    return "(call " + c.callee.text + join(c.args) + ")";
  }
  case ExprKind::Unary: {
    const auto &u = as<UnaryExpr>(*e);
    return std::string(u.op == UnaryOp::Not ? "(not " : "(neg ") + sexpr(u.operand.get()) + ")";
  }
  case ExprKind::Binary: {
    const auto &b = as<BinaryExpr>(*e);
    static const char *ops[] = {"+",  "-", "*",  "/",   "==", "!=", "<",
                                "<=", ">", ">=", "and", "or", "??"};
    return std::string("(") + ops[static_cast<int>(b.op)] + " " + sexpr(b.lhs.get()) + " " +
           sexpr(b.rhs.get()) + ")";
  }
  case ExprKind::If: {
    const auto &i = as<IfExpr>(*e);
    return "(if " + sexpr(i.cond.get()) + " " + sexpr(i.thenExpr.get()) + " " +
           sexpr(i.elseExpr.get()) + ")";
  }
  case ExprKind::Between: {
    const auto &b = as<BetweenExpr>(*e);
    return "(between " + sexpr(b.operand.get()) + " " + sexpr(b.low.get()) + " " +
           sexpr(b.high.get()) + ")";
  }
  case ExprKind::InList: {
    const auto &l = as<InListExpr>(*e);
    return std::string(l.negated ? "(notin " : "(in ") + sexpr(l.operand.get()) + join(l.items) +
           ")";
  }
  case ExprKind::IsMissing: {
    const auto &m = as<IsMissingExpr>(*e);
    return std::string(m.negated ? "(present " : "(missing ") + sexpr(m.operand.get()) + ")";
  }
  case ExprKind::Status: {
    const auto &s = as<StatusExpr>(*e);
    static const char *names[] = {"passes", "fails", "unassessed"};
    return std::string("(") + names[static_cast<int>(s.status)] + " " + sexpr(s.operand.get()) +
           ")";
  }
  case ExprKind::Quantified: {
    const auto &q = as<QuantifiedExpr>(*e);
    static const char *quantifiers[] = {"any", "all", "count"};
    static const char *severities[] = {"critical", "major", "minor"};
    static const char *statuses[] = {"passes", "fails", "unassessed"};
    std::string out = std::string("(") + quantifiers[static_cast<int>(q.quantifier)];
    if (q.severity)
      out += std::string(" ") + severities[static_cast<int>(*q.severity)];
    if (q.domain)
      out += " in:" + q.domain->text;
    return out + " " + statuses[static_cast<int>(q.status)] + ")";
  }
  case ExprKind::Duration: {
    const auto &d = as<DurationExpr>(*e);
    return std::string(d.unit == DurationUnit::Days ? "(days " : "(workdays ") +
           sexpr(d.count.get()) + ")";
  }
  }
  return "?";
}

/// Parses `let x = <text>` and returns the shape of the value; expects no diagnostics.
std::string shape(const std::string &text) {
  auto p = parse("let x = " + text + "\n");
  EXPECT_TRUE(p->diagnostics.empty()) << text << ": " << ::testing::PrintToString(p->messages());
  if (p->module->decls.empty())
    return "<no declaration>";
  return sexpr(p->decl<LetDecl>(0).value.get());
}

TEST(SyntaxExpressions, Literals) {
  EXPECT_EQ(shape("42"), "42");
  EXPECT_EQ(shape("2.5"), "n2.5");
  EXPECT_EQ(shape("1e3"), "n1000");
  EXPECT_EQ(shape("40%"), "pct0.4");
  EXPECT_EQ(shape("12.5%"), "pct0.125");
  EXPECT_EQ(shape("\"合规\""), "\"合规\"");
  EXPECT_EQ(shape("true"), "true");
  EXPECT_EQ(shape("false"), "false");
  EXPECT_EQ(shape("1970-01-02"), "date1");
  EXPECT_EQ(shape("2024-02-29"), "date19782");
}

TEST(SyntaxExpressions, StringEscapesAreDecoded) {
  auto p = parse(R"(let x = "a\"b\\c\nd\te\rf\u{4E2D}")"
                 "\n");
  EXPECT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &value = std::get<std::string>(expr<LiteralExpr>(p->decl<LetDecl>(0).value).value);
  EXPECT_EQ(value, "a\"b\\c\nd\te\rf中");
}

TEST(SyntaxExpressions, ArithmeticPrecedenceAndAssociativity) {
  EXPECT_EQ(shape("a + b * c"), "(+ a (* b c))");
  EXPECT_EQ(shape("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(shape("a / b / c"), "(/ (/ a b) c)");
  EXPECT_EQ(shape("(a + b) * c"), "(* (+ a b) c)");
  EXPECT_EQ(shape("-a * b"), "(* (neg a) b)");
  EXPECT_EQ(shape("- - a"), "(neg (neg a))");
}

TEST(SyntaxExpressions, LogicalAndComparisonPrecedence) {
  EXPECT_EQ(shape("a == b and c == d"), "(and (== a b) (== c d))");
  EXPECT_EQ(shape("a or b and c"), "(or a (and b c))");
  EXPECT_EQ(shape("a and b or c"), "(or (and a b) c)");
  EXPECT_EQ(shape("not a == b"), "(not (== a b))");
  EXPECT_EQ(shape("not a and b"), "(and (not a) b)");
  EXPECT_EQ(shape("not not a"), "(not (not a))");
  EXPECT_EQ(shape("a < b + 1"), "(< a (+ b 1))");
  EXPECT_EQ(shape("a != b"), "(!= a b)");
  EXPECT_EQ(shape("a <= b or a >= c"), "(or (<= a b) (>= a c))");
  EXPECT_EQ(shape("a > b"), "(> a b)");
}

TEST(SyntaxExpressions, CoalesceBindsTighterThanComparison) {
  EXPECT_EQ(shape("x ?? 0 > 5"), "(> (?? x 0) 5)");
  EXPECT_EQ(shape("a ?? b ?? c"), "(?? a (?? b c))");
  EXPECT_EQ(shape("a + 1 ?? 0"), "(?? (+ a 1) 0)");
}

TEST(SyntaxExpressions, IfExtendsAsFarAsPossible) {
  EXPECT_EQ(shape("if a then b else c or d"), "(if a b (or c d))");
  EXPECT_EQ(shape("if a then 1 else if b then 2 else 3"), "(if a 1 (if b 2 3))");
  EXPECT_EQ(shape("if a > 1 and b then x + 1 else 0"), "(if (and (> a 1) b) (+ x 1) 0)");
}

TEST(SyntaxExpressions, Predicates) {
  EXPECT_EQ(shape("r between 0.8 and 3.0"), "(between r n0.8 n3)");
  EXPECT_EQ(shape("r between 1 and 2 and ok"), "(and (between r 1 2) ok)");
  EXPECT_EQ(shape("t in [red, yellow]"), "(in t red yellow)");
  EXPECT_EQ(shape("t not in [red, ]"), "(notin t red)");
  EXPECT_EQ(shape("x is missing"), "(missing x)");
  EXPECT_EQ(shape("x is not missing or y"), "(or (present x) y)");
  EXPECT_EQ(shape("C1 passes"), "(passes C1)");
  EXPECT_EQ(shape("C1 fails and not C2 unassessed"), "(and (fails C1) (not (unassessed C2)))");
}

TEST(SyntaxExpressions, Quantifiers) {
  EXPECT_EQ(shape("any critical fails"), "(any critical fails)");
  EXPECT_EQ(shape("all indicator passes"), "(all passes)");
  EXPECT_EQ(shape("count major indicator in safety unassessed"),
            "(count major in:safety unassessed)");
  EXPECT_EQ(shape("count indicator fails > 2"), "(> (count fails) 2)");
  EXPECT_EQ(shape("any minor passes"), "(any minor passes)");
}

TEST(SyntaxExpressions, QuantifierNeedsSeverityOrIndicator) {
  auto p = parse("let x = any fails\n");
  EXPECT_EQ(p->messages(), std::vector<std::string>{
                               "XR0001 1:9 'any fails' needs a severity or 'indicator': write "
                               "`any critical fails` or `any indicator fails`"});
  EXPECT_EQ(sexpr(p->decl<LetDecl>(0).value.get()), "(any fails)");
}

TEST(SyntaxExpressions, PostfixCallsAndDurations) {
  EXPECT_EQ(shape("C1.score"), "(. C1 score)");
  EXPECT_EQ(shape("a.b.c"), "(. (. a b) c)");
  EXPECT_EQ(shape("max(a, 2)"), "(call max a 2)");
  EXPECT_EQ(shape("f()"), "(call f)");
  EXPECT_EQ(shape("ceil(count / 50)"), "(call ceil (/ count 50))");
  EXPECT_EQ(shape("d + 5 working days"), "(+ d (workdays 5))");
  EXPECT_EQ(shape("d - 1 day"), "(- d (days 1))");
  EXPECT_EQ(shape("d + 3 days"), "(+ d (days 3))");
  EXPECT_EQ(shape("d + 1 working day"), "(+ d (workdays 1))");
  EXPECT_EQ(shape("-5 days"), "(neg (days 5))");
}

TEST(SyntaxExpressions, SoftKeywordsAreNames) {
  EXPECT_EQ(shape("count"), "count");
  EXPECT_EQ(shape("score + weight"), "(+ score weight)");
  EXPECT_EQ(shape("weighted(checklist)"), "(call weighted checklist)");
  EXPECT_EQ(shape("frequency"), "frequency");
}

TEST(SyntaxExpressions, BinaryOperatorRangeIsTheOperatorToken) {
  auto p = parse("let 比率 = 收入 >= 成本 and 收入 + 1 ?? 0\n");
  ASSERT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &top = expr<BinaryExpr>(p->decl<LetDecl>(0).value);
  EXPECT_EQ(top.op, BinaryOp::And);
  EXPECT_EQ(p->text(top.opRange), "and");
  EXPECT_EQ(p->at(top.opRange), "1:19");
  const auto &compare = expr<BinaryExpr>(top.lhs);
  EXPECT_EQ(p->text(compare.opRange), ">=");
  EXPECT_EQ(p->at(compare.opRange), "1:13");
  EXPECT_EQ(p->text(compare.range), "收入 >= 成本");
  const auto &coalesce = expr<BinaryExpr>(top.rhs);
  EXPECT_EQ(p->text(coalesce.opRange), "??");
  EXPECT_EQ(p->text(expr<BinaryExpr>(coalesce.lhs).opRange), "+");
  EXPECT_EQ(p->text(coalesce.range), "收入 + 1 ?? 0");
}

TEST(SyntaxExpressions, RangesAfterChineseText) {
  auto p = parse("let 标题 = \"中文说明\" // 注释\nlet y = 巡查日期 + 5 working days\n");
  ASSERT_TRUE(p->diagnostics.empty()) << ::testing::PrintToString(p->messages());
  const auto &sum = expr<BinaryExpr>(p->decl<LetDecl>(1).value);
  EXPECT_EQ(p->text(sum.lhs->range), "巡查日期");
  EXPECT_EQ(p->at(sum.lhs->range), "2:9");
  EXPECT_EQ(p->text(sum.rhs->range), "5 working days");
  EXPECT_EQ(p->at(sum.rhs->range), "2:16");
  const auto &title = expr<LiteralExpr>(p->decl<LetDecl>(0).value);
  EXPECT_EQ(p->text(title.range), "\"中文说明\"");
  EXPECT_EQ(p->at(title.range), "1:10");
}

TEST(SyntaxExpressions, EveryExpressionHasAnId) {
  auto p = parse("let x = if a then f(b, c.d) else -e ?? 1\n");
  std::vector<NodeId> seen;
  std::function<void(const Expr *)> visit = [&](const Expr *e) {
    ASSERT_NE(e, nullptr);
    EXPECT_NE(e->id, 0u);
    seen.push_back(e->id);
    switch (e->kind) {
    case ExprKind::If: {
      const auto &i = as<IfExpr>(*e);
      visit(i.cond.get());
      visit(i.thenExpr.get());
      visit(i.elseExpr.get());
      break;
    }
    case ExprKind::Call:
      for (const ExprPtr &a : as<CallExpr>(*e).args)
        visit(a.get());
      break;
    case ExprKind::Member:
      visit(as<MemberExpr>(*e).object.get());
      break;
    case ExprKind::Binary:
      visit(as<BinaryExpr>(*e).lhs.get());
      visit(as<BinaryExpr>(*e).rhs.get());
      break;
    case ExprKind::Unary:
      visit(as<UnaryExpr>(*e).operand.get());
      break;
    default:
      break;
    }
  };
  visit(p->decl<LetDecl>(0).value.get());
  EXPECT_EQ(seen.size(), 10u);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
}

TEST(SyntaxExpressions, MissingOperandBecomesErrorExpr) {
  auto p = parse("let x = a + \nlet y = (b * )\nlet z = f(1,)\n");
  ASSERT_EQ(p->module->decls.size(), 3u);
  EXPECT_EQ(sexpr(p->decl<LetDecl>(0).value.get()), "(+ a <error>)");
  EXPECT_EQ(sexpr(p->decl<LetDecl>(1).value.get()), "(* b <error>)");
  EXPECT_EQ(p->codes(), (std::vector<std::string>{"XR0001", "XR0001", "XR0001"}));
}

} // namespace
} // namespace xr::testing
