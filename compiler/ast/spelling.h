#pragma once
// How the language spells an operator, a severity and a missing-data policy: the one place
// the AST dump, the checker's messages, the rule book, the IR's labels and the language
// server's hover take these words from, so they cannot drift apart.
#include "compiler/ast/ast.h"

#include <string>
#include <string_view>

namespace xr::ast {

/// "+", "==", "and", "??": the operator as written in a rule file.
std::string_view binaryOpText(BinaryOp op);

/// "critical", "major", "minor".
std::string_view severityText(Severity severity);

/// The policy's keyword: "not_assessed", "fail", "pass", "score", "skip", "flag"; "invalid"
/// for a word that is none of them.
std::string_view missingPolicyKeyword(MissingPolicyKind kind);

/// The policy as written in a rule file: "not_assessed", "score 50"; the written word when it
/// is not a policy.
std::string missingPolicyText(const MissingPolicy &policy);

} // namespace xr::ast
