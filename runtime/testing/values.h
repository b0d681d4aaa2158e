#pragma once
// How `xuncha test` and `xuncha explain` show values and expressions: values as every output
// shows them (output::formatValue), with "missing" where a person reads them, typed in JSON;
// expressions by the rule text they were lowered from.
#include "compiler/ir/ir.h"
#include "compiler/source/source.h"

#include <nlohmann/json.hpp>
#include <string>

namespace xr::testrun {

/// The value for a person: formatValue's text; "missing"; `""` for an empty text and `{}` for
/// an empty set.
std::string valueText(const ir::Program &program, const ir::Constant &value);

/// The value for a program: null when missing; bools and numbers bare (ints as integers); sets
/// as arrays of member names; everything else as the string formatValue gives.
nlohmann::ordered_json valueJson(const ir::Program &program, const ir::Constant &value);

/// The rule text an expression was lowered from ("tier", "total < 60"); for a node made by the
/// compiler without a text of its own, the name of the slot, field or param it reads.
std::string expressionText(const ir::Program &program, const SourceManager &sources,
                           ir::ExprId expr);

/// The text of a range of a source file (empty when the range points nowhere).
std::string sourceText(const SourceManager &sources, SourceRange range);

/// `path:line` of the start of a range ("" when it points nowhere).
std::string sourceLine(const SourceManager &sources, SourceRange range);

} // namespace xr::testrun
