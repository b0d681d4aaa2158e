#pragma once
// Finding things in a module by byte offset: the declaration and the chain of expressions
// under a position. The language-server queries start here when the model's side tables
// (references, types) need an AST node to look up.
#include "compiler/ast/ast.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace xr::query {

/// Calls `visit` on every expression written directly in `decl` (not on sub-expressions),
/// in source order. Null expressions (parts error recovery left out) are skipped.
void forEachRootExpr(const ast::Decl &decl, const std::function<void(const ast::Expr &)> &visit);

/// The top-level declaration of `module` whose range contains `offset`, or null.
const ast::Decl *declarationAt(const ast::Module &module, std::uint32_t offset);

/// The expressions containing `offset`, outermost first, innermost last (empty when none).
std::vector<const ast::Expr *> expressionsAt(const ast::Module &module, std::uint32_t offset);

} // namespace xr::query
