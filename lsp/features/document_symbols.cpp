// textDocument/documentSymbol: the outline of one file, hierarchical. Domains hold the
// indicators written in the same file that are in them; records hold their fields, enums
// their members, indicators and checks their lets, reports their items. Tests are named by
// their title. Made from the file's AST (what is written there, overrides included), so an
// extension file shows its own changes, not the whole rule set.
#include "lsp/features/features.h"

#include <map>

namespace xr::lsp {

namespace {

using nlohmann::json;

SymbolKind kindOf(ast::DeclKind kind) {
  switch (kind) {
  case ast::DeclKind::Record:
    return SymbolKind::Struct;
  case ast::DeclKind::Enum:
    return SymbolKind::Enum;
  case ast::DeclKind::Param:
    return SymbolKind::Constant;
  case ast::DeclKind::Domain:
    return SymbolKind::Namespace;
  case ast::DeclKind::Indicator:
    return SymbolKind::Class;
  case ast::DeclKind::Check:
    return SymbolKind::Event;
  case ast::DeclKind::Checklist:
    return SymbolKind::Array;
  case ast::DeclKind::Let:
  case ast::DeclKind::Score:
    return SymbolKind::Variable;
  case ast::DeclKind::Table:
    return SymbolKind::Function;
  case ast::DeclKind::Output:
  case ast::DeclKind::Frequency:
    return SymbolKind::Field;
  case ast::DeclKind::Rule:
    return SymbolKind::Method;
  case ast::DeclKind::Escalate:
    return SymbolKind::Event;
  case ast::DeclKind::Deadline:
    return SymbolKind::Constant;
  case ast::DeclKind::Calendar:
  case ast::DeclKind::Report:
    return SymbolKind::Module;
  case ast::DeclKind::Example:
    return SymbolKind::Object;
  case ast::DeclKind::Test:
    return SymbolKind::Method;
  case ast::DeclKind::Retire:
    return SymbolKind::Null;
  }
  return SymbolKind::Object;
}

class Outline {
public:
  explicit Outline(const RequestContext &context) : context_(context) {}

  json symbol(const std::string &name, const std::string &detail, SymbolKind kind,
              SourceRange range, SourceRange selection) const {
    if (!selection.valid() || selection.begin < range.begin || selection.end > range.end)
      selection = SourceRange{range.file, range.begin, range.begin};
    json out = {{"name", name},
                {"kind", static_cast<int>(kind)},
                {"range", context_.range(range)},
                {"selectionRange", context_.range(selection)}};
    if (!detail.empty())
      out["detail"] = detail;
    return out;
  }

  /// The name shown for a declaration; empty when it has none to show (error recovery).
  static std::string nameOf(const ast::Decl &decl) {
    switch (decl.kind) {
    case ast::DeclKind::Test:
      return decl.title ? decl.title->value : std::string("test");
    case ast::DeclKind::Report:
      return decl.name.empty() ? std::string("report") : decl.name.text;
    case ast::DeclKind::Calendar:
      return "calendar " + std::to_string(static_cast<const ast::CalendarDecl &>(decl).year);
    case ast::DeclKind::Frequency:
      return decl.name.empty() ? std::string("frequency") : decl.name.text;
    default:
      return decl.name.text;
    }
  }

  static std::string detailOf(const ast::Decl &decl) {
    std::string detail;
    if (decl.kind == ast::DeclKind::Retire)
      detail = "retire " +
               std::string(ast::declKindName(static_cast<const ast::RetireDecl &>(decl).target));
    else if (decl.isOverride)
      detail = "override " + std::string(ast::declKindName(decl.kind));
    else
      detail = std::string(ast::declKindName(decl.kind));
    if (decl.title && decl.kind != ast::DeclKind::Test)
      detail += " " + decl.title->value;
    return detail;
  }

  json lets(const std::vector<ast::LetItem> &items) const {
    json out = json::array();
    for (const ast::LetItem &let : items)
      if (!let.name.empty())
        out.push_back(
            symbol(let.name.text, "let", SymbolKind::Variable, let.range, let.name.range));
    return out;
  }

  json children(const ast::Decl &decl) const {
    json out = json::array();
    switch (decl.kind) {
    case ast::DeclKind::Record:
      for (const ast::FieldDecl &field : static_cast<const ast::RecordDecl &>(decl).fields)
        if (!field.name.empty())
          out.push_back(symbol(field.name.text, field.title ? field.title->value : "",
                               SymbolKind::Field, field.range, field.name.range));
      break;
    case ast::DeclKind::Enum:
      for (const ast::EnumMember &member : static_cast<const ast::EnumDecl &>(decl).members)
        if (!member.name.empty())
          out.push_back(symbol(member.name.text, member.label ? member.label->value : "",
                               SymbolKind::EnumMember, member.name.range, member.name.range));
      break;
    case ast::DeclKind::Indicator:
      out = lets(static_cast<const ast::IndicatorDecl &>(decl).lets);
      break;
    case ast::DeclKind::Check:
      out = lets(static_cast<const ast::CheckDecl &>(decl).lets);
      break;
    case ast::DeclKind::Report:
      for (const ast::ReportItem &item : static_cast<const ast::ReportDecl &>(decl).items)
        if (!item.name.empty())
          out.push_back(symbol(item.name.text, item.title ? item.title->value : "",
                               SymbolKind::Field, item.range, item.name.range));
      break;
    default:
      break;
    }
    return out;
  }

  json declaration(const ast::Decl &decl) const {
    SourceRange selection = decl.name.range;
    if (decl.kind == ast::DeclKind::Test && decl.title)
      selection = decl.title->range;
    json out = symbol(nameOf(decl), detailOf(decl), kindOf(decl.kind), decl.range, selection);
    json kids = children(decl);
    if (!kids.empty())
      out["children"] = std::move(kids);
    return out;
  }

private:
  const RequestContext &context_;
};

json documentSymbols(const RequestContext &context) {
  const ast::Module *module = context.compilation().module(context.file());
  json out = json::array();
  if (module == nullptr)
    return out;
  Outline outline(context);
  // A domain of this file collects the indicators after it that name it.
  std::map<std::string, std::size_t, std::less<>> domainAt; // name -> index in `out`
  for (const ast::DeclPtr &declPtr : module->decls) {
    const ast::Decl &decl = *declPtr;
    if (Outline::nameOf(decl).empty())
      continue;
    json symbol = outline.declaration(decl);
    if (decl.kind == ast::DeclKind::Indicator) {
      const auto &indicator = static_cast<const ast::IndicatorDecl &>(decl);
      auto home = indicator.domain ? domainAt.find(indicator.domain->text) : domainAt.end();
      if (home != domainAt.end()) {
        json &parent = out[home->second];
        if (!parent.contains("children"))
          parent["children"] = json::array();
        parent["children"].push_back(std::move(symbol));
        continue;
      }
    }
    if (decl.kind == ast::DeclKind::Domain)
      domainAt[decl.name.text] = out.size();
    out.push_back(std::move(symbol));
  }
  return out;
}

} // namespace

void registerDocumentSymbols(FeatureRegistry &registry) {
  registry.addCapabilities([](json &capabilities, const InitializeInfo &) {
    capabilities["documentSymbolProvider"] = true;
  });
  registry.onDocumentRequest(
      "textDocument/documentSymbol",
      [](const json &, const RequestContext &context) -> json { return documentSymbols(context); });
}

} // namespace xr::lsp
