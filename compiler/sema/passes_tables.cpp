// checkTables: `otherwise` only as the last row (XR0404); rows of a `first` table that earlier
// rows always beat (XR0402); tables without `otherwise` that some concrete case falls through
// (XR0403).
//
// The analysis is conservative. A condition is analysable when it is built with and/or/not
// from atoms that compare one subject with constants: `x OP c` (OP among == != < <= > >=),
// `x in [c, ...]`, `x not in [...]`, `x between a and b`, `x is [not] missing`, or a bare bool
// `x`. A subject is a name (field, param, let, score, table, output, check, rule, deadline),
// `C1.score`, `C1 fails`, or a quantifier, of type bool, int, number, date or enum; constants
// are literals, negated literals and enum members. The constants cut each subject's values
// into finitely many cells on which every atom is constant; one value per cell (and missing
// for an optional subject) makes an exact test of the abstraction, as long as the number of
// combinations stays within kMaxCombinations. Subjects are taken as independent, so:
// - "unreachable" is sound: if earlier rows match whenever a row matches over all
//   combinations, they do over the possible ones;
// - "uncovered" names a combination no row matches; the case may be impossible when two
//   subjects are related (`total` and `C1 fails`). A missing value alone is not reported as an
//   uncovered case: the table's type is optional then, and its consumers must handle it.
// A row that is not analysable silences XR0403 for the table and XR0402 for itself.
#include "compiler/sema/passes.h"
#include "compiler/sema/passes_support.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <set>

namespace xr::sema {

namespace {

constexpr std::size_t kMaxCombinations = 4096;
/// Row evaluations allowed for all the tables of a rule set: the analysis is quadratic in the
/// rows of a table, and a rule file may come from anyone. When it runs out, the analysis of
/// the remaining cases is silent.
constexpr std::size_t kEvaluationBudget = 50'000'000;

enum class Tri : std::uint8_t { False, True, Missing };

Tri kleeneNot(Tri a) { return a == Tri::Missing ? a : (a == Tri::True ? Tri::False : Tri::True); }
Tri kleeneAnd(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False)
    return Tri::False;
  return a == Tri::True && b == Tri::True ? Tri::True : Tri::Missing;
}
Tri kleeneOr(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True)
    return Tri::True;
  return a == Tri::False && b == Tri::False ? Tri::False : Tri::Missing;
}
Tri fromBool(bool b) { return b ? Tri::True : Tri::False; }

/// A value of a subject: bools as 0/1, enum members by index, dates as days.
struct Value {
  bool missing = false;
  double number = 0;
};

struct Subject {
  std::string key;
  Type type;
  const ast::Expr *first = nullptr; // where it is first written, for messages
  std::set<double> constants;
};

/// An analysable condition.
struct Cond {
  enum class Kind { Constant, Compare, In, Between, IsMissing, Truthy, Not, And, Or } kind;
  std::size_t subject = 0;
  ast::BinaryOp op = ast::BinaryOp::Eq;
  std::vector<double> values; // Compare: one; In: the list; Between: low, high
  bool flag = false;          // Constant: its value; In/IsMissing: negated
  std::unique_ptr<Cond> a, b;
};
using CondPtr = std::unique_ptr<Cond>;

Tri evaluate(const Cond &c, const std::vector<Value> &values) {
  switch (c.kind) {
  case Cond::Kind::Constant:
    return fromBool(c.flag);
  case Cond::Kind::IsMissing:
    return fromBool(values[c.subject].missing != c.flag);
  case Cond::Kind::Not:
    return kleeneNot(evaluate(*c.a, values));
  case Cond::Kind::And:
    return kleeneAnd(evaluate(*c.a, values), evaluate(*c.b, values));
  case Cond::Kind::Or:
    return kleeneOr(evaluate(*c.a, values), evaluate(*c.b, values));
  default:
    break;
  }
  const Value &v = values[c.subject];
  if (v.missing)
    return Tri::Missing;
  switch (c.kind) {
  case Cond::Kind::Truthy:
    return fromBool(v.number != 0);
  case Cond::Kind::Between:
    return fromBool(v.number >= c.values[0] && v.number <= c.values[1]);
  case Cond::Kind::In: {
    const bool found = std::find(c.values.begin(), c.values.end(), v.number) != c.values.end();
    return fromBool(found != c.flag);
  }
  case Cond::Kind::Compare: {
    const double x = v.number, k = c.values[0];
    switch (c.op) {
    case ast::BinaryOp::Eq:
      return fromBool(x == k);
    case ast::BinaryOp::Ne:
      return fromBool(x != k);
    case ast::BinaryOp::Lt:
      return fromBool(x < k);
    case ast::BinaryOp::Le:
      return fromBool(x <= k);
    case ast::BinaryOp::Gt:
      return fromBool(x > k);
    case ast::BinaryOp::Ge:
      return fromBool(x >= k);
    default:
      return Tri::Missing;
    }
  }
  default:
    return Tri::Missing;
  }
}

void subjectsOf(const Cond &c, std::set<std::size_t> &out) {
  switch (c.kind) {
  case Cond::Kind::Constant:
    return;
  case Cond::Kind::Not:
    subjectsOf(*c.a, out);
    return;
  case Cond::Kind::And:
  case Cond::Kind::Or:
    subjectsOf(*c.a, out);
    subjectsOf(*c.b, out);
    return;
  default:
    out.insert(c.subject);
  }
}

bool isComparison(ast::BinaryOp op) {
  using ast::BinaryOp;
  return op == BinaryOp::Eq || op == BinaryOp::Ne || op == BinaryOp::Lt || op == BinaryOp::Le ||
         op == BinaryOp::Gt || op == BinaryOp::Ge;
}

/// `c OP x` as `x OP' c`.
ast::BinaryOp mirrored(ast::BinaryOp op) {
  using ast::BinaryOp;
  switch (op) {
  case BinaryOp::Lt:
    return BinaryOp::Gt;
  case BinaryOp::Le:
    return BinaryOp::Ge;
  case BinaryOp::Gt:
    return BinaryOp::Lt;
  case BinaryOp::Ge:
    return BinaryOp::Le;
  default:
    return op;
  }
}

/// Turns the conditions of one table into Cond trees over a shared list of subjects.
class Compiler {
public:
  explicit Compiler(const Model &model) : model_(model) {}

  CondPtr compile(const ast::Expr *e) {
    if (!e)
      return nullptr;
    using ast::ExprKind;
    switch (e->kind) {
    case ExprKind::Literal: {
      const auto &lit = ast::as<ast::LiteralExpr>(*e);
      if (const bool *b = std::get_if<bool>(&lit.value))
        return make(Cond::Kind::Constant, 0, *b);
      return nullptr;
    }
    case ExprKind::Unary: {
      const auto &u = ast::as<ast::UnaryExpr>(*e);
      if (u.op != ast::UnaryOp::Not)
        return nullptr;
      CondPtr inner = compile(u.operand.get());
      if (!inner)
        return nullptr;
      CondPtr c = make(Cond::Kind::Not, 0, false);
      c->a = std::move(inner);
      return c;
    }
    case ExprKind::Binary:
      return binary(ast::as<ast::BinaryExpr>(*e));
    case ExprKind::Between: {
      const auto &b = ast::as<ast::BetweenExpr>(*e);
      auto s = subject(b.operand.get());
      if (!s || !isOrdered(*s))
        return nullptr;
      auto low = constant(b.low.get(), *s), high = constant(b.high.get(), *s);
      if (!low || !high)
        return nullptr;
      CondPtr c = make(Cond::Kind::Between, *s, false);
      c->values = {*low, *high};
      return c;
    }
    case ExprKind::InList: {
      const auto &l = ast::as<ast::InListExpr>(*e);
      auto s = subject(l.operand.get());
      if (!s)
        return nullptr;
      CondPtr c = make(Cond::Kind::In, *s, l.negated);
      for (const ast::ExprPtr &item : l.items) {
        auto k = constant(item.get(), *s);
        if (!k)
          return nullptr;
        c->values.push_back(*k);
      }
      return c;
    }
    case ExprKind::IsMissing: {
      const auto &m = ast::as<ast::IsMissingExpr>(*e);
      auto s = subject(m.operand.get());
      if (!s)
        return nullptr;
      return make(Cond::Kind::IsMissing, *s, m.negated);
    }
    case ExprKind::Name:
    case ExprKind::Member:
    case ExprKind::Status:
    case ExprKind::Quantified: {
      auto s = subject(e);
      if (!s || subjects_[*s].type.kind != TypeKind::Bool)
        return nullptr;
      return make(Cond::Kind::Truthy, *s, false);
    }
    default:
      return nullptr;
    }
  }

  const std::vector<Subject> &subjects() const { return subjects_; }

private:
  CondPtr make(Cond::Kind kind, std::size_t subject, bool flag) {
    auto c = std::make_unique<Cond>();
    c->kind = kind;
    c->subject = subject;
    c->flag = flag;
    return c;
  }

  CondPtr binary(const ast::BinaryExpr &b) {
    if (b.op == ast::BinaryOp::And || b.op == ast::BinaryOp::Or) {
      CondPtr lhs = compile(b.lhs.get());
      CondPtr rhs = lhs ? compile(b.rhs.get()) : nullptr;
      if (!rhs)
        return nullptr;
      CondPtr c = make(b.op == ast::BinaryOp::And ? Cond::Kind::And : Cond::Kind::Or, 0, false);
      c->a = std::move(lhs);
      c->b = std::move(rhs);
      return c;
    }
    if (!isComparison(b.op))
      return nullptr;
    ast::BinaryOp op = b.op;
    const ast::Expr *named = b.lhs.get(), *fixed = b.rhs.get();
    auto s = subject(named);
    if (!s) {
      std::swap(named, fixed);
      op = mirrored(op);
      s = subject(named);
    }
    if (!s)
      return nullptr;
    const bool equality = op == ast::BinaryOp::Eq || op == ast::BinaryOp::Ne;
    if (!equality && !isOrdered(*s))
      return nullptr;
    auto k = constant(fixed, *s);
    if (!k)
      return nullptr;
    CondPtr c = make(Cond::Kind::Compare, *s, false);
    c->op = op;
    c->values = {*k};
    return c;
  }

  bool isOrdered(std::size_t s) const {
    const TypeKind kind = subjects_[s].type.kind;
    return kind == TypeKind::Int || kind == TypeKind::Number || kind == TypeKind::Date;
  }

  /// The subject an expression reads, registered on first sight.
  std::optional<std::size_t> subject(const ast::Expr *e) {
    if (!e)
      return std::nullopt;
    const Type *type = model_.typeOf(*e);
    if (!type)
      return std::nullopt;
    switch (type->kind) {
    case TypeKind::Bool:
    case TypeKind::Int:
    case TypeKind::Number:
    case TypeKind::Date:
    case TypeKind::Enum:
      break;
    default:
      return std::nullopt;
    }
    std::string key;
    const auto ref = model_.resolution(*e);
    switch (e->kind) {
    case ast::ExprKind::Name:
      if (!ref)
        return std::nullopt;
      switch (ref->kind) {
      case SymbolKind::Field:
      case SymbolKind::Param:
      case SymbolKind::Let:
      case SymbolKind::Score:
      case SymbolKind::Table:
      case SymbolKind::Output:
      case SymbolKind::Check:
      case SymbolKind::Rule:
      case SymbolKind::Escalate:
      case SymbolKind::Deadline:
        key = fmt::format("name {} {}", static_cast<int>(ref->kind), ref->index);
        break;
      default:
        return std::nullopt; // constants, functions, aggregates
      }
      break;
    case ast::ExprKind::Member:
      if (!ref || ref->kind != SymbolKind::Indicator)
        return std::nullopt;
      key = fmt::format("member {} {}", ref->index, ast::as<ast::MemberExpr>(*e).member.text);
      break;
    case ast::ExprKind::Status:
      if (!ref || ref->kind != SymbolKind::Indicator)
        return std::nullopt;
      key = fmt::format("status {} {}", ref->index,
                        static_cast<int>(ast::as<ast::StatusExpr>(*e).status));
      break;
    case ast::ExprKind::Quantified: {
      const auto &q = ast::as<ast::QuantifiedExpr>(*e);
      key = fmt::format("quantified {} {} {} {}", static_cast<int>(q.quantifier),
                        q.severity ? static_cast<int>(*q.severity) : -1,
                        q.domain ? q.domain->text : std::string(), static_cast<int>(q.status));
      break;
    }
    default:
      return std::nullopt;
    }
    auto [it, added] = byKey_.emplace(key, subjects_.size());
    if (added)
      subjects_.push_back({key, *type, e, {}});
    return it->second;
  }

  /// A constant of the subject's type, noted as a boundary of the subject's cells.
  std::optional<double> constant(const ast::Expr *e, std::size_t s) {
    auto value = constantValue(e, subjects_[s].type);
    if (value)
      subjects_[s].constants.insert(*value);
    return value;
  }

  std::optional<double> constantValue(const ast::Expr *e, const Type &type) const {
    if (!e)
      return std::nullopt;
    if (auto ref = model_.resolution(*e); ref && ref->kind == SymbolKind::EnumMember) {
      if (type.kind != TypeKind::Enum || ref->index != type.enumId)
        return std::nullopt;
      return static_cast<double>(ref->member);
    }
    if (e->kind == ast::ExprKind::Unary) {
      const auto &u = ast::as<ast::UnaryExpr>(*e);
      if (u.op != ast::UnaryOp::Negate || !type.isNumeric())
        return std::nullopt;
      auto inner = constantValue(u.operand.get(), type);
      return inner ? std::optional<double>(-*inner) : std::nullopt;
    }
    if (e->kind != ast::ExprKind::Literal)
      return std::nullopt;
    const auto &v = ast::as<ast::LiteralExpr>(*e).value;
    switch (type.kind) {
    case TypeKind::Bool:
      if (auto *b = std::get_if<bool>(&v))
        return *b ? 1.0 : 0.0;
      return std::nullopt;
    case TypeKind::Int:
    case TypeKind::Number:
      if (auto *i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
      if (auto *d = std::get_if<double>(&v))
        return *d;
      if (auto *p = std::get_if<ast::Percent>(&v))
        return p->value;
      return std::nullopt;
    case TypeKind::Date:
      if (auto *d = std::get_if<ast::Date>(&v))
        return static_cast<double>(d->days);
      return std::nullopt;
    default:
      return std::nullopt;
    }
  }

  const Model &model_;
  std::vector<Subject> subjects_;
  std::map<std::string, std::size_t> byKey_;
};

/// A number strictly between a < b with as few decimals as possible, to show in messages.
double shortBetween(double a, double b) {
  double scale = 1;
  for (int digits = 0; digits < 10; ++digits, scale *= 10) {
    const double v = (std::floor(a * scale) + 1) / scale;
    if (v > a && v < b)
      return v;
  }
  return a + (b - a) / 2;
}

/// One value per cell of a subject, the likeliest-looking first: the constants themselves,
/// then values between them, then values beyond them.
std::vector<Value> candidates(const Model &model, const Subject &s, bool withMissing) {
  std::vector<double> constants(s.constants.begin(), s.constants.end());
  std::vector<double> first, between, beyond;
  switch (s.type.kind) {
  case TypeKind::Bool:
    first = {0, 1};
    break;
  case TypeKind::Enum:
    if (s.type.enumId < model.enums.size())
      for (std::size_t m = 0; m < model.enums.get(s.type.enumId).members.size(); ++m)
        first.push_back(static_cast<double>(m));
    break;
  case TypeKind::Int:
  case TypeKind::Date: {
    std::set<double> ints;
    for (double c : constants)
      for (double v : {std::floor(c) - 1, std::floor(c), std::ceil(c), std::ceil(c) + 1})
        ints.insert(v);
    for (double v : ints) {
      if (s.constants.count(v))
        first.push_back(v);
      else if (!constants.empty() && v > constants.front() && v < constants.back())
        between.push_back(v);
      else
        beyond.push_back(v);
    }
    break;
  }
  case TypeKind::Number:
    first = constants;
    for (std::size_t k = 1; k < constants.size(); ++k)
      between.push_back(shortBetween(constants[k - 1], constants[k]));
    if (!constants.empty()) {
      beyond.push_back(std::floor(constants.front()) - 1);
      beyond.push_back(std::ceil(constants.back()) + 1);
    }
    break;
  default:
    break;
  }
  std::vector<Value> out;
  for (const auto *list : {&first, &between, &beyond})
    for (double v : *list)
      out.push_back({false, v});
  if (first.empty() && between.empty() && beyond.empty())
    out.push_back({false, 0}); // compared with nothing: any value will do
  if (withMissing && s.type.optional)
    out.push_back({true, 0});
  return out;
}

/// Every combination of candidate values of the subjects, in order; stops when `visit`
/// returns false. Returns false when there are more than kMaxCombinations.
template <typename Visit>
bool enumerate(const std::vector<std::vector<Value>> &choices,
               const std::vector<std::size_t> &subjects, std::size_t subjectCount, Visit visit) {
  std::size_t total = 1;
  for (std::size_t s : subjects) {
    total *= std::max<std::size_t>(choices[s].size(), 1);
    if (total > kMaxCombinations)
      return false;
  }
  std::vector<std::size_t> digit(subjects.size(), 0);
  std::vector<Value> values(subjectCount);
  for (std::size_t n = 0; n < total; ++n) {
    for (std::size_t k = 0; k < subjects.size(); ++k)
      values[subjects[k]] = choices[subjects[k]][digit[k]];
    if (!visit(values))
      return true;
    for (std::size_t k = subjects.size(); k-- > 0;) {
      if (++digit[k] < choices[subjects[k]].size())
        break;
      digit[k] = 0;
    }
  }
  return true;
}

std::string sourceText(const SourceManager &sources, SourceRange range) {
  if (!range.valid() || range.file >= sources.size())
    return {};
  const std::string &text = sources.file(range.file).text();
  if (range.end > text.size() || range.begin > range.end)
    return {};
  return text.substr(range.begin, range.end - range.begin);
}

std::string formatValue(const Model &model, const Subject &s, const Value &v) {
  if (v.missing)
    return "missing";
  switch (s.type.kind) {
  case TypeKind::Bool:
    return v.number != 0 ? "true" : "false";
  case TypeKind::Enum: {
    const auto &members = model.enums.get(s.type.enumId).members;
    const auto m = static_cast<std::size_t>(v.number);
    return m < members.size() ? members[m].name : "?";
  }
  case TypeKind::Date:
    return passes::formatDate(static_cast<std::int32_t>(v.number));
  case TypeKind::Int:
    return fmt::format("{}", static_cast<std::int64_t>(v.number));
  default:
    return fmt::format("{}", v.number);
  }
}

/// The indentation of the line `offset` is on, when only blanks precede it there.
std::optional<std::string> indentationBefore(const std::string &text, std::uint32_t offset) {
  std::uint32_t start = offset;
  while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r')
    --start;
  std::string indent = text.substr(start, offset - start);
  if (indent.find_first_not_of(" \t") != std::string::npos)
    return std::nullopt;
  return indent;
}

/// Text inserted after `after` to start a new row there, on its own line when the rows are.
std::string rowSeparator(const SourceManager &sources, const TableRowInfo &after) {
  if (!after.range.valid() || after.range.file >= sources.size())
    return " ";
  const std::string &text = sources.file(after.range.file).text();
  if (after.range.begin > text.size())
    return " ";
  auto indent = indentationBefore(text, after.range.begin);
  return indent ? "\n" + *indent : std::string(" ");
}

class TableChecker {
public:
  TableChecker(const Model &model, const TableInfo &table, const SourceManager &sources,
               Diagnostics &diags, std::size_t &budget)
      : model_(model), table_(table), sources_(sources), diags_(diags), budget_(budget),
        compiler_(model) {}

  void run() {
    const auto &rows = table_.rows;
    firstOtherwise_ = rows.size();
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (!rows[r].condition) {
        firstOtherwise_ = std::min(firstOtherwise_, r);
        if (r + 1 < rows.size())
          otherwiseNotLast(r);
      }
    for (const TableRowInfo &row : rows)
      conds_.push_back(row.condition ? compiler_.compile(row.condition) : nullptr);
    const auto &subjects = compiler_.subjects();
    for (const Subject &s : subjects) {
      withMissing_.push_back(candidates(model_, s, true));
      withoutMissing_.push_back(candidates(model_, s, false));
    }
    if (table_.hit.kind == ast::HitPolicyKind::First)
      unreachableRows();
    if (!table_.hasOtherwise && table_.hit.kind != ast::HitPolicyKind::Collect)
      uncoveredCase();
  }

private:
  std::string rowName(std::size_t r) const {
    return fmt::format("row {} of table {}", r + 1, table_.name);
  }

  void otherwiseNotLast(std::size_t r) {
    const auto &rows = table_.rows;
    Diagnostic &d = diags_.report(
        DiagCode::OtherwiseNotLast, rows[r].range,
        fmt::format("`otherwise` must be the last row of table {}; the rows after it can never "
                    "match",
                    table_.name));
    const std::string text = sourceText(sources_, rows[r].range);
    const TableRowInfo &last = rows.back();
    if (text.empty() || !rows[r + 1].range.valid() || rows[r + 1].range.file != rows[r].range.file)
      return;
    d.fix("move the otherwise row to the end",
          {{SourceRange{rows[r].range.file, rows[r].range.begin, rows[r + 1].range.begin}, ""},
           {SourceRange{last.range.file, last.range.end, last.range.end},
            rowSeparator(sources_, rows[r]) + text}});
  }

  /// Rows with an analysable condition before `r` (and before any otherwise).
  std::vector<std::size_t> earlierRows(std::size_t r) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < r; ++i)
      if (conds_[i])
        out.push_back(i);
    return out;
  }

  std::vector<std::size_t> subjectsOfRows(const std::vector<std::size_t> &rows) const {
    std::set<std::size_t> set;
    for (std::size_t r : rows)
      subjectsOf(*conds_[r], set);
    return {set.begin(), set.end()};
  }

  /// Whether `r` matches in no combination where `earlier` all fail; fills the rows that win
  /// instead. None when there are too many combinations.
  std::optional<bool> coveredBy(std::size_t r, const std::vector<std::size_t> &earlier,
                                std::set<std::size_t> &winners) const {
    std::vector<std::size_t> rows = earlier;
    rows.push_back(r);
    bool reachable = false, spent = false;
    const bool done = enumerate(withMissing_, subjectsOfRows(rows), compiler_.subjects().size(),
                                [&](const std::vector<Value> &values) {
                                  if (!spend(rows.size()))
                                    return !(spent = true);
                                  if (evaluate(*conds_[r], values) != Tri::True)
                                    return true;
                                  for (std::size_t i : earlier)
                                    if (evaluate(*conds_[i], values) == Tri::True) {
                                      winners.insert(i);
                                      return true;
                                    }
                                  reachable = true;
                                  return false;
                                });
    if (!done || spent)
      return std::nullopt;
    return !reachable;
  }

  void unreachableRows() {
    for (std::size_t r = 0; r < firstOtherwise_; ++r) {
      if (!conds_[r])
        continue;
      const std::vector<std::size_t> earlier = earlierRows(r);
      std::set<std::size_t> winners;
      std::optional<bool> covered = coveredBy(r, earlier, winners);
      if (!covered) {
        // Too many combinations together: try the earlier rows one at a time.
        for (std::size_t i : earlier) {
          winners.clear();
          covered = coveredBy(r, {i}, winners);
          if (covered && *covered)
            break;
        }
      }
      if (!covered || !*covered)
        continue;
      if (winners.empty()) {
        diags_.report(DiagCode::UnreachableRow, table_.rows[r].range,
                      fmt::format("{} can never match: its condition is never true", rowName(r)));
        continue;
      }
      Diagnostic &d =
          diags_.report(DiagCode::UnreachableRow, table_.rows[r].range,
                        fmt::format("{} can never match: {} every case it matches", rowName(r),
                                    winners.size() == 1 ? "an earlier row matches first in"
                                                        : "earlier rows match first in"));
      for (std::size_t i : winners)
        d.note(table_.rows[i].range, fmt::format("row {} matches first", i + 1));
    }
  }

  void uncoveredCase() {
    std::vector<std::size_t> all;
    for (std::size_t r = 0; r < table_.rows.size(); ++r) {
      if (!conds_[r])
        return; // a row we cannot read may cover anything
      all.push_back(r);
    }
    if (all.empty())
      return;
    const std::vector<std::size_t> subjects = subjectsOfRows(all);
    std::optional<std::vector<Value>> uncovered;
    enumerate(withoutMissing_, subjects, compiler_.subjects().size(),
              [&](const std::vector<Value> &values) {
                if (!spend(all.size()))
                  return false;
                for (std::size_t r : all)
                  if (evaluate(*conds_[r], values) == Tri::True)
                    return true;
                uncovered = values;
                return false;
              });
    if (!uncovered)
      return;
    std::vector<std::string> parts;
    for (std::size_t s : subjects) {
      const Subject &subject = compiler_.subjects()[s];
      std::string name = sourceText(sources_, subject.first->range);
      if (name.empty())
        name = subject.key;
      parts.push_back(name + " = " + formatValue(model_, subject, (*uncovered)[s]));
    }
    std::string when;
    for (std::size_t k = 0; k < parts.size(); ++k)
      when += (k == 0 ? "" : k + 1 == parts.size() ? " and " : ", ") + parts[k];
    Diagnostic &d = diags_.report(
        DiagCode::UncoveredCase, table_.where.name,
        parts.empty()
            ? fmt::format("no row of table {} ever matches; add `otherwise => ...`", table_.name)
            : fmt::format("no row of table {} matches when {}; add `otherwise => ...`", table_.name,
                          when));
    const TableRowInfo &last = table_.rows.back();
    const std::string outcome = last.outcome ? sourceText(sources_, last.outcome->range) : "";
    if (!outcome.empty() && last.range.valid())
      d.fix(fmt::format("add `otherwise => {}` as the last row", outcome),
            SourceRange{last.range.file, last.range.end, last.range.end},
            rowSeparator(sources_, last) + "otherwise => " + outcome);
  }

  /// Takes the cost of evaluating `rows` rows once; false when the budget is spent.
  bool spend(std::size_t rows) const {
    if (budget_ < rows) {
      budget_ = 0;
      return false;
    }
    budget_ -= rows;
    return true;
  }

  const Model &model_;
  const TableInfo &table_;
  const SourceManager &sources_;
  Diagnostics &diags_;
  std::size_t &budget_; // row evaluations left, shared by the tables of the rule set
  Compiler compiler_;
  std::vector<CondPtr> conds_;
  std::vector<std::vector<Value>> withMissing_, withoutMissing_;
  std::size_t firstOtherwise_ = 0;
};

} // namespace

void checkTables(Model &model, const SourceManager &sources, Diagnostics &diags) {
  std::size_t budget = kEvaluationBudget;
  for (const TableInfo &table : model.tables)
    TableChecker(model, table, sources, diags, budget).run();
}

} // namespace xr::sema
