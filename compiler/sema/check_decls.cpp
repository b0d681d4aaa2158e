// Checking of the per-record declarations: params, indicators, checks, checklists, lets,
// scores, tables, outputs (and frequency), rules, escalations and deadlines.
#include "compiler/ast/spelling.h"
#include "compiler/sema/checker.h"

#include "compiler/sema/expr_walk.h"
#include "compiler/sema/suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xr::sema {

using ast::as;

namespace {

/// The policy's keyword, or the word written when it is none.
std::string_view policyWord(const ast::MissingPolicy &p) {
  return p.kind == ast::MissingPolicyKind::Invalid ? std::string_view(p.written.text)
                                                   : ast::missingPolicyKeyword(p.kind);
}

std::string ordinal(std::size_t n) { return std::to_string(n); }

} // namespace

Checker::Checker(Model &model, Collected &collected, const SourceManager &sources,
                 Diagnostics &diagnostics)
    : m_(model), c_(collected), sources_(sources), d_(diagnostics) {
  letState_.assign(m_.lets.size(), State::Unvisited);
  scoreState_.assign(m_.scores.size(), State::Unvisited);
  tableState_.assign(m_.tables.size(), State::Unvisited);
  outputState_.assign(m_.outputs.size(), State::Unvisited);
  deadlineState_.assign(m_.deadlines.size(), State::Unvisited);
  hasCalendar_ = !m_.calendar.decls.empty();
}

void Checker::run() {
  checkParams();
  typeValuesInDependencyOrder();
  for (std::uint32_t i = 0; i < m_.indicators.size(); ++i)
    checkIndicator(i);
  for (std::uint32_t i = 0; i < m_.checks.size(); ++i)
    checkCheck(i);
  for (std::uint32_t i = 0; i < m_.checklists.size(); ++i)
    checkChecklist(i);
  for (std::uint32_t i = 0; i < m_.lets.size(); ++i)
    ensureLet(i);
  for (std::uint32_t i = 0; i < m_.scores.size(); ++i)
    ensureScore(i);
  for (std::uint32_t i = 0; i < m_.tables.size(); ++i)
    ensureTable(i);
  for (std::uint32_t i = 0; i < m_.outputs.size(); ++i)
    ensureOutput(i);
  for (std::uint32_t i = 0; i < m_.rules.size(); ++i)
    checkRule(i);
  for (std::uint32_t i = 0; i < m_.escalations.size(); ++i)
    checkEscalation(i);
  for (std::uint32_t i = 0; i < m_.deadlines.size(); ++i)
    ensureDeadline(i);
  for (std::uint32_t i = 0; i < m_.reports.size(); ++i)
    checkReport(i);
  for (std::uint32_t i = 0; i < m_.examples.size(); ++i)
    checkExample(i);
  for (const TestInfo &test : m_.tests)
    checkTest(test);
}

void Checker::constantScoreInRange(const ast::Expr &e, std::string_view what) {
  // The branches of an `if` are looked at one by one: `if c then 120 else 60` is wrong too.
  if (e.kind == ast::ExprKind::If) {
    const auto &i = as<ast::IfExpr>(e);
    for (const ast::Expr *branch : {i.thenExpr.get(), i.elseExpr.get()})
      if (branch)
        constantScoreInRange(*branch, what);
    return;
  }
  auto v = numericConstant(e);
  if (v && (*v < 0 || *v > 100))
    d_.report(DiagCode::ScoreOutOfRange, e.range,
              fmt::format("{} can be {}, outside 0..100", what, text(e)));
}

// ------------------------------------------------------------------------- params

void Checker::checkParams() {
  for (ParamInfo &p : m_.params) {
    if (!p.defaultValue)
      continue;
    ScopeGuard guard(*this, scopeFor("param " + p.name));
    const ast::Expr &value = *p.defaultValue;
    Type t = expr(value, &p.type);
    if (t.isError())
      continue;
    if (!isConstant(value)) {
      d_.report(DiagCode::NotConstant, value.range,
                fmt::format("the default of param {} must be a constant (a literal or an enum "
                            "member); it is fixed before any record is read",
                            p.name));
      continue;
    }
    assignable(t, p.type, value, fmt::format("the default of param {}", p.name),
               fmt::format("param {}", p.name));
  }
}

// ------------------------------------------------------------------------- indicators

void Checker::checkLets(std::vector<LetInfo> &lets) {
  for (std::size_t k = 0; k < lets.size(); ++k) {
    scope_.visibleLets = k;
    LetInfo &let = lets[k];
    let.type = let.value ? expr(*let.value) : Type::error();
    SymbolRef ref =
        scope_.indicator >= 0
            ? SymbolRef{SymbolKind::IndicatorLet, static_cast<std::uint32_t>(scope_.indicator),
                        static_cast<std::uint32_t>(k)}
            : SymbolRef{SymbolKind::CheckLet, static_cast<std::uint32_t>(scope_.check),
                        static_cast<std::uint32_t>(k)};
    if (!let.value)
      continue;
    if (const Origin *o = originOf(*let.value))
      declOrigins_[ref] = *o;
    if (auto u = unitOf(*let.value))
      declUnits_[ref] = *u;
  }
  scope_.visibleLets = lets.size();
}

void Checker::checkIndicator(std::uint32_t i) {
  IndicatorInfo &ind = m_.indicators[i];
  Scope scope = scopeFor("indicator " + ind.name);
  scope.indicator = static_cast<int>(i);
  ScopeGuard guard(*this, scope);
  checkLets(ind.lets);
  Type score = Type::error();
  Type pass = Type::error();
  if (ind.score) {
    score = expr(*ind.score);
    if (!score.isError() && !score.isNumeric()) {
      d_.report(DiagCode::TypeMismatch, ind.score->range,
                fmt::format("the score of indicator {} must be a number, not {}", ind.name,
                            typeText(score)));
      score = Type::error();
    } else if (!score.isError()) {
      constantScoreInRange(*ind.score, fmt::format("the score of indicator {}", ind.name));
    }
  }
  if (ind.pass) {
    scope_.ownScore = ind.score != nullptr;
    scope_.ownScoreType = score.isError() ? score : Type::number(score.optional);
    pass = condition(*ind.pass, fmt::format("the pass condition of indicator {}", ind.name));
    scope_.ownScore = false;
  }
  if (!ind.score && !ind.pass)
    d_.report(DiagCode::IndicatorWithoutLogic, ind.where.name,
              fmt::format("indicator {} has neither a score nor a pass condition; add `pass when "
                          "<condition>` or `score = <0..100>`",
                          ind.name));
  checkIndicatorPolicy(ind, score, pass);
}

void Checker::checkIndicatorPolicy(IndicatorInfo &ind, const Type &score, const Type &pass) {
  if (ind.missingWritten) {
    const ast::MissingPolicy &p = ind.missing;
    switch (p.kind) {
    case ast::MissingPolicyKind::Skip:
    case ast::MissingPolicyKind::Flag:
    case ast::MissingPolicyKind::Invalid: {
      auto suggestion = p.kind == ast::MissingPolicyKind::Invalid
                            ? closestMatch(p.written.text, {"not_assessed", "fail", "pass"})
                            : std::nullopt;
      auto &diag = d_.report(
          DiagCode::BadMissingPolicy, p.range,
          fmt::format("`missing => {}` {}; an indicator takes missing => not_assessed, fail, "
                      "pass or score N{}",
                      policyWord(p),
                      p.kind == ast::MissingPolicyKind::Invalid ? "is not a missing-data policy"
                                                                : "is for checks",
                      didYouMean(suggestion)));
      addReplacementFix(diag, p.written.range, suggestion);
      break;
    }
    case ast::MissingPolicyKind::Score:
      if (p.score < 0 || p.score > 100)
        d_.report(DiagCode::ScoreOutOfRange, p.range,
                  fmt::format("`missing => score {}` in indicator {} is outside 0..100", p.score,
                              ind.name));
      break;
    default:
      break;
    }
  }
  const ast::Expr *first = nullptr;
  for (const ast::Expr *e : {ind.score, ind.pass}) {
    if (!e)
      continue;
    const Type &t = e == ind.score ? score : pass;
    if (!t.isError() && t.optional && (!first || e->range.begin < first->range.begin))
      first = e;
  }
  ind.mayBeMissing = first != nullptr;
  if (!first || ind.missingWritten)
    return;
  auto &diag = d_.report(
      DiagCode::UnhandledMissing, first->range,
      fmt::format("the {} of indicator {} may be missing, and the indicator does not say what "
                  "happens then; add `missing => not_assessed` (or fail, pass, score N)",
                  first == ind.score ? "score" : "pass condition", ind.name));
  if (const Origin *o = originOf(*first))
    diag.note(o->range, o->what);
  // Insert the policy before the closing brace of the declaration that holds the expression.
  const ast::Decl *holder = ind.decl;
  for (const ast::IndicatorDecl *o : ind.overrides)
    if (o->range.file == first->range.file && o->range.begin <= first->range.begin &&
        first->range.end <= o->range.end)
      holder = o;
  const SourceRange r = holder->range;
  if (!r.valid() || r.end == 0)
    return;
  const SourceFile &file = sources_.file(r.file);
  const std::uint32_t brace = r.end - 1;
  if (brace >= file.text().size() || file.text()[brace] != '}')
    return;
  const LineColumn lc = file.position(brace);
  const std::uint32_t lineStart = file.lineStart(lc.line);
  const std::string_view before(file.text().data() + lineStart, brace - lineStart);
  const bool ownLine = before.find_first_not_of(" \t") == std::string_view::npos;
  if (ownLine)
    diag.fix("add `missing => not_assessed`", {r.file, lineStart, lineStart},
             std::string(before) + "  missing => not_assessed\n");
  else
    diag.fix("add `missing => not_assessed`", {r.file, brace, brace}, "missing => not_assessed ");
}

// ------------------------------------------------------------------------- checks

void Checker::checkCheck(std::uint32_t i) {
  CheckInfo &check = m_.checks[i];
  Scope scope = scopeFor("check " + check.name);
  scope.check = static_cast<int>(i);
  ScopeGuard guard(*this, scope);
  checkLets(check.lets);
  const auto &written = check.decl->missing;
  if (written) {
    switch (written->kind) {
    case ast::MissingPolicyKind::Skip:
    case ast::MissingPolicyKind::Flag:
      break;
    default: {
      auto suggestion = written->kind == ast::MissingPolicyKind::Invalid
                            ? closestMatch(written->written.text, {"skip", "flag"})
                            : std::nullopt;
      auto &diag = d_.report(
          DiagCode::BadMissingPolicy, written->range,
          fmt::format("`missing => {}` {}; a check takes missing => skip or missing => flag{}",
                      policyWord(*written),
                      written->kind == ast::MissingPolicyKind::Invalid
                          ? "is not a missing-data policy"
                          : "is for indicators",
                      didYouMean(suggestion)));
      addReplacementFix(diag, written->written.range, suggestion);
      check.missing = ast::MissingPolicyKind::Skip;
      break;
    }
    }
  }
  if (!check.when) {
    d_.report(DiagCode::NotBoolean, check.where.name,
              fmt::format("check {} has no condition; write `when <condition>` to say when its "
                          "flag is raised",
                          check.name));
    return;
  }
  Type t = condition(*check.when, fmt::format("the condition of check {}", check.name));
  check.mayBeMissing = !t.isError() && t.optional;
  if (!check.mayBeMissing || written)
    return;
  auto &diag = d_.report(DiagCode::UnhandledMissing, check.when->range,
                         fmt::format("the condition of check {} may be missing, and the check "
                                     "does not say what happens then; add `missing => skip` or "
                                     "`missing => flag`",
                                     check.name));
  if (const Origin *o = originOf(*check.when))
    diag.note(o->range, o->what);
  const SourceRange w = check.when->range;
  diag.fix("add `missing => skip`", {w.file, w.end, w.end}, "\n  missing => skip");
}

void Checker::checkChecklist(std::uint32_t i) {
  ChecklistInfo &list = m_.checklists[i];
  if (!list.selector)
    return;
  ScopeGuard guard(*this, scopeFor("checklist " + list.name));
  condition(*list.selector, fmt::format("the selector of checklist {}", list.name));
}

// ------------------------------------------------------------------------- values

void Checker::ensureValue(SymbolRef ref) {
  // Values are typed in dependency order first (typeValuesInDependencyOrder), so only a
  // dependency cycle (XR0501) nests deeply here; past the limit its values stay untyped for
  // now and read as the error type.
  if (ensureDepth_ >= kMaxEnsureDepth)
    return;
  ++ensureDepth_;
  switch (ref.kind) {
  case SymbolKind::Let:
    ensureLet(ref.index);
    break;
  case SymbolKind::Score:
    ensureScore(ref.index);
    break;
  case SymbolKind::Table:
    ensureTable(ref.index);
    break;
  case SymbolKind::Output:
    ensureOutput(ref.index);
    break;
  case SymbolKind::Deadline:
    ensureDeadline(ref.index);
    break;
  default:
    break;
  }
  --ensureDepth_;
}

void Checker::typeValuesInDependencyOrder() {
  auto isValue = [](SymbolKind k) {
    return k == SymbolKind::Let || k == SymbolKind::Score || k == SymbolKind::Table ||
           k == SymbolKind::Output || k == SymbolKind::Deadline;
  };
  // The values a value's expressions name (an over-approximation is harmless).
  auto dependencies = [&](SymbolRef ref) {
    std::vector<const ast::Expr *> roots;
    switch (ref.kind) {
    case SymbolKind::Let:
      roots.push_back(m_.lets[ref.index].value);
      break;
    case SymbolKind::Score:
      roots.push_back(m_.scores[ref.index].value);
      break;
    case SymbolKind::Deadline:
      roots.push_back(m_.deadlines[ref.index].value);
      break;
    case SymbolKind::Table:
      for (const TableRowInfo &row : m_.tables[ref.index].rows) {
        roots.push_back(row.condition);
        roots.push_back(row.outcome);
      }
      break;
    case SymbolKind::Output: {
      const OutputInfo &out = m_.outputs[ref.index];
      roots.push_back(out.initial);
      if (out.decl->kind == ast::DeclKind::Frequency)
        for (const ast::FrequencyEntry &entry :
             static_cast<const ast::FrequencyDecl &>(*out.decl).entries)
          roots.push_back(entry.value.get());
      break;
    }
    default:
      break;
    }
    std::vector<SymbolRef> deps;
    auto add = [&](std::string_view name) {
      if (auto target = m_.lookup(name); target && isValue(target->kind))
        deps.push_back(*target);
    };
    for (const ast::Expr *root : roots)
      walkExpr(root, [&](const ast::Expr &e) {
        if (e.kind == ast::ExprKind::Name)
          add(as<ast::NameExpr>(e).name.text);
      });
    if (ref.kind == SymbolKind::Output &&
        m_.outputs[ref.index].decl->kind == ast::DeclKind::Frequency)
      add(static_cast<const ast::FrequencyDecl &>(*m_.outputs[ref.index].decl).table.text);
    return deps;
  };
  std::vector<SymbolRef> all;
  for (std::uint32_t i = 0; i < m_.lets.size(); ++i)
    all.push_back({SymbolKind::Let, i, 0});
  for (std::uint32_t i = 0; i < m_.scores.size(); ++i)
    all.push_back({SymbolKind::Score, i, 0});
  for (std::uint32_t i = 0; i < m_.tables.size(); ++i)
    all.push_back({SymbolKind::Table, i, 0});
  for (std::uint32_t i = 0; i < m_.outputs.size(); ++i)
    all.push_back({SymbolKind::Output, i, 0});
  for (std::uint32_t i = 0; i < m_.deadlines.size(); ++i)
    all.push_back({SymbolKind::Deadline, i, 0});
  // Iterative depth-first search, post order: each value after what it reads.
  std::map<SymbolRef, bool> visited;
  for (SymbolRef root : all) {
    if (visited.count(root))
      continue;
    visited[root] = true;
    std::vector<std::pair<SymbolRef, std::vector<SymbolRef>>> stack;
    stack.emplace_back(root, dependencies(root));
    while (!stack.empty()) {
      if (!stack.back().second.empty()) {
        SymbolRef next = stack.back().second.back();
        stack.back().second.pop_back();
        if (!visited.count(next)) {
          visited[next] = true;
          stack.emplace_back(next, dependencies(next));
        }
        continue;
      }
      ensureValue(stack.back().first);
      stack.pop_back();
    }
  }
}

void Checker::ensureLet(std::uint32_t i) {
  if (letState_[i] != State::Unvisited)
    return;
  letState_[i] = State::InProgress;
  ValueInfo &let = m_.lets[i];
  ScopeGuard guard(*this, scopeFor("let " + let.name));
  let.type = let.value ? expr(*let.value) : Type::error();
  if (let.value) {
    if (const Origin *o = originOf(*let.value))
      declOrigins_[{SymbolKind::Let, i, 0}] = *o;
    if (auto u = unitOf(*let.value))
      declUnits_[{SymbolKind::Let, i, 0}] = *u;
  }
  letState_[i] = State::Done;
}

void Checker::ensureScore(std::uint32_t i) {
  if (scoreState_[i] != State::Unvisited)
    return;
  scoreState_[i] = State::InProgress;
  ValueInfo &score = m_.scores[i];
  const bool weighted = score.value && score.value->kind == ast::ExprKind::Call &&
                        as<ast::CallExpr>(*score.value).callee.text == "weighted";
  Scope scope = scopeFor("score " + score.name);
  scope.weightedAllowed = weighted;
  ScopeGuard guard(*this, scope);
  Type t = score.value ? expr(*score.value) : Type::error();
  scope_.weightedAllowed = false;
  if (!t.isError() && !t.isNumeric()) {
    d_.report(DiagCode::TypeMismatch, score.value->range,
              fmt::format("score {} must be a number, not {}", score.name, typeText(t)));
    t = Type::error();
  }
  if (!t.isError()) {
    score.weighted = weighted;
    constantScoreInRange(*score.value, fmt::format("score {}", score.name));
    if (const Origin *o = originOf(*score.value))
      declOrigins_[{SymbolKind::Score, i, 0}] = *o;
    if (auto u = unitOf(*score.value))
      declUnits_[{SymbolKind::Score, i, 0}] = *u;
  }
  score.type = t.isError() ? t : Type::number(t.optional);
  scoreState_[i] = State::Done;
}

void Checker::ensureTable(std::uint32_t i) {
  if (tableState_[i] != State::Unvisited)
    return;
  tableState_[i] = State::InProgress;
  TableInfo &table = m_.tables[i];
  ScopeGuard guard(*this, scopeFor("table " + table.name));
  std::size_t n = 0;
  for (const TableRowInfo &row : table.rows) {
    ++n;
    if (row.condition)
      condition(*row.condition,
                fmt::format("the condition of row {} of table {}", ordinal(n), table.name));
  }
  checkTableOutcomes(table, c_.tableOutcomeFixed[i]);
  if (!table.type.isError() && table.type.optional) {
    if (!table.hasOtherwise)
      declOrigins_[{SymbolKind::Table, i, 0}] = {
          table.where.name,
          fmt::format("table {} may be missing: it has no otherwise row, so it has no value when "
                      "no row matches",
                      table.name)};
    else
      for (const TableRowInfo &row : table.rows)
        if (const Origin *o = originOf(*row.outcome)) {
          declOrigins_[{SymbolKind::Table, i, 0}] = *o;
          break;
        }
  }
  tableState_[i] = State::Done;
}

void Checker::checkTableOutcomes(TableInfo &table, bool fixed) {
  const bool declared = table.decl->outcomeType.has_value();
  const Type given = table.outcomeType;
  std::optional<Type> common;
  const ast::Expr *first = nullptr;
  bool broken = fixed && given.isError();
  bool anyOptional = false;
  for (const TableRowInfo &row : table.rows) {
    const Type *expected =
        fixed ? &given : (common && common->kind == TypeKind::Enum ? &*common : nullptr);
    Type t = expr(*row.outcome, expected && !expected->isError() ? expected : nullptr);
    if (t.isError()) {
      broken = true;
      continue;
    }
    anyOptional = anyOptional || t.optional;
    if (fixed) {
      if (given.isError() || t.sameBase(given) ||
          (t.kind == TypeKind::Int && given.kind == TypeKind::Number))
        continue;
      broken = true;
      if (declared && t.kind == TypeKind::Number && given.kind == TypeKind::Int)
        d_.report(DiagCode::LossyConversion, row.outcome->range,
                  fmt::format("this outcome is a number, but table {} gives int; convert it with "
                              "round, floor, ceil or trunc",
                              table.name));
      else if (declared)
        d_.report(DiagCode::TypeMismatch, row.outcome->range,
                  fmt::format("this outcome is {}, but table {} gives {}", typeText(t), table.name,
                              typeText(given)));
      else
        d_.report(DiagCode::OutcomeTypes, row.outcome->range,
                  fmt::format("this outcome is {}, but the other outcomes of table {} are members "
                              "of its enum {}",
                              typeText(t), table.name, m_.enums.get(given.enumId).name));
      continue;
    }
    if (!common) {
      common = t.required();
      first = row.outcome;
      continue;
    }
    auto j = join(*common, t.required());
    if (!j) {
      broken = true;
      d_.report(DiagCode::OutcomeTypes, row.outcome->range,
                fmt::format("this outcome is {}, but the outcomes of table {} before it are {}",
                            typeText(t), table.name, typeText(*common)))
          .note(first->range, "the first outcome is here");
      continue;
    }
    common = *j;
  }
  table.outcomeType = fixed ? given : (common ? *common : Type::error());
  if (broken || table.outcomeType.isError()) {
    table.outcomeType = table.outcomeType.isError() ? Type::error() : table.outcomeType;
    table.type = Type::error();
    return;
  }
  const Type &o = table.outcomeType;
  const ast::HitPolicy &hit = table.hit;
  auto badPolicy = [&](std::string message) {
    d_.report(DiagCode::BadHitPolicy, hit.range.valid() ? hit.range : table.where.name,
              std::move(message));
    table.type = Type::error();
  };
  if (hit.aggregator != ast::CollectAggregator::None && hit.kind != ast::HitPolicyKind::Collect)
    return badPolicy(
        fmt::format("table {}: an aggregator goes only with `hit collect`", table.name));
  switch (hit.kind) {
  case ast::HitPolicyKind::Priority:
    if (o.kind != TypeKind::Enum)
      return badPolicy(fmt::format("`hit priority` picks the outcome that comes first in its "
                                   "enum, but the outcomes of table {} are {}",
                                   table.name, typeText(o)));
    break;
  case ast::HitPolicyKind::Collect:
    switch (hit.aggregator) {
    case ast::CollectAggregator::None:
      if (o.kind != TypeKind::Enum)
        return badPolicy(fmt::format("`hit collect` makes a set of enum members, but the "
                                     "outcomes of table {} are {}; collect numbers with "
                                     "`hit collect sum|min|max|count`",
                                     table.name, typeText(o)));
      if (m_.enums.get(o.enumId).members.size() > 64)
        return badPolicy(fmt::format("`hit collect` sets hold at most 64 members; enum {} has "
                                     "{}",
                                     m_.enums.get(o.enumId).name,
                                     m_.enums.get(o.enumId).members.size()));
      table.type = Type::set(o.enumId);
      return;
    case ast::CollectAggregator::Count:
      // The number of matching rows, or the otherwise row's value when none matches: an int
      // either way.
      if (declared && given.kind != TypeKind::Int)
        return badPolicy(fmt::format("`hit collect count` counts the matching rows, so table {} "
                                     "gives an int, not {}; declare it `: int` or leave the "
                                     "type out",
                                     table.name, typeText(given)));
      for (const TableRowInfo &row : table.rows) {
        if (row.condition)
          continue;
        const auto found = m_.exprTypes.find(row.outcome->id);
        const Type t = found == m_.exprTypes.end() ? Type::error() : found->second;
        if (t.kind != TypeKind::Int || t.optional) {
          d_.report(DiagCode::TypeMismatch, row.outcome->range,
                    fmt::format("the otherwise row of table {} gives its count when no row "
                                "matches, so it must be an int that is never missing, but {}",
                                table.name,
                                t.kind == TypeKind::Int ? std::string("it may be missing")
                                                        : "it is " + typeText(t)));
          table.type = Type::error();
          return;
        }
      }
      table.type = Type::integer();
      return;
    default:
      if (!o.isNumeric())
        return badPolicy(fmt::format("`hit collect` with sum, min or max needs numeric "
                                     "outcomes, but the outcomes of table {} are {}",
                                     table.name, typeText(o)));
      table.type =
          hit.aggregator == ast::CollectAggregator::Sum ? o.required() : o.withOptional(true);
      return;
    }
  default:
    break;
  }
  table.type = o.withOptional(!table.hasOtherwise || anyOptional);
}

// ------------------------------------------------------------------------- outputs

void Checker::ensureOutput(std::uint32_t i) {
  if (outputState_[i] != State::Unvisited)
    return;
  outputState_[i] = State::InProgress;
  OutputInfo &out = m_.outputs[i];
  ScopeGuard guard(*this, scopeFor("output " + out.name));
  if (out.decl->kind == ast::DeclKind::Frequency) {
    checkFrequency(out);
  } else if (out.initial) {
    Type t = expr(*out.initial, out.type.isError() ? nullptr : &out.type);
    assignable(t, out.type, *out.initial, fmt::format("the initial value of output {}", out.name),
               fmt::format("output {}", out.name));
  }
  if (out.type.optional && !out.type.isError())
    declOrigins_[{SymbolKind::Output, i, 0}] = {
        out.where.name,
        fmt::format("output {} may be missing: it is {}", out.name, typeName(out.type, &m_.enums))};
  outputState_[i] = State::Done;
}

void Checker::checkFrequency(OutputInfo &out) {
  const auto &decl = static_cast<const ast::FrequencyDecl &>(*out.decl);
  std::optional<EnumId> members;
  bool tableOptional = false;
  auto ref = m_.lookup(decl.table.text);
  if (decl.table.empty()) {
    // the parser reported it
  } else if (!ref || ref->kind != SymbolKind::Table) {
    auto suggestion = closestMatch(decl.table.text, globalNames({SymbolKind::Table}));
    auto &diag = d_.report(
        ref ? DiagCode::WrongKindOfName : DiagCode::UnknownName, decl.table.range,
        ref ? fmt::format("frequency is given by a decision table, and '{}' is {}{}",
                          decl.table.text, withArticle(symbolKindName(ref->kind)),
                          didYouMean(suggestion))
            : fmt::format("unknown table '{}'{}", decl.table.text, didYouMean(suggestion)));
    addReplacementFix(diag, decl.table.range, suggestion);
  } else {
    reference(*ref, decl.table.range);
    ensureValue(*ref);
    const TableInfo &table = m_.tables[ref->index];
    const Type tt = tableState_[ref->index] == State::Done ? table.type : Type::error();
    if (!tt.isError() && tt.kind != TypeKind::Enum)
      d_.report(DiagCode::TypeMismatch, decl.table.range,
                fmt::format("frequency maps each outcome of an enum table to a number, but "
                            "table {} gives {}",
                            table.name, typeText(tt)));
    else if (!tt.isError()) {
      members = tt.enumId;
      tableOptional = tt.optional;
      out.frequencyTable = ref->index;
      out.frequencyValues.assign(m_.enums.get(tt.enumId).members.size(), nullptr);
    }
  }
  bool optional = tableOptional;
  for (const ast::FrequencyEntry &entry : decl.entries) {
    if (members && !entry.member.empty()) {
      const EnumInfo &info = m_.enums.get(*members);
      int k = info.find(entry.member.text);
      if (k >= 0 && info.members[k].name == entry.member.text) {
        reference({SymbolKind::EnumMember, *members, static_cast<std::uint32_t>(k)},
                  entry.member.range);
        if (entry.value && !out.frequencyValues[k])
          out.frequencyValues[k] = entry.value.get();
      } else {
        std::vector<std::string> names;
        for (const auto &m : info.members)
          names.push_back(m.name);
        auto suggestion = closestMatch(entry.member.text, names);
        auto &diag =
            d_.report(DiagCode::UnknownEnumMember, entry.member.range,
                      fmt::format("'{}' is not an outcome of table {}{}", entry.member.text,
                                  decl.table.text, didYouMean(suggestion)));
        addReplacementFix(diag, entry.member.range, suggestion);
      }
    }
    if (!entry.value)
      continue;
    Type t = expr(*entry.value);
    if (t.isError())
      continue;
    if (!t.isNumeric()) {
      d_.report(DiagCode::TypeMismatch, entry.value->range,
                fmt::format("the frequency for {} must be a number of inspections per year, not "
                            "{}",
                            entry.member.text, typeText(t)));
      continue;
    }
    optional = optional || t.optional;
  }
  out.type = Type::number(optional);
}

// ------------------------------------------------------------------------- rules and the rest

void Checker::checkRule(std::uint32_t i) {
  RuleInfo &rule = m_.rules[i];
  ScopeGuard guard(*this, scopeFor("rule " + rule.name));
  if (rule.when)
    condition(*rule.when, fmt::format("the condition of rule {}", rule.name));
  for (const ast::Assignment &a : rule.decl->assignments) {
    if (a.target.empty() || !a.value)
      continue;
    auto ref = m_.lookup(a.target.text);
    if (!ref || ref->kind != SymbolKind::Output) {
      expr(*a.value);
      auto suggestion = closestMatch(a.target.text, globalNames({SymbolKind::Output}));
      auto &diag = d_.report(
          DiagCode::BadAssignment, a.target.range,
          ref ? fmt::format("cannot assign to {} '{}': a rule assigns only outputs{}",
                            symbolKindName(ref->kind), a.target.text, didYouMean(suggestion))
              : fmt::format("cannot assign to '{}': it is not an output{}; declare it with "
                            "`output {}: <type> = <initial value>`",
                            a.target.text, didYouMean(suggestion), a.target.text));
      addReplacementFix(diag, a.target.range, suggestion);
      continue;
    }
    reference(*ref, a.target.range);
    ensureValue(*ref);
    const Type target = m_.outputs[ref->index].type;
    Type t = expr(*a.value, target.isError() ? nullptr : &target);
    rule.assignments.push_back({ref->index, a.value.get(), a.range});
    assignable(t, target, *a.value, fmt::format("the value assigned to {}", a.target.text),
               fmt::format("output {}", a.target.text));
  }
}

void Checker::checkEscalation(std::uint32_t i) {
  EscalateInfo &esc = m_.escalations[i];
  ScopeGuard guard(*this, scopeFor("escalation " + esc.name));
  if (esc.when)
    condition(*esc.when, fmt::format("the condition of escalation {}", esc.name));
  for (const ActionInfo &action : esc.actions)
    if (action.argument)
      expr(*action.argument);
}

void Checker::ensureDeadline(std::uint32_t i) {
  if (deadlineState_[i] != State::Unvisited)
    return;
  deadlineState_[i] = State::InProgress;
  DeadlineInfo &deadline = m_.deadlines[i];
  ScopeGuard guard(*this, scopeFor("deadline " + deadline.name));
  Type t = deadline.value ? expr(*deadline.value) : Type::error();
  if (!t.isError() && t.kind != TypeKind::Date) {
    d_.report(DiagCode::TypeMismatch, deadline.value->range,
              fmt::format("deadline {} must be a date, not {}", deadline.name, typeText(t)));
    t = Type::error();
  }
  deadline.type = t.isError() ? t : Type::date(t.optional);
  if (deadline.value && t.optional)
    if (const Origin *o = originOf(*deadline.value))
      declOrigins_[{SymbolKind::Deadline, i, 0}] = *o;
  deadlineState_[i] = State::Done;
}

} // namespace xr::sema
