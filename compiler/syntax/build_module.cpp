// The file level: header, imports, and the dispatch to each kind of declaration.
#include "compiler/syntax/builder.h"

#include <fmt/format.h>

namespace xr::syntax {

void AstBuilder::buildModule(P::FileContext *file, ast::Module &module) {
  if (file == nullptr)
    return;
  if (P::HeaderContext *h = file->header()) {
    ast::Header header;
    header.range = range(h);
    header.title = stringLit(h->title).value_or(
        ast::StringLit{std::string(), {header.range.file, header.range.begin, header.range.begin}});
    header.version = integer(h->version).value_or(0);
    header.extends = stringLit(h->base);
    module.header = std::move(header);
  }
  for (P::ImportDeclContext *i : file->importDecl()) {
    if (auto path = stringLit(i->path))
      module.imports.push_back({std::move(*path), range(i)});
  }
  for (P::DeclarationContext *d : file->declaration()) {
    if (module.decls.size() >= limits_.maxDeclarations) {
      diagnostics_.report(DiagCode::LimitExceeded, range(d),
                          fmt::format("more than {} declarations in one file; split it with "
                                      "`import`",
                                      limits_.maxDeclarations));
      break;
    }
    if (ast::DeclPtr decl = declaration(d))
      module.decls.push_back(std::move(decl));
  }
}

ast::DeclPtr AstBuilder::declaration(P::DeclarationContext *c) {
  if (c == nullptr)
    return nullptr;
  if (auto *x = c->recordDecl())
    return record(x);
  if (auto *x = c->enumDecl())
    return enumeration(x);
  if (auto *x = c->paramDecl())
    return param(x);
  if (auto *x = c->domainDecl())
    return domain(x);
  if (auto *x = c->indicatorDecl())
    return indicator(x);
  if (auto *x = c->checkDecl())
    return check(x);
  if (auto *x = c->checklistDecl())
    return checklist(x);
  if (auto *x = c->letDecl())
    return let(x);
  if (auto *x = c->scoreDecl())
    return score(x);
  if (auto *x = c->tableDecl())
    return table(x);
  if (auto *x = c->outputDecl())
    return output(x);
  if (auto *x = c->frequencyDecl())
    return frequency(x);
  if (auto *x = c->ruleDecl())
    return rule(x);
  if (auto *x = c->escalateDecl())
    return escalate(x);
  if (auto *x = c->deadlineDecl())
    return deadline(x);
  if (auto *x = c->calendarDecl())
    return calendar(x);
  if (auto *x = c->reportDecl())
    return report(x);
  if (auto *x = c->exampleDecl())
    return example(x);
  if (auto *x = c->testDecl())
    return test(x);
  if (auto *x = c->retireDecl())
    return retire(x);
  if (P::OverrideDeclContext *outer = c->overrideDecl()) {
    // `override override x` is one override; unwrap without recursing.
    P::DeclarationContext *inner = outer->declaration();
    while (inner != nullptr && inner->overrideDecl() != nullptr)
      inner = inner->overrideDecl()->declaration();
    ast::DeclPtr decl = declaration(inner);
    if (decl) {
      decl->isOverride = true;
      decl->range = range(outer);
    }
    return decl;
  }
  return nullptr;
}

} // namespace xr::syntax
