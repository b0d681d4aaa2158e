#include "compiler/inspect/rule_book.h"

#include "compiler/ast/spelling.h"
#include "compiler/inspect/source_text.h"

#include <fmt/format.h>

#include <filesystem>

namespace xr::inspect {
namespace {

class Describer {
public:
  explicit Describer(const Compilation &compilation) : c_(compilation), m_(*compilation.model) {}

  RuleBook run() {
    RuleBook book;
    book.title = m_.title;
    book.version = m_.version;
    book.recordName = m_.recordName;
    if (m_.rootFile < c_.sources.size()) {
      book.file =
          std::filesystem::path(c_.sources.file(m_.rootFile).path()).filename().generic_string();
      if (const ast::Module *root = c_.module(m_.rootFile);
          root && root->header && root->header->extends)
        book.extends = root->header->extends->value;
    }
    book.weightKind = !m_.weightKind                              ? "none"
                      : *m_.weightKind == ast::WeightKind::Points ? "points"
                                                                  : "shares";
    fields(book);
    params(book);
    domains(book);
    indicators(book);
    checks(book);
    checklists(book);
    values(book);
    tables(book);
    outputs(book);
    rules(book);
    escalations(book);
    deadlines(book);
    calendars(book);
    reports(book);
    return book;
  }

private:
  Code code(const ast::Expr *expr) const {
    if (!expr)
      return {};
    return {sourceText(c_, expr->range), expr};
  }

  void entry(Entry &out, std::string name, std::string title, const sema::Location &where) const {
    out.name = std::move(name);
    out.title = std::move(title);
    out.where = shortLocation(c_, where.name);
  }

  std::string typeText(const Type &type) const {
    if (type.kind != TypeKind::Enum && type.kind != TypeKind::Set)
      return typeName(type, &m_.enums);
    std::string text = typeName(type.required(), &m_.enums);
    if (type.enumId < m_.enums.size()) {
      const EnumInfo &info = m_.enums.get(type.enumId);
      text += " {";
      for (std::size_t k = 0; k < info.members.size(); ++k)
        text += (k ? ", " : "") + info.members[k].name;
      text += "}";
    }
    return type.optional ? text + "?" : text;
  }

  static std::string weightText(const std::optional<sema::WeightInfo> &weight) {
    if (!weight)
      return {};
    const double value = static_cast<double>(weight->micro) / 1e6;
    return weight->kind == ast::WeightKind::Share ? fmt::format("{}%", value)
                                                  : fmt::format("{} points", value);
  }

  static std::string severityText(const std::optional<ast::Severity> &severity) {
    return severity ? std::string(ast::severityText(*severity)) : std::string();
  }

  std::vector<NamedCode> lets(const std::vector<sema::LetInfo> &infos) const {
    std::vector<NamedCode> out;
    for (const sema::LetInfo &let : infos)
      out.push_back({let.name, code(let.value), {}});
    return out;
  }

  void fields(RuleBook &book) const {
    for (const sema::FieldInfo &info : m_.fields) {
      FieldEntry e;
      entry(e, info.name, info.title, info.where);
      e.type = typeText(info.type);
      e.unit = info.unit;
      e.key = info.key;
      book.fields.push_back(std::move(e));
    }
  }

  void params(RuleBook &book) const {
    for (const sema::ParamInfo &info : m_.params) {
      ParamEntry e;
      entry(e, info.name, info.title, info.where);
      e.type = typeText(info.type);
      e.unit = info.unit;
      e.defaultValue = code(info.defaultValue);
      book.params.push_back(std::move(e));
    }
  }

  void domains(RuleBook &book) const {
    for (const sema::DomainInfo &info : m_.domains) {
      DomainEntry e;
      entry(e, info.name, info.title, info.where);
      e.weight = weightText(info.weight);
      e.weightMicro = info.weight ? info.weight->micro : 0;
      for (std::uint32_t i : info.indicators)
        if (i < m_.indicators.size())
          e.indicators.push_back(m_.indicators[i].name);
      book.domains.push_back(std::move(e));
    }
  }

  void indicators(RuleBook &book) const {
    for (std::size_t i = 0; i < m_.indicators.size(); ++i) {
      const sema::IndicatorInfo &info = m_.indicators[i];
      IndicatorEntry e;
      entry(e, info.name, info.title, info.where);
      for (const ast::IndicatorDecl *o : info.overrides)
        e.overriddenAt.push_back(shortLocation(c_, o->name.range));
      if (info.domain < m_.domains.size())
        e.domain = m_.domains[info.domain].name;
      e.weight = weightText(info.weight);
      e.weightMicro = info.weight ? info.weight->micro : 0;
      e.severity = severityText(info.severity);
      e.basis = info.basis;
      e.lets = lets(info.lets);
      e.score = code(info.score);
      e.pass = code(info.pass);
      e.missing = ast::missingPolicyText(info.missing);
      e.missingWritten = info.missingWritten;
      for (const sema::ChecklistInfo &checklist : m_.checklists)
        e.effective.push_back(i < checklist.effectiveWeights.size() ? checklist.effectiveWeights[i]
                                                                    : 0.0);
      book.indicators.push_back(std::move(e));
    }
  }

  void checks(RuleBook &book) const {
    for (const sema::CheckInfo &info : m_.checks) {
      CheckEntry e;
      entry(e, info.name, info.title, info.where);
      e.lets = lets(info.lets);
      e.when = code(info.when);
      e.flags = info.flags;
      e.basis = info.basis;
      e.missing = info.missing == ast::MissingPolicyKind::Flag ? "flag" : "skip";
      book.checks.push_back(std::move(e));
    }
  }

  void checklists(RuleBook &book) const {
    for (const sema::ChecklistInfo &info : m_.checklists) {
      ChecklistEntry e;
      entry(e, info.name, info.title, info.where);
      e.selector = code(info.selector);
      if (info.decl) {
        std::string names;
        for (const ast::Ident &item : info.decl->items)
          names += (names.empty() ? "" : ", ") + item.text;
        e.listing = !info.decl->all ? names : names.empty() ? "all" : "all except " + names;
      }
      for (std::uint32_t i : info.indicators)
        if (i < m_.indicators.size())
          e.members.push_back(m_.indicators[i].name);
      book.checklists.push_back(std::move(e));
    }
  }

  void values(RuleBook &book) const {
    auto add = [&](const sema::ValueInfo &info, const char *kind) {
      ValueEntry e;
      entry(e, info.name, info.title, info.where);
      e.kind = kind;
      e.type = typeText(info.type);
      e.value = code(info.value);
      e.weighted = info.weighted;
      if (info.weighted && book.totalScore.empty())
        book.totalScore = info.name;
      book.values.push_back(std::move(e));
    };
    for (const sema::ValueInfo &info : m_.lets)
      add(info, "let");
    for (const sema::ValueInfo &info : m_.scores)
      add(info, "score");
  }

  static std::string hitText(const ast::HitPolicy &hit) {
    std::string text;
    switch (hit.kind) {
    case ast::HitPolicyKind::First:
      return "first";
    case ast::HitPolicyKind::Unique:
      return "unique";
    case ast::HitPolicyKind::Any:
      return "any";
    case ast::HitPolicyKind::Priority:
      return "priority";
    case ast::HitPolicyKind::Collect:
      text = "collect";
      break;
    }
    switch (hit.aggregator) {
    case ast::CollectAggregator::None:
      return text;
    case ast::CollectAggregator::Sum:
      return text + " sum";
    case ast::CollectAggregator::Min:
      return text + " min";
    case ast::CollectAggregator::Max:
      return text + " max";
    case ast::CollectAggregator::Count:
      return text + " count";
    }
    return text;
  }

  void tables(RuleBook &book) const {
    for (const sema::TableInfo &info : m_.tables) {
      TableEntry e;
      entry(e, info.name, info.title, info.where);
      e.hit = hitText(info.hit);
      e.type = typeText(info.outcomeType);
      for (const sema::TableRowInfo &row : info.rows)
        e.rows.push_back({code(row.condition), code(row.outcome)});
      if (e.name == "tier" && book.tierTable.empty())
        book.tierTable = e.name;
      book.tables.push_back(std::move(e));
    }
  }

  void outputs(RuleBook &book) const {
    for (const sema::OutputInfo &info : m_.outputs) {
      if (!info.frequencyTable) {
        OutputEntry e;
        entry(e, info.name, info.title, info.where);
        e.type = typeText(info.type);
        e.initial = code(info.initial);
        book.outputs.push_back(std::move(e));
        continue;
      }
      if (book.frequency || *info.frequencyTable >= m_.tables.size())
        continue;
      const sema::TableInfo &table = m_.tables[*info.frequencyTable];
      FrequencyEntry e;
      entry(e, info.name, info.title, info.where);
      e.table = table.name;
      if (table.outcomeType.enumId < m_.enums.size()) {
        const EnumInfo &members = m_.enums.get(table.outcomeType.enumId);
        for (std::size_t k = 0; k < members.members.size(); ++k)
          e.values.push_back(
              {members.members[k].name,
               code(k < info.frequencyValues.size() ? info.frequencyValues[k] : nullptr),
               members.members[k].label == members.members[k].name ? ""
                                                                   : members.members[k].label});
      }
      book.tierTable = table.name;
      book.frequency = std::move(e);
    }
  }

  void rules(RuleBook &book) const {
    for (const sema::RuleInfo &info : m_.rules) {
      RuleEntry e;
      entry(e, info.name, info.title, info.where);
      e.when = code(info.when);
      for (const sema::AssignmentInfo &a : info.assignments)
        e.assignments.push_back(
            {a.output < m_.outputs.size() ? m_.outputs[a.output].name : "", code(a.value)});
      book.rules.push_back(std::move(e));
    }
  }

  void escalations(RuleBook &book) const {
    for (const sema::EscalateInfo &info : m_.escalations) {
      EscalationEntry e;
      entry(e, info.name, info.title, info.where);
      e.when = code(info.when);
      for (const sema::ActionInfo &a : info.actions)
        e.actions.push_back({a.name, code(a.argument)});
      book.escalations.push_back(std::move(e));
    }
  }

  void deadlines(RuleBook &book) const {
    for (const sema::DeadlineInfo &info : m_.deadlines) {
      DeadlineEntry e;
      entry(e, info.name, info.title, info.where);
      e.value = code(info.value);
      book.deadlines.push_back(std::move(e));
    }
  }

  void calendars(RuleBook &book) const {
    for (const ast::CalendarDecl *decl : m_.calendar.decls) {
      CalendarEntry e;
      e.name = decl->name.text;
      e.title = decl->title ? decl->title->value : "";
      e.where = shortLocation(c_, decl->name.range);
      e.year = decl->year;
      for (const ast::StringLit &source : decl->sources)
        e.sources.push_back(source.value);
      for (const ast::CalendarEntry &day : decl->entries) {
        const auto days = static_cast<std::size_t>(std::max(0, day.to.days - day.from.days + 1));
        (day.holiday ? e.holidays : e.workdays) += days;
      }
      book.calendars.push_back(std::move(e));
    }
  }

  void reports(RuleBook &book) const {
    for (const sema::ReportInfo &info : m_.reports) {
      ReportEntry e;
      entry(e, info.name, info.title, info.where);
      e.groupBy = code(info.groupBy);
      for (const sema::ReportItemInfo &item : info.items) {
        ReportItemEntry i{item.name, item.title, code(item.value), {}};
        if (item.targetOp && item.target)
          i.target = std::string(ast::binaryOpText(*item.targetOp)) + " " +
                     oneLine(sourceText(c_, item.target->range));
        e.items.push_back(std::move(i));
      }
      book.reports.push_back(std::move(e));
    }
  }

  const Compilation &c_;
  const sema::Model &m_;
};

} // namespace

const IndicatorEntry *RuleBook::indicator(std::string_view name) const {
  for (const IndicatorEntry &e : indicators)
    if (e.name == name)
      return &e;
  return nullptr;
}

const DomainEntry *RuleBook::domain(std::string_view name) const {
  for (const DomainEntry &e : domains)
    if (e.name == name)
      return &e;
  return nullptr;
}

RuleBook describe(const Compilation &compilation) {
  if (!compilation.model)
    return {};
  return Describer(compilation).run();
}

std::string basePath(const Compilation &compilation) {
  if (!compilation.model)
    return {};
  const FileId root = compilation.model->rootFile;
  const ast::Module *module = compilation.module(root);
  if (!module || !module->header || !module->header->extends || root >= compilation.sources.size())
    return {};
  const std::filesystem::path folder =
      std::filesystem::path(compilation.sources.file(root).path()).parent_path();
  return (folder / module->header->extends->value).lexically_normal().generic_string();
}

std::string percent(double fraction) { return fmt::format("{:.2f}%", fraction * 100.0); }

} // namespace xr::inspect
