// The Info vectors of the Model from the collected declarations: overrides merged, enums
// declared, types of fields/params/outputs/tables resolved, globals, indicator domains and
// checklist items resolved.
#include "compiler/sema/collect.h"

#include "compiler/sema/suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace xr::sema {

namespace {

SourceRange nameRange(const ast::Decl &decl) {
  if (decl.name.range.valid() && !decl.name.empty())
    return decl.name.range;
  return {decl.range.file, decl.range.begin, decl.range.begin};
}

Location locationOfDecl(const ast::Decl &decl) { return {nameRange(decl), decl.range}; }

std::string titleOf(const ast::Decl &decl) { return decl.title ? decl.title->value : ""; }

WeightInfo weightOf(const ast::WeightSpec &w) { return {w.kind, w.micro, w.range}; }

template <typename T> const T &as(const ast::Decl *decl) { return static_cast<const T &>(*decl); }

const std::vector<std::string> kBuiltinTypeNames = {"bool", "int", "number", "text", "date"};

class Builder {
public:
  Builder(Collected &c, Model &m, Diagnostics &d) : c_(c), m_(m), d_(d) {}

  void run() {
    declareEnums();
    for (const DeclEntry &entry : c_.entries)
      if (!entry.retired)
        build(entry);
    buildTests();
    resolveDomains();
    implyTableEnums();
    resolveChecklistItems();
  }

private:
  // ---------------------------------------------------------------- names and references

  void reference(SymbolRef target, SourceRange range) {
    if (range.valid())
      m_.references.push_back({target, range});
  }

  /// Declares a global name; a clash (a field and a declaration) is XR0102.
  bool addGlobal(const std::string &name, SymbolRef ref, SourceRange range) {
    auto [it, inserted] = m_.globals.emplace(name, ref);
    if (inserted)
      return true;
    d_.report(DiagCode::DuplicateDeclaration, range,
              fmt::format("'{}' is already declared as {}; rename one of them", name,
                          withArticle(symbolKindName(it->second.kind))))
        .note(m_.locationOf(it->second).name, "first declared here");
    return false;
  }

  /// References from the declaration's name and from each override's name.
  void declared(const DeclEntry &entry, SymbolRef ref) {
    reference(ref, nameRange(*entry.first));
    for (const ast::Decl *o : entry.overrides)
      reference(ref, nameRange(*o));
  }

  static std::uint32_t next(std::size_t size) { return static_cast<std::uint32_t>(size); }

  // ---------------------------------------------------------------- enums and types

  EnumId addEnum(std::string name, const std::vector<ast::EnumMember> &members, Location where) {
    EnumInfo info;
    info.name = std::move(name);
    EnumSource source;
    source.where = where;
    std::map<std::string, SourceRange, std::less<>> seen;
    const EnumId id = static_cast<EnumId>(m_.enums.size());
    for (const ast::EnumMember &member : members) {
      if (member.name.empty())
        continue;
      if (auto it = seen.find(member.name.text); it != seen.end()) {
        d_.report(
              DiagCode::DuplicateDeclaration, member.name.range,
              fmt::format("member '{}' is declared twice in enum {}", member.name.text, info.name))
            .note(it->second, "first declared here");
        continue;
      }
      seen.emplace(member.name.text, member.name.range);
      reference({SymbolKind::EnumMember, id, next(info.members.size())}, member.name.range);
      info.members.push_back(
          {member.name.text, member.label ? member.label->value : member.name.text});
      source.members.push_back(member.name.range);
    }
    m_.enums.add(std::move(info));
    m_.enumSources.push_back(std::move(source));
    return id;
  }

  void declareEnums() {
    for (const DeclEntry &entry : c_.entries) {
      if (entry.retired || entry.kind != ast::DeclKind::Enum)
        continue;
      const auto &decl = as<ast::EnumDecl>(entry.effective());
      EnumId id = addEnum(entry.name, decl.members, locationOfDecl(*entry.first));
      enumByName_[entry.name] = id;
      if (addGlobal(entry.name, {SymbolKind::Enum, id, 0}, nameRange(*entry.first)))
        declared(entry, {SymbolKind::Enum, id, 0});
    }
  }

  /// The type written in `ref`; an inline enum is declared under `inlineName`.
  Type resolveType(const ast::TypeRef &ref, const std::string &inlineName, Location where) {
    if (ref.inlineEnum)
      return Type::enumeration(addEnum(inlineName, ref.members, where), ref.optional);
    const std::string &name = ref.name.text;
    if (name.empty())
      return Type::error(); // the parser reported it
    Type t;
    if (name == "bool")
      t = Type::boolean();
    else if (name == "int")
      t = Type::integer();
    else if (name == "number")
      t = Type::number();
    else if (name == "text")
      t = Type::text();
    else if (name == "date")
      t = Type::date();
    else if (name == "duration") {
      d_.report(DiagCode::TypeMismatch, ref.name.range,
                "a value cannot have the type duration: durations are written only in date "
                "arithmetic (`d + 5 days`); store a number of days as an int");
      return Type::error();
    } else if (auto it = enumByName_.find(name); it != enumByName_.end()) {
      t = Type::enumeration(it->second);
      reference({SymbolKind::Enum, it->second, 0}, ref.name.range);
    } else {
      std::vector<std::string> candidates = kBuiltinTypeNames;
      for (const auto &[enumName, id] : enumByName_)
        candidates.push_back(enumName);
      auto suggestion = closestMatch(name, candidates);
      auto &diag = d_.report(DiagCode::UnknownName, ref.name.range,
                             fmt::format("unknown type '{}'{}; a type is bool, int, number, "
                                         "text, date or the name of an enum",
                                         name, didYouMean(suggestion)));
      addReplacementFix(diag, ref.name.range, suggestion);
      return Type::error();
    }
    t.optional = ref.optional;
    return t;
  }

  // ---------------------------------------------------------------- declarations

  void build(const DeclEntry &entry) {
    switch (entry.kind) {
    case ast::DeclKind::Record:
      buildRecord(entry);
      break;
    case ast::DeclKind::Enum:
      break; // declared first, so that any type can name any enum
    case ast::DeclKind::Param:
      buildParam(entry);
      break;
    case ast::DeclKind::Domain:
      buildDomain(entry);
      break;
    case ast::DeclKind::Indicator:
      buildIndicator(entry);
      break;
    case ast::DeclKind::Check:
      buildCheck(entry);
      break;
    case ast::DeclKind::Checklist:
      buildChecklist(entry);
      break;
    case ast::DeclKind::Let:
    case ast::DeclKind::Score:
      buildValue(entry);
      break;
    case ast::DeclKind::Table:
      buildTable(entry);
      break;
    case ast::DeclKind::Output:
      buildOutput(entry);
      break;
    case ast::DeclKind::Frequency:
      buildFrequency(entry);
      break;
    case ast::DeclKind::Rule:
      buildRule(entry);
      break;
    case ast::DeclKind::Escalate:
      buildEscalation(entry);
      break;
    case ast::DeclKind::Deadline:
      buildDeadline(entry);
      break;
    case ast::DeclKind::Calendar:
      buildCalendar(entry);
      break;
    case ast::DeclKind::Report:
      buildReport(entry);
      break;
    case ast::DeclKind::Example:
      buildExample(entry);
      break;
    case ast::DeclKind::Test:
    case ast::DeclKind::Retire:
      break;
    }
  }

  void buildRecord(const DeclEntry &entry) {
    const auto &decl = as<ast::RecordDecl>(entry.effective());
    m_.recordName = entry.name;
    m_.record = &decl;
    for (const ast::FieldDecl &field : decl.fields) {
      if (field.name.empty())
        continue;
      FieldInfo info;
      info.name = field.name.text;
      info.title = field.title ? field.title->value : "";
      info.type = resolveType(field.type, entry.name + "." + field.name.text,
                              {field.name.range, field.range});
      info.unit = field.unit ? field.unit->value : "";
      info.key = field.key;
      info.decl = &field;
      info.where = {field.name.range, field.range};
      SymbolRef ref{SymbolKind::Field, next(m_.fields.size()), 0};
      if (!addGlobal(info.name, ref, field.name.range))
        continue;
      reference(ref, field.name.range);
      m_.fields.push_back(std::move(info));
    }
  }

  void buildParam(const DeclEntry &entry) {
    const auto &decl = as<ast::ParamDecl>(entry.effective());
    ParamInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.where = locationOfDecl(*entry.first);
    info.type = resolveType(decl.type, entry.name, info.where);
    info.unit = decl.unit ? decl.unit->value : "";
    info.defaultValue = decl.defaultValue.get();
    info.decl = &decl;
    SymbolRef ref{SymbolKind::Param, next(m_.params.size()), 0};
    if (addGlobal(entry.name, ref, nameRange(decl)))
      declared(entry, ref);
    m_.params.push_back(std::move(info));
  }

  /// Declares `entry`'s name as the next element of `into` and appends its info there.
  template <typename Info>
  void publish(const DeclEntry &entry, SymbolKind kind, std::vector<Info> &into, Info info) {
    const SymbolRef ref{kind, next(into.size()), 0};
    if (addGlobal(entry.name, ref, nameRange(*entry.first)))
      declared(entry, ref);
    into.push_back(std::move(info));
  }

  void buildDomain(const DeclEntry &entry) {
    DomainInfo info;
    info.name = entry.name;
    info.decl = &as<ast::DomainDecl>(entry.first);
    info.where = locationOfDecl(*entry.first);
    std::vector<const ast::Decl *> chain{entry.first};
    chain.insert(chain.end(), entry.overrides.begin(), entry.overrides.end());
    for (const ast::Decl *d : chain) {
      const auto &domain = as<ast::DomainDecl>(d);
      if (domain.title)
        info.title = domain.title->value;
      if (domain.weight)
        info.weight = weightOf(*domain.weight);
    }
    publish(entry, SymbolKind::Domain, m_.domains, std::move(info));
  }

  /// Lets of one declaration, checked for duplicates within it.
  std::vector<LetInfo> letsOf(const std::vector<ast::LetItem> &lets, const std::string &owner) {
    std::vector<LetInfo> out;
    std::map<std::string, SourceRange, std::less<>> seen;
    for (const ast::LetItem &let : lets) {
      if (let.name.empty() || !let.value)
        continue;
      if (auto it = seen.find(let.name.text); it != seen.end()) {
        d_.report(DiagCode::DuplicateDeclaration, let.name.range,
                  fmt::format("let '{}' is declared twice in {}", let.name.text, owner))
            .note(it->second, "first declared here");
        continue;
      }
      seen.emplace(let.name.text, let.name.range);
      out.push_back(
          {let.name.text, let.value.get(), Type::error(), let.id, {let.name.range, let.range}});
    }
    return out;
  }

  void buildIndicator(const DeclEntry &entry) {
    const std::uint32_t index = next(m_.indicators.size());
    IndicatorInfo info;
    info.name = entry.name;
    info.decl = &as<ast::IndicatorDecl>(entry.first);
    info.where = locationOfDecl(*entry.first);
    std::vector<const ast::Decl *> chain{entry.first};
    chain.insert(chain.end(), entry.overrides.begin(), entry.overrides.end());
    const std::string owner = "indicator " + entry.name;
    for (const ast::Decl *d : chain) {
      const auto &ind = as<ast::IndicatorDecl>(d);
      if (d != entry.first)
        info.overrides.push_back(&ind);
      if (ind.title)
        info.title = ind.title->value;
      if (ind.domain)
        domainNames_[index] = *ind.domain;
      if (ind.weight)
        info.weight = weightOf(*ind.weight);
      if (ind.severity)
        info.severity = ind.severity;
      if (!ind.basis.empty()) {
        info.basis.clear();
        for (const ast::StringLit &b : ind.basis)
          info.basis.push_back(b.value);
      }
      for (LetInfo &let : letsOf(ind.lets, owner)) {
        auto it = std::find_if(info.lets.begin(), info.lets.end(),
                               [&](const LetInfo &l) { return l.name == let.name; });
        if (it != info.lets.end())
          *it = std::move(let); // replaced in place: later lets may use it
        else
          info.lets.push_back(std::move(let));
      }
      if (ind.score)
        info.score = ind.score.get();
      if (ind.pass)
        info.pass = ind.pass.get();
      if (ind.missing) {
        info.missing = *ind.missing;
        info.missingWritten = true;
      }
    }
    info.domainWritten = domainNames_.count(index) > 0;
    for (std::uint32_t k = 0; k < info.lets.size(); ++k)
      reference({SymbolKind::IndicatorLet, index, k}, info.lets[k].where.name);
    SymbolRef ref{SymbolKind::Indicator, index, 0};
    if (addGlobal(entry.name, ref, nameRange(*entry.first)))
      declared(entry, ref);
    m_.indicators.push_back(std::move(info));
  }

  void buildCheck(const DeclEntry &entry) {
    const auto &decl = as<ast::CheckDecl>(entry.effective());
    const std::uint32_t index = next(m_.checks.size());
    CheckInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.lets = letsOf(decl.lets, "check " + entry.name);
    info.when = decl.when.get();
    for (const ast::Ident &flag : decl.flags)
      if (!flag.empty())
        info.flags.push_back(flag.text);
    for (const ast::StringLit &b : decl.basis)
      info.basis.push_back(b.value);
    if (decl.missing)
      info.missing = decl.missing->kind;
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    for (std::uint32_t k = 0; k < info.lets.size(); ++k)
      reference({SymbolKind::CheckLet, index, k}, info.lets[k].where.name);
    SymbolRef ref{SymbolKind::Check, index, 0};
    if (addGlobal(entry.name, ref, nameRange(*entry.first)))
      declared(entry, ref);
    m_.checks.push_back(std::move(info));
  }

  void buildChecklist(const DeclEntry &entry) {
    const auto &decl = as<ast::ChecklistDecl>(entry.effective());
    ChecklistInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.selector = decl.selector.get();
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    publish(entry, SymbolKind::Checklist, m_.checklists, std::move(info));
  }

  void buildValue(const DeclEntry &entry) {
    const ast::Decl *decl = entry.effective();
    const bool isLet = entry.kind == ast::DeclKind::Let;
    ValueInfo info;
    info.name = entry.name;
    info.title = titleOf(*decl);
    info.value = isLet ? as<ast::LetDecl>(decl).value.get() : as<ast::ScoreDecl>(decl).value.get();
    info.decl = decl;
    info.where = locationOfDecl(*entry.first);
    auto &list = isLet ? m_.lets : m_.scores;
    publish(entry, isLet ? SymbolKind::Let : SymbolKind::Score, list, std::move(info));
  }

  void buildTable(const DeclEntry &entry) {
    const auto &decl = as<ast::TableDecl>(entry.effective());
    TableInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.hit = decl.hit;
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    for (const ast::TableRow &row : decl.rows) {
      if (!row.outcome)
        continue;
      info.rows.push_back({row.condition.get(), row.outcome.get(), row.range});
      info.hasOtherwise = info.hasOtherwise || row.otherwise();
    }
    bool fixed = false;
    if (decl.outcomeType) {
      info.outcomeType = resolveType(*decl.outcomeType, entry.name, info.where).required();
      fixed = true;
    }
    publish(entry, SymbolKind::Table, m_.tables, std::move(info));
    c_.tableOutcomeFixed.push_back(fixed);
  }

  void buildOutput(const DeclEntry &entry) {
    const auto &decl = as<ast::OutputDecl>(entry.effective());
    OutputInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.where = locationOfDecl(*entry.first);
    info.type = resolveType(decl.type, entry.name, info.where);
    info.initial = decl.initial.get();
    info.decl = &decl;
    publish(entry, SymbolKind::Output, m_.outputs, std::move(info));
  }

  void buildFrequency(const DeclEntry &entry) {
    const auto &decl = as<ast::FrequencyDecl>(entry.effective());
    OutputInfo info;
    info.name = "frequency";
    info.title = titleOf(decl);
    info.type = Type::number(); // refined when the values are checked
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    SymbolRef ref{SymbolKind::Output, next(m_.outputs.size()), 0};
    // A second frequency (XR0407) is kept as an output but is not the name `frequency`.
    if (!m_.globals.count("frequency") && addGlobal("frequency", ref, nameRange(*entry.first)))
      declared(entry, ref);
    m_.outputs.push_back(std::move(info));
  }

  void buildRule(const DeclEntry &entry) {
    const auto &decl = as<ast::RuleDecl>(entry.effective());
    RuleInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.when = decl.when.get();
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    publish(entry, SymbolKind::Rule, m_.rules, std::move(info));
  }

  void buildEscalation(const DeclEntry &entry) {
    const auto &decl = as<ast::EscalateDecl>(entry.effective());
    EscalateInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.when = decl.when.get();
    for (const ast::Action &action : decl.actions)
      if (!action.name.empty())
        info.actions.push_back({action.name.text, action.argument.get(), action.range});
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    publish(entry, SymbolKind::Escalate, m_.escalations, std::move(info));
  }

  void buildDeadline(const DeclEntry &entry) {
    const auto &decl = as<ast::DeadlineDecl>(entry.effective());
    DeadlineInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.value = decl.value.get();
    info.type = Type::date();
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    publish(entry, SymbolKind::Deadline, m_.deadlines, std::move(info));
  }

  void buildCalendar(const DeclEntry &entry) {
    const auto &decl = as<ast::CalendarDecl>(entry.effective());
    SymbolRef ref{SymbolKind::Calendar, next(m_.calendar.decls.size()), 0};
    if (addGlobal(entry.name, ref, nameRange(*entry.first)))
      declared(entry, ref);
    m_.calendar.decls.push_back(&decl);
  }

  void buildReport(const DeclEntry &entry) {
    const auto &decl = as<ast::ReportDecl>(entry.effective());
    const std::uint32_t index = next(m_.reports.size());
    ReportInfo info;
    info.name = entry.name;
    info.title = titleOf(decl);
    info.groupBy = decl.groupBy.get();
    info.decl = &decl;
    info.where = locationOfDecl(*entry.first);
    std::map<std::string, SourceRange, std::less<>> seen;
    for (const ast::ReportItem &item : decl.items) {
      if (item.name.empty() || !item.value)
        continue;
      if (auto it = seen.find(item.name.text); it != seen.end()) {
        d_.report(
              DiagCode::DuplicateDeclaration, item.name.range,
              fmt::format("item '{}' is declared twice in report {}", item.name.text, entry.name))
            .note(it->second, "first declared here");
        continue;
      }
      seen.emplace(item.name.text, item.name.range);
      reference({SymbolKind::ReportItem, index, next(info.items.size())}, item.name.range);
      ReportItemInfo out;
      out.name = item.name.text;
      out.title = item.title ? item.title->value : "";
      out.value = item.value.get();
      out.targetOp = item.targetOp;
      out.target = item.target.get();
      out.item = &item;
      info.items.push_back(std::move(out));
    }
    SymbolRef ref{SymbolKind::Report, index, 0};
    if (addGlobal(entry.name, ref, nameRange(*entry.first)))
      declared(entry, ref);
    m_.reports.push_back(std::move(info));
  }

  void buildExample(const DeclEntry &entry) {
    const auto &decl = as<ast::ExampleDecl>(entry.effective());
    SymbolRef ref{SymbolKind::Example, next(m_.examples.size()), 0};
    if (addGlobal(entry.name, ref, nameRange(*entry.first)))
      declared(entry, ref);
    m_.examples.push_back({entry.name, &decl, locationOfDecl(*entry.first)});
  }

  void buildTests() {
    for (const ast::TestDecl *test : c_.tests) {
      SourceRange title = test->title ? test->title->range : nameRange(*test);
      m_.tests.push_back({test->title ? test->title->value : "", test, {title, test->range}});
    }
  }

  // ---------------------------------------------------------------- cross references

  std::vector<std::string> namesOf(std::initializer_list<SymbolKind> kinds) const {
    std::vector<std::string> names;
    for (const auto &[name, ref] : m_.globals)
      if (std::find(kinds.begin(), kinds.end(), ref.kind) != kinds.end())
        names.push_back(name);
    return names;
  }

  const RetiredInfo *retiredNamed(std::string_view name, ast::DeclKind kind) const {
    for (const RetiredInfo &r : m_.retired)
      if (r.name == name && r.kind == kind)
        return &r;
    return nullptr;
  }

  void resolveDomains() {
    for (const auto &[index, ident] : domainNames_) {
      IndicatorInfo &ind = m_.indicators[index];
      auto ref = m_.lookup(ident.text);
      if (ref && ref->kind == SymbolKind::Domain) {
        ind.domain = ref->index;
        m_.domains[ref->index].indicators.push_back(index);
        reference(*ref, ident.range);
        continue;
      }
      if (const RetiredInfo *r = retiredNamed(ident.text, ast::DeclKind::Domain); r && !ref) {
        d_.report(DiagCode::UnknownDomain, ident.range,
                  fmt::format("domain {} of indicator {} is retired; move {} to another domain "
                              "(`override indicator {} {{ in ... }}`) or retire it too",
                              ident.text, ind.name, ind.name, ind.name))
            .note(r->retiredAt, "retired here");
        continue;
      }
      auto suggestion = closestMatch(ident.text, namesOf({SymbolKind::Domain}));
      auto &diag =
          d_.report(DiagCode::UnknownDomain, ident.range,
                    ref ? fmt::format("'{}' is {}, not a domain; indicator {} needs a domain{}",
                                      ident.text, withArticle(symbolKindName(ref->kind)), ind.name,
                                      didYouMean(suggestion))
                        : fmt::format("unknown domain '{}' in indicator {}{}", ident.text, ind.name,
                                      didYouMean(suggestion)));
      addReplacementFix(diag, ident.range, suggestion);
    }
    // domainNames_ is keyed by indicator index, so each domain lists its indicators in order.
  }

  void implyTableEnums() {
    for (std::uint32_t t = 0; t < m_.tables.size(); ++t) {
      if (c_.tableOutcomeFixed[t])
        continue;
      TableInfo &table = m_.tables[t];
      std::vector<ast::EnumMember> members;
      std::set<std::string, std::less<>> seen;
      for (const TableRowInfo &row : table.rows) {
        if (row.outcome->kind != ast::ExprKind::Name)
          continue;
        const ast::Ident &name = ast::as<ast::NameExpr>(*row.outcome).name;
        if (name.empty() || m_.globals.count(name.text) || name.text == m_.recordName)
          continue;
        if (seen.insert(name.text).second)
          members.push_back({name, std::nullopt});
      }
      if (members.empty())
        continue;
      // The members' first appearances are their declarations: no separate references.
      const std::size_t before = m_.references.size();
      EnumId id = addEnum(table.name, members, table.where);
      m_.references.resize(before);
      table.outcomeType = Type::enumeration(id);
      c_.tableOutcomeFixed[t] = true;
    }
  }

  void resolveChecklistItems() {
    std::map<std::string, const RetiredInfo *, std::less<>> retired;
    for (const RetiredInfo &r : m_.retired)
      retired.emplace(r.name, &r);
    for (ChecklistInfo &list : m_.checklists) {
      for (const ast::Ident &item : list.decl->items) {
        if (item.empty())
          continue;
        auto ref = m_.lookup(item.text);
        if (ref && (ref->kind == SymbolKind::Indicator || ref->kind == SymbolKind::Domain)) {
          list.items.push_back({*ref, item.range});
          reference(*ref, item.range);
          continue;
        }
        if (!ref) {
          auto r = retired.find(item.text);
          if (r != retired.end() && r->second->kind == ast::DeclKind::Indicator)
            continue; // retiring an indicator removes it from every checklist
          if (r != retired.end() && r->second->kind == ast::DeclKind::Domain) {
            d_.report(DiagCode::UnknownIndicator, item.range,
                      fmt::format("domain {} in checklist {} is retired; remove it from the list",
                                  item.text, list.name))
                .note(r->second->retiredAt, "retired here");
            continue;
          }
        }
        auto suggestion =
            closestMatch(item.text, namesOf({SymbolKind::Indicator, SymbolKind::Domain}));
        auto &diag =
            d_.report(DiagCode::UnknownIndicator, item.range,
                      ref ? fmt::format("'{}' is {}; checklist {} lists indicators and domains{}",
                                        item.text, withArticle(symbolKindName(ref->kind)),
                                        list.name, didYouMean(suggestion))
                          : fmt::format("unknown indicator or domain '{}' in checklist {}{}",
                                        item.text, list.name, didYouMean(suggestion)));
        addReplacementFix(diag, item.range, suggestion);
      }
    }
  }

  Collected &c_;
  Model &m_;
  Diagnostics &d_;
  std::map<std::string, EnumId, std::less<>> enumByName_;
  std::map<std::uint32_t, ast::Ident> domainNames_; // indicator -> its `in DOMAIN`
};

} // namespace

void buildModel(Collected &collected, Model &model, Diagnostics &diagnostics) {
  Builder(collected, model, diagnostics).run();
}

} // namespace xr::sema
