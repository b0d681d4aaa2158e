#pragma once
// The parse tree as plain data, for tools that must reproduce a file token for token (the
// formatter): every token with its exact spelling and byte range, every comment, and the
// grammar rules that group them. No ANTLR type appears here.
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/limits.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xr::syntax {

enum class TokenClass : std::uint8_t {
  Literal, // a keyword or punctuation: its text is what the grammar spells
  Name,
  String,
  Integer,
  Number,
  Date,
};

struct ConcreteToken {
  TokenClass kind = TokenClass::Literal;
  std::string text; // the source bytes
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// One child of a node: a token (index into ConcreteSyntax::tokens) or a node (index into
/// ConcreteSyntax::nodes).
struct ConcreteChild {
  bool isToken = false;
  std::uint32_t index = 0;
};

struct ConcreteNode {
  std::string rule; // the rule of grammar/Xr.g4 it matched: "tableRow", "expr", "unary"
  std::vector<ConcreteChild> children;
  std::uint32_t firstToken = 0; // the tokens it covers, [firstToken, endToken)
  std::uint32_t endToken = 0;
};

struct ConcreteSyntax {
  std::vector<ConcreteToken> tokens;  // in source order, without the end of file
  std::vector<ast::Comment> comments; // in source order
  std::vector<ConcreteNode> nodes;    // nodes[0] is the root (`file`); a parent comes before
                                      // its children
};

/// Parses `file` as parseModule does, reporting the same diagnostics. Returns the concrete
/// tree only when the file has no error: a tree repaired by error recovery does not spell
/// the file.
std::optional<ConcreteSyntax> parseConcrete(const SourceFile &file, Diagnostics &diagnostics,
                                            const Limits &limits = {});

} // namespace xr::syntax
