#include "compiler/driver/loader.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>

namespace xr {

std::string resolveRelative(const std::string &referringFile, const std::string &relative) {
  namespace fs = std::filesystem;
  fs::path target(relative);
  if (!target.is_absolute())
    target = fs::path(referringFile).parent_path() / target;
  return target.lexically_normal().generic_string();
}

namespace {

std::string fileName(const std::string &path) {
  return std::filesystem::path(path).filename().generic_string();
}

class Loader {
public:
  Loader(Compilation &c, const CompileOptions &options)
      : c_(c), options_(options), reader_(options.reader ? options.reader : diskFileReader()) {}

  std::optional<sema::LoadGraph> run(const std::string &rootPath, const std::string *rootText) {
    std::string path = std::filesystem::path(rootPath).lexically_normal().generic_string();
    std::optional<std::string> text;
    if (rootText)
      text = *rootText;
    else
      text = reader_(path);
    if (!text) {
      c_.diagnostics.report(DiagCode::FileNotFound, SourceRange{},
                            fmt::format("cannot read '{}'", rootPath));
      return std::nullopt;
    }
    graph_.root = load(path, std::move(*text), SourceRange{}, false);
    return std::move(graph_);
  }

private:
  /// One file being loaded, and the string that led to it from the file before it.
  struct Step {
    FileId file;
    SourceRange via;
    bool extends;
  };

  FileId load(const std::string &path, std::string text, SourceRange via, bool extends) {
    FileId id = c_.sources.add(path, std::move(text));
    byPath_.emplace(path, id);
    c_.modules.push_back(parseModule(c_.sources.file(id), c_.ids, c_.diagnostics, options_.limits));
    graph_.modules.push_back({c_.modules.back().get(), std::nullopt, {}});
    stack_.push_back({id, via, extends});

    const ast::Module &module = *c_.modules[id];
    if (module.header && module.header->extends) {
      const ast::StringLit &lit = *module.header->extends;
      if (auto base = follow(id, lit, true)) {
        graph_.modules[id].base = base;
        if (!c_.modules[*base]->header)
          c_.diagnostics.report(
              DiagCode::MissingHeader, lit.range,
              fmt::format("'{}' is not a rule set (it has no `ruleset` header), so it cannot be "
                          "extended; import it instead",
                          lit.value));
      }
    }
    for (const ast::Import &import : module.imports)
      if (auto target = follow(id, import.path, false))
        graph_.modules[id].imports.push_back(*target);
    stack_.pop_back();
    return id;
  }

  std::optional<FileId> follow(FileId from, const ast::StringLit &lit, bool extends) {
    const std::string path = resolveRelative(c_.sources.file(from).path(), lit.value);
    if (auto it = byPath_.find(path); it != byPath_.end()) {
      for (std::size_t k = 0; k < stack_.size(); ++k)
        if (stack_[k].file == it->second) {
          reportCycle(k, from, lit, extends);
          return std::nullopt; // the edge is dropped: the graph stays acyclic
        }
      return it->second;
    }
    if (c_.sources.size() >= options_.limits.maxFiles) {
      c_.diagnostics.report(DiagCode::LimitExceeded, lit.range,
                            fmt::format("cannot load '{}': a rule set can have at most {} files",
                                        lit.value, options_.limits.maxFiles));
      return std::nullopt;
    }
    std::optional<std::string> text = reader_(path);
    if (!text) {
      c_.diagnostics
          .report(DiagCode::FileNotFound, lit.range,
                  fmt::format("cannot read '{}' ({} {} it)", lit.value,
                              fileName(c_.sources.file(from).path()),
                              extends ? "extends" : "imports"))
          .note(lit.range, fmt::format("looked for {}", path));
      return std::nullopt;
    }
    return load(path, std::move(*text), lit.range, extends);
  }

  /// stack_[start] is the file that `from` leads back to through `lit`.
  void reportCycle(std::size_t start, FileId from, const ast::StringLit &lit, bool extends) {
    const std::string back = fileName(c_.sources.file(stack_[start].file).path());
    auto &d = c_.diagnostics.report(
        DiagCode::ModuleCycle, lit.range,
        fmt::format("'{}' {} '{}', which leads back to itself: imports and extends cannot form "
                    "a cycle",
                    fileName(c_.sources.file(from).path()), extends ? "extends" : "imports", back));
    for (std::size_t k = start + 1; k < stack_.size(); ++k)
      d.note(stack_[k].via,
             fmt::format("'{}' {} '{}'", fileName(c_.sources.file(stack_[k - 1].file).path()),
                         stack_[k].extends ? "extends" : "imports",
                         fileName(c_.sources.file(stack_[k].file).path())));
    d.note(lit.range, fmt::format("'{}' {} '{}'", fileName(c_.sources.file(from).path()),
                                  extends ? "extends" : "imports", back));
  }

  Compilation &c_;
  const CompileOptions &options_;
  FileReader reader_;
  sema::LoadGraph graph_;
  std::map<std::string, FileId> byPath_;
  std::vector<Step> stack_;
};

} // namespace

std::optional<sema::LoadGraph> loadModules(Compilation &compilation, const std::string &rootPath,
                                           const std::string *rootText,
                                           const CompileOptions &options) {
  return Loader(compilation, options).run(rootPath, rootText);
}

} // namespace xr
