#pragma once
// Turns laid-out lines into text: a blank line around every declaration that spans lines,
// aligned columns for consecutive aligned items, trailing comments of neighbouring lines in
// one column.
#include "compiler/format/lines.h"

#include <string>

namespace xr::format {

std::string render(LaidOutFile file);

} // namespace xr::format
