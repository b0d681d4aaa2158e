#include "compiler/inspect/handbook.h"

#include "compiler/inspect/comparison_document.h"
#include "compiler/inspect/labels.h"
#include "compiler/inspect/source_text.h"

#include <algorithm>

namespace xr::inspect {
namespace {

/// `head` and `code` as one piece of source, laid out as written: sourceText starts the code
/// with the spaces its first line needs to keep its continuation lines where they were
/// ("  (a)\n+ (b)"); after a head they come off the first line and go on the others
/// ("score = (a)\n      + (b)").
std::string headed(const std::string &head, std::string code) {
  std::size_t lead = 0;
  while (lead < code.size() && code[lead] == ' ')
    ++lead;
  if (lead > head.size())
    lead = 0;
  code.erase(0, lead);
  std::string out = head;
  const std::string indent(head.size() - lead, ' ');
  for (char c : code) {
    out += c;
    if (c == '\n')
      out += indent;
  }
  return out;
}

std::string lines(const std::vector<std::string> &items) {
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : "\n") + item;
  return out;
}

Line titled(const std::string &name, const std::string &title) {
  Line line = codeSpan(name);
  if (!title.empty())
    line.push_back({" " + title, false});
  return line;
}

class Builder {
public:
  Builder(const RuleBook &book, const Comparison *changes)
      : b_(book), changes_(changes), l_(labelsFor(languageOf(book.title))) {}

  Document run() {
    doc_.language = std::string(l_.htmlLanguage);
    doc_.title = fill(l_.handbook, b_.title);
    doc_.heading(1, prose(doc_.title));
    overview();
    domains();
    indicators();
    checklists();
    weights();
    values();
    tables();
    frequency();
    rules();
    outputs();
    escalations();
    deadlines();
    checks();
    reports();
    params();
    fields();
    calendars();
    changeLog();
    return std::move(doc_);
  }

private:
  Line text(const std::string &s) const { return prose(s.empty() ? std::string(l_.none) : s); }
  Line codeOrNone(const Code &code) const {
    return code.present() ? codeSpan(oneLine(code.text)) : prose(std::string(l_.none));
  }
  Line label(std::string_view s) const { return prose(std::string(s)); }

  /// A table of properties; keys read as in a sentence ("domains", not "Domains").
  void keyValues(std::vector<std::pair<std::string_view, Line>> rows) {
    std::vector<std::vector<Line>> cells;
    for (auto &[key, value] : rows) {
      std::string text(key);
      if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
      cells.push_back({prose(std::move(text)), std::move(value)});
    }
    doc_.table({label(l_.property), label(l_.content)}, std::move(cells));
  }

  void overview() {
    doc_.heading(2, label(l_.overview));
    std::string_view weights = b_.weightKind == "shares"   ? l_.weightShares
                               : b_.weightKind == "points" ? l_.weightPoints
                                                           : l_.weightNone;
    std::vector<std::pair<std::string_view, Line>> rows = {
        {l_.title, prose(b_.title)},
        {l_.version, prose(std::to_string(b_.version))},
        {l_.file, codeSpan(b_.file)},
    };
    if (!b_.extends.empty())
      rows.push_back({l_.extends, codeSpan(b_.extends)});
    rows.push_back({l_.weights, label(weights)});
    rows.push_back({l_.domains, prose(std::to_string(b_.domains.size()))});
    rows.push_back({l_.listing, prose(std::to_string(b_.indicators.size()))});
    std::string checklists;
    for (const ChecklistEntry &c : b_.checklists)
      checklists += (checklists.empty() ? "" : ", ") + c.name;
    rows.push_back(
        {l_.checklists, prose(fill(l_.counted, std::to_string(b_.checklists.size()), checklists))});
    keyValues(std::move(rows));
  }

  void domains() {
    if (b_.domains.empty())
      return;
    doc_.heading(2, label(l_.domains));
    std::vector<std::vector<Line>> rows;
    for (const DomainEntry &d : b_.domains) {
      std::string names;
      for (const std::string &name : d.indicators)
        names += (names.empty() ? "" : ", ") + name;
      rows.push_back({codeSpan(d.name), text(d.title), text(d.weight),
                      prose(std::to_string(d.indicators.size())), text(names)});
    }
    doc_.table({label(l_.name), label(l_.title), label(l_.weight), label(l_.memberCount),
                label(l_.listing)},
               std::move(rows), {false, false, true, true, false});
  }

  std::string effectiveText(const IndicatorEntry &e) const {
    std::string out;
    for (std::size_t c = 0; c < b_.checklists.size() && c < e.effective.size(); ++c)
      out += (out.empty() ? "" : " · ") + b_.checklists[c].name + " " +
             (e.effective[c] > 0 ? percent(e.effective[c]) : std::string(l_.none));
    return out;
  }

  std::string scoringText(const IndicatorEntry &e) const {
    if (e.score.present() && e.pass.present())
      return std::string(l_.scoringBoth);
    return std::string(e.score.present() ? l_.scoringScore : l_.scoringPass);
  }

  void indicator(const IndicatorEntry &e) {
    doc_.heading(4, titled(e.name, e.title));
    const DomainEntry *d = b_.domain(e.domain);
    const std::string domain =
        d && !d->title.empty() ? fill(l_.counted, d->title, d->name) : e.domain;
    std::string where = e.where;
    for (const std::string &at : e.overriddenAt)
      where += "\n" + std::string(l_.overridden) + std::string(l_.colon) + at;
    keyValues({
        {l_.domain, text(domain)},
        {l_.weightInDomain, text(e.weight)},
        {l_.effectiveWeight, text(effectiveText(e))},
        {l_.severity, text(severityLabel(l_, e.severity))},
        {l_.scoring, text(scoringText(e))},
        {l_.missing,
         prose(e.missingWritten ? missingLabel(l_, e.missing) : std::string(l_.missingNotNeeded))},
        {l_.basis, text(lines(e.basis))},
        {l_.source, text(where)},
    });
    std::vector<std::string> logic;
    for (const NamedCode &let : e.lets)
      logic.push_back(headed("let " + let.name + " = ", let.code.text));
    if (e.score.present())
      logic.push_back(headed("score = ", e.score.text));
    if (e.pass.present())
      logic.push_back(headed("pass when ", e.pass.text));
    doc_.code(lines(logic), "xr");
  }

  void indicators() {
    if (b_.indicators.empty())
      return;
    doc_.heading(2, label(l_.indicators));
    for (const DomainEntry &d : b_.domains) {
      if (d.indicators.empty())
        continue;
      Line heading = titled(d.name, d.title);
      if (!d.weight.empty())
        heading.push_back({fill(l_.counted, "", d.weight), false});
      doc_.heading(3, std::move(heading));
      for (const std::string &name : d.indicators)
        if (const IndicatorEntry *e = b_.indicator(name))
          indicator(*e);
    }
  }

  void checklists() {
    if (b_.checklists.empty())
      return;
    doc_.heading(2, label(l_.checklists));
    for (const ChecklistEntry &c : b_.checklists) {
      doc_.heading(3, titled(c.name, c.title));
      keyValues({
          {l_.selector, codeOrNone(c.selector)},
          {l_.listing, c.listing.empty() ? label(l_.none) : codeSpan(c.listing)},
          {l_.memberCount, prose(std::to_string(c.members.size()))},
      });
    }
  }

  void weights() {
    if (b_.indicators.empty() || b_.checklists.empty())
      return;
    doc_.heading(2, label(l_.effectiveWeights));
    doc_.paragraph(label(l_.effectiveWeightsNote));
    std::vector<Line> header = {label(l_.name), label(l_.title), label(l_.domain)};
    std::vector<bool> right = {false, false, false};
    for (const ChecklistEntry &c : b_.checklists) {
      header.push_back(codeSpan(c.name));
      right.push_back(true);
    }
    std::vector<std::vector<Line>> rows;
    std::vector<double> totals(b_.checklists.size(), 0.0);
    for (const DomainEntry &d : b_.domains)
      for (const std::string &name : d.indicators) {
        const IndicatorEntry *e = b_.indicator(name);
        if (!e)
          continue;
        std::vector<Line> row = {codeSpan(e->name), text(e->title), codeSpan(e->domain)};
        for (std::size_t c = 0; c < b_.checklists.size(); ++c) {
          const double w = c < e->effective.size() ? e->effective[c] : 0.0;
          totals[c] += w;
          row.push_back(prose(w > 0 ? percent(w) : std::string(l_.none)));
        }
        rows.push_back(std::move(row));
      }
    std::vector<Line> sum = {label(l_.total), label(""), label("")};
    for (double t : totals)
      sum.push_back(prose(percent(t)));
    rows.push_back(std::move(sum));
    doc_.table(std::move(header), std::move(rows), std::move(right));
  }

  void values() {
    if (b_.values.empty())
      return;
    doc_.heading(2, label(l_.values));
    std::vector<std::vector<Line>> rows;
    for (const ValueEntry &v : b_.values)
      rows.push_back({codeSpan(v.name), text(v.title), codeSpan(v.kind), codeOrNone(v.value)});
    doc_.table({label(l_.name), label(l_.title), label(l_.kind), label(l_.value)}, std::move(rows));
  }

  void tables() {
    if (b_.tables.empty())
      return;
    doc_.heading(2, label(l_.tables));
    for (const TableEntry &t : b_.tables) {
      doc_.heading(3, titled(t.name, t.title));
      keyValues({{l_.hit, prose(hitLabel(l_, t.hit))}, {l_.type, codeSpan(t.type)}});
      std::vector<std::vector<Line>> rows;
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        rows.push_back({prose(std::to_string(r + 1)),
                        t.rows[r].condition.present() ? codeSpan(oneLine(t.rows[r].condition.text))
                                                      : codeSpan("otherwise"),
                        codeOrNone(t.rows[r].outcome)});
      doc_.table({prose("#"), label(l_.condition), label(l_.outcome)}, std::move(rows),
                 {true, false, false});
    }
  }

  void frequency() {
    if (!b_.frequency)
      return;
    const FrequencyEntry &f = *b_.frequency;
    doc_.heading(2, label(f.title.empty() ? l_.frequency : std::string_view(f.title)));
    doc_.paragraph({{std::string(l_.tierTable) + std::string(l_.colon), false}, {f.table, true}});
    std::vector<std::vector<Line>> rows;
    for (const NamedCode &v : f.values)
      rows.push_back({codeSpan(v.name), text(v.title), codeOrNone(v.code)});
    doc_.table({label(l_.member), label(l_.title), label(l_.perYear)}, std::move(rows),
               {false, false, true});
  }

  void rules() {
    if (b_.rules.empty())
      return;
    doc_.heading(2, label(l_.rules));
    doc_.paragraph(label(l_.rulesNote));
    for (const RuleEntry &r : b_.rules) {
      doc_.heading(3, titled(r.name, r.title));
      std::vector<std::string> logic = {headed("when ", r.when.text)};
      for (const AssignmentEntry &a : r.assignments)
        logic.push_back(headed(a.output + " = ", a.value.text));
      doc_.code(lines(logic), "xr");
    }
  }

  void outputs() {
    if (b_.outputs.empty())
      return;
    doc_.heading(2, label(l_.outputs));
    std::vector<std::vector<Line>> rows;
    for (const OutputEntry &o : b_.outputs)
      rows.push_back({codeSpan(o.name), text(o.title), codeSpan(o.type), codeOrNone(o.initial)});
    doc_.table({label(l_.name), label(l_.title), label(l_.type), label(l_.initial)},
               std::move(rows));
  }

  void escalations() {
    if (b_.escalations.empty())
      return;
    doc_.heading(2, label(l_.escalations));
    doc_.paragraph(label(l_.escalationsNote));
    for (const EscalationEntry &e : b_.escalations) {
      doc_.heading(3, titled(e.name, e.title));
      std::vector<std::string> logic = {headed("when ", e.when.text)};
      for (const ActionEntry &a : e.actions)
        logic.push_back(a.argument.present() ? headed("action " + a.name + " ", a.argument.text)
                                             : "action " + a.name);
      doc_.code(lines(logic), "xr");
    }
  }

  void deadlines() {
    if (b_.deadlines.empty())
      return;
    doc_.heading(2, label(l_.deadlines));
    std::vector<std::vector<Line>> rows;
    for (const DeadlineEntry &d : b_.deadlines)
      rows.push_back({codeSpan(d.name), text(d.title), codeOrNone(d.value)});
    doc_.table({label(l_.name), label(l_.title), label(l_.value)}, std::move(rows));
  }

  void checks() {
    if (b_.checks.empty())
      return;
    doc_.heading(2, label(l_.checks));
    std::vector<std::vector<Line>> rows;
    for (const CheckEntry &c : b_.checks) {
      std::string flags;
      for (const std::string &f : c.flags)
        flags += (flags.empty() ? "" : ", ") + f;
      rows.push_back({codeSpan(c.name), text(c.title), codeOrNone(c.when), codeSpan(flags),
                      prose(missingLabel(l_, c.missing)), text(lines(c.basis))});
    }
    doc_.table({label(l_.name), label(l_.title), label(l_.condition), label(l_.flags),
                label(l_.missing), label(l_.basis)},
               std::move(rows));
  }

  void reports() {
    if (b_.reports.empty())
      return;
    doc_.heading(2, label(l_.reports));
    for (const ReportEntry &r : b_.reports) {
      doc_.heading(3, titled(r.name, r.title));
      if (r.groupBy.present())
        doc_.paragraph({{std::string(l_.groupBy) + std::string(l_.colon), false},
                        {oneLine(r.groupBy.text), true}});
      std::vector<std::vector<Line>> rows;
      for (const ReportItemEntry &i : r.items)
        rows.push_back({codeSpan(i.name), text(i.title), codeOrNone(i.value),
                        i.target.empty() ? label(l_.none) : codeSpan(i.target)});
      doc_.table({label(l_.name), label(l_.title), label(l_.value), label(l_.target)},
                 std::move(rows));
    }
  }

  void params() {
    if (b_.params.empty())
      return;
    doc_.heading(2, label(l_.params));
    std::vector<std::vector<Line>> rows;
    for (const ParamEntry &p : b_.params)
      rows.push_back({codeSpan(p.name), text(p.title), codeSpan(p.type), text(p.unit),
                      codeOrNone(p.defaultValue)});
    doc_.table(
        {label(l_.name), label(l_.title), label(l_.type), label(l_.unit), label(l_.defaultValue)},
        std::move(rows));
  }

  void fields() {
    if (b_.fields.empty())
      return;
    Line heading = label(l_.fields);
    heading.push_back({" ", false});
    heading.push_back({b_.recordName, true});
    doc_.heading(2, std::move(heading));
    std::vector<std::vector<Line>> rows;
    for (const FieldEntry &f : b_.fields)
      rows.push_back({codeSpan(f.name), text(f.title), codeSpan(f.key ? f.type + " key" : f.type),
                      text(f.unit)});
    doc_.table({label(l_.name), label(l_.title), label(l_.type), label(l_.unit)}, std::move(rows));
  }

  void calendars() {
    if (b_.calendars.empty())
      return;
    doc_.heading(2, label(l_.calendars));
    std::vector<std::vector<Line>> rows;
    for (const CalendarEntry &c : b_.calendars)
      rows.push_back({codeSpan(c.name), text(c.title), prose(std::to_string(c.year)),
                      prose(std::to_string(c.holidays)), prose(std::to_string(c.workdays)),
                      text(lines(c.sources))});
    doc_.table({label(l_.name), label(l_.title), label(l_.year), label(l_.holidays),
                label(l_.workdays), label(l_.basis)},
               std::move(rows), {false, false, true, true, true, false});
  }

  void changeLog() {
    doc_.heading(2, label(l_.changeLog));
    if (!changes_) {
      doc_.paragraph(label(l_.changeLogNone));
      return;
    }
    doc_.paragraph(prose(fill(l_.changeLogAgainst, changes_->before.title, changes_->before.file)));
    doc_.append(comparisonDocument(*changes_, l_, 3));
  }

  const RuleBook &b_;
  const Comparison *changes_;
  const Labels &l_;
  Document doc_;
};

} // namespace

Document handbookDocument(const RuleBook &book, const Comparison *changes) {
  return Builder(book, changes).run();
}

} // namespace xr::inspect
