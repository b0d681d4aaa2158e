#include "compiler/query/code_actions.h"

#include "compiler/query/rename.h"
#include "compiler/query/syntax_walk.h"

#include <fmt/format.h>

namespace xr::query {

namespace {

std::string_view textAt(const Compilation &c, SourceRange r) {
  const std::string &text = c.sources.file(r.file).text();
  if (r.end > text.size() || r.begin > r.end)
    return {};
  return std::string_view(text).substr(r.begin, r.end - r.begin);
}

/// A type a person can write for `type`, or "" (an inline enum has no name to write).
std::string writable(const sema::Model &m, const Type &type) {
  if (type.isError())
    return "";
  if (type.kind == TypeKind::Enum) {
    if (type.enumId >= m.enums.size())
      return "";
    const std::string &name = m.enums.get(type.enumId).name;
    auto ref = m.lookup(name);
    return ref && ref->kind == sema::SymbolKind::Enum ? name : "";
  }
  if (type.kind == TypeKind::Set || type.kind == TypeKind::Status ||
      type.kind == TypeKind::Duration)
    return "";
  return typeName(type.required(), &m.enums);
}

bool isCondition(const ast::Decl &decl, const ast::Expr &root) {
  switch (decl.kind) {
  case ast::DeclKind::Indicator:
    return static_cast<const ast::IndicatorDecl &>(decl).pass.get() == &root;
  case ast::DeclKind::Check:
    return static_cast<const ast::CheckDecl &>(decl).when.get() == &root;
  case ast::DeclKind::Rule:
    return static_cast<const ast::RuleDecl &>(decl).when.get() == &root;
  case ast::DeclKind::Escalate:
    return static_cast<const ast::EscalateDecl &>(decl).when.get() == &root;
  case ast::DeclKind::Checklist:
    return static_cast<const ast::ChecklistDecl &>(decl).selector.get() == &root;
  case ast::DeclKind::Table:
    for (const ast::TableRow &row : static_cast<const ast::TableDecl &>(decl).rows)
      if (row.condition.get() == &root)
        return true;
    return false;
  default:
    return false;
  }
}

/// The type a name written at `range` would need, judged from its parent expression.
std::string guessType(const Compilation &c, SourceRange range) {
  const sema::Model &m = *c.model;
  const ast::Module *module = c.module(range.file);
  if (!module)
    return "number";
  std::vector<const ast::Expr *> path = expressionsAt(*module, range.begin);
  if (path.empty())
    return "number";
  if (path.size() == 1) {
    const ast::Decl *decl = declarationAt(*module, range.begin);
    return decl && isCondition(*decl, *path.back()) ? "bool" : "number";
  }
  const ast::Expr &self = *path.back();
  const ast::Expr &parent = *path[path.size() - 2];
  switch (parent.kind) {
  case ast::ExprKind::Binary: {
    const auto &b = ast::as<ast::BinaryExpr>(parent);
    switch (b.op) {
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or:
      return "bool";
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub:
    case ast::BinaryOp::Mul:
    case ast::BinaryOp::Div:
      return "number";
    default: {
      const ast::Expr *other = b.lhs.get() == &self ? b.rhs.get() : b.lhs.get();
      if (other)
        if (const Type *t = m.typeOf(*other)) {
          std::string w = writable(m, *t);
          if (!w.empty())
            return b.op == ast::BinaryOp::Coalesce ? w + "?" : w;
        }
      return "number";
    }
    }
  }
  case ast::ExprKind::Unary:
    return ast::as<ast::UnaryExpr>(parent).op == ast::UnaryOp::Not ? "bool" : "number";
  case ast::ExprKind::If:
    return ast::as<ast::IfExpr>(parent).cond.get() == &self ? "bool" : "number";
  case ast::ExprKind::IsMissing:
    return "number?";
  default:
    return "number";
  }
}

} // namespace

std::optional<CodeAction> declareFieldAction(const Compilation &c, const Diagnostic &d) {
  if (!c.model || !c.model->record || d.code != DiagCode::UnknownName || !d.range.valid())
    return std::nullopt;
  std::string name(textAt(c, d.range));
  if (!identifierProblem(name).empty() || d.message.find("is retired") != std::string::npos)
    return std::nullopt;
  const ast::RecordDecl &record = *c.model->record;
  const std::string &text = c.sources.file(record.range.file).text();
  std::size_t close = text.rfind('}', record.range.end == 0 ? 0 : record.range.end - 1);
  if (close == std::string::npos || close < record.range.begin)
    return std::nullopt;
  std::string type = guessType(c, d.range);
  // On a line of its own, indented as the last field; in a one-line record, before the `}`.
  std::size_t lineStart = text.rfind('\n', close == 0 ? 0 : close - 1);
  lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
  bool ownLine = text.find_first_not_of(" \t", lineStart) == close;
  std::string indent = "  ";
  if (!record.fields.empty()) {
    const SourceRange last = record.fields.back().range;
    std::size_t fieldLine = text.rfind('\n', last.begin == 0 ? 0 : last.begin - 1);
    fieldLine = fieldLine == std::string::npos ? 0 : fieldLine + 1;
    if (fieldLine < last.begin && text.find_first_not_of(" \t", fieldLine) == last.begin)
      indent = text.substr(fieldLine, last.begin - fieldLine);
  }
  CodeAction action;
  action.title = fmt::format("declare field '{}: {}' in record {}", name, type, record.name.text);
  action.diagnostic = d;
  SourceRange at{record.range.file, static_cast<std::uint32_t>(ownLine ? lineStart : close),
                 static_cast<std::uint32_t>(ownLine ? lineStart : close)};
  action.edits.push_back(
      {at, ownLine ? indent + name + ": " + type + "\n" : name + ": " + type + " "});
  return action;
}

std::optional<CodeAction> addOtherwiseAction(const Compilation &c, FileId file,
                                             std::uint32_t offset) {
  const ast::Module *module = c.module(file);
  if (!module)
    return std::nullopt;
  const ast::Decl *decl = declarationAt(*module, offset);
  if (!decl || decl->kind != ast::DeclKind::Table)
    return std::nullopt;
  const auto &table = static_cast<const ast::TableDecl &>(*decl);
  if (table.rows.empty())
    return std::nullopt;
  for (const ast::TableRow &row : table.rows)
    if (row.otherwise())
      return std::nullopt;
  const ast::TableRow &last = table.rows.back();
  if (!last.outcome || !last.range.valid())
    return std::nullopt;
  std::string outcome(textAt(c, last.outcome->range));
  const std::string &text = c.sources.file(file).text();
  // The new row goes on a line of its own, indented as the last row when that row starts
  // its line; else on the last row's line.
  std::size_t lineStart = text.rfind('\n', last.range.begin == 0 ? 0 : last.range.begin - 1);
  lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
  bool ownLine = text.find_first_not_of(" \t", lineStart) == last.range.begin;
  std::string separator =
      ownLine ? "\n" + text.substr(lineStart, last.range.begin - lineStart) : std::string(" ");
  CodeAction action;
  action.title =
      fmt::format("add `otherwise => {}` as the last row of table {}", outcome, table.name.text);
  action.edits.push_back(
      {{file, last.range.end, last.range.end}, separator + "otherwise => " + outcome});
  return action;
}

std::vector<CodeAction> codeActionsIn(const Compilation &c, FileId file, std::uint32_t begin,
                                      std::uint32_t end) {
  std::vector<CodeAction> out;
  for (const Diagnostic &d : c.sortedDiagnostics()) {
    if (d.range.file != file || d.range.begin > end || d.range.end < begin)
      continue;
    for (const Fix &fix : d.fixes)
      out.push_back({fix.message, d, fix.edits, d.fixes.size() == 1});
    if (auto declare = declareFieldAction(c, d))
      out.push_back(std::move(*declare));
  }
  bool otherwiseOffered = false;
  for (const CodeAction &a : out)
    otherwiseOffered = otherwiseOffered || a.title.find("otherwise") != std::string::npos;
  if (!otherwiseOffered)
    if (auto otherwise = addOtherwiseAction(c, file, begin))
      out.push_back(std::move(*otherwise));
  return out;
}

} // namespace xr::query
