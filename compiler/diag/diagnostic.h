#pragma once
// The one diagnostic type of the compiler, the CLI and the language server. Diagnostics are
// collected, never thrown; a pass appends and goes on.
#include "compiler/source/source.h"

#include <string>
#include <string_view>
#include <vector>

namespace xr {

enum class Severity { Error, Warning, Note };

enum class DiagCode {
#define XR_CODE(name, code, severity, summary) name,
#include "compiler/diag/codes.def"
#undef XR_CODE
};

struct DiagCodeInfo {
  DiagCode id;
  std::string_view code; // "XR0203"
  Severity severity;     // its default severity
  std::string_view summary;
};

const DiagCodeInfo &info(DiagCode code);
const std::vector<DiagCodeInfo> &allDiagCodes();
std::string_view severityName(Severity severity);

struct TextEdit {
  SourceRange range;
  std::string newText;
};

struct Fix {
  std::string message; // "replace with 'license_expiry'"
  std::vector<TextEdit> edits;
};

struct DiagNote {
  SourceRange range; // may be invalid for a note that points nowhere
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  DiagCode code = DiagCode::SyntaxError;
  std::string message; // lower case, names the entity: "unknown field 'licence_expiry'"
  SourceRange range;
  std::vector<DiagNote> notes;
  std::vector<Fix> fixes;

  Diagnostic &note(SourceRange range, std::string message);
  Diagnostic &fix(std::string message, std::vector<TextEdit> edits);
  Diagnostic &fix(std::string message, SourceRange range, std::string newText);
};

class Diagnostics {
public:
  /// Appends a diagnostic with the code's default severity; add notes and fixes to the result.
  Diagnostic &report(DiagCode code, SourceRange range, std::string message);
  Diagnostic &report(DiagCode code, Severity severity, SourceRange range, std::string message);

  bool hasErrors() const;
  std::size_t errorCount() const;
  std::size_t warningCount() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic> &items() const { return items_; }
  /// Sorted by file, position, then code, with exact duplicates removed.
  std::vector<Diagnostic> sorted() const;
  void append(const Diagnostics &other);

private:
  std::vector<Diagnostic> items_;
};

} // namespace xr
