// textDocument/prepareRename and textDocument/rename: one WorkspaceEdit over every file
// that names the symbol; a refused rename answers an error that says why.
//
// The document's compilation holds what it imports and extends; a rule set that extends the
// document is another compilation. So the rename is also planned in the compilation of every
// open document that reads the declaring file, and the edits are merged: renaming in
// 2023.xr with 2024.xr open edits the overrides in 2024.xr too.
#include "compiler/query/rename.h"
#include "compiler/query/symbols.h"
#include "lsp/features/semantic.h"

#include <set>
#include <tuple>

namespace xr::lsp {

namespace {

/// Edits by URI in a protocol WorkspaceEdit, each range once.
class EditSet {
public:
  void add(const std::string &uri, const TextEdit &edit) {
    auto key = std::make_tuple(uri, edit.range.start.line, edit.range.start.character,
                               edit.range.end.line, edit.range.end.character);
    if (seen_.insert(key).second)
      edit_.changes[uri].push_back(edit);
  }
  const WorkspaceEdit &edit() const { return edit_; }

private:
  WorkspaceEdit edit_;
  std::set<std::tuple<std::string, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>>
      seen_;
};

/// The edits of the same rename in another open document's compilation, when it reads the
/// file where the name is declared. Throws (refuses) when the rename clashes there.
void planElsewhere(const Snapshot &other, const std::string &declaringPath,
                   std::uint32_t declarationOffset, const std::string &newName,
                   const RequestContext &context, EditSet &edits) {
  const Compilation &c = *other.compilation;
  FileId file = query::fileNamed(c, declaringPath);
  if (file == kNoFile)
    return;
  query::RenamePlan plan = query::planRename(c, file, declarationOffset, newName);
  if (!plan.ok())
    throw RequestError(ErrorCode::RequestFailed, plan.error + " (in " + other.root.path + ")");
  for (const xr::TextEdit &e : plan.edits) {
    PositionConverter converter(c.sources.file(e.range.file).text(), context.encoding());
    edits.add(other.uriOf(e.range.file),
              {{converter.position(e.range.begin), converter.position(e.range.end)}, e.newText});
  }
}

} // namespace

void registerRename(FeatureRegistry &registry) {
  registry.addCapabilities([](nlohmann::json &capabilities, const InitializeInfo &) {
    capabilities["renameProvider"] = {{"prepareProvider", true}};
  });
  registry.onDocumentRequest(
      "textDocument/prepareRename",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        std::uint32_t offset = context.offset(params.at("position").get<Position>());
        query::RenameTarget target =
            query::prepareRename(context.compilation(), context.file(), offset);
        if (!target.ok())
          throw RequestError(ErrorCode::RequestFailed, target.error);
        return {{"range", context.range(target.range)}, {"placeholder", target.placeholder}};
      });
  registry.onDocumentRequest(
      "textDocument/rename",
      [](const nlohmann::json &params, const RequestContext &context) -> nlohmann::json {
        std::uint32_t offset = context.offset(params.at("position").get<Position>());
        std::string newName = params.at("newName").get<std::string>();
        const Compilation &c = context.compilation();
        query::RenamePlan plan = query::planRename(c, context.file(), offset, newName);
        if (!plan.ok())
          throw RequestError(ErrorCode::RequestFailed, plan.error);
        EditSet edits;
        for (const xr::TextEdit &e : plan.edits)
          edits.add(context.uriOf(e.range.file), {context.range(e.range), e.newText});
        auto hit = query::symbolAt(c, context.file(), offset);
        auto declaration = hit ? query::declarationOf(c, hit->symbol) : std::nullopt;
        if (declaration) {
          const std::string &declaringPath = c.sources.file(declaration->file).path();
          for (const auto &other : context.openSnapshots()) {
            if (other->root.uri == context.document().uri || !other->compilation)
              continue;
            planElsewhere(*other, declaringPath, declaration->begin, newName, context, edits);
          }
        }
        return edits.edit();
      });
}

} // namespace xr::lsp
