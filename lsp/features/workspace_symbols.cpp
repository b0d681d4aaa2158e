// workspace/symbol: the declarations of every open rule set (each open document's
// compilation: the file, its imports and its bases), found by name (the query's characters
// in order, ignoring ASCII case, as editors filter) or by title (a substring, for Chinese
// titles). Each declaration once, even when several open files read it.
#include "lsp/features/features.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace xr::lsp {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxResults = 1000;

struct Declared {
  std::string name;
  std::string title;
  SymbolKind kind;
  sema::Location where;
  std::string container;
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool matchesQuery(const std::string &query, const Declared &d) {
  std::size_t at = 0;
  for (char c : d.name)
    if (at < query.size() && lower(c) == lower(query[at]))
      ++at;
  return at == query.size() || (!query.empty() && d.title.find(query) != std::string::npos);
}

template <typename Info>
void addAll(std::vector<Declared> &out, const std::vector<Info> &infos, SymbolKind kind,
            const std::string &container = {}) {
  for (const Info &info : infos)
    out.push_back({info.name, info.title, kind, info.where, container});
}

std::vector<Declared> declarations(const sema::Model &model) {
  std::vector<Declared> out;
  for (const sema::FieldInfo &field : model.fields)
    out.push_back({field.name, field.title, SymbolKind::Field, field.where, model.recordName});
  addAll(out, model.params, SymbolKind::Constant);
  addAll(out, model.domains, SymbolKind::Namespace);
  for (const sema::IndicatorInfo &indicator : model.indicators)
    out.push_back({indicator.name, indicator.title, SymbolKind::Class, indicator.where,
                   indicator.domain < model.domains.size() ? model.domains[indicator.domain].name
                                                           : std::string()});
  addAll(out, model.checks, SymbolKind::Event);
  addAll(out, model.checklists, SymbolKind::Array);
  addAll(out, model.lets, SymbolKind::Variable);
  addAll(out, model.scores, SymbolKind::Variable);
  addAll(out, model.tables, SymbolKind::Function);
  addAll(out, model.outputs, SymbolKind::Field);
  addAll(out, model.rules, SymbolKind::Method);
  addAll(out, model.escalations, SymbolKind::Event);
  addAll(out, model.deadlines, SymbolKind::Constant);
  addAll(out, model.reports, SymbolKind::Module);
  for (const sema::ExampleInfo &example : model.examples)
    out.push_back({example.name, {}, SymbolKind::Object, example.where, {}});
  for (std::size_t i = 0; i < model.enums.size() && i < model.enumSources.size(); ++i) {
    const sema::EnumSource &source = model.enumSources[i];
    std::string name = model.nameOf({sema::SymbolKind::Enum, static_cast<std::uint32_t>(i), 0});
    out.push_back({name, {}, SymbolKind::Enum, source.where, {}});
    for (std::size_t m = 0; m < source.members.size(); ++m) {
      std::string member =
          model.nameOf({sema::SymbolKind::EnumMember, static_cast<std::uint32_t>(i),
                        static_cast<std::uint32_t>(m)});
      std::size_t dot = member.rfind('.');
      out.push_back({dot == std::string::npos ? member : member.substr(dot + 1),
                     {},
                     SymbolKind::EnumMember,
                     {source.members[m], source.members[m]},
                     name});
    }
  }
  return out;
}

json workspaceSymbols(const json &params, const RequestContext &context) {
  std::string query = params.is_object() && params.contains("query") && params["query"].is_string()
                          ? params["query"].get<std::string>()
                          : std::string();
  // (path, offset) of each declaration already listed.
  std::set<std::pair<std::string, std::uint32_t>> seen;
  std::vector<std::tuple<std::string, std::string, std::uint32_t, json>> found;
  for (const std::shared_ptr<const Snapshot> &snapshot : context.openSnapshots()) {
    const Compilation &compilation = *snapshot->compilation;
    if (!compilation.model)
      continue;
    std::map<FileId, PositionConverter> converters;
    for (const Declared &d : declarations(*compilation.model)) {
      SourceRange name = d.where.name;
      if (d.name.empty() || !name.valid() || name.file >= compilation.sources.size() ||
          !matchesQuery(query, d))
        continue;
      const SourceFile &file = compilation.sources.file(name.file);
      if (!seen.emplace(file.path(), name.begin).second)
        continue;
      auto converter = converters.try_emplace(name.file, file.text(), context.encoding()).first;
      Range range{converter->second.position(name.begin), converter->second.position(name.end)};
      json symbol = {{"name", d.name},
                     {"kind", static_cast<int>(d.kind)},
                     {"location", Location{snapshot->uriOf(name.file), range}}};
      std::string container = d.container.empty() ? d.title : d.container;
      if (!container.empty())
        symbol["containerName"] = container;
      found.emplace_back(d.name, file.path(), name.begin, std::move(symbol));
    }
  }
  std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  json out = json::array();
  for (std::size_t i = 0; i < found.size() && i < kMaxResults; ++i)
    out.push_back(std::move(std::get<3>(found[i])));
  return out;
}

} // namespace

void registerWorkspaceSymbols(FeatureRegistry &registry) {
  registry.addCapabilities([](json &capabilities, const InitializeInfo &) {
    capabilities["workspaceSymbolProvider"] = true;
  });
  registry.onWorkspaceRequest("workspace/symbol", workspaceSymbols);
}

} // namespace xr::lsp
