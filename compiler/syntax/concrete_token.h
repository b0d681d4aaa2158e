#pragma once
// One ANTLR token as the plain data of ConcreteToken, for the formatter's concrete tree and the
// language server's token scan: both must agree on a token's class and bytes.
#include "compiler/source/source.h"
#include "compiler/syntax/concrete_syntax.h"
#include "compiler/syntax/token_positions.h"

#include "antlr4-runtime.h"

namespace xr::syntax {

/// The token's class, its source bytes in `file` and their byte range.
ConcreteToken concreteToken(const antlr4::Token &token, const TokenPositions &positions,
                            const SourceFile &file);

} // namespace xr::syntax
