#include "tests/differential/case_shrinker.h"

#include "xuncha/ruleset.h"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

namespace xr::differential {
namespace {

class Shrinker {
public:
  Shrinker(FailingCase failing, const ShrinkOptions &options)
      : case_(std::move(failing)), options_(options), start_(std::chrono::steady_clock::now()) {}

  FailingCase run() {
    shrinkRecords();
    for (bool progress = true; progress && !outOfTime();) {
      progress = false;
      progress |= removeDeclarations();
      progress |= removeLines();
      progress |= simplifyExpressions();
    }
    dropUnusedColumns();
    return std::move(case_);
  }

private:
  FailingCase case_;
  ShrinkOptions options_;
  std::chrono::steady_clock::time_point start_;

  bool outOfTime() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() >
           options_.seconds;
  }

  /// Whether the engines still differ on this candidate; when they do it becomes the case.
  bool keepIfDiffers(const RuleSource &source, const RecordTable &records) {
    if (outOfTime())
      return false;
    const std::string text = source.render(), csv = renderCsv(records);
    const Comparison c = options_.compare ? options_.compare(text, csv)
                                          : compareEngines(text, csv, options_.comparison);
    if (!c.compiled || !c.differ)
      return false;
    case_.source = source;
    case_.records = records;
    case_.difference = c.difference;
    return true;
  }

  /// The record of the first differing results line (after the comment and header lines).
  std::optional<std::size_t> namedRecord() const {
    const std::string prefix = "results.csv line ";
    const std::size_t at = case_.difference.find(prefix);
    if (at == std::string::npos)
      return std::nullopt;
    const std::size_t line = std::stoul(case_.difference.substr(at + prefix.size()));
    if (line < 3 || line - 3 >= case_.records.rows.size())
      return std::nullopt;
    return line - 3;
  }

  void shrinkRecords() {
    if (std::optional<std::size_t> row = namedRecord()) {
      RecordTable one{case_.records.header, {case_.records.rows[*row]}};
      if (keepIfDiffers(case_.source, one))
        return;
    }
    // Remove chunks of records, halving the chunk size when no chunk can go.
    std::size_t chunk = case_.records.rows.size() / 2;
    while (chunk >= 1 && case_.records.rows.size() > 1 && !outOfTime()) {
      bool removed = false;
      for (std::size_t from = 0; from < case_.records.rows.size();) {
        RecordTable fewer = case_.records;
        const std::size_t to = std::min(from + chunk, fewer.rows.size());
        fewer.rows.erase(fewer.rows.begin() + static_cast<std::ptrdiff_t>(from),
                         fewer.rows.begin() + static_cast<std::ptrdiff_t>(to));
        if (!fewer.rows.empty() && keepIfDiffers(case_.source, fewer))
          removed = true;
        else
          from += chunk;
      }
      if (!removed)
        chunk /= 2;
    }
  }

  bool removeDeclarations() {
    bool progress = false;
    for (std::size_t i = case_.source.decls.size(); i-- > 0;) {
      if (!case_.source.decls[i].removable)
        continue;
      RuleSource fewer = case_.source;
      fewer.decls.erase(fewer.decls.begin() + static_cast<std::ptrdiff_t>(i));
      progress |= keepIfDiffers(fewer, case_.records);
    }
    return progress;
  }

  bool removeLines() {
    bool progress = false;
    for (std::size_t d = case_.source.decls.size(); d-- > 0;)
      for (std::size_t l = case_.source.decls[d].lines.size(); l-- > 0;) {
        if (!case_.source.decls[d].lines[l].removable)
          continue;
        RuleSource fewer = case_.source;
        auto &lines = fewer.decls[d].lines;
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(l));
        progress |= keepIfDiffers(fewer, case_.records);
      }
    return progress;
  }

  static Expr *nodeAt(Expr &root, std::size_t &index) {
    if (index == 0)
      return &root;
    --index;
    for (Expr &kid : root.kids)
      if (Expr *found = nodeAt(kid, index))
        return found;
    return nullptr;
  }

  static bool isLiteral(const Expr &e) {
    if (!e.kids.empty() || e.text.empty() || e.text[0].empty())
      return false;
    const char c = e.text[0][0];
    return std::isdigit(static_cast<unsigned char>(c)) || c == '"' || c == '-' ||
           e.text[0] == "true" || e.text[0] == "false";
  }

  static std::vector<Expr> replacements(const Expr &e) {
    std::vector<Expr> out;
    for (const Expr &kid : e.kids)
      if (kid.type == e.type || (e.type.kind == Kind::Number && kid.type.kind == Kind::Int))
        out.push_back(kid);
    if (isLiteral(e))
      return out;
    switch (e.type.kind) {
    case Kind::Bool:
      out.push_back(Expr::leaf(e.type, "true"));
      out.push_back(Expr::leaf(e.type, "false"));
      break;
    case Kind::Int:
      out.push_back(Expr::leaf(e.type, "1"));
      break;
    case Kind::Number:
      out.push_back(Expr::leaf(e.type, "1.5"));
      break;
    case Kind::Text:
      out.push_back(Expr::leaf(e.type, "\"a\""));
      break;
    case Kind::Date:
      out.push_back(Expr::leaf(e.type, "2024-06-28"));
      break;
    default:
      break;
    }
    return out;
  }

  bool simplifyExpressions() {
    bool progress = false;
    for (std::size_t d = 0; d < case_.source.decls.size(); ++d)
      for (std::size_t l = 0; l < case_.source.decls[d].lines.size(); ++l)
        for (std::size_t n = 1; n < case_.source.decls[d].lines[l].content.size(); ++n) {
          std::size_t index = n;
          const Expr *node = nodeAt(case_.source.decls[d].lines[l].content, index);
          if (!node || node->type.kind == Kind::None)
            continue;
          for (const Expr &candidate : replacements(*node)) {
            RuleSource simpler = case_.source;
            std::size_t again = n;
            *nodeAt(simpler.decls[d].lines[l].content, again) = candidate;
            if (keepIfDiffers(simpler, case_.records)) {
              progress = true;
              break;
            }
          }
          if (outOfTime())
            return progress;
        }
    return progress;
  }

  /// Columns of fields the rule text no longer declares.
  void dropUnusedColumns() {
    const xuncha::LoadResult loaded = xuncha::RuleSet::fromText("rules.xr", case_.source.render());
    if (!loaded.ok())
      return;
    std::set<std::string> fields;
    for (const auto &f : loaded.ruleSet->program().fields)
      fields.insert(f.name);
    RecordTable narrower;
    std::vector<std::size_t> keep;
    for (std::size_t c = 0; c < case_.records.header.size(); ++c)
      if (fields.count(case_.records.header[c])) {
        keep.push_back(c);
        narrower.header.push_back(case_.records.header[c]);
      }
    if (keep.size() == case_.records.header.size())
      return;
    for (const auto &row : case_.records.rows) {
      std::vector<std::string> cells;
      for (std::size_t c : keep)
        cells.push_back(row[c]);
      narrower.rows.push_back(std::move(cells));
    }
    const double saved = options_.seconds;
    options_.seconds = 1e9; // this last check always runs
    keepIfDiffers(case_.source, narrower);
    options_.seconds = saved;
  }
};

} // namespace

FailingCase shrinkCase(FailingCase failing, const ShrinkOptions &options) {
  return Shrinker(std::move(failing), options).run();
}

void saveCase(const FailingCase &failing, const std::string &dir, const std::string &note,
              const ComparisonOptions &settings) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/rules.xr", std::ios::binary) << failing.source.render();
  std::ofstream(dir + "/records.csv", std::ios::binary) << renderCsv(failing.records);
  std::ofstream(dir + "/difference.txt", std::ios::binary) << note << failing.difference;
  std::ofstream args(dir + "/args", std::ios::binary);
  if (settings.indicators)
    args << "--indicators\n";
  args << "--threads=" << settings.jitThreads << "\n";
  args << "--batch-bytes=" << settings.chunkBytes << "\n";
}

} // namespace xr::differential
