// The schema: the record, enums, params and type references.
#include "compiler/syntax/builder.h"

namespace xr::syntax {

ast::EnumMember AstBuilder::enumMember(P::EnumMemberContext *context) {
  ast::EnumMember member;
  if (context == nullptr)
    return member;
  member.name = ident(context->name());
  member.label = stringLit(context->label);
  return member;
}

ast::TypeRef AstBuilder::typeRef(P::TypeRefContext *context) {
  ast::TypeRef type;
  if (context == nullptr)
    return type;
  type.range = range(context);
  type.optional = present(context->optional);
  P::BaseTypeContext *base = context->baseType();
  if (auto *named = dynamic_cast<P::NamedTypeContext *>(base)) {
    type.name = ident(named->name());
  } else if (auto *inline_ = dynamic_cast<P::InlineEnumTypeContext *>(base)) {
    type.inlineEnum = true;
    for (P::EnumMemberContext *m : inline_->enumMember())
      type.members.push_back(enumMember(m));
  }
  return type;
}

ast::DeclPtr AstBuilder::record(P::RecordDeclContext *context) {
  auto decl = start<ast::RecordDecl>(context, context->name(), nullptr);
  for (P::FieldDeclContext *f : context->fieldDecl()) {
    ast::FieldDecl field;
    field.id = nextId();
    field.range = range(f);
    field.name = ident(f->name());
    field.type = typeRef(f->typeRef());
    ClauseTracker clauses(*this, "field " + field.name.text);
    for (P::FieldModifierContext *m : f->fieldModifier()) {
      if (dynamic_cast<P::KeyModifierContext *>(m) != nullptr) {
        if (clauses.first("key", range(m)))
          field.key = true;
      } else if (auto *unit = dynamic_cast<P::UnitModifierContext *>(m)) {
        auto text = stringLit(unit->STRING());
        if (text && clauses.first("unit", range(m)))
          field.unit = std::move(text);
      } else if (auto *title = dynamic_cast<P::TitleModifierContext *>(m)) {
        auto text = stringLit(title->STRING());
        if (text && clauses.first("title", range(m)))
          field.title = std::move(text);
      }
    }
    decl->fields.push_back(std::move(field));
  }
  return decl;
}

ast::DeclPtr AstBuilder::enumeration(P::EnumDeclContext *context) {
  auto decl = start<ast::EnumDecl>(context, context->name(), context->title);
  for (P::EnumMemberContext *m : context->enumMember())
    decl->members.push_back(enumMember(m));
  return decl;
}

ast::DeclPtr AstBuilder::param(P::ParamDeclContext *context) {
  auto decl = start<ast::ParamDecl>(context, context->name(), context->title);
  decl->type = typeRef(context->typeRef());
  decl->unit = stringLit(context->unit);
  if (P::ExprContext *value = context->expr())
    decl->defaultValue = expr(value);
  return decl;
}

} // namespace xr::syntax
