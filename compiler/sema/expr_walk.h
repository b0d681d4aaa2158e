#pragma once
// Generic traversal of expression trees, for passes that only need to see every node (name
// uses, dependencies, unused declarations) without caring about each expression kind.
#include "compiler/ast/ast.h"

#include <functional>

namespace xr::sema {

/// Calls `visit` on each direct sub-expression of `e`, left to right.
void forEachChild(const ast::Expr &e, const std::function<void(const ast::Expr &)> &visit);

/// Calls `visit` on `e` and every expression below it, parents before children, left to
/// right. A null `e` is allowed and visits nothing. Depth is bounded by the parser's nesting
/// limit, so plain recursion is safe.
void walkExpr(const ast::Expr *e, const std::function<void(const ast::Expr &)> &visit);

} // namespace xr::sema
