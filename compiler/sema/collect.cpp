// One namespace over the files of a rule set: duplicates, `override`, `retire`, one record.
#include "compiler/sema/collect.h"

#include "compiler/sema/suggest.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

namespace xr::sema {

std::string declarationName(const ast::Decl &decl) {
  switch (decl.kind) {
  case ast::DeclKind::Frequency:
    return "frequency";
  case ast::DeclKind::Test:
    return {};
  case ast::DeclKind::Report: {
    if (!decl.name.empty())
      return decl.name.text;
    const auto &report = static_cast<const ast::ReportDecl &>(decl);
    if (report.groupBy && report.groupBy->kind == ast::ExprKind::Name)
      return "by_" + ast::as<ast::NameExpr>(*report.groupBy).name.text;
    return "report";
  }
  default:
    return decl.name.text;
  }
}

namespace {

std::string fileName(const SourceManager &sources, FileId id) {
  return std::filesystem::path(sources.file(id).path()).filename().generic_string();
}

/// Where a diagnostic about a declaration's name points: the name, or the declaration's
/// start for declarations written without one.
SourceRange nameRange(const ast::Decl &decl) {
  if (decl.name.range.valid() && !decl.name.empty())
    return decl.name.range;
  return {decl.range.file, decl.range.begin, decl.range.begin};
}

/// Retire and override match by kind; `retire output frequency` names the frequency.
bool sameKind(ast::DeclKind written, ast::DeclKind declared) {
  if (written == declared)
    return true;
  return written == ast::DeclKind::Output && declared == ast::DeclKind::Frequency;
}

class Collector {
public:
  Collector(const LoadGraph &graph, const SourceManager &sources, Diagnostics &diags)
      : graph_(graph), sources_(sources), diags_(diags) {}

  Collected run(const std::vector<FileId> &order, Model &model) {
    out_.rootFile = graph_.root;
    const ast::Module *root = moduleOf(graph_.root);
    out_.rootIsRuleSet = root && root->header;
    for (FileId file : order)
      collectFile(file, model);
    requireOneRecord(root);
    return std::move(out_);
  }

private:
  const ast::Module *moduleOf(FileId id) const {
    return id < graph_.modules.size() ? graph_.modules[id].module : nullptr;
  }

  /// Files whose declarations `file` inherits through `extends`: its base, and everything
  /// the base imports or extends, transitively.
  std::set<FileId> inherited(FileId file) const {
    std::set<FileId> seen;
    if (file >= graph_.modules.size() || !graph_.modules[file].base)
      return seen;
    std::vector<FileId> work{*graph_.modules[file].base};
    while (!work.empty()) {
      FileId f = work.back();
      work.pop_back();
      if (f >= graph_.modules.size() || !seen.insert(f).second)
        continue;
      if (graph_.modules[f].base)
        work.push_back(*graph_.modules[f].base);
      for (FileId i : graph_.modules[f].imports)
        work.push_back(i);
    }
    return seen;
  }

  void collectFile(FileId file, Model &model) {
    const ast::Module *module = moduleOf(file);
    if (!module)
      return;
    File ctx;
    ctx.id = file;
    ctx.extendsWritten = module->header && module->header->extends;
    ctx.baseLoaded = file < graph_.modules.size() && graph_.modules[file].base.has_value();
    if (ctx.baseLoaded)
      ctx.baseName = fileName(sources_, *graph_.modules[file].base);
    ctx.inherited = inherited(file);
    // Retirements first, so that a file may retire a name and declare it anew anywhere in it.
    for (const auto &decl : module->decls)
      if (decl && decl->kind == ast::DeclKind::Retire)
        retire(ctx, static_cast<const ast::RetireDecl &>(*decl), model);
    for (const auto &decl : module->decls)
      if (decl && decl->kind != ast::DeclKind::Retire)
        declare(ctx, *decl);
  }

  struct File {
    FileId id = kNoFile;
    bool extendsWritten = false;
    bool baseLoaded = false;
    std::string baseName;
    std::set<FileId> inherited;
  };

  std::optional<std::size_t> current(const std::string &name) const {
    auto it = byName_.find(name);
    if (it == byName_.end())
      return std::nullopt;
    return it->second;
  }

  /// Names of `kind` that `ctx` inherits, for did-you-mean.
  std::vector<std::string> inheritedNames(const File &ctx, ast::DeclKind kind) const {
    std::vector<std::string> names;
    for (const auto &[name, index] : byName_) {
      const DeclEntry &e = out_.entries[index];
      if (sameKind(kind, e.kind) && ctx.inherited.count(e.file))
        names.push_back(name);
    }
    return names;
  }

  void retire(const File &ctx, const ast::RetireDecl &r, Model &model) {
    if (r.name.empty())
      return;
    const std::string_view kind = ast::declKindName(r.target);
    if (!ctx.extendsWritten) {
      diags_.report(DiagCode::UpdateWithoutBase, r.range,
                    fmt::format("cannot retire {} {}: this file extends no rule set; add "
                                "`extends \"...\"` to its ruleset header",
                                kind, r.name.text));
      return;
    }
    if (!ctx.baseLoaded)
      return; // the base could not be read (XR0008): nothing to check against
    if (r.target == ast::DeclKind::Test) {
      diags_.report(DiagCode::NothingToOverride, r.name.range,
                    "tests have no name and are never inherited: a base rule set's tests are "
                    "not run for the rule set that extends it");
      return;
    }
    auto index = current(r.name.text);
    if (!index || !ctx.inherited.count(out_.entries[*index].file)) {
      reportNotInherited(ctx, r.name, r.target, "retire", index);
      return;
    }
    DeclEntry &entry = out_.entries[*index];
    if (!sameKind(r.target, entry.kind)) {
      diags_
          .report(DiagCode::NothingToOverride, r.name.range,
                  fmt::format("cannot retire {} {}: '{}' is {}", kind, r.name.text, r.name.text,
                              withArticle(ast::declKindName(entry.kind))))
          .note(nameRange(*entry.first), "declared here");
      return;
    }
    entry.retired = true;
    byName_.erase(r.name.text);
    model.retired.push_back(
        {entry.name, entry.kind, r.range, {nameRange(*entry.first), entry.first->range}});
  }

  void reportNotInherited(const File &ctx, const ast::Ident &name, ast::DeclKind kind,
                          std::string_view verb, std::optional<std::size_t> existing) {
    auto suggestion = closestMatch(name.text, inheritedNames(ctx, kind));
    auto &d =
        diags_.report(DiagCode::NothingToOverride, name.range,
                      fmt::format("cannot {} {} {}: no {} of that name is inherited from "
                                  "'{}'{}",
                                  verb, ast::declKindName(kind), name.text, ast::declKindName(kind),
                                  ctx.baseName, didYouMean(suggestion)));
    if (existing)
      d.note(nameRange(*out_.entries[*existing].first),
             fmt::format("'{}' is declared here, in a file that '{}' does not extend", name.text,
                         fileName(sources_, ctx.id)));
    addReplacementFix(d, name.range, suggestion);
  }

  void declare(const File &ctx, const ast::Decl &decl) {
    if (decl.kind == ast::DeclKind::Test) {
      if (decl.isOverride)
        diags_.report(DiagCode::NothingToOverride, decl.range,
                      "tests have no name and cannot be overridden; write a new test");
      else if (ctx.id == graph_.root)
        out_.tests.push_back(static_cast<const ast::TestDecl *>(&decl));
      return;
    }
    const std::string name = declarationName(decl);
    if (name.empty())
      return; // the parser reported the missing name
    if (decl.isOverride && overrideDecl(ctx, decl, name))
      return;
    add(ctx, decl, name);
  }

  /// Returns true when the override was handled (applied or rejected); false to declare the
  /// declaration as a new one (after an error, so that its uses do not cascade).
  bool overrideDecl(const File &ctx, const ast::Decl &decl, const std::string &name) {
    const std::string_view kind = ast::declKindName(decl.kind);
    if (!ctx.extendsWritten) {
      diags_.report(DiagCode::UpdateWithoutBase, nameRange(decl),
                    fmt::format("cannot override {} {}: this file extends no rule set; remove "
                                "`override` or add `extends \"...\"` to its ruleset header",
                                kind, name));
      return current(name).has_value();
    }
    if (!ctx.baseLoaded)
      return false;
    auto index = current(name);
    if (!index || !ctx.inherited.count(out_.entries[*index].file)) {
      ast::Ident written = decl.name;
      if (written.empty())
        written = {name, nameRange(decl)};
      reportNotInherited(ctx, written, decl.kind, "override", index);
      return index.has_value();
    }
    DeclEntry &entry = out_.entries[*index];
    if (entry.kind != decl.kind) {
      diags_
          .report(DiagCode::NothingToOverride, nameRange(decl),
                  fmt::format("cannot override {} {}: '{}' is {}", kind, name, name,
                              withArticle(ast::declKindName(entry.kind))))
          .note(nameRange(*entry.first), "declared here");
      return true;
    }
    entry.overrides.push_back(&decl);
    return true;
  }

  void add(const File &ctx, const ast::Decl &decl, const std::string &name) {
    if (decl.kind == ast::DeclKind::Record && record_) {
      const DeclEntry &first = out_.entries[*record_];
      if (!first.retired && first.name != name) {
        diags_
            .report(DiagCode::RecordCount, nameRange(decl),
                    fmt::format("a rule set has exactly one record, and '{}' is already its "
                                "record; remove record {} or merge its fields into {}",
                                first.name, name, first.name))
            .note(nameRange(*first.first), "the record is declared here");
        return;
      }
    }
    if (auto index = current(name)) {
      const DeclEntry &first = out_.entries[*index];
      // A second `frequency` is XR0407 (checkFrequency): keep it, unnamed.
      if (decl.kind == ast::DeclKind::Frequency && first.kind == ast::DeclKind::Frequency) {
        out_.entries.push_back({name, decl.kind, &decl, {}, ctx.id, false});
        return;
      }
      diags_
          .report(DiagCode::DuplicateDeclaration, nameRange(decl),
                  first.kind == decl.kind
                      ? fmt::format("{} '{}' is declared twice; rename one of them{}",
                                    ast::declKindName(decl.kind), name,
                                    ctx.inherited.count(first.file)
                                        ? fmt::format(", or write `override {}` to change "
                                                      "the inherited one",
                                                      ast::declKindName(decl.kind))
                                        : std::string())
                      : fmt::format("'{}' is already declared as {}; rename one of them", name,
                                    withArticle(ast::declKindName(first.kind))))
          .note(nameRange(*first.first), "first declared here");
      return;
    }
    if (decl.kind == ast::DeclKind::Record)
      record_ = out_.entries.size();
    byName_[name] = out_.entries.size();
    out_.entries.push_back({name, decl.kind, &decl, {}, ctx.id, false});
  }

  void requireOneRecord(const ast::Module *root) {
    bool haveRecord = false;
    for (const DeclEntry &e : out_.entries)
      haveRecord = haveRecord || (e.kind == ast::DeclKind::Record && !e.retired);
    if (haveRecord || !root || !root->header)
      return; // a library (no header) needs no record
    diags_.report(DiagCode::RecordCount, root->header->range,
                  fmt::format("rule set '{}' has no record; declare the subject evaluated, one "
                              "per input row, e.g. `record Enterprise {{ id: text key }}`",
                              root->header->title.value));
  }

  const LoadGraph &graph_;
  const SourceManager &sources_;
  Diagnostics &diags_;
  Collected out_;
  std::map<std::string, std::size_t, std::less<>> byName_;
  std::optional<std::size_t> record_;
};

} // namespace

Collected collectDeclarations(const LoadGraph &graph, const std::vector<FileId> &order,
                              const SourceManager &sources, Model &model,
                              Diagnostics &diagnostics) {
  return Collector(graph, sources, diagnostics).run(order, model);
}

} // namespace xr::sema
