#pragma once
// ANTLR's recursive-descent parser recurses once (or more) per bracket, per prefix operator
// (`not`, unary `-`, `if`) and per right-associative `??`; 100000 `(` in a row overflow the
// stack before any AST exists. This pre-scan measures that nesting on the token list and
// finds where it passes the limit, so such input never reaches the parser.
#include "antlr4-runtime.h"

#include <memory>
#include <optional>
#include <vector>

namespace xr::syntax {

/// The nesting limit actually applied: Limits::maxNestingDepth, but never so deep that
/// ANTLR's recursion (several frames per level) could exhaust the stack.
std::size_t effectiveDepthLimit(std::size_t configured);

/// The index of the token at which the nesting first exceeds `limit`, if it does.
std::optional<std::size_t>
findNestingOverflow(const std::vector<std::unique_ptr<antlr4::Token>> &tokens, std::size_t limit);

} // namespace xr::syntax
