// textDocument/foldingRange: every declaration and test item written over several lines,
// runs of comments (a block comment over lines, or consecutive line comments) and the
// import list. From the file's AST and comments; lines only (the last line stays visible,
// as editors show a folded block's closing brace).
#include "lsp/features/features.h"

#include <algorithm>
#include <map>

namespace xr::lsp {

namespace {

using nlohmann::json;

class Folds {
public:
  explicit Folds(const PositionConverter &positions) : positions_(positions) {}

  void add(SourceRange range, const char *kind = nullptr) {
    if (!range.valid() || range.end <= range.begin)
      return;
    std::uint32_t start = positions_.position(range.begin).line;
    std::uint32_t end = positions_.position(range.end - 1).line;
    if (end <= start)
      return;
    // One fold per start line (the outermost), as editors keep only one.
    auto [it, added] = folds_.try_emplace(start, end, kind);
    if (!added && end > it->second.first)
      it->second = {end, kind};
  }

  json result() const {
    json out = json::array();
    for (const auto &[start, fold] : folds_) {
      json range = {{"startLine", start}, {"endLine", fold.first}};
      if (fold.second != nullptr)
        range["kind"] = fold.second;
      out.push_back(std::move(range));
    }
    return out;
  }

private:
  const PositionConverter &positions_;
  std::map<std::uint32_t, std::pair<std::uint32_t, const char *>> folds_;
};

json foldingRanges(const RequestContext &context) {
  const ast::Module *module = context.compilation().module(context.file());
  if (module == nullptr)
    return json::array();
  const PositionConverter &positions = context.positions();
  Folds folds(positions);

  for (const ast::DeclPtr &decl : module->decls) {
    folds.add(decl->range);
    if (decl->kind == ast::DeclKind::Test)
      for (const ast::TestItem &item : static_cast<const ast::TestDecl &>(*decl).items)
        folds.add(item.range);
  }

  if (module->imports.size() > 1)
    folds.add(cover(module->imports.front().range, module->imports.back().range), "imports");

  // Comments: a run of line comments on consecutive lines folds as one.
  SourceRange run{};
  std::uint32_t runEndLine = 0;
  auto flush = [&] {
    if (run.valid())
      folds.add(run, "comment");
    run = {};
  };
  for (const ast::Comment &comment : module->comments) {
    bool line = comment.text.rfind("//", 0) == 0;
    if (!line) {
      flush();
      folds.add(comment.range, "comment");
      continue;
    }
    std::uint32_t startLine = positions.position(comment.range.begin).line;
    if (run.valid() && startLine == runEndLine + 1) {
      run = cover(run, comment.range);
    } else {
      flush();
      run = comment.range;
    }
    runEndLine = startLine;
  }
  flush();
  return folds.result();
}

} // namespace

void registerFoldingRanges(FeatureRegistry &registry) {
  registry.addCapabilities([](json &capabilities, const InitializeInfo &) {
    capabilities["foldingRangeProvider"] = true;
  });
  registry.onDocumentRequest(
      "textDocument/foldingRange",
      [](const json &, const RequestContext &context) -> json { return foldingRanges(context); });
}

} // namespace xr::lsp
