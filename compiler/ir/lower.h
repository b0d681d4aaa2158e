#pragma once
// Lowers a checked model (no errors) to the IR both back ends run.
#include "compiler/diag/diagnostic.h"
#include "compiler/ir/ir.h"
#include "compiler/sema/model.h"

#include <memory>

namespace xr {
class SourceManager;

/// Returns the program, or null after reporting why it could not be lowered (only limits of
/// the IR itself, such as more than 64 checklists, can fail here: sema has checked the rest).
std::unique_ptr<ir::Program> lowerToIr(const sema::Model &model, const SourceManager &sources,
                                       Diagnostics &diagnostics);

} // namespace xr
