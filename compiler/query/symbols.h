#pragma once
// The name under a position and where it is declared and used: the language server's
// definition, references and the first step of hover and rename. Works on any compilation,
// also one with errors (what sema resolved is answered; a null model answers nothing).
#include "compiler/driver/compilation.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace xr::query {

/// A name in the text and what it refers to.
struct SymbolHit {
  sema::SymbolRef symbol;
  SourceRange range; // the name as written under the position
};

/// The id of a file of the compilation by its path as loaded, or kNoFile.
FileId fileNamed(const Compilation &compilation, std::string_view path);

/// The reference or declared name under `offset` (a position just after a name counts).
std::optional<SymbolHit> symbolAt(const Compilation &compilation, FileId file,
                                  std::uint32_t offset);

/// The declared name of a symbol; none for built-ins and aggregates.
std::optional<SourceRange> declarationOf(const Compilation &compilation, sema::SymbolRef symbol);

/// Where the thing under `offset` is declared: a symbol's declaration, or for the name in a
/// `retire` the retired declaration in the base rule set.
std::optional<SourceRange> definitionAt(const Compilation &compilation, FileId file,
                                        std::uint32_t offset);

/// The name in a `retire` declaration under `offset`, and what it retired.
struct RetiredHit {
  const sema::RetiredInfo *retired = nullptr;
  SourceRange name; // the name as written in the `retire`
};
std::optional<RetiredHit> retiredNameAt(const Compilation &compilation, FileId file,
                                        std::uint32_t offset);

/// Every place that names `symbol` in every file of the compilation (its declaration, the
/// `override`s of it and every use), sorted by file and offset, without duplicates.
std::vector<SourceRange> referencesTo(const Compilation &compilation, sema::SymbolRef symbol,
                                      bool includeDeclaration);

} // namespace xr::query
