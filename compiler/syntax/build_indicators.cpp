// Domains, indicators, checks and checklists.
#include "compiler/syntax/builder.h"

namespace xr::syntax {

namespace {

ast::MissingPolicyKind policyKind(std::string_view word) {
  if (word == "not_assessed")
    return ast::MissingPolicyKind::NotAssessed;
  if (word == "fail")
    return ast::MissingPolicyKind::Fail;
  if (word == "pass")
    return ast::MissingPolicyKind::Pass;
  if (word == "skip")
    return ast::MissingPolicyKind::Skip;
  if (word == "flag")
    return ast::MissingPolicyKind::Flag;
  return ast::MissingPolicyKind::Invalid;
}

} // namespace

ast::LetItem AstBuilder::letItem(P::NameContext *name, P::ExprContext *value,
                                 antlr4::ParserRuleContext *whole) {
  ast::LetItem item;
  item.id = nextId();
  item.name = ident(name);
  item.value = expr(value);
  item.range = range(whole);
  return item;
}

ast::MissingPolicy AstBuilder::missingPolicy(P::MissingPolicyContext *context) {
  ast::MissingPolicy policy;
  if (context == nullptr)
    return policy;
  policy.range = range(context);
  if (P::NumberLiteralContext *score = context->numberLiteral()) {
    policy.kind = ast::MissingPolicyKind::Score;
    policy.score = number(score).value_or(0);
    policy.written = {"score", range(context->start)};
    return policy;
  }
  policy.written = ident(context->name());
  policy.kind = policyKind(policy.written.text);
  return policy;
}

ast::DeclPtr AstBuilder::domain(P::DomainDeclContext *context) {
  auto decl = start<ast::DomainDecl>(context, context->name(), context->title);
  decl->weight = weight(context->weightSpec());
  return decl;
}

ast::DeclPtr AstBuilder::indicator(P::IndicatorDeclContext *context) {
  P::NameContext *name = context->name(0);
  if (name == context->domain)
    name = nullptr;
  auto decl = start<ast::IndicatorDecl>(context, name, context->title);
  ClauseTracker clauses(*this, "indicator " + decl->name.text);
  if (decl->title)
    clauses.first("title", decl->title->range);
  if (context->domain != nullptr) {
    decl->domain = ident(context->domain);
    clauses.first("in", cover(range(keyword(context, "in")), range(context->domain)));
  }
  if (P::WeightSpecContext *w = context->weightSpec()) {
    decl->weight = weight(w);
    clauses.first("weight", range(w));
  }
  if (P::SeverityContext *s = context->severity()) {
    decl->severity = severity(s);
    decl->severityRange = range(s);
    clauses.first("severity", range(s));
  }
  P::IndicatorBodyContext *body = context->indicatorBody();
  if (body == nullptr)
    return decl;
  for (P::IndicatorItemContext *item : body->indicatorItem()) {
    SourceRange at = range(item);
    if (auto *basis = dynamic_cast<P::BasisItemContext *>(item)) {
      if (auto text = stringLit(basis->STRING()))
        decl->basis.push_back(std::move(*text));
    } else if (auto *let = dynamic_cast<P::LetItemContext *>(item)) {
      decl->lets.push_back(letItem(let->name(), let->expr(), let));
    } else if (auto *score = dynamic_cast<P::ScoreItemContext *>(item)) {
      if (clauses.first("score", at))
        decl->score = expr(score->expr());
    } else if (auto *pass = dynamic_cast<P::PassItemContext *>(item)) {
      if (clauses.first("pass", at))
        decl->pass = expr(pass->expr());
    } else if (auto *missing = dynamic_cast<P::MissingItemContext *>(item)) {
      if (clauses.first("missing", at))
        decl->missing = missingPolicy(missing->missingPolicy());
    } else if (auto *w = dynamic_cast<P::WeightItemContext *>(item)) {
      if (clauses.first("weight", at))
        decl->weight = weight(w->weightSpec());
    } else if (auto *s = dynamic_cast<P::SeverityItemContext *>(item)) {
      if (clauses.first("severity", at)) {
        decl->severity = severity(s->severity());
        decl->severityRange = range(s->severity());
      }
    } else if (auto *in = dynamic_cast<P::DomainItemContext *>(item)) {
      if (clauses.first("in", at))
        decl->domain = ident(in->name());
    } else if (auto *title = dynamic_cast<P::TitleItemContext *>(item)) {
      auto text = stringLit(title->STRING());
      if (text && clauses.first("title", at))
        decl->title = std::move(text);
    }
  }
  return decl;
}

ast::DeclPtr AstBuilder::check(P::CheckDeclContext *context) {
  auto decl = start<ast::CheckDecl>(context, context->name(), context->title);
  ClauseTracker clauses(*this, "check " + decl->name.text);
  for (P::CheckItemContext *item : context->checkItem()) {
    SourceRange at = range(item);
    if (auto *when = dynamic_cast<P::CheckWhenItemContext *>(item)) {
      if (clauses.first("when", at))
        decl->when = expr(when->expr());
    } else if (auto *flag = dynamic_cast<P::CheckFlagItemContext *>(item)) {
      ast::Ident name = ident(flag->name());
      if (!name.empty())
        decl->flags.push_back(std::move(name));
    } else if (auto *let = dynamic_cast<P::CheckLetItemContext *>(item)) {
      decl->lets.push_back(letItem(let->name(), let->expr(), let));
    } else if (auto *missing = dynamic_cast<P::CheckMissingItemContext *>(item)) {
      if (clauses.first("missing", at))
        decl->missing = missingPolicy(missing->missingPolicy());
    } else if (auto *basis = dynamic_cast<P::CheckBasisItemContext *>(item)) {
      if (auto text = stringLit(basis->STRING()))
        decl->basis.push_back(std::move(*text));
    }
  }
  return decl;
}

ast::DeclPtr AstBuilder::checklist(P::ChecklistDeclContext *context) {
  auto decl = start<ast::ChecklistDecl>(context, context->name(), context->title);
  decl->selector = expr(context->selector);
  P::ChecklistBodyContext *body = context->checklistBody();
  P::NameListContext *names = nullptr;
  if (auto *all = dynamic_cast<P::AllIndicatorsContext *>(body)) {
    decl->all = true;
    names = all->nameList();
  } else if (auto *listed = dynamic_cast<P::ListedIndicatorsContext *>(body)) {
    names = listed->nameList();
  }
  if (names != nullptr) {
    for (P::NameContext *n : names->name()) {
      ast::Ident item = ident(n);
      if (!item.empty())
        decl->items.push_back(std::move(item));
    }
  }
  return decl;
}

} // namespace xr::syntax
