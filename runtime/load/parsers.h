#pragma once
// The two record parsers behind RecordParser::make (mapping.cpp decides the columns).
#include "runtime/load/field_plan.h"
#include "runtime/load/input.h"

#include <memory>
#include <string>
#include <vector>

namespace xr::load {

/// `fieldOfColumn[c]`: the field read from header column c, or -1 (ignored). `plans` are per
/// field, with their columns set.
std::unique_ptr<RecordParser> makeCsvParser(std::vector<FieldPlan> plans,
                                            std::vector<int> fieldOfColumn,
                                            std::vector<std::string> columns, bool fromGb18030);

/// Every plan's column is the key it is read from.
std::unique_ptr<RecordParser> makeJsonLinesParser(std::vector<FieldPlan> plans, bool fromGb18030);

} // namespace xr::load
