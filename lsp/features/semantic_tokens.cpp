// textDocument/semanticTokens/full and /range: every token of the file classified from the
// compiler's own data: the lexer's tokens (compiler/syntax/token_scan.h: keywords, strings,
// numbers and dates, comments) and, for names, what sema resolved them to (Model::references,
// which also holds each declared name: those get the `declaration` modifier). A name sema
// could not resolve gets no token (the editor's grammar colours it); the record's name is
// `type`. Built-in type names in
// type positions are `type` with `defaultLibrary`. Tokens over several lines (block
// comments) are split per line, so clients without multiline support show them.
#include "lsp/features/semantic_tokens.h"
#include "compiler/syntax/token_scan.h"
#include "lsp/features/features.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace xr::lsp {

namespace {

using nlohmann::json;

enum TokenType : std::uint32_t {
  kNamespace,
  kType,
  kEnum,
  kEnumMember,
  kParameter,
  kVariable,
  kProperty,
  kFunction,
  kMethod,
  kKeyword,
  kComment,
  kString,
  kNumber,
  kOperator,
  kClass,
  kEvent,
};

enum TokenModifier : std::uint32_t {
  kDeclaration = 1u << 0,
  kReadonly = 1u << 1,
  kDefaultLibrary = 1u << 2,
};

struct Classified {
  std::uint32_t type = 0;
  std::uint32_t modifiers = 0;
};

Classified classify(sema::SymbolKind kind) {
  using K = sema::SymbolKind;
  switch (kind) {
  case K::Field:
    return {kProperty, 0};
  case K::Param:
    return {kParameter, kReadonly};
  case K::Enum:
    return {kEnum, 0};
  case K::EnumMember:
    return {kEnumMember, 0};
  case K::Domain:
    return {kNamespace, 0};
  case K::Indicator:
    return {kClass, 0};
  case K::IndicatorLet:
  case K::CheckLet:
  case K::Let:
  case K::Score:
  case K::Example:
    return {kVariable, 0};
  case K::Check:
  case K::Escalate:
    return {kEvent, 0};
  case K::Checklist:
    return {kVariable, 0};
  case K::Table:
    return {kFunction, 0};
  case K::Output:
  case K::ReportItem:
    return {kProperty, 0};
  case K::Rule:
    return {kMethod, 0};
  case K::Deadline:
    return {kVariable, kReadonly};
  case K::Calendar:
  case K::Report:
    return {kNamespace, 0};
  case K::Builtin:
  case K::Aggregate:
    return {kFunction, kDefaultLibrary};
  }
  return {kVariable, 0};
}

bool isOperator(std::string_view text) {
  static const std::string_view operators[] = {"+",  "-", "*",  "/", "==", "!=", "<",
                                               "<=", ">", ">=", "=", "=>", "??", "%"};
  return std::find(std::begin(operators), std::end(operators), text) != std::end(operators);
}

struct Token {
  std::uint32_t begin = 0, end = 0;
  Classified what;
};

/// Names in type positions (`id: text`, `param p: date`) that name a built-in type.
void addTypeNames(const ast::Module &module, std::map<std::uint32_t, Classified> &names) {
  static const std::string_view builtins[] = {"bool", "int", "number", "text", "date", "duration"};
  auto add = [&](const ast::TypeRef &type) {
    if (type.name.empty() || !type.name.range.valid())
      return;
    if (std::find(std::begin(builtins), std::end(builtins), type.name.text) != std::end(builtins))
      names.emplace(type.name.range.begin, Classified{kType, kDefaultLibrary});
  };
  for (const ast::DeclPtr &decl : module.decls) {
    switch (decl->kind) {
    case ast::DeclKind::Record:
      for (const ast::FieldDecl &field : static_cast<const ast::RecordDecl &>(*decl).fields)
        add(field.type);
      break;
    case ast::DeclKind::Param:
      add(static_cast<const ast::ParamDecl &>(*decl).type);
      break;
    case ast::DeclKind::Output:
      add(static_cast<const ast::OutputDecl &>(*decl).type);
      break;
    case ast::DeclKind::Table:
      if (const auto &type = static_cast<const ast::TableDecl &>(*decl).outcomeType)
        add(*type);
      break;
    default:
      break;
    }
  }
}

std::vector<Token> classifiedTokens(const Compilation &compilation, FileId file,
                                    const std::string &text) {
  std::map<std::uint32_t, Classified> names; // by the name's first byte
  std::string recordName;
  std::uint32_t recordDeclaredAt = ~std::uint32_t{0};
  if (compilation.model) {
    const sema::Model &model = *compilation.model;
    recordName = model.recordName;
    if (model.record != nullptr && model.record->name.range.file == file)
      recordDeclaredAt = model.record->name.range.begin;
    if (const ast::Module *module = compilation.module(file))
      addTypeNames(*module, names);
    for (const sema::Reference &reference : model.references) {
      if (reference.range.file != file)
        continue;
      Classified what = classify(reference.target.kind);
      if (model.locationOf(reference.target).name == reference.range)
        what.modifiers |= kDeclaration;
      names[reference.range.begin] = what;
    }
  }

  syntax::ScannedTokens scanned = syntax::scanTokens(text);
  std::vector<Token> out;
  out.reserve(scanned.tokens.size() + scanned.comments.size());
  for (const syntax::ConcreteToken &token : scanned.tokens) {
    auto name = names.find(token.begin);
    if (name != names.end()) {
      out.push_back({token.begin, token.end, name->second});
      continue;
    }
    if (token.kind == syntax::TokenClass::Name && !recordName.empty() && token.text == recordName) {
      // The record's name (its declaration, record literals in tests) is the input type.
      std::uint32_t modifiers = token.begin == recordDeclaredAt ? std::uint32_t{kDeclaration} : 0u;
      out.push_back({token.begin, token.end, {kType, modifiers}});
      continue;
    }
    switch (token.kind) {
    case syntax::TokenClass::Literal:
      if (!token.text.empty() && std::isalpha(static_cast<unsigned char>(token.text[0])))
        out.push_back({token.begin, token.end, {kKeyword, 0}});
      else if (isOperator(token.text))
        out.push_back({token.begin, token.end, {kOperator, 0}});
      break;
    case syntax::TokenClass::String:
      out.push_back({token.begin, token.end, {kString, 0}});
      break;
    case syntax::TokenClass::Integer:
    case syntax::TokenClass::Number:
    case syntax::TokenClass::Date:
      out.push_back({token.begin, token.end, {kNumber, 0}});
      break;
    case syntax::TokenClass::Name:
      break; // unresolved: no token
    }
  }
  for (const ast::Comment &comment : scanned.comments)
    out.push_back({comment.range.begin, comment.range.end, {kComment, 0}});
  std::sort(out.begin(), out.end(),
            [](const Token &a, const Token &b) { return a.begin < b.begin; });
  return out;
}

/// The protocol's relative encoding: 5 integers per token, split at line ends.
json encode(const std::vector<Token> &tokens, const PositionConverter &positions,
            std::uint32_t from, std::uint32_t to) {
  json data = json::array();
  Position previous{0, 0};
  auto emit = [&](Position start, std::uint32_t length, Classified what) {
    if (length == 0)
      return;
    std::uint32_t deltaLine = start.line - previous.line;
    std::uint32_t deltaStart =
        deltaLine == 0 ? start.character - previous.character : start.character;
    data.push_back(deltaLine);
    data.push_back(deltaStart);
    data.push_back(length);
    data.push_back(what.type);
    data.push_back(what.modifiers);
    previous = start;
  };
  for (const Token &token : tokens) {
    if (token.end <= from || token.begin >= to)
      continue;
    Position start = positions.position(token.begin);
    Position end = positions.position(token.end);
    for (std::uint32_t line = start.line; line <= end.line; ++line) {
      Position lineBegin = line == start.line ? start : Position{line, 0};
      std::uint32_t lineEndCharacter =
          line == end.line ? end.character : positions.position(positions.lineEnd(line)).character;
      if (lineEndCharacter > lineBegin.character)
        emit(lineBegin, lineEndCharacter - lineBegin.character, token.what);
    }
  }
  return data;
}

} // namespace

json semanticTokensLegend() {
  return {
      {"tokenTypes",
       {"namespace", "type", "enum", "enumMember", "parameter", "variable", "property", "function",
        "method", "keyword", "comment", "string", "number", "operator", "class", "event"}},
      {"tokenModifiers", {"declaration", "readonly", "defaultLibrary"}}};
}

json semanticTokens(const Compilation &compilation, FileId file, const std::string &text,
                    const PositionConverter &positions, std::uint32_t from, std::uint32_t to) {
  return encode(classifiedTokens(compilation, file, text), positions, from, to);
}

void registerSemanticTokens(FeatureRegistry &registry) {
  registry.addCapabilities([](json &capabilities, const InitializeInfo &) {
    capabilities["semanticTokensProvider"] = {
        {"legend", semanticTokensLegend()}, {"full", true}, {"range", true}};
  });
  registry.onDocumentRequest(
      "textDocument/semanticTokens/full", [](const json &, const RequestContext &context) -> json {
        const std::string &text = *context.snapshot().root.text;
        return {{"data",
                 semanticTokens(context.compilation(), context.file(), text, context.positions(), 0,
                                static_cast<std::uint32_t>(text.size()))}};
      });
  registry.onDocumentRequest(
      "textDocument/semanticTokens/range",
      [](const json &params, const RequestContext &context) -> json {
        Range range = params.at("range").get<Range>();
        const std::string &text = *context.snapshot().root.text;
        return {{"data",
                 semanticTokens(context.compilation(), context.file(), text, context.positions(),
                                context.offset(range.start), context.offset(range.end))}};
      });
}

} // namespace xr::lsp
