#pragma once
// Helpers for the syntax-layer tests: parse a snippet, find declarations, show positions.
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/syntax/parser.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace xr::testing {

struct Parsed {
  SourceManager sources;
  FileId id = kNoFile;
  NodeIdAllocator ids;
  Diagnostics diagnostics;
  std::unique_ptr<ast::Module> module;

  const SourceFile &file() const { return sources.file(id); }

  /// "line:col" of the start of a range.
  std::string at(SourceRange range) const {
    if (!range.valid())
      return "invalid";
    LineColumn p = file().position(range.begin);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  }

  /// The text a range covers.
  std::string text(SourceRange range) const {
    if (!range.valid())
      return "<invalid>";
    return file().text().substr(range.begin, range.end - range.begin);
  }

  /// Every diagnostic as "XR0001 3:5 message", sorted by position.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diagnostics.sorted())
      out.push_back(std::string(info(d.code).code) + " " + at(d.range) + " " + d.message);
    return out;
  }

  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diagnostics.sorted())
      out.push_back(std::string(info(d.code).code));
    return out;
  }

  /// Declaration `index` as a T; throws (failing the test) when it is not one.
  template <typename T> const T &decl(std::size_t index) const {
    const auto *typed = dynamic_cast<const T *>(module->decls.at(index).get());
    if (typed == nullptr)
      throw std::runtime_error("declaration " + std::to_string(index) + " has another kind");
    return *typed;
  }
};

inline std::unique_ptr<Parsed> parse(std::string text, const Limits &limits = {}) {
  auto parsed = std::make_unique<Parsed>();
  parsed->id = parsed->sources.add("test.xr", std::move(text));
  parsed->module = parseModule(parsed->file(), parsed->ids, parsed->diagnostics, limits);
  return parsed;
}

/// An expression as a T; throws (failing the test) when it is null or of another kind.
template <typename T> const T &expr(const ast::ExprPtr &e) {
  const auto *typed = dynamic_cast<const T *>(e.get());
  if (typed == nullptr)
    throw std::runtime_error(e == nullptr ? "null expression"
                                          : "expression of kind " +
                                                std::to_string(static_cast<int>(e->kind)));
  return *typed;
}

} // namespace xr::testing
