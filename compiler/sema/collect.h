#pragma once
// The first two steps of sema (internal to compiler/sema).
//  1. collectDeclarations: one namespace over every file in dependency order (see sema.h):
//     duplicates (XR0102), `override` and `retire` (XR0106, XR0111), one record (XR0109).
//  2. buildModel: the Info vectors of the Model from what survived, in that order, with the
//     overrides merged, enums (declared, inline, implied by tables), declared types, globals,
//     indicator domains (XR0103) and checklist items (XR0104). Expressions are checked later.
#include "compiler/sema/model.h"
#include "compiler/sema/sema.h"

#include <string>
#include <vector>

namespace xr::sema {

/// A declared name and what became of it.
struct DeclEntry {
  std::string name;
  ast::DeclKind kind = ast::DeclKind::Record;
  const ast::Decl *first = nullptr;         // the declaration
  std::vector<const ast::Decl *> overrides; // `override`s of it, in order of application
  FileId file = kNoFile;
  bool retired = false;

  /// The declaration in effect for kinds that an override replaces whole.
  const ast::Decl *effective() const { return overrides.empty() ? first : overrides.back(); }
};

struct Collected {
  std::vector<DeclEntry> entries;           // by first declaration, in dependency order
  std::vector<const ast::TestDecl *> tests; // the root file's
  FileId rootFile = kNoFile;
  bool rootIsRuleSet = false;
  std::vector<bool> tableOutcomeFixed; // per table: `: TYPE` written, or an implied enum
};

/// The name a declaration is known by: `frequency` for the frequency declaration, a derived
/// name for an unnamed report (`by_region`, `report`), empty for tests.
std::string declarationName(const ast::Decl &decl);

Collected collectDeclarations(const LoadGraph &graph, const std::vector<FileId> &order,
                              const SourceManager &sources, Model &model, Diagnostics &diagnostics);

void buildModel(Collected &collected, Model &model, Diagnostics &diagnostics);

} // namespace xr::sema
