#include "compiler/query/symbols.h"

#include "compiler/query/syntax_walk.h"

#include <algorithm>

namespace xr::query {

namespace {

bool before(const SourceRange &a, const SourceRange &b) {
  if (a.file != b.file)
    return a.file < b.file;
  if (a.begin != b.begin)
    return a.begin < b.begin;
  return a.end < b.end;
}

/// The `retire` whose name lies under `offset`.
const sema::RetiredInfo *retiredAt(const sema::Model &model, FileId file, std::uint32_t offset) {
  for (const sema::RetiredInfo &r : model.retired) {
    if (r.retiredAt.file != file || !r.retiredAt.contains(offset))
      continue;
    return &r;
  }
  return nullptr;
}

} // namespace

FileId fileNamed(const Compilation &compilation, std::string_view path) {
  return compilation.sources.find(path);
}

std::optional<SymbolHit> symbolAt(const Compilation &compilation, FileId file,
                                  std::uint32_t offset) {
  if (!compilation.model)
    return std::nullopt;
  // A name whose range starts at or before the offset and ends at or after it; one that
  // truly contains the offset beats one that merely ends there (`a+b` with the cursor on +).
  const sema::Reference *best = nullptr;
  for (const sema::Reference &ref : compilation.model->references) {
    if (ref.range.file != file || !ref.range.contains(offset))
      continue;
    bool inside = offset < ref.range.end;
    bool bestInside = best && offset < best->range.end;
    if (!best || (inside && !bestInside) ||
        (inside == bestInside &&
         ref.range.end - ref.range.begin < best->range.end - best->range.begin))
      best = &ref;
  }
  if (best)
    return SymbolHit{best->target, best->range};
  // Calls are resolved but not references (a built-in or aggregate is declared nowhere).
  if (const ast::Module *module = compilation.module(file)) {
    std::vector<const ast::Expr *> path = expressionsAt(*module, offset);
    if (!path.empty() && path.back()->kind == ast::ExprKind::Call) {
      const auto &call = ast::as<ast::CallExpr>(*path.back());
      if (call.callee.range.contains(offset))
        if (auto target = compilation.model->resolution(call))
          return SymbolHit{*target, call.callee.range};
    }
  }
  return std::nullopt;
}

std::optional<SourceRange> declarationOf(const Compilation &compilation, sema::SymbolRef symbol) {
  if (!compilation.model || symbol.kind == sema::SymbolKind::Builtin ||
      symbol.kind == sema::SymbolKind::Aggregate)
    return std::nullopt;
  SourceRange name = compilation.model->locationOf(symbol).name;
  if (!name.valid())
    return std::nullopt;
  return name;
}

std::optional<SourceRange> definitionAt(const Compilation &compilation, FileId file,
                                        std::uint32_t offset) {
  if (auto hit = symbolAt(compilation, file, offset))
    return declarationOf(compilation, hit->symbol);
  if (!compilation.model)
    return std::nullopt;
  if (const sema::RetiredInfo *r = retiredAt(*compilation.model, file, offset))
    if (r->where.name.valid())
      return r->where.name;
  return std::nullopt;
}

std::optional<RetiredHit> retiredNameAt(const Compilation &compilation, FileId file,
                                        std::uint32_t offset) {
  if (!compilation.model)
    return std::nullopt;
  const sema::RetiredInfo *r = retiredAt(*compilation.model, file, offset);
  if (!r || r->name.empty())
    return std::nullopt;
  // The retired name is the last word of `retire <kind> NAME`.
  const std::string &text = compilation.sources.file(file).text();
  if (r->retiredAt.end > text.size())
    return std::nullopt;
  std::string_view written =
      std::string_view(text).substr(r->retiredAt.begin, r->retiredAt.end - r->retiredAt.begin);
  std::size_t at = written.rfind(r->name);
  if (at == std::string_view::npos)
    return std::nullopt;
  auto begin = static_cast<std::uint32_t>(r->retiredAt.begin + at);
  SourceRange name{file, begin, begin + static_cast<std::uint32_t>(r->name.size())};
  if (!name.contains(offset))
    return std::nullopt;
  return RetiredHit{r, name};
}

std::vector<SourceRange> referencesTo(const Compilation &compilation, sema::SymbolRef symbol,
                                      bool includeDeclaration) {
  std::vector<SourceRange> out;
  if (!compilation.model)
    return out;
  std::optional<SourceRange> declaration = declarationOf(compilation, symbol);
  for (const sema::Reference &ref : compilation.model->references) {
    if (!(ref.target == symbol) || !ref.range.valid())
      continue;
    if (!includeDeclaration && declaration && ref.range == *declaration)
      continue;
    out.push_back(ref.range);
  }
  if (includeDeclaration && declaration &&
      std::find(out.begin(), out.end(), *declaration) == out.end())
    out.push_back(*declaration);
  std::sort(out.begin(), out.end(), before);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace xr::query
