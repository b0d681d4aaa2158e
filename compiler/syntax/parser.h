#pragma once
// The front door of the front end: text in, AST out, every syntax error collected. ANTLR is
// used behind this header only; nothing it declares mentions a parse-tree type.
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/limits.h"

#include <memory>

namespace xr {

/// Hands out NodeIds unique across every module of one compilation.
class NodeIdAllocator {
public:
  ast::NodeId next() { return ++last_; }
  ast::NodeId last() const { return last_; }

private:
  ast::NodeId last_ = 0;
};

/// Parses one file. Always returns a module (possibly with error nodes or missing parts);
/// the problems found are appended to `diagnostics`.
std::unique_ptr<ast::Module> parseModule(const SourceFile &file, NodeIdAllocator &ids,
                                         Diagnostics &diagnostics, const Limits &limits = {});

} // namespace xr
