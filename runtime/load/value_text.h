#pragma once
// Text to typed values, strictly, the one way every input does it: CSV cells, JSON strings,
// `--param name=value` and `explain --record`. An empty text is missing (the caller decides
// whether missing is allowed).
//
//   int      optional sign and decimal digits, no spaces or separators ("1,000" is an error),
//            within int64
//   number   a decimal number ("3", "-0.25", "1e6", "85%" = 0.85); no NaN or infinity
//   bool     true/false, 1/0, 是/否 (also TRUE/False...: ASCII case-insensitive)
//   date     YYYY-MM-DD, a real calendar date (2024-02-30 is an error)
//   enum     a member's name or its label ("above_scale" or "规模以上")
//   text     any valid UTF-8
//
// Leading and trailing ASCII spaces are ignored for every type but text.
#include "compiler/ir/ir.h"
#include "compiler/types/type.h"

#include <optional>
#include <string>
#include <string_view>

namespace xr::load {

/// The value of `text` as `type` (of `program`'s enums), or nullopt with `reason` set, a lower
/// case phrase: "expected a date like 2024-06-30, got '2024-02-30'", "expected one of
/// above_scale (规模以上), sme (中小企业), got '大型'". An empty text gives a missing (invalid)
/// constant of the type.
std::optional<ir::Constant> parseValue(const ir::Program &program, const Type &type,
                                       std::string_view text, std::string &reason);

} // namespace xr::load
