#pragma once
// Whether two expressions say the same thing, whatever their layout, comments and the files
// they come from: `diff` compares the logic of two rule sets with it, so re-formatting a rule
// file (or moving a declaration) is not reported as a change.
#include "compiler/ast/ast.h"

namespace xr::inspect {

/// Structural equality of two expression trees: the same kinds, operators, names and literal
/// values, ignoring source ranges and node ids. Two nulls are equal; an error node equals
/// nothing.
bool sameExpr(const ast::Expr *a, const ast::Expr *b);

} // namespace xr::inspect
