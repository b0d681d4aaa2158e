// xuncha::RuleSet: the embedding API's view of a compilation.
#include "xuncha/ruleset.h"

#include "compiler/diag/render.h"
#include "compiler/driver/compilation.h"

namespace xuncha {
namespace {

Severity severityOf(xr::Severity severity) {
  switch (severity) {
  case xr::Severity::Error:
    return Severity::Error;
  case xr::Severity::Warning:
    return Severity::Warning;
  case xr::Severity::Note:
    return Severity::Note;
  }
  return Severity::Error;
}

Diagnostic publicDiagnostic(const xr::Diagnostic &d, const xr::SourceManager &sources) {
  Diagnostic out;
  out.severity = severityOf(d.severity);
  out.code = std::string(xr::info(d.code).code);
  out.message = d.message;
  if (d.range.file != xr::kNoFile && d.range.file < sources.size()) {
    const xr::SourceFile &file = sources.file(d.range.file);
    const xr::LineColumn at = file.position(d.range.begin);
    out.file = file.path();
    out.line = at.line;
    out.column = at.column;
  }
  return out;
}

} // namespace

LoadResult RuleSet::fromCompilation(std::unique_ptr<xr::Compilation> compilation) {
  LoadResult result;
  for (const xr::Diagnostic &d : compilation->sortedDiagnostics())
    result.diagnostics.push_back(publicDiagnostic(d, compilation->sources));
  std::shared_ptr<const xr::Compilation> shared = std::move(compilation);
  if (!shared->diagnostics.hasErrors() && shared->program)
    result.ruleSet = std::make_shared<const RuleSet>(shared);
  result.compilation_ = std::move(shared);
  return result;
}

std::size_t LoadResult::errorCount() const {
  return compilation_ ? compilation_->diagnostics.errorCount() : 0;
}

std::size_t LoadResult::warningCount() const {
  return compilation_ ? compilation_->diagnostics.warningCount() : 0;
}

std::string LoadResult::renderDiagnostics(bool color) const {
  if (!compilation_)
    return {};
  return xr::renderText(compilation_->sortedDiagnostics(), compilation_->sources, color);
}

LoadResult RuleSet::load(const std::string &path) { return fromCompilation(xr::compileFile(path)); }

LoadResult RuleSet::fromText(const std::string &path, std::string text) {
  return fromCompilation(xr::compileText(path, std::move(text)));
}

RuleSet::RuleSet(std::shared_ptr<const xr::Compilation> compilation)
    : compilation_(std::move(compilation)) {}

const xr::ir::Program &RuleSet::program() const { return *compilation_->program; }

} // namespace xuncha
