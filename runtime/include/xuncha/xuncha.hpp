#pragma once
// The Xuncha embedding API for C++ (the C API is xuncha/xuncha.h): load a rule set, evaluate
// records in memory or whole population files. See ruleset.h, evaluate.h and run.h.
#include "xuncha/evaluate.h"
#include "xuncha/ruleset.h"
#include "xuncha/run.h"
