#pragma once
// Every command of `xuncha`, one accessor per command file. main.cpp lists them in its table.
#include "cli/command.h"

namespace xr::cli {

const Command &checkCommand(); // check.cpp
const Command &runCommand();   // run.cpp
const Command &testCommand();  // test.cpp
const Command &genCommand();   // gen.cpp
const Command &diffCommand();  // diff.cpp
const Command &docCommand();   // doc.cpp
const Command &explainCommand(); // explain.cpp
const Command &fmtCommand();   // fmt.cpp
const Command &lspCommand();   // lsp.cpp

} // namespace xr::cli
