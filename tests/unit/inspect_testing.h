#pragma once
// Compiling small rule sets held in memory for the tests of compiler/inspect and
// runtime/compare: a map of virtual files, so `extends` and `import` resolve without a disk.
#include "compiler/driver/compilation.h"
#include "compiler/inspect/comparison.h"
#include "compiler/inspect/rule_book.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

namespace xr::inspect::testing {

class VirtualFiles {
public:
  VirtualFiles &add(const std::string &path, std::string text) {
    files_[path] = std::move(text);
    return *this;
  }

  /// Compiles `path` (one of the files); fails the test on any error.
  std::unique_ptr<Compilation> compile(const std::string &path) const {
    CompileOptions options;
    auto files = files_;
    options.reader = [files](const std::string &p) -> std::optional<std::string> {
      auto it = files.find(p);
      if (it == files.end())
        return std::nullopt;
      return it->second;
    };
    auto compilation = compileFile(path, options);
    for (const Diagnostic &d : compilation->sortedDiagnostics())
      EXPECT_NE(d.severity, Severity::Error) << path << ": " << d.message;
    return compilation;
  }

private:
  std::map<std::string, std::string> files_;
};

/// The header and record most tests share; `body` adds domains, indicators, checklists...
inline std::string ruleSet(const std::string &title, const std::string &body,
                           const std::string &header = "") {
  return (header.empty() ? "ruleset \"" + title + "\" version 1\n" : header + "\n") +
         "record Firm {\n"
         "  id: text key\n"
         "  big: bool\n"
         "  a: int\n"
         "  b: int\n"
         "  c: number?\n"
         "}\n" +
         body;
}

/// The rule book and comparison of two versions, kept with their compilations.
struct Versions {
  std::unique_ptr<Compilation> before, after;
  RuleBook bookBefore, bookAfter;
  Comparison comparison;
};

inline Versions compareFiles(const VirtualFiles &files, const std::string &before,
                             const std::string &after) {
  Versions v;
  v.before = files.compile(before);
  v.after = files.compile(after);
  v.bookBefore = describe(*v.before);
  v.bookAfter = describe(*v.after);
  v.comparison = compare(v.bookBefore, v.bookAfter);
  return v;
}

inline const Changed *changedEntry(const Comparison &c, std::string_view kind,
                                   std::string_view name) {
  if (const KindChanges *k = c.kind(kind))
    for (const Changed &e : k->changed)
      if (e.name == name)
        return &e;
  return nullptr;
}

inline const Change *aspect(const Changed *entry, std::string_view aspect,
                            std::string_view subject = {}) {
  if (!entry)
    return nullptr;
  for (const Change &c : entry->changes)
    if (c.aspect == aspect && (subject.empty() || c.subject == subject))
      return &c;
  return nullptr;
}

} // namespace xr::inspect::testing
