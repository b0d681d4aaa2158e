#pragma once
// A readable, deterministic dump of an AST: one node per line, indented by depth, with the
// node kind, its key attributes and `@line:col` of where it starts. Used by
// `xuncha check --emit=ast` and by golden tests.
#include "compiler/ast/ast.h"

#include <string>

namespace xr {

std::string dumpAst(const ast::Module &module, const SourceFile &file);

} // namespace xr
