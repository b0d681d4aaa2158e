#pragma once
// The identity of the code lowerProgram() makes for a program: a SHA-256 over everything the
// lowering reads (types of fields, params and slots, constants to the bit, nodes, error sites'
// kinds, every statement) and the code generator's version, and nothing it does not (names,
// messages, source positions, reports, tests). Two programs with the same key get the same
// code, so compiled code can be cached under it.
#include "compiler/ir/ir.h"

#include <cstdint>
#include <string>

namespace xr::codegen {

/// Raised whenever a change to the code generator, the ABI or the runtime's helpers changes the
/// code made for some program: cached code of another version is never used.
inline constexpr std::uint32_t kCodegenVersion = 6;

/// Lower-case hex.
std::string programKey(const ir::Program &program);

} // namespace xr::codegen
