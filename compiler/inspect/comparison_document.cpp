#include "compiler/inspect/comparison_document.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::inspect {
namespace {

std::string joined(const std::vector<std::string> &items) {
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : "\n") + item;
  return out;
}

void prefixed(std::string &out, const std::string &text, const char *mark) {
  std::size_t start = 0;
  while (true) {
    const std::size_t cut = text.find('\n', start);
    if (!out.empty())
      out += '\n';
    out += mark + text.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
    if (cut == std::string::npos)
      break;
    start = cut + 1;
  }
}

class Builder {
public:
  Builder(const Comparison &c, const Labels &l, int level) : c_(c), l_(l), level_(level) {}

  Document run() {
    doc_.language = std::string(l_.htmlLanguage);
    if (level_ <= 2) {
      const std::string title = fill(l_.comparison, c_.before.title, c_.after.title);
      doc_.title = title;
      doc_.heading(1, prose(title));
      doc_.paragraph(
          prose(fmt::format("{} {} {} {} · {} {} {} {}", l_.version, c_.before.version, l_.arrow,
                            c_.after.version, l_.file, c_.before.file, l_.arrow, c_.after.file)));
    }
    summary();
    if (c_.identical()) {
      doc_.paragraph(prose(std::string(l_.identical)));
      return std::move(doc_);
    }
    for (const KindChanges &kind : c_.kinds) {
      if (!kind.empty())
        section(kind);
      if (kind.kind == "checklist")
        weights();
    }
    calendars();
    return std::move(doc_);
  }

private:
  void summary() {
    std::vector<std::vector<Line>> rows;
    for (const KindChanges &k : c_.kinds) {
      if (k.added.empty() && k.removed.empty() && k.changed.empty() && k.unchanged == 0)
        continue;
      rows.push_back({prose(kindLabel(l_, k.kind)), prose(std::to_string(k.added.size())),
                      prose(std::to_string(k.removed.size())),
                      prose(std::to_string(k.changed.size())), prose(std::to_string(k.unchanged))});
    }
    if (rows.empty())
      return;
    doc_.heading(level_, prose(std::string(l_.summary)));
    doc_.table({prose(""), prose(std::string(l_.added)), prose(std::string(l_.removed)),
                prose(std::string(l_.changed)), prose(std::string(l_.unchanged))},
               std::move(rows), {false, true, true, true, true});
  }

  std::vector<Line> summaryHeader(const std::vector<Summary> &items) const {
    std::vector<Line> header = {prose(std::string(l_.name)), prose(std::string(l_.title))};
    if (!items.empty())
      for (const auto &[fact, value] : items.front().facts)
        header.push_back(prose(factLabel(l_, fact)));
    return header;
  }

  void summaries(const std::string &heading, const std::vector<Summary> &items) {
    if (items.empty())
      return;
    doc_.heading(level_ + 1, prose(fill(l_.counted, heading, std::to_string(items.size()))));
    std::vector<std::vector<Line>> rows;
    for (const Summary &s : items) {
      std::vector<Line> row = {codeSpan(s.name), prose(s.title)};
      for (const auto &[fact, value] : s.facts) {
        if (fact == "when" || fact == "value" || fact == "selector" || fact == "default")
          row.push_back(value.empty() ? prose(std::string(l_.none)) : codeSpan(value));
        else
          row.push_back(prose(value.empty() ? std::string(l_.none) : aspectValue(l_, fact, value)));
      }
      rows.push_back(std::move(row));
    }
    doc_.table(summaryHeader(items), std::move(rows));
  }

  void section(const KindChanges &kind) {
    doc_.heading(level_, prose(kindLabel(l_, kind.kind)));
    summaries(std::string(l_.added), kind.added);
    summaries(std::string(kind.kind == "indicator" ? l_.retired : l_.removed), kind.removed);
    if (kind.changed.empty())
      return;
    doc_.heading(level_ + 1, prose(fill(l_.counted, std::string(l_.changed),
                                        std::to_string(kind.changed.size()))));
    for (const Changed &changed : kind.changed)
      entity(changed);
  }

  std::string shown(const std::string &aspect, const std::vector<std::string> &values) const {
    return values.empty() ? std::string(l_.none) : aspectValue(l_, aspect, values.front());
  }

  void entity(const Changed &changed) {
    Line heading = codeSpan(changed.name);
    if (!changed.title.empty())
      heading.push_back({" " + changed.title, false});
    doc_.heading(level_ + 2, std::move(heading));
    std::vector<Line> values;
    std::vector<std::vector<Line>> rows;
    for (const Change &change : changed.changes)
      if (change.form == Change::Form::Value)
        values.push_back(prose(fmt::format("{}{}{} {} {}", aspectLabel(l_, change.aspect), l_.colon,
                                           shown(change.aspect, change.before), l_.arrow,
                                           shown(change.aspect, change.after))));
    if (!values.empty())
      doc_.list(std::move(values));
    for (const Change &change : changed.changes) {
      if (change.aspect == "row") {
        rows.push_back(
            {codeSpan(change.subject),
             change.before.empty() ? prose(std::string(l_.none)) : codeSpan(change.before.front()),
             change.after.empty() ? prose(std::string(l_.none)) : codeSpan(change.after.front())});
        continue;
      }
      if (change.form == Change::Form::Value)
        continue;
      doc_.paragraph(prose(aspectLabel(l_, change.aspect) + std::string(l_.colon)));
      if (change.form == Change::Form::List)
        doc_.code(changeListing(change.removed(), change.added()), "diff");
      else
        doc_.code(lineDiff(joined(change.before), joined(change.after)), "diff");
    }
    if (!rows.empty())
      doc_.table({prose(std::string(l_.condition)),
                  prose(std::string(l_.outcome) + " " + std::string(l_.before)),
                  prose(std::string(l_.outcome) + " " + std::string(l_.after))},
                 std::move(rows));
  }

  static std::string weightText(const std::optional<double> &w, const Labels &l) {
    return w ? percent(*w) : std::string(l.none);
  }

  void weights() {
    bool any = false;
    for (const ChecklistWeights &w : c_.weights)
      any = any || !w.shifts.empty();
    if (!any)
      return;
    doc_.heading(level_, prose(std::string(l_.effectiveWeights)));
    for (const ChecklistWeights &w : c_.weights) {
      if (w.shifts.empty())
        continue;
      Line heading = codeSpan(w.checklist);
      if (!w.title.empty())
        heading.push_back({" " + w.title, false});
      doc_.heading(level_ + 1, std::move(heading));
      std::vector<std::vector<Line>> rows;
      for (const WeightShift &s : w.shifts) {
        const double delta = (s.after.value_or(0) - s.before.value_or(0)) * 100.0;
        rows.push_back({codeSpan(s.indicator), prose(s.title), prose(weightText(s.before, l_)),
                        prose(weightText(s.after, l_)), prose(fmt::format("{:+.2f}", delta))});
      }
      doc_.table({prose(std::string(l_.name)), prose(std::string(l_.title)),
                  prose(std::string(l_.before)), prose(std::string(l_.after)),
                  prose(std::string(l_.change))},
                 std::move(rows), {false, false, true, true, true});
      if (w.unchanged > 0)
        doc_.paragraph(prose(fill(l_.unchangedRest, std::to_string(w.unchanged))));
    }
  }

  void calendars() {
    if (c_.calendarYearsAdded.empty() && c_.calendarYearsRemoved.empty())
      return;
    doc_.heading(level_, prose(std::string(l_.calendarYears)));
    auto years = [](const std::vector<std::int32_t> &list) {
      std::string out;
      for (std::int32_t y : list)
        out += (out.empty() ? "" : ", ") + std::to_string(y);
      return out;
    };
    std::vector<Line> items;
    if (!c_.calendarYearsAdded.empty())
      items.push_back(prose(fill(l_.yearsAdded, years(c_.calendarYearsAdded))));
    if (!c_.calendarYearsRemoved.empty())
      items.push_back(prose(fill(l_.yearsRemoved, years(c_.calendarYearsRemoved))));
    doc_.list(std::move(items));
  }

  const Comparison &c_;
  const Labels &l_;
  int level_;
  Document doc_;
};

} // namespace

std::vector<std::string> splitLines(const std::string &text) {
  std::vector<std::string> out;
  if (text.empty())
    return out;
  std::size_t start = 0;
  while (true) {
    const std::size_t cut = text.find('\n', start);
    out.push_back(text.substr(start, cut == std::string::npos ? std::string::npos : cut - start));
    if (cut == std::string::npos)
      return out;
    start = cut + 1;
  }
}

std::string lineDiff(const std::string &before, const std::string &after) {
  const std::vector<std::string> a = splitLines(before), b = splitLines(after);
  // Longest common subsequence of lines; logic is a few lines long.
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  auto line = [&](const char *mark, const std::string &text) {
    out += (out.empty() ? "" : "\n") + std::string(mark) + text;
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      line("  ", a[i++]);
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      line("- ", a[i++]);
    } else {
      line("+ ", b[j++]);
    }
  }
  return out;
}

std::string changeListing(const std::vector<std::string> &before,
                          const std::vector<std::string> &after) {
  std::string out;
  if (!before.empty())
    prefixed(out, joined(before), "- ");
  if (!after.empty())
    prefixed(out, joined(after), "+ ");
  return out;
}

Document comparisonDocument(const Comparison &comparison, const Labels &labels, int sectionLevel) {
  return Builder(comparison, labels, sectionLevel).run();
}

} // namespace xr::inspect
