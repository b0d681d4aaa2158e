#pragma once
// Helpers for the sema core and driver unit tests: compile in-memory rule files and look for
// diagnostics by code, position and message.
#include "compiler/driver/compilation.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

namespace xr::testing {

/// Compiles `files[root]` with every other entry of `files` readable by path.
inline std::unique_ptr<Compilation> compileFiles(const std::string &root,
                                                 std::map<std::string, std::string> files,
                                                 bool lower = false) {
  CompileOptions options;
  options.lower = lower;
  const std::string text = files.count(root) ? files.at(root) : std::string();
  options.reader = [files =
                        std::move(files)](const std::string &path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end())
      return std::nullopt;
    return it->second;
  };
  return compileText(root, text, options);
}

inline std::unique_ptr<Compilation> compileSource(const std::string &text, bool lower = false) {
  return compileFiles("main.xr", {{"main.xr", text}}, lower);
}

/// "main.xr:3:7: XR0101 unknown name 'x'" per diagnostic, for failure messages.
inline std::string listDiagnostics(const Compilation &c) {
  std::string out;
  for (const Diagnostic &d : c.sortedDiagnostics()) {
    LineColumn lc;
    std::string path = "?";
    if (d.range.valid()) {
      lc = c.sources.file(d.range.file).position(d.range.begin);
      path = c.sources.file(d.range.file).path();
    }
    out += path + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " +
           std::string(info(d.code).code) + " " + d.message + "\n";
    for (const DiagNote &n : d.notes)
      out += "    note: " + n.message + "\n";
  }
  return out.empty() ? "(no diagnostics)\n" : out;
}

/// The first diagnostic with `code` (nullptr when none).
inline const Diagnostic *findDiagnostic(const Compilation &c, std::string_view code) {
  for (const Diagnostic &d : c.diagnostics.items())
    if (info(d.code).code == code)
      return &d;
  return nullptr;
}

inline std::size_t countDiagnostics(const Compilation &c, std::string_view code) {
  std::size_t n = 0;
  for (const Diagnostic &d : c.diagnostics.items())
    n += info(d.code).code == code;
  return n;
}

/// Line and column (1-based, code points) of the `occurrence`-th `needle` in `text`.
inline LineColumn locate(const std::string &text, const std::string &needle, int occurrence = 1) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < occurrence; ++i)
    at = text.find(needle, at == std::string::npos ? 0 : at + 1);
  if (at == std::string::npos)
    return {0, 0};
  SourceFile file(0, "x", text);
  return file.position(static_cast<std::uint32_t>(at));
}

/// A diagnostic with `code` at `line`:`column` of file `path` whose message contains `part`.
inline ::testing::AssertionResult hasDiagnostic(const Compilation &c, std::string_view code,
                                                LineColumn at, const std::string &part,
                                                const std::string &path = "main.xr") {
  for (const Diagnostic &d : c.diagnostics.items()) {
    if (info(d.code).code != code || !d.range.valid())
      continue;
    const SourceFile &file = c.sources.file(d.range.file);
    LineColumn lc = file.position(d.range.begin);
    if (file.path() == path && lc.line == at.line && lc.column == at.column &&
        d.message.find(part) != std::string::npos)
      return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no " << code << " at " << path << ":" << at.line << ":"
                                       << at.column << " containing \"" << part << "\"; got:\n"
                                       << listDiagnostics(c);
}

/// No errors (warnings allowed).
inline ::testing::AssertionResult noErrors(const Compilation &c) {
  if (!c.diagnostics.hasErrors())
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << listDiagnostics(c);
}

/// No diagnostic at all.
inline ::testing::AssertionResult clean(const Compilation &c) {
  if (c.diagnostics.empty())
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << listDiagnostics(c);
}

/// A header and a record with one field of every kind; add domains, indicators and a
/// checklist after it.
inline const char *kRecordPrelude = R"(ruleset "t" version 1
record E {
  id: text key
  size: enum { big "大型", small "小型" }
  credit: enum { A, B, C }
  n: int
  ratio: number
  opt: number?
  since: date
  ok: bool
  name: text
  so2: number unit "mg/m3"
  output_t: number? unit "t"
}
)";

/// A minimal valid rule set to extend in tests: kRecordPrelude, one domain, one indicator and
/// a checklist. Append declarations after it.
inline const std::string kPrelude = std::string(kRecordPrelude) + R"(domain dom weight 100%
indicator I1 in dom weight 100% { pass when n > 0 }
checklist everyone for true { all }
)";

inline std::string withPrelude(const std::string &body) { return kPrelude + body; }

/// The type of top-level let `name` after checking (the error type when there is no such let).
inline Type letType(const Compilation &c, const std::string &name) {
  auto ref = c.model->lookup(name);
  if (!ref || ref->kind != sema::SymbolKind::Let)
    return Type::error();
  return c.model->lets[ref->index].type;
}

} // namespace xr::testing
