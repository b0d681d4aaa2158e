#pragma once
// Shared by the tests of the structural sema passes (tests/unit/sema_passes_*_test.cpp): compile
// a small rule file (and the files it imports, from memory) and look at the diagnostics of one
// code with their line:column.
#include "compiler/driver/compilation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace xr::passes_test {

/// The head of most test files: a rule set with a record of every kind of field.
inline const std::string kHead = R"(ruleset "t" version 2024
record Enterprise {
  id: text key
  size: enum { above_scale, sme }
  region: text
  incidents_3y: int
  overdue: int
  total_reported: number
  output_t: number?
  license_expiry: date
  certified: bool
}
)";

class Checked {
public:
  explicit Checked(std::unique_ptr<Compilation> c) : c_(std::move(c)) {}

  const Compilation &compilation() const { return *c_; }
  const sema::Model &model() const {
    EXPECT_NE(c_->model, nullptr);
    return *c_->model;
  }

  /// "line:col" of the start of a range.
  std::string at(SourceRange range) const {
    if (!range.valid())
      return "nowhere";
    const LineColumn p = c_->sources.file(range.file).position(range.begin);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  }

  /// The text a range covers.
  std::string text(SourceRange range) const {
    if (!range.valid())
      return {};
    return c_->sources.file(range.file).text().substr(range.begin, range.end - range.begin);
  }

  /// Every diagnostic of `code`, sorted, as "line:col message".
  std::vector<std::string> of(DiagCode code) const {
    std::vector<std::string> out;
    for (const Diagnostic &d : c_->sortedDiagnostics())
      if (d.code == code)
        out.push_back(at(d.range) + " " + d.message);
    return out;
  }

  /// The diagnostics of `code`, sorted.
  std::vector<Diagnostic> all(DiagCode code) const {
    std::vector<Diagnostic> out;
    for (const Diagnostic &d : c_->sortedDiagnostics())
      if (d.code == code)
        out.push_back(d);
    return out;
  }

  /// The notes of a diagnostic as "line:col message".
  std::vector<std::string> notes(const Diagnostic &d) const {
    std::vector<std::string> out;
    for (const DiagNote &n : d.notes)
      out.push_back(at(n.range) + " " + n.message);
    return out;
  }

  /// The errors and warnings, "XR#### line:col message", for failure messages.
  std::string dump() const {
    std::string out;
    for (const Diagnostic &d : c_->sortedDiagnostics())
      out += std::string(info(d.code).code) + " " + at(d.range) + " " + d.message + "\n";
    return out;
  }

  /// The text of the file a fix edits, with the fix applied (all its edits are in that file).
  std::string applied(const Fix &fix) const {
    if (fix.edits.empty())
      return {};
    std::string text = c_->sources.file(fix.edits.front().range.file).text();
    std::vector<TextEdit> edits = fix.edits;
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit &a, const TextEdit &b) { return a.range.begin > b.range.begin; });
    for (const TextEdit &e : edits)
      text.replace(e.range.begin, e.range.end - e.range.begin, e.newText);
    return text;
  }

private:
  std::unique_ptr<Compilation> c_;
};

/// Compiles `text` as /t/main.xr without lowering; `files` are other files by path under /t/.
inline Checked check(const std::string &text, std::map<std::string, std::string> files = {}) {
  CompileOptions options;
  options.lower = false;
  options.reader = [files](const std::string &path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end())
      return std::nullopt;
    return it->second;
  };
  return Checked(compileText("/t/main.xr", text, options));
}

} // namespace xr::passes_test
