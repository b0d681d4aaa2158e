// analyze(): collect and merge the declarations, resolve and type-check every expression,
// then run the structural passes.
#include "compiler/sema/sema.h"

#include "compiler/sema/checker.h"
#include "compiler/sema/collect.h"
#include "compiler/sema/passes.h"

#include <functional>

namespace xr::sema {

std::vector<FileId> dependencyOrder(const LoadGraph &graph) {
  std::vector<FileId> order;
  std::vector<bool> seen(graph.modules.size(), false);
  // Depth is bounded by Limits::maxFiles: the loader loads no more files than that.
  std::function<void(FileId)> visit = [&](FileId f) {
    if (f >= graph.modules.size() || seen[f])
      return;
    seen[f] = true;
    if (graph.modules[f].base)
      visit(*graph.modules[f].base);
    for (FileId i : graph.modules[f].imports)
      visit(i);
    order.push_back(f);
  };
  visit(graph.root);
  return order;
}

std::unique_ptr<Model> analyze(const LoadGraph &graph, const SourceManager &sources,
                               Diagnostics &diagnostics) {
  auto model = std::make_unique<Model>();
  model->rootFile = graph.root;
  if (graph.root < graph.modules.size()) {
    model->files.push_back(graph.root);
    if (const ast::Module *root = graph.modules[graph.root].module; root && root->header) {
      model->title = root->header->title.value;
      model->version = root->header->version;
    }
  }
  for (FileId f = 0; f < graph.modules.size(); ++f)
    if (f != graph.root && graph.modules[f].module)
      model->files.push_back(f);

  Collected collected =
      collectDeclarations(graph, dependencyOrder(graph), sources, *model, diagnostics);
  buildModel(collected, *model, diagnostics);
  Checker(*model, collected, sources, diagnostics).run();

  mergeCalendars(*model, diagnostics);
  checkWeights(*model, diagnostics);
  buildChecklists(*model, diagnostics);
  checkTables(*model, sources, diagnostics);
  checkFrequency(*model, diagnostics);
  orderEvaluation(*model, diagnostics);
  reportUnused(*model, diagnostics);

  model->hasErrors = diagnostics.hasErrors();
  return model;
}

} // namespace xr::sema
