// Typing of expressions: names in scope, contextual enum members, operators, optionality and
// units. See docs/design-decisions.md, "Types" and "Missing values".
#include "compiler/ast/spelling.h"
#include "compiler/sema/checker.h"

#include "compiler/sema/suggest.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::sema {

using ast::as;

namespace {

bool isEquality(ast::BinaryOp op) { return op == ast::BinaryOp::Eq || op == ast::BinaryOp::Ne; }

bool isOrdering(ast::BinaryOp op) {
  return op == ast::BinaryOp::Lt || op == ast::BinaryOp::Le || op == ast::BinaryOp::Gt ||
         op == ast::BinaryOp::Ge;
}

SourceRange opRange(const ast::BinaryExpr &e) { return e.opRange.valid() ? e.opRange : e.range; }

const std::vector<std::string_view> kAggregateNames = {"count", "rate", "sum", "avg",
                                                       "min",   "max",  "top", "bottom"};

} // namespace

std::optional<double> numericConstant(const ast::Expr &e) {
  switch (e.kind) {
  case ast::ExprKind::Literal: {
    const auto &v = as<ast::LiteralExpr>(e).value;
    if (auto *i = std::get_if<std::int64_t>(&v))
      return static_cast<double>(*i);
    if (auto *d = std::get_if<double>(&v))
      return *d;
    if (auto *p = std::get_if<ast::Percent>(&v))
      return p->value;
    return std::nullopt;
  }
  case ast::ExprKind::Unary: {
    const auto &u = as<ast::UnaryExpr>(e);
    if (u.op != ast::UnaryOp::Negate || !u.operand)
      return std::nullopt;
    auto v = numericConstant(*u.operand);
    return v ? std::optional<double>(-*v) : std::nullopt;
  }
  case ast::ExprKind::Binary: {
    const auto &b = as<ast::BinaryExpr>(e);
    if (!b.lhs || !b.rhs)
      return std::nullopt;
    auto l = numericConstant(*b.lhs);
    auto r = numericConstant(*b.rhs);
    if (!l || !r)
      return std::nullopt;
    switch (b.op) {
    case ast::BinaryOp::Add:
      return *l + *r;
    case ast::BinaryOp::Sub:
      return *l - *r;
    case ast::BinaryOp::Mul:
      return *l * *r;
    case ast::BinaryOp::Div:
      if (*r == 0)
        return std::nullopt;
      return *l / *r;
    default:
      return std::nullopt;
    }
  }
  default:
    return std::nullopt;
  }
}

// ------------------------------------------------------------------------- helpers

std::string Checker::text(const ast::Expr &e) const {
  if (!e.range.valid() || e.range.file >= sources_.size())
    return {};
  const std::string &all = sources_.file(e.range.file).text();
  if (e.range.end > all.size() || e.range.begin > e.range.end)
    return {};
  return all.substr(e.range.begin, e.range.end - e.range.begin);
}

std::string Checker::describe(const ast::Expr &e) const {
  if (e.kind == ast::ExprKind::Name)
    return "'" + as<ast::NameExpr>(e).name.text + "'";
  if (e.kind == ast::ExprKind::Member) {
    std::string t = text(e);
    if (!t.empty())
      return "'" + t + "'";
  }
  return "this value";
}

std::vector<std::string> Checker::globalNames(std::initializer_list<SymbolKind> kinds) const {
  std::vector<std::string> names;
  for (const auto &[name, ref] : m_.globals)
    if (kinds.size() == 0 || std::find(kinds.begin(), kinds.end(), ref.kind) != kinds.end())
      names.push_back(name);
  return names;
}

void Checker::reportNotA(SymbolKind kind, const ast::Ident &name,
                         const std::optional<SymbolRef> &ref, DiagCode unknown,
                         DiagCode wrongKind) {
  const std::string_view word = symbolKindName(kind);
  auto suggestion = closestMatch(name.text, globalNames({kind}));
  auto &diag = d_.report(
      ref ? wrongKind : unknown, name.range,
      ref ? fmt::format("'{}' is {}, not {}{}", name.text, withArticle(symbolKindName(ref->kind)),
                        withArticle(word), didYouMean(suggestion))
          : fmt::format("unknown {} '{}'{}", word, name.text, didYouMean(suggestion)));
  addReplacementFix(diag, name.range, suggestion);
}

std::string Checker::defaultFor(const Type &t) const {
  switch (t.kind) {
  case TypeKind::Bool:
    return "false";
  case TypeKind::Int:
    return "0";
  case TypeKind::Number:
    return "0";
  case TypeKind::Text:
    return "\"\"";
  case TypeKind::Date:
    return "1970-01-01";
  case TypeKind::Enum:
    if (t.enumId < m_.enums.size() && !m_.enums.get(t.enumId).members.empty())
      return m_.enums.get(t.enumId).members.front().name;
    return {};
  default:
    return {};
  }
}

void Checker::inheritOrigin(const ast::Expr &e, std::initializer_list<const ast::Expr *> operands) {
  for (const ast::Expr *operand : operands) {
    if (!operand)
      continue;
    if (const Origin *o = originOf(*operand)) {
      origins_[e.id] = *o;
      return;
    }
  }
}

const Origin *Checker::originOf(const ast::Expr &e) const {
  auto it = origins_.find(e.id);
  return it == origins_.end() ? nullptr : &it->second;
}

void Checker::setUnit(const ast::Expr &e, const std::optional<Unit> &unit) {
  if (!unit)
    return;
  units_[e.id] = *unit;
  if (!unit->dimensionless())
    m_.exprUnits[e.id] = unit->str();
}

std::optional<Unit> Checker::unitOf(const ast::Expr &e) const {
  auto it = units_.find(e.id);
  if (it == units_.end())
    return std::nullopt;
  return it->second;
}

void Checker::sameUnits(const ast::Expr &a, const ast::Expr &b, SourceRange at,
                        std::string_view how) {
  auto ua = unitOf(a);
  auto ub = unitOf(b);
  if (!ua || !ub || *ua == *ub)
    return;
  auto unitText = [](const Unit &u) {
    return u.dimensionless() ? std::string("no unit") : u.str();
  };
  d_.report(DiagCode::UnitMismatch, at,
            fmt::format("units do not agree: cannot {} {} in {} and {} in {}", how, describe(a),
                        unitText(*ua), describe(b), unitText(*ub)));
}

std::optional<SymbolRef> Checker::lookupLocal(std::string_view text) const {
  if (scope_.ownScore && text == "score")
    return SymbolRef{SymbolKind::Indicator, static_cast<std::uint32_t>(scope_.indicator), 0};
  if (scope_.indicator >= 0) {
    const auto &lets = m_.indicators[scope_.indicator].lets;
    for (std::size_t k = std::min(scope_.visibleLets, lets.size()); k-- > 0;)
      if (lets[k].name == text)
        return SymbolRef{SymbolKind::IndicatorLet, static_cast<std::uint32_t>(scope_.indicator),
                         static_cast<std::uint32_t>(k)};
  }
  if (scope_.check >= 0) {
    const auto &lets = m_.checks[scope_.check].lets;
    for (std::size_t k = std::min(scope_.visibleLets, lets.size()); k-- > 0;)
      if (lets[k].name == text)
        return SymbolRef{SymbolKind::CheckLet, static_cast<std::uint32_t>(scope_.check),
                         static_cast<std::uint32_t>(k)};
  }
  if (scope_.report && !scope_.aggregateArg && text == "count")
    return SymbolRef{SymbolKind::Aggregate, static_cast<std::uint32_t>(AggregateKind::Count), 0};
  return std::nullopt;
}

bool Checker::perRecordInReport(const ast::Expr &e) {
  if (!scope_.report || scope_.aggregateArg)
    return false;
  d_.report(DiagCode::WrongKindOfName, e.range,
            fmt::format("'{}' is a per-record value; a report item combines aggregates, so use "
                        "it inside one, e.g. rate({})",
                        text(e), text(e)));
  return true;
}

bool Checker::needsContext(const ast::Expr &e) const {
  if (e.kind == ast::ExprKind::Literal)
    return std::holds_alternative<std::string>(as<ast::LiteralExpr>(e).value);
  if (e.kind != ast::ExprKind::Name)
    return false;
  const std::string &text = as<ast::NameExpr>(e).name.text;
  return !lookupLocal(text) && !m_.lookup(text);
}

std::optional<Type> Checker::join(const Type &a, const Type &b) const {
  if (a.isError() || b.isError())
    return Type::error();
  const bool optional = a.optional || b.optional;
  if (a.sameBase(b))
    return a.withOptional(optional);
  if (a.isNumeric() && b.isNumeric())
    return Type::number(optional);
  return std::nullopt;
}

Type Checker::condition(const ast::Expr &e, std::string_view what) {
  Type t = expr(e);
  if (t.isError() || t.kind == TypeKind::Bool)
    return t;
  d_.report(DiagCode::NotBoolean, e.range,
            fmt::format("{} must be a bool, not {}", what, typeText(t)));
  return Type::error();
}

bool Checker::assignable(const Type &from, const Type &to, const ast::Expr &value,
                         std::string_view what, std::string_view target) {
  if (from.isError() || to.isError())
    return true;
  if (!from.sameBase(to) && !(from.kind == TypeKind::Int && to.kind == TypeKind::Number)) {
    if (from.kind == TypeKind::Number && to.kind == TypeKind::Int)
      d_.report(DiagCode::LossyConversion, value.range,
                fmt::format("{} is a number, but {} is an int; convert it with round, floor, "
                            "ceil or trunc",
                            what, target));
    else if (from.kind == TypeKind::Enum && to.kind == TypeKind::Enum)
      d_.report(
          DiagCode::EnumMismatch, value.range,
          fmt::format("{} is of {}, but {} is of {}", what, typeText(from), target, typeText(to)));
    else
      d_.report(DiagCode::TypeMismatch, value.range,
                fmt::format("{} is {}, but {} is {}", what, typeText(from), target, typeText(to)));
    return false;
  }
  if (from.optional && !to.optional) {
    std::string fallback = defaultFor(to);
    auto &diag = d_.report(DiagCode::UnhandledMissing, value.range,
                           fmt::format("{} may be missing, but {} cannot be; give a default "
                                       "with `?? {}`",
                                       what, target, fallback.empty() ? "..." : fallback));
    if (const Origin *o = originOf(value))
      diag.note(o->range, o->what);
    if (!fallback.empty()) {
      const bool simple = value.kind == ast::ExprKind::Name ||
                          value.kind == ast::ExprKind::Member ||
                          value.kind == ast::ExprKind::Call || value.kind == ast::ExprKind::Literal;
      std::vector<TextEdit> edits;
      if (!simple)
        edits.push_back({{value.range.file, value.range.begin, value.range.begin}, "("});
      edits.push_back({{value.range.file, value.range.end, value.range.end},
                       (simple ? " ?? " : ") ?? ") + fallback});
      diag.fix("add `?? " + fallback + "`", std::move(edits));
    }
    return false;
  }
  return true;
}

// ------------------------------------------------------------------------- dispatch

Type Checker::expr(const ast::Expr &e, const Type *expected) {
  Type t = dispatch(e, expected);
  m_.exprTypes[e.id] = t;
  return t;
}

Type Checker::dispatch(const ast::Expr &e, const Type *expected) {
  switch (e.kind) {
  case ast::ExprKind::Error:
    return Type::error();
  case ast::ExprKind::Literal:
    return literal(as<ast::LiteralExpr>(e), expected);
  case ast::ExprKind::Name:
    return name(as<ast::NameExpr>(e), expected);
  case ast::ExprKind::Member:
    return member(as<ast::MemberExpr>(e));
  case ast::ExprKind::Call:
    return call(as<ast::CallExpr>(e));
  case ast::ExprKind::Unary:
    return unary(as<ast::UnaryExpr>(e));
  case ast::ExprKind::Binary:
    return binary(as<ast::BinaryExpr>(e), expected);
  case ast::ExprKind::If:
    return ifExpr(as<ast::IfExpr>(e), expected);
  case ast::ExprKind::Between:
    return between(as<ast::BetweenExpr>(e));
  case ast::ExprKind::InList:
    return inList(as<ast::InListExpr>(e));
  case ast::ExprKind::IsMissing:
    return isMissing(as<ast::IsMissingExpr>(e));
  case ast::ExprKind::Status:
    return status(as<ast::StatusExpr>(e));
  case ast::ExprKind::Quantified:
    return quantified(as<ast::QuantifiedExpr>(e));
  case ast::ExprKind::Duration: {
    Type t = duration(as<ast::DurationExpr>(e));
    if (t.isError())
      return t;
    d_.report(DiagCode::TypeMismatch, e.range,
              "a duration can only be added to or subtracted from a date, as in "
              "`inspection_date + 5 working days`");
    return Type::error();
  }
  }
  return Type::error();
}

// ------------------------------------------------------------------------- leaves

Type Checker::literal(const ast::LiteralExpr &e, const Type *expected) {
  if (std::holds_alternative<bool>(e.value))
    return Type::boolean();
  if (std::holds_alternative<std::int64_t>(e.value))
    return Type::integer();
  if (std::holds_alternative<double>(e.value) || std::holds_alternative<ast::Percent>(e.value))
    return Type::number();
  if (std::holds_alternative<ast::Date>(e.value))
    return Type::date();
  const std::string &s = std::get<std::string>(e.value);
  if (!expected || expected->kind != TypeKind::Enum || expected->enumId >= m_.enums.size())
    return Type::text();
  // An enum member written by its label (or name) as a string.
  const EnumInfo &info = m_.enums.get(expected->enumId);
  int member = info.find(s);
  if (member >= 0) {
    m_.resolved[e.id] = {SymbolKind::EnumMember, expected->enumId,
                         static_cast<std::uint32_t>(member)};
    return Type::enumeration(expected->enumId);
  }
  std::vector<std::string> candidates;
  for (const auto &m : info.members) {
    candidates.push_back(m.name);
    if (m.label != m.name)
      candidates.push_back(m.label);
  }
  auto suggestion = closestMatch(s, candidates);
  d_.report(DiagCode::UnknownEnumMember, e.range,
            fmt::format("\"{}\" is neither a member nor a label of enum {}{}", s, info.name,
                        didYouMean(suggestion)));
  return Type::error();
}

Type Checker::name(const ast::NameExpr &e, const Type *expected) {
  const std::string &text = e.name.text;
  if (text.empty())
    return Type::error();
  std::optional<SymbolRef> ref = lookupLocal(text);
  if (!ref && expected && expected->kind == TypeKind::Enum && expected->enumId < m_.enums.size()) {
    int member = m_.enums.get(expected->enumId).find(text);
    if (member >= 0 && m_.enums.get(expected->enumId).members[member].name == text)
      ref = SymbolRef{SymbolKind::EnumMember, expected->enumId, static_cast<std::uint32_t>(member)};
  }
  if (!ref)
    ref = m_.lookup(text);
  if (!ref)
    return unknownName(e, expected);
  m_.resolved[e.id] = *ref;
  // `score` in a pass condition is the indicator's own score, not a use of its name.
  if (!(ref->kind == SymbolKind::Indicator && scope_.ownScore && text == "score"))
    reference(*ref, e.name.range);
  if (scope_.report && !scope_.aggregateArg && ref->kind != SymbolKind::Aggregate &&
      ref->kind != SymbolKind::EnumMember) {
    d_.report(DiagCode::WrongKindOfName, e.range,
              fmt::format("{} '{}' is a per-record value; a report item combines aggregates, "
                          "so use it inside one, e.g. sum({}), avg({}) or rate(<condition>)",
                          symbolKindName(ref->kind), text, text, text));
    return Type::error();
  }
  Type t = symbolValue(e, *ref);
  if (t.optional && knownPresent(*ref)) {
    origins_.erase(e.id);
    t.optional = false;
  }
  return t;
}

Type Checker::symbolValue(const ast::NameExpr &e, SymbolRef ref) {
  const std::string &text = e.name.text;
  auto wrongKind = [&](std::string message) {
    d_.report(DiagCode::WrongKindOfName, e.range, std::move(message));
    return Type::error();
  };
  auto withOrigin = [&](Type t, const Origin *origin) {
    if (t.optional && origin)
      setOrigin(e, *origin);
    return t;
  };
  auto fromDecl = [&](Type t) {
    auto it = declOrigins_.find(ref);
    if (auto u = declUnits_.find(ref); u != declUnits_.end())
      setUnit(e, u->second);
    if (t.optional) {
      if (it != declOrigins_.end())
        setOrigin(e, it->second);
      else
        setOrigin(e, {e.range, fmt::format("'{}' may be missing", text)});
    }
    return t;
  };
  switch (ref.kind) {
  case SymbolKind::Field: {
    const FieldInfo &f = m_.fields[ref.index];
    setUnit(e, Unit::parse(f.unit));
    Origin o{e.range, fmt::format("'{}' may be missing: it is declared {} in record {}", text,
                                  typeName(f.type, &m_.enums), m_.recordName)};
    return withOrigin(f.type, &o);
  }
  case SymbolKind::Param: {
    const ParamInfo &p = m_.params[ref.index];
    setUnit(e, Unit::parse(p.unit));
    Origin o{e.range, fmt::format("param '{}' may be missing: it is declared {}", text,
                                  typeName(p.type, &m_.enums))};
    return withOrigin(p.type, &o);
  }
  case SymbolKind::EnumMember:
    return Type::enumeration(ref.index);
  case SymbolKind::Indicator:
    if (scope_.ownScore && static_cast<int>(ref.index) == scope_.indicator && text == "score") {
      const IndicatorInfo &ind = m_.indicators[ref.index];
      if (ind.score)
        inheritOrigin(e, {ind.score});
      return scope_.ownScoreType;
    } else {
      auto &diag = d_.report(DiagCode::WrongKindOfName, e.range,
                             fmt::format("indicator {} is not a value; write {} passes or {}.score",
                                         text, text, text));
      diag.fix(fmt::format("write '{} passes'", text), e.range, text + " passes");
      diag.fix(fmt::format("write '{}.score'", text), e.range, text + ".score");
      return Type::error();
    }
  case SymbolKind::IndicatorLet: {
    const LetInfo &let = m_.indicators[ref.index].lets[ref.member];
    return fromDecl(let.type);
  }
  case SymbolKind::CheckLet:
    return fromDecl(m_.checks[ref.index].lets[ref.member].type);
  case SymbolKind::Check:
  case SymbolKind::Rule:
  case SymbolKind::Escalate:
    return Type::boolean();
  case SymbolKind::Let:
    ensureValue(ref);
    return letState_[ref.index] == State::Done ? fromDecl(m_.lets[ref.index].type) : Type::error();
  case SymbolKind::Score:
    ensureValue(ref);
    return scoreState_[ref.index] == State::Done ? fromDecl(m_.scores[ref.index].type)
                                                 : Type::error();
  case SymbolKind::Table:
    ensureValue(ref);
    return tableState_[ref.index] == State::Done ? fromDecl(m_.tables[ref.index].type)
                                                 : Type::error();
  case SymbolKind::Output:
    ensureValue(ref);
    return outputState_[ref.index] == State::Done ? fromDecl(m_.outputs[ref.index].type)
                                                  : Type::error();
  case SymbolKind::Deadline:
    ensureValue(ref);
    return deadlineState_[ref.index] == State::Done ? fromDecl(m_.deadlines[ref.index].type)
                                                    : Type::error();
  case SymbolKind::Aggregate:
    return Type::integer(); // bare `count` in a report: the number of records
  case SymbolKind::Enum:
    return wrongKind(fmt::format("enum {} is a type, not a value; write one of its members", text));
  case SymbolKind::Domain:
    return wrongKind(fmt::format("domain {} is not a value; to test its indicators write e.g. "
                                 "`any indicator in {} fails`",
                                 text, text));
  case SymbolKind::Checklist:
    return wrongKind(fmt::format("checklist {} is not a value", text));
  default:
    return wrongKind(fmt::format("{} {} is not a value", symbolKindName(ref.kind), text));
  }
}

Type Checker::unknownName(const ast::NameExpr &e, const Type *expected) {
  const std::string &text = e.name.text;
  if (expected && expected->kind == TypeKind::Enum && expected->enumId < m_.enums.size()) {
    const EnumInfo &info = m_.enums.get(expected->enumId);
    std::vector<std::string> members;
    for (const auto &m : info.members)
      members.push_back(m.name);
    auto suggestion = closestMatch(text, members);
    std::string list;
    for (std::size_t i = 0; i < members.size(); ++i)
      list += (i ? ", " : "") + members[i];
    auto &diag = d_.report(DiagCode::UnknownEnumMember, e.range,
                           fmt::format("'{}' is not a member of enum {}{} (members: {})", text,
                                       info.name, didYouMean(suggestion), list));
    addReplacementFix(diag, e.range, suggestion);
    return Type::error();
  }
  if (text == m_.recordName && !text.empty()) {
    d_.report(DiagCode::WrongKindOfName, e.range,
              fmt::format("{} is the record, not a value; name one of its fields", text));
    return Type::error();
  }
  for (const RetiredInfo &r : m_.retired)
    if (r.name == text) {
      d_.report(DiagCode::UnknownName, e.range,
                fmt::format("unknown name '{}': {} {} is retired", text, ast::declKindName(r.kind),
                            text))
          .note(r.retiredAt, "retired here");
      return Type::error();
    }
  if (std::find(kAggregateNames.begin(), kAggregateNames.end(), text) != kAggregateNames.end()) {
    d_.report(
        DiagCode::AggregateOutsideReport, e.range,
        scope_.aggregateArg
            ? fmt::format("aggregates cannot be nested: '{}' inside an aggregate's argument", text)
            : fmt::format("'{}' is an aggregate; aggregates can only be used in a report "
                          "item",
                          text));
    return Type::error();
  }
  std::vector<std::string> candidates = globalNames({});
  if (scope_.indicator >= 0)
    for (std::size_t k = 0;
         k < scope_.visibleLets && k < m_.indicators[scope_.indicator].lets.size(); ++k)
      candidates.push_back(m_.indicators[scope_.indicator].lets[k].name);
  if (scope_.check >= 0)
    for (std::size_t k = 0; k < scope_.visibleLets && k < m_.checks[scope_.check].lets.size(); ++k)
      candidates.push_back(m_.checks[scope_.check].lets[k].name);
  auto suggestion = closestMatch(text, candidates);
  auto &diag = d_.report(DiagCode::UnknownName, e.range,
                         fmt::format("unknown name '{}'{}", text, didYouMean(suggestion)));
  addReplacementFix(diag, e.range, suggestion);
  for (const EnumInfo &info : m_.enums.all())
    if (info.find(text) >= 0) {
      diag.note(e.range, fmt::format("'{}' is a member of enum {}; a member is understood only "
                                     "where that enum is expected, as in `x == {}`",
                                     text, info.name, text));
      break;
    }
  return Type::error();
}

Type Checker::member(const ast::MemberExpr &e) {
  if (!e.object || perRecordInReport(e))
    return Type::error();
  const std::string &field = e.member.text;
  std::optional<SymbolRef> ref;
  if (e.object->kind == ast::ExprKind::Name) {
    const std::string &object = as<ast::NameExpr>(*e.object).name.text;
    if (!lookupLocal(object))
      ref = m_.lookup(object);
  }
  if (!ref || ref->kind != SymbolKind::Indicator) {
    Type t = expr(*e.object);
    if (t.isError())
      return t;
    d_.report(DiagCode::WrongKindOfName, e.range,
              fmt::format("'.{}' can only follow an indicator, as in C1.score; {} is {}", field,
                          describe(*e.object), typeText(t)));
    return Type::error();
  }
  const auto &object = as<ast::NameExpr>(*e.object);
  m_.resolved[e.object->id] = *ref;
  m_.exprTypes[e.object->id] = Type::status();
  reference(*ref, object.name.range);
  if (field != "score") {
    auto &diag = d_.report(DiagCode::UnknownName, e.member.range,
                           fmt::format("indicator {} has no '{}'; write {}.score, or {} passes, "
                                       "{} fails, {} unassessed",
                                       object.name.text, field, object.name.text, object.name.text,
                                       object.name.text, object.name.text));
    addReplacementFix(diag, e.member.range, closestMatch(field, {"score"}));
    return Type::error();
  }
  m_.resolved[e.id] = *ref;
  if (knownPresent({SymbolKind::Indicator, ref->index, kScoreMember}))
    return Type::number();
  setOrigin(e, {e.range, fmt::format("'{}.score' is missing unless indicator {} is assessed",
                                     object.name.text, object.name.text)});
  return Type::number(true);
}

// ------------------------------------------------------------------------- operators

Type Checker::unary(const ast::UnaryExpr &e) {
  if (!e.operand)
    return Type::error();
  Type t = expr(*e.operand);
  if (t.isError())
    return t;
  inheritOrigin(e, {e.operand.get()});
  if (e.op == ast::UnaryOp::Not) {
    if (t.kind == TypeKind::Bool)
      return t;
    d_.report(DiagCode::NotBoolean, e.range,
              fmt::format("'not' needs a bool, not {}", typeText(t)));
    return Type::error();
  }
  if (t.isNumeric()) {
    setUnit(e, unitOf(*e.operand));
    return t;
  }
  d_.report(DiagCode::TypeMismatch, e.range, fmt::format("cannot negate {}", typeText(t)));
  return Type::error();
}

Type Checker::binary(const ast::BinaryExpr &e, const Type *expected) {
  if (!e.lhs || !e.rhs)
    return Type::error();
  switch (e.op) {
  case ast::BinaryOp::And:
  case ast::BinaryOp::Or:
    return logical(e);
  case ast::BinaryOp::Coalesce:
    return coalesce(e, expected);
  case ast::BinaryOp::Eq:
  case ast::BinaryOp::Ne:
  case ast::BinaryOp::Lt:
  case ast::BinaryOp::Le:
  case ast::BinaryOp::Gt:
  case ast::BinaryOp::Ge:
    return compare(e);
  default:
    return arithmetic(e);
  }
}

void Checker::presentWhen(const ast::Expr &condition, bool outcome,
                          std::vector<SymbolRef> &out) const {
  switch (condition.kind) {
  case ast::ExprKind::IsMissing: {
    const auto &m = as<ast::IsMissingExpr>(condition);
    if (!m.operand || m.negated != outcome)
      return; // `x is missing` false, or `x is not missing` true
    auto ref = m_.resolution(*m.operand);
    if (!ref)
      return;
    if (m.operand->kind == ast::ExprKind::Member && ref->kind == SymbolKind::Indicator)
      out.push_back({SymbolKind::Indicator, ref->index, kScoreMember});
    else if (m.operand->kind == ast::ExprKind::Name)
      out.push_back(*ref);
    return;
  }
  case ast::ExprKind::Binary: {
    const auto &b = as<ast::BinaryExpr>(condition);
    const bool both =
        (b.op == ast::BinaryOp::And && outcome) || (b.op == ast::BinaryOp::Or && !outcome);
    if (both && b.lhs && b.rhs) {
      presentWhen(*b.lhs, outcome, out);
      presentWhen(*b.rhs, outcome, out);
    }
    return;
  }
  case ast::ExprKind::Unary: {
    const auto &u = as<ast::UnaryExpr>(condition);
    if (u.op == ast::UnaryOp::Not && u.operand)
      presentWhen(*u.operand, !outcome, out);
    return;
  }
  default:
    return;
  }
}

Type Checker::exprKnowing(const ast::Expr &e, const std::vector<SymbolRef> &present,
                          const Type *expected) {
  const std::size_t before = present_.size();
  present_.insert(present_.end(), present.begin(), present.end());
  Type t = expr(e, expected);
  present_.resize(before);
  return t;
}

bool Checker::knownPresent(SymbolRef ref) const {
  return std::find(present_.begin(), present_.end(), ref) != present_.end();
}

Type Checker::logical(const ast::BinaryExpr &e) {
  // `x is not missing and x > 1`, `x is missing or x > 1`: the right side sees x present,
  // and Kleene logic makes the whole never missing.
  Type l = expr(*e.lhs);
  std::vector<SymbolRef> present;
  presentWhen(*e.lhs, e.op == ast::BinaryOp::And, present);
  Type r = exprKnowing(*e.rhs, present);
  bool ok = true;
  for (const auto &[t, side] : {std::pair{l, "left"}, std::pair{r, "right"}}) {
    if (t.isError()) {
      ok = false;
    } else if (t.kind != TypeKind::Bool) {
      d_.report(DiagCode::NotBoolean,
                side == std::string_view("left") ? e.lhs->range : e.rhs->range,
                fmt::format("'{}' needs bool operands; its {} side is {}", ast::binaryOpText(e.op),
                            side, typeText(t)));
      ok = false;
    }
  }
  if (!ok)
    return Type::error();
  inheritOrigin(e, {e.lhs.get(), e.rhs.get()});
  return Type::boolean(l.optional || r.optional);
}

Type Checker::coalesce(const ast::BinaryExpr &e, const Type *expected) {
  Type l = expr(*e.lhs, expected);
  const Type *context = expected ? expected : (l.kind == TypeKind::Enum ? &l : nullptr);
  Type r = expr(*e.rhs, context);
  if (l.isError() || r.isError())
    return Type::error();
  if (!l.optional) {
    d_.report(DiagCode::NeedlessMissingCheck, opRange(e),
              fmt::format("{} can never be missing, so `?? {}` has no effect", describe(*e.lhs),
                          text(*e.rhs)))
        .fix("remove `?? " + text(*e.rhs) + "`",
             {e.lhs->range.file, e.lhs->range.end, e.rhs->range.end}, "");
  }
  auto t = join(l, r);
  if (!t) {
    d_.report(DiagCode::TypeMismatch, e.rhs->range,
              fmt::format("the default after `??` is {}, but the value before it is {}",
                          typeText(r), typeText(l)));
    return Type::error();
  }
  sameUnits(*e.lhs, *e.rhs, opRange(e), "combine");
  setUnit(e, unitOf(*e.lhs) ? unitOf(*e.lhs) : unitOf(*e.rhs));
  if (r.optional)
    inheritOrigin(e, {e.rhs.get()});
  return t->withOptional(r.optional);
}

bool Checker::comparable(const Type &a, const Type &b, ast::BinaryOp op, SourceRange at) {
  if (a.isError() || b.isError())
    return false;
  if (a.isNumeric() && b.isNumeric())
    return true;
  if (a.kind == TypeKind::Enum && b.kind == TypeKind::Enum && a.enumId != b.enumId) {
    d_.report(DiagCode::EnumMismatch, at,
              fmt::format("cannot compare {} with {}: they are different enums", typeText(a),
                          typeText(b)));
    return false;
  }
  const bool same = a.sameBase(b);
  if (same && isEquality(op) &&
      (a.kind == TypeKind::Bool || a.kind == TypeKind::Text || a.kind == TypeKind::Date ||
       a.kind == TypeKind::Enum))
    return true;
  if (same && isOrdering(op) && a.kind == TypeKind::Date)
    return true;
  if (same && isOrdering(op) &&
      (a.kind == TypeKind::Text || a.kind == TypeKind::Enum || a.kind == TypeKind::Bool)) {
    d_.report(DiagCode::TypeMismatch, at,
              fmt::format("{} values cannot be ordered with '{}'; compare them with == or !=",
                          a.kind == TypeKind::Enum ? "enum" : typeText(a), ast::binaryOpText(op)));
    return false;
  }
  d_.report(DiagCode::TypeMismatch, at,
            fmt::format("cannot compare {} with {}", typeText(a), typeText(b)));
  return false;
}

Type Checker::compare(const ast::BinaryExpr &e) {
  Type l, r;
  if (needsContext(*e.lhs) && !needsContext(*e.rhs)) {
    r = expr(*e.rhs);
    l = expr(*e.lhs, &r);
  } else {
    l = expr(*e.lhs);
    r = expr(*e.rhs, &l);
  }
  if (!comparable(l, r, e.op, opRange(e)))
    return Type::error();
  sameUnits(*e.lhs, *e.rhs, opRange(e), "compare");
  inheritOrigin(e, {e.lhs.get(), e.rhs.get()});
  return Type::boolean(l.optional || r.optional);
}

Type Checker::duration(const ast::DurationExpr &e) {
  if (!e.count)
    return Type::error();
  Type n = expr(*e.count);
  if (n.isError())
    return n;
  if (n.kind == TypeKind::Number) {
    d_.report(DiagCode::LossyConversion, e.count->range,
              "a number of days must be an int; convert it with round, floor, ceil or trunc");
    return Type::error();
  }
  if (n.kind != TypeKind::Int) {
    d_.report(DiagCode::TypeMismatch, e.count->range,
              fmt::format("a number of days must be an int, not {}", typeText(n)));
    return Type::error();
  }
  if (e.unit == ast::DurationUnit::WorkingDays && !hasCalendar_) {
    d_.report(DiagCode::NoCalendar, e.range,
              "working days need a calendar: import one (e.g. `import \"calendars/cn-2024.xr\"`) "
              "or declare a `calendar`");
    return Type::error();
  }
  inheritOrigin(e, {e.count.get()});
  return Type::durationOf(e.unit == ast::DurationUnit::Days ? DurationKind::Days
                                                            : DurationKind::WorkingDays,
                          n.optional);
}

Type Checker::dateArithmetic(const ast::BinaryExpr &e, const ast::Expr &date,
                             const ast::DurationExpr &dur) {
  Type d = expr(date);
  Type n = duration(dur);
  m_.exprTypes[dur.id] = n;
  if (d.isError() || n.isError())
    return Type::error();
  if (d.kind != TypeKind::Date) {
    d_.report(DiagCode::TypeMismatch, opRange(e),
              fmt::format("cannot {} a duration {} {}; durations go with dates",
                          e.op == ast::BinaryOp::Add ? "add" : "subtract",
                          e.op == ast::BinaryOp::Add ? "to" : "from", typeText(d)));
    return Type::error();
  }
  if (e.op == ast::BinaryOp::Sub && &date != e.lhs.get()) {
    d_.report(DiagCode::TypeMismatch, opRange(e),
              "cannot subtract a date from a duration; write the date first: `d - 5 days`");
    return Type::error();
  }
  inheritOrigin(e, {&date, &dur});
  return Type::date(d.optional || n.optional);
}

Type Checker::arithmetic(const ast::BinaryExpr &e) {
  const bool additive = e.op == ast::BinaryOp::Add || e.op == ast::BinaryOp::Sub;
  if (additive && e.rhs->kind == ast::ExprKind::Duration)
    return dateArithmetic(e, *e.lhs, as<ast::DurationExpr>(*e.rhs));
  if (additive && e.lhs->kind == ast::ExprKind::Duration)
    return dateArithmetic(e, *e.rhs, as<ast::DurationExpr>(*e.lhs));
  Type l = expr(*e.lhs);
  Type r = expr(*e.rhs);
  if (l.isError() || r.isError())
    return Type::error();
  const bool optional = l.optional || r.optional;
  inheritOrigin(e, {e.lhs.get(), e.rhs.get()});
  if (e.op == ast::BinaryOp::Sub && l.kind == TypeKind::Date && r.kind == TypeKind::Date)
    return Type::integer(optional); // days between
  if (!l.isNumeric() || !r.isNumeric()) {
    std::string message;
    switch (e.op) {
    case ast::BinaryOp::Add:
      message = fmt::format("cannot add {} and {}", typeText(l), typeText(r));
      break;
    case ast::BinaryOp::Sub:
      message = fmt::format("cannot subtract {} from {}", typeText(r), typeText(l));
      break;
    case ast::BinaryOp::Mul:
      message = fmt::format("cannot multiply {} by {}", typeText(l), typeText(r));
      break;
    default:
      message = fmt::format("cannot divide {} by {}", typeText(l), typeText(r));
      break;
    }
    if (l.kind == TypeKind::Date && r.isNumeric() && additive)
      message += fmt::format("; write a duration: `{} {} days`",
                             e.op == ast::BinaryOp::Add ? "+" : "-", text(*e.rhs));
    d_.report(DiagCode::TypeMismatch, opRange(e), message);
    return Type::error();
  }
  auto lu = unitOf(*e.lhs);
  auto ru = unitOf(*e.rhs);
  switch (e.op) {
  case ast::BinaryOp::Add:
  case ast::BinaryOp::Sub:
    sameUnits(*e.lhs, *e.rhs, opRange(e), e.op == ast::BinaryOp::Add ? "add" : "subtract");
    setUnit(e, lu ? lu : ru);
    break;
  case ast::BinaryOp::Mul:
    if (lu && ru)
      setUnit(e, lu->times(*ru));
    break;
  default:
    if (lu && ru)
      setUnit(e, lu->dividedBy(*ru));
    break;
  }
  if (e.op == ast::BinaryOp::Div) {
    if (auto divisor = numericConstant(*e.rhs); divisor && *divisor == 0) {
      d_.report(DiagCode::DivisionByZero, e.rhs->range,
                e.rhs->kind == ast::ExprKind::Literal
                    ? std::string("division by zero: the divisor is the constant 0")
                    : fmt::format("division by zero: the divisor {} is always 0", text(*e.rhs)));
      return Type::error();
    }
    return Type::number(optional);
  }
  if (l.kind == TypeKind::Int && r.kind == TypeKind::Int)
    return Type::integer(optional);
  return Type::number(optional);
}

Type Checker::ifExpr(const ast::IfExpr &e, const Type *expected) {
  if (!e.cond || !e.thenExpr || !e.elseExpr)
    return Type::error();
  Type c = condition(*e.cond, "the condition of 'if'");
  std::vector<SymbolRef> whenTrue, whenFalse;
  presentWhen(*e.cond, true, whenTrue);
  presentWhen(*e.cond, false, whenFalse);
  Type a = exprKnowing(*e.thenExpr, whenTrue, expected);
  const Type *context = expected ? expected : (a.kind == TypeKind::Enum ? &a : nullptr);
  Type b = exprKnowing(*e.elseExpr, whenFalse, context);
  if (c.isError() || a.isError() || b.isError())
    return Type::error();
  auto t = join(a, b);
  if (!t) {
    d_.report(DiagCode::TypeMismatch, e.elseExpr->range,
              fmt::format("the branches of 'if' have different types: {} and {}", typeText(a),
                          typeText(b)));
    return Type::error();
  }
  sameUnits(*e.thenExpr, *e.elseExpr, e.elseExpr->range, "choose between");
  setUnit(e, unitOf(*e.thenExpr) ? unitOf(*e.thenExpr) : unitOf(*e.elseExpr));
  inheritOrigin(e, {e.cond.get(), e.thenExpr.get(), e.elseExpr.get()});
  return t->withOptional(c.optional || t->optional);
}

Type Checker::between(const ast::BetweenExpr &e) {
  if (!e.operand || !e.low || !e.high)
    return Type::error();
  Type v = expr(*e.operand);
  Type lo = expr(*e.low, &v);
  Type hi = expr(*e.high, &v);
  if (v.isError() || lo.isError() || hi.isError())
    return Type::error();
  if (!comparable(v, lo, ast::BinaryOp::Ge, e.low->range) ||
      !comparable(v, hi, ast::BinaryOp::Le, e.high->range))
    return Type::error();
  sameUnits(*e.operand, *e.low, e.low->range, "compare");
  sameUnits(*e.operand, *e.high, e.high->range, "compare");
  inheritOrigin(e, {e.operand.get(), e.low.get(), e.high.get()});
  return Type::boolean(v.optional || lo.optional || hi.optional);
}

Type Checker::inList(const ast::InListExpr &e) {
  if (!e.operand)
    return Type::error();
  Type v = expr(*e.operand);
  bool ok = !v.isError();
  bool optional = v.optional;
  for (const auto &item : e.items) {
    if (!item)
      continue;
    Type t = expr(*item, v.isError() ? nullptr : &v);
    if (ok && !t.isError() && comparable(v, t, ast::BinaryOp::Eq, item->range))
      sameUnits(*e.operand, *item, item->range, "compare");
    else
      ok = false;
    optional = optional || t.optional;
  }
  if (!ok)
    return Type::error();
  inheritOrigin(e, {e.operand.get()});
  for (const auto &item : e.items)
    inheritOrigin(e, {item.get()});
  return Type::boolean(optional);
}

Type Checker::isMissing(const ast::IsMissingExpr &e) {
  if (!e.operand)
    return Type::error();
  Type v = expr(*e.operand);
  if (!v.isError() && !v.optional)
    d_.report(DiagCode::NeedlessMissingCheck, e.range,
              fmt::format("{} can never be missing, so this test is always {}",
                          describe(*e.operand), e.negated ? "true" : "false"));
  return Type::boolean();
}

Type Checker::status(const ast::StatusExpr &e) {
  if (!e.operand || perRecordInReport(e))
    return Type::error();
  std::optional<SymbolRef> ref;
  if (e.operand->kind == ast::ExprKind::Name) {
    const ast::Ident &name = as<ast::NameExpr>(*e.operand).name;
    if (!lookupLocal(name.text))
      ref = m_.lookup(name.text);
    if (ref && ref->kind == SymbolKind::Indicator) {
      m_.resolved[e.operand->id] = *ref;
      m_.resolved[e.id] = *ref;
      m_.exprTypes[e.operand->id] = Type::status();
      reference(*ref, name.range);
      return Type::boolean();
    }
    if (!ref) {
      auto suggestion = closestMatch(name.text, globalNames({SymbolKind::Indicator}));
      auto &diag =
          d_.report(DiagCode::UnknownIndicator, name.range,
                    fmt::format("unknown indicator '{}'{}", name.text, didYouMean(suggestion)));
      addReplacementFix(diag, name.range, suggestion);
      m_.exprTypes[e.operand->id] = Type::error();
      return Type::error();
    }
  }
  Type t = expr(*e.operand);
  if (t.isError())
    return t;
  const char *word = e.status == ast::IndicatorStatus::Passes  ? "passes"
                     : e.status == ast::IndicatorStatus::Fails ? "fails"
                                                               : "unassessed";
  d_.report(DiagCode::WrongKindOfName, e.range,
            fmt::format("'{}' applies to indicators; {} is {}", word, describe(*e.operand),
                        ref ? std::string(symbolKindName(ref->kind)) : typeText(t)));
  return Type::error();
}

Type Checker::quantified(const ast::QuantifiedExpr &e) {
  if (perRecordInReport(e))
    return Type::error();
  if (e.domain && !e.domain->empty()) {
    auto ref = m_.lookup(e.domain->text);
    if (!ref || ref->kind != SymbolKind::Domain) {
      reportNotA(SymbolKind::Domain, *e.domain, ref, DiagCode::UnknownDomain,
                 DiagCode::UnknownDomain);
      return Type::error();
    }
    reference(*ref, e.domain->range);
  }
  return e.quantifier == ast::Quantifier::Count ? Type::integer() : Type::boolean();
}

} // namespace xr::sema
