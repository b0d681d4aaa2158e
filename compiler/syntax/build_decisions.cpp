// Per-record decisions: lets, scores, tables, outputs, frequency, rules, escalations,
// deadlines and calendars.
#include "compiler/syntax/builder.h"
#include "compiler/syntax/suggest.h"

#include <fmt/format.h>

#include <array>
#include <limits>

namespace xr::syntax {

namespace {

constexpr std::array<std::string_view, 5> kHitPolicies = {"first", "unique", "any", "priority",
                                                          "collect"};
constexpr std::array<std::string_view, 4> kAggregators = {"sum", "min", "max", "count"};

} // namespace

ast::DeclPtr AstBuilder::let(P::LetDeclContext *context) {
  auto decl = start<ast::LetDecl>(context, context->name(), context->title);
  decl->value = expr(context->expr());
  return decl;
}

ast::DeclPtr AstBuilder::score(P::ScoreDeclContext *context) {
  auto decl = start<ast::ScoreDecl>(context, context->name(), context->title);
  decl->value = expr(context->expr());
  return decl;
}

ast::HitPolicy AstBuilder::hitPolicy(P::HitPolicyContext *context) {
  ast::HitPolicy hit;
  if (context == nullptr)
    return hit;
  hit.range = range(context);
  ast::Ident policy = ident(context->policy);
  bool known = true;
  if (policy.text == "first")
    hit.kind = ast::HitPolicyKind::First;
  else if (policy.text == "unique")
    hit.kind = ast::HitPolicyKind::Unique;
  else if (policy.text == "any")
    hit.kind = ast::HitPolicyKind::Any;
  else if (policy.text == "priority")
    hit.kind = ast::HitPolicyKind::Priority;
  else if (policy.text == "collect")
    hit.kind = ast::HitPolicyKind::Collect;
  else
    known = false;
  if (!known && !policy.empty()) {
    auto suggestion = closestMatch(policy.text, kHitPolicies);
    Diagnostic &d = diagnostics_.report(
        DiagCode::UnknownOption, policy.range,
        fmt::format("unknown hit policy '{}': use first, unique, any, priority or collect{}",
                    policy.text,
                    suggestion ? fmt::format("; did you mean '{}'?", *suggestion) : ""));
    if (suggestion)
      d.fix(fmt::format("replace with '{}'", *suggestion), policy.range, std::string(*suggestion));
  }
  if (context->aggregator == nullptr)
    return hit;
  ast::Ident aggregator = ident(context->aggregator);
  if (aggregator.text == "sum")
    hit.aggregator = ast::CollectAggregator::Sum;
  else if (aggregator.text == "min")
    hit.aggregator = ast::CollectAggregator::Min;
  else if (aggregator.text == "max")
    hit.aggregator = ast::CollectAggregator::Max;
  else if (aggregator.text == "count")
    hit.aggregator = ast::CollectAggregator::Count;
  if (aggregator.empty())
    return hit;
  if (hit.aggregator == ast::CollectAggregator::None) {
    auto suggestion = closestMatch(aggregator.text, kAggregators);
    Diagnostic &d = diagnostics_.report(
        DiagCode::UnknownOption, aggregator.range,
        fmt::format("unknown aggregator '{}' after 'hit {}': use sum, min, max or count{}",
                    aggregator.text, policy.text,
                    suggestion ? fmt::format("; did you mean '{}'?", *suggestion) : ""));
    if (suggestion)
      d.fix(fmt::format("replace with '{}'", *suggestion), aggregator.range,
            std::string(*suggestion));
  } else if (known && hit.kind != ast::HitPolicyKind::Collect) {
    diagnostics_.report(DiagCode::UnknownOption, aggregator.range,
                        fmt::format("'{}' can only follow 'hit collect', not 'hit {}'",
                                    aggregator.text, policy.text));
  }
  return hit;
}

ast::DeclPtr AstBuilder::table(P::TableDeclContext *context) {
  auto decl = start<ast::TableDecl>(context, context->name(), context->title);
  if (P::TypeRefContext *type = context->typeRef())
    decl->outcomeType = typeRef(type);
  decl->hit = hitPolicy(context->hitPolicy());
  for (P::TableRowContext *r : context->tableRow()) {
    ast::TableRow row;
    row.id = nextId();
    row.range = range(r);
    if (auto *condition = dynamic_cast<P::ConditionRowContext *>(r)) {
      row.condition = expr(condition->condition);
      row.outcome = expr(condition->outcome);
    } else if (auto *otherwise = dynamic_cast<P::OtherwiseRowContext *>(r)) {
      row.outcome = expr(otherwise->outcome);
    } else {
      row.condition = error(r);
      row.outcome = error(r);
    }
    decl->rows.push_back(std::move(row));
  }
  return decl;
}

ast::DeclPtr AstBuilder::output(P::OutputDeclContext *context) {
  auto decl = start<ast::OutputDecl>(context, context->name(), context->title);
  decl->type = typeRef(context->typeRef());
  decl->initial = expr(context->expr());
  return decl;
}

ast::DeclPtr AstBuilder::frequency(P::FrequencyDeclContext *context) {
  auto decl = start<ast::FrequencyDecl>(context, nullptr, context->title);
  decl->name = {"frequency", range(keyword(context, "frequency"))};
  decl->table = ident(context->table);
  for (P::FrequencyEntryContext *e : context->frequencyEntry())
    decl->entries.push_back({ident(e->name()), expr(e->expr()), range(e)});
  return decl;
}

ast::DeclPtr AstBuilder::rule(P::RuleDeclContext *context) {
  auto decl = start<ast::RuleDecl>(context, context->name(), context->title);
  decl->when = expr(context->expr());
  for (P::AssignmentContext *a : context->assignment())
    decl->assignments.push_back({ident(a->name()), expr(a->expr()), range(a)});
  return decl;
}

ast::DeclPtr AstBuilder::escalate(P::EscalateDeclContext *context) {
  auto decl = start<ast::EscalateDecl>(context, context->name(), context->title);
  decl->when = expr(context->expr());
  for (P::ActionContext *a : context->action()) {
    ast::Action action;
    action.name = ident(a->name());
    if (a->argument != nullptr)
      action.argument = expr(a->argument);
    action.range = range(a);
    decl->actions.push_back(std::move(action));
  }
  return decl;
}

ast::DeclPtr AstBuilder::deadline(P::DeadlineDeclContext *context) {
  auto decl = start<ast::DeadlineDecl>(context, context->name(), context->title);
  decl->value = expr(context->expr());
  return decl;
}

ast::DeclPtr AstBuilder::calendar(P::CalendarDeclContext *context) {
  auto decl = start<ast::CalendarDecl>(context, context->name(), context->title);
  if (present(context->year)) {
    decl->yearRange = range(context->year);
    if (auto year = integer(context->year)) {
      if (*year > std::numeric_limits<std::int32_t>::max())
        diagnostics_.report(DiagCode::InvalidNumber, decl->yearRange,
                            fmt::format("year {} is out of range", *year));
      else
        decl->year = static_cast<std::int32_t>(*year);
    }
  }
  for (P::CalendarItemContext *item : context->calendarItem()) {
    if (auto *source = dynamic_cast<P::CalendarSourceContext *>(item)) {
      if (auto text = stringLit(source->STRING()))
        decl->sources.push_back(std::move(*text));
      continue;
    }
    antlr4::Token *from = nullptr, *to = nullptr, *label = nullptr;
    bool holiday = true;
    if (auto *h = dynamic_cast<P::CalendarHolidayContext *>(item)) {
      from = h->from, to = h->to, label = h->label;
    } else if (auto *w = dynamic_cast<P::CalendarWorkdayContext *>(item)) {
      from = w->from, to = w->to, label = w->label;
      holiday = false;
    } else {
      continue;
    }
    ast::CalendarEntry entry;
    entry.holiday = holiday;
    entry.range = range(item);
    entry.label = stringLit(label);
    auto first = date(from);
    auto last = to != nullptr ? date(to) : first;
    if (!first || !last)
      continue;
    entry.from = *first;
    entry.to = *last;
    decl->entries.push_back(std::move(entry));
  }
  return decl;
}

} // namespace xr::syntax
