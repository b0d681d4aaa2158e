#pragma once
#include "compiler/diag/diagnostic.h"
#include "compiler/sema/model.h"
namespace xr { class SourceManager; }
namespace xr::sema {
void mergeCalendars(Model&, Diagnostics&);          // XR0702, XR0703; fills Model::calendar
void checkWeights(Model&, Diagnostics&);            // XR0201..0204, 0209, 0211, 0212; sets weightKind
void buildChecklists(Model&, Diagnostics&);         // XR0205..0207; members + effectiveWeights
void checkTables(Model&, const SourceManager&, Diagnostics&); // XR0402, XR0403, XR0404
void checkFrequency(Model&, Diagnostics&);          // XR0405, XR0407
void orderEvaluation(Model&, Diagnostics&);         // XR0501; fills Model::order
void reportUnused(const Model&, Diagnostics&);      // XR0110
}
