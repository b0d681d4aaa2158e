#pragma once
// The embedding API, part 1: a rule set loaded from a file (with everything it imports or
// extends), checked and compiled. User errors never throw at this boundary: they come back
// as diagnostics.
//
//   xuncha::LoadResult loaded = xuncha::RuleSet::load("rulesets/national/2023.xr");
//   if (!loaded.ok()) { std::cerr << loaded.renderDiagnostics(false); return 1; }
//   const xuncha::RuleSet &rules = *loaded.ruleSet;
#include "compiler/ir/ir.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace xr {
struct Compilation;
}

namespace xuncha {

enum class Severity : std::uint8_t { Error, Warning, Note };

/// One problem in a rule file, positioned (lines and columns 1-based, columns in code points).
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code; // "XR0203"
  std::string message;
  std::string file; // empty when it points nowhere
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

class RuleSet;

struct LoadResult {
  std::shared_ptr<const RuleSet> ruleSet; // null when there is an error
  std::vector<Diagnostic> diagnostics;    // errors and warnings, sorted for display

  bool ok() const { return ruleSet != nullptr; }
  std::size_t errorCount() const;
  std::size_t warningCount() const;
  /// The diagnostics as `xuncha check` prints them (source lines, underlines, fixes) and the
  /// summary line; `color` adds ANSI colours.
  std::string renderDiagnostics(bool color) const;

private:
  friend class RuleSet;
  std::shared_ptr<const xr::Compilation> compilation_;
};

/// A checked and compiled rule set. Immutable: share it between threads freely.
class RuleSet {
public:
  /// Loads `path` and everything it imports or extends, checks and compiles it. Warnings do
  /// not stop it; errors do (ruleSet is null then).
  static LoadResult load(const std::string &path);
  /// The same for text not on disk; `path` names it in diagnostics and anchors its imports.
  static LoadResult fromText(const std::string &path, std::string text);

  /// The `ruleset "…" version N` header, and the SHA-256 of the sources of every file.
  const std::string &name() const { return program().title; }
  std::int64_t version() const { return program().version; }
  const std::string &sha256() const { return program().contentHash; }

  /// The checked IR every back end runs (fields, params, result columns, reports, tests).
  const xr::ir::Program &program() const;
  /// The compilation it came from (sources, syntax trees, the checked model): for tools.
  const xr::Compilation &compilation() const { return *compilation_; }

  explicit RuleSet(std::shared_ptr<const xr::Compilation> compilation);

private:
  static LoadResult fromCompilation(std::unique_ptr<xr::Compilation> compilation);

  std::shared_ptr<const xr::Compilation> compilation_;
};

} // namespace xuncha
