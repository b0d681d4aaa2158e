// The report figures as aligned tables for a terminal.
//
// Display rules (the JSON report has the exact figures):
//  - an item whose whole expression is one `rate(...)` is a rate, shown as a percentage with one
//    decimal (0.8333 -> 83.3%); an expression that merely contains a rate is a plain number;
//  - other numbers are rounded to two decimals, trailing zeros dropped (87.3333 -> 87.33,
//    75.0 -> 75); ints, dates, enums and text as formatValue gives them; top/bottom key lists
//    joined by ", "; a missing figure (or an empty key list) is "-";
//  - a report without `by` is a list, a line per item (item, figure, target), its key lists
//    (top/bottom) written out under it; a grouped report is a table, a row per group and a
//    column per item;
//  - an item compared with a percentage target ("target >= 95%") is shown as a percentage too;
//  - an item with a target has the target in its header ("合规率 (target >= 85%)") or its
//    target column, and each figure is marked ✓ (met) or ✗ (missed); a figure whose target
//    could not be decided (the figure is missing) has no mark;
//  - a figure that could not be computed shows "error" and its message is listed under the
//    table.
#include "runtime/output/output.h"
#include "runtime/output/text_out.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace xr::output {

namespace {

const ir::ReportInfo *reportInfo(const ir::Program &program,
                                 const std::vector<interp::ReportResult> &reports,
                                 std::size_t index) {
  const std::string &name = reports[index].name;
  if (index < program.reports.size() && program.reports[index].name == name)
    return &program.reports[index];
  for (const ir::ReportInfo &info : program.reports)
    if (info.name == name)
      return &info;
  return nullptr;
}

bool isRate(const ir::Program &program, const ir::ReportInfo *info, std::size_t item) {
  if (!info || item >= info->items.size() || info->items[item].value >= program.nodes.size())
    return false;
  // A figure held against a percentage ("target >= 95%") is a share, however it is computed.
  if (info->items[item].targetText.find('%') != std::string::npos)
    return true;
  const ir::Node &node = program.node(info->items[item].value);
  if (node.op != ir::Op::Aggregate || node.a < 0 ||
      static_cast<std::size_t>(node.a) >= info->aggregates.size())
    return false;
  return info->aggregates[static_cast<std::size_t>(node.a)].kind == ir::AggregateKind::Rate;
}

/// The group column's header: the field the report groups by, or "group" for an expression.
std::string groupHeader(const ir::Program &program, const ir::ReportInfo *info) {
  if (info && info->groupBy != ir::kNoSlot)
    for (const ir::Stmt &s : program.statements)
      if (const auto *assign = std::get_if<ir::Assign>(&s.body);
          assign && assign->slot == info->groupBy && assign->value < program.nodes.size()) {
        const ir::Node &node = program.node(assign->value);
        if (node.op == ir::Op::Field && node.a >= 0 &&
            static_cast<std::size_t>(node.a) < program.fields.size())
          return program.fields[static_cast<std::size_t>(node.a)].name;
      }
  return "group";
}

std::string roundedNumber(double value) {
  const double magnitude = std::fabs(value);
  if (magnitude < 0.005 || magnitude >= 1e15) {
    std::string shortest; // too small or too large to round: the exact figure
    detail::appendNumber(shortest, value);
    return shortest;
  }
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.')
    text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string percentage(double rate) {
  std::string text = fmt::format("{:.1f}%", rate * 100);
  return text == "-0.0%" ? "0.0%" : text;
}

std::string figureText(const ir::Program &program, const interp::ReportItemResult &item,
                       bool rate) {
  if (!item.error.empty())
    return "error";
  std::string text;
  const interp::ReportValue &v = item.value;
  if (v.isKeyList) {
    for (const ir::Constant &k : v.keys) {
      if (!text.empty())
        text += ", ";
      text += formatValue(program, k);
    }
    if (v.keys.empty())
      text = "-";
  } else if (!v.scalar.valid) {
    text = "-";
  } else if (v.scalar.type.kind == TypeKind::Number) {
    text = rate ? percentage(v.scalar.d) : roundedNumber(v.scalar.d);
  } else {
    text = formatValue(program, v.scalar);
  }
  if (item.hasTarget && item.targetMet)
    text += *item.targetMet ? " ✓" : " ✗";
  return text;
}

/// Appends `text` padded to `width` display columns, on the left or on the right.
void appendPadded(std::string &out, std::string_view text, std::size_t width, bool alignRight) {
  const std::size_t shown = displayWidth(text);
  const std::size_t pad = shown < width ? width - shown : 0;
  if (alignRight)
    out.append(pad, ' ');
  out.append(text);
  if (!alignRight)
    out.append(pad, ' ');
}

/// Rows of cells, the first row the headers; the first column is left aligned when `leftFirst`.
void appendTable(std::string &out, const std::vector<std::vector<std::string>> &rows,
                 bool leftFirst) {
  if (rows.empty())
    return;
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto &row : rows)
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], displayWidth(row[c]));
  auto appendRow = [&](const std::vector<std::string> &row) {
    std::string line = "  ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0)
        line += "  ";
      appendPadded(line, row[c], widths[c], !(leftFirst && c == 0));
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line;
    out += '\n';
  };
  appendRow(rows.front());
  std::string rule = "  ";
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (c > 0)
      rule += "  ";
    rule.append(widths[c], '-');
  }
  out += rule;
  out += '\n';
  for (std::size_t r = 1; r < rows.size(); ++r)
    appendRow(rows[r]);
}

std::string plural(std::int64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

void appendReport(std::string &out, const ir::Program &program, const interp::ReportResult &report,
                  const ir::ReportInfo *info) {
  out += report.title.empty() ? report.name : fmt::format("{} ({})", report.title, report.name);
  out += ": " + plural(report.records, "record");
  if (report.erroredRecords > 0)
    out += fmt::format(", {} left out (record errors)", report.erroredRecords);
  out += '\n';
  if (report.groups.empty()) {
    out += "  (no records)\n";
    return;
  }

  std::vector<std::string> errors;
  auto noteError = [&](const interp::ReportItemResult &item, const std::string &group) {
    if (!item.error.empty())
      errors.push_back(fmt::format("  error in {}{}: {}\n",
                                   item.title.empty() ? item.name : item.title,
                                   report.grouped ? " for " + group : "", item.error));
  };

  // One group: a line per item (a table a line wide would run off any terminal).
  if (!report.grouped) {
    std::vector<std::vector<std::string>> rows = {{"item", "figure", "target"}};
    std::string keyLists; // listed under the table: they would stretch its figure column
    const std::vector<interp::ReportItemResult> &items = report.groups.front().items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const interp::ReportItemResult &item = items[i];
      const std::string title = item.title.empty() ? item.name : item.title;
      std::string figure = figureText(program, item, isRate(program, info, i));
      if (item.error.empty() && item.value.isKeyList && !item.value.keys.empty()) {
        keyLists += "  " + title + ": " + figure + "\n";
        figure = plural(static_cast<std::int64_t>(item.value.keys.size()), "record") + ", below";
      }
      rows.push_back({title, figure, item.hasTarget ? item.targetText : ""});
      noteError(item, "");
    }
    appendTable(out, rows, true);
    out += keyLists;
    for (const std::string &e : errors)
      out += e;
    return;
  }

  // Items as the program declares them; the figures of every group follow that order.
  const std::vector<interp::ReportItemResult> &first = report.groups.front().items;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> headers = {groupHeader(program, info)};
  for (const interp::ReportItemResult &item : first) {
    std::string header = item.title.empty() ? item.name : item.title;
    if (item.hasTarget)
      header += " (target " + item.targetText + ")";
    headers.push_back(std::move(header));
  }
  rows.push_back(std::move(headers));

  for (const interp::ReportGroup &g : report.groups) {
    const std::string group = g.key.valid ? formatValue(program, g.key) : "(missing)";
    std::vector<std::string> row = {group};
    for (std::size_t i = 0; i < g.items.size(); ++i) {
      row.push_back(figureText(program, g.items[i], isRate(program, info, i)));
      noteError(g.items[i], group);
    }
    rows.push_back(std::move(row));
  }
  appendTable(out, rows, true);
  for (const std::string &e : errors)
    out += e;
}

} // namespace

std::string reportText(const ir::Program &program,
                       const std::vector<interp::ReportResult> &reports) {
  std::string out;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (i > 0)
      out += '\n';
    appendReport(out, program, reports[i], reportInfo(program, reports, i));
  }
  return out;
}

} // namespace xr::output
