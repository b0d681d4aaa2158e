#include "compiler/diag/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace xr {

const std::vector<DiagCodeInfo> &allDiagCodes() {
  static const std::vector<DiagCodeInfo> codes = {
#define XR_CODE(name, code, severity, summary) {DiagCode::name, code, Severity::severity, summary},
#include "compiler/diag/codes.def"
#undef XR_CODE
  };
  return codes;
}

const DiagCodeInfo &info(DiagCode code) { return allDiagCodes()[static_cast<std::size_t>(code)]; }

std::string_view severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}

Diagnostic &Diagnostic::note(SourceRange at, std::string text) {
  notes.push_back({at, std::move(text)});
  return *this;
}

Diagnostic &Diagnostic::fix(std::string text, std::vector<TextEdit> edits) {
  fixes.push_back({std::move(text), std::move(edits)});
  return *this;
}

Diagnostic &Diagnostic::fix(std::string text, SourceRange at, std::string newText) {
  return fix(std::move(text), std::vector<TextEdit>{{at, std::move(newText)}});
}

Diagnostic &Diagnostics::report(DiagCode code, SourceRange range, std::string message) {
  return report(code, info(code).severity, range, std::move(message));
}

Diagnostic &Diagnostics::report(DiagCode code, Severity severity, SourceRange range,
                                std::string message) {
  items_.push_back({severity, code, std::move(message), range, {}, {}});
  return items_.back();
}

bool Diagnostics::hasErrors() const { return errorCount() > 0; }

std::size_t Diagnostics::errorCount() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warningCount() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Warning; });
}

static auto sortKey(const Diagnostic &d) {
  return std::make_tuple(d.range.file, d.range.begin, d.range.end, static_cast<int>(d.code),
                         std::string_view(d.message));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(),
                   [](const Diagnostic &a, const Diagnostic &b) { return sortKey(a) < sortKey(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic &a, const Diagnostic &b) {
                          return sortKey(a) == sortKey(b) && a.severity == b.severity;
                        }),
            out.end());
  return out;
}

void Diagnostics::append(const Diagnostics &other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

} // namespace xr
