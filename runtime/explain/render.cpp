#include "runtime/explain/render.h"

#include "runtime/output/output.h"
#include "runtime/testing/format.h"
#include "runtime/testing/values.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::explain {
namespace {

using testrun::valueJson;
using testrun::valueText;
using Json = nlohmann::ordered_json;

constexpr std::size_t kWidth = 100; // where value lists wrap

class TextWriter {
public:
  TextWriter(const ir::Program &program, bool color) : p_(program), color_(color) {}

  std::string heading(std::string_view text) const { return testrun::paint(color_, "1", text); }
  std::string good(std::string_view text) const { return testrun::paint(color_, "32", text); }
  std::string bad(std::string_view text) const { return testrun::paint(color_, "31", text); }

  std::string value(const Value &v) const {
    return v.name + " = " + (v.error.empty() ? valueText(p_, v.value) : "error: " + v.error);
  }

  /// Items joined by ", ", wrapped at kWidth columns; continuation lines get `indent`.
  std::string list(std::string first, const std::vector<std::string> &items,
                   std::size_t indent) const {
    std::size_t width = output::displayWidth(first);
    for (std::size_t k = 0; k < items.size(); ++k) {
      const std::string item = items[k] + (k + 1 < items.size() ? "," : "");
      const std::size_t w = output::displayWidth(item);
      if (k > 0 && width + 1 + w > kWidth) {
        first += "\n" + std::string(indent, ' ');
        width = indent;
      } else if (!first.empty() && first.back() != ' ') {
        first += " ";
        ++width;
      }
      first += item;
      width += w;
    }
    return first + "\n";
  }

  std::string values(std::string first, const std::vector<Value> &vs, std::size_t indent) const {
    std::vector<std::string> items;
    for (const Value &v : vs)
      items.push_back(value(v));
    return list(std::move(first), items, indent);
  }

  /// "total < 60 is false: total = 82.5"
  std::string condition(std::string first, const Condition &c, std::size_t indent) const {
    first += c.text;
    if (c.outcome == "error")
      return first + " failed: " + bad(c.error) + "\n";
    first += " is " + (c.outcome == "true" ? good(c.outcome) : bad(c.outcome));
    if (c.operands.empty())
      return first + "\n";
    return values(first + ":", c.operands, indent);
  }

private:
  const ir::Program &p_;
  bool color_;
};

std::string percent(double fraction) {
  std::string text = fmt::format("{:.2f}", fraction * 100);
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.')
    text.pop_back();
  return text + "%";
}

std::string named(const std::string &name, const std::string &title) {
  return title.empty() ? name : name + " " + title;
}

std::string padded(std::string text, std::size_t width) {
  const std::size_t w = output::displayWidth(text);
  return text + std::string(width > w ? width - w : 0, ' ');
}

std::string statusText(const TextWriter &w, const IndicatorPart &i) {
  if (i.failed)
    return w.bad("error");
  const std::string status(ir::statusName(i.status));
  return i.status == ir::Status::Fail ? w.bad(status) : status;
}

void indicatorsText(const TextWriter &w, const ir::Program &p, const Explanation &e,
                    std::string &out) {
  if (e.indicators.empty())
    return;
  const bool weighted = !e.domains.empty();
  out += "\n" + w.heading("indicators") +
         (weighted ? " (weight in the checklist -> weight in the score)" : "") + "\n";
  std::size_t nameWidth = 0, domainWidth = 0, scoreWidth = 1;
  for (const IndicatorPart &i : e.indicators) {
    nameWidth = std::max(nameWidth, output::displayWidth(named(i.name, i.title)));
    domainWidth = std::max(domainWidth, i.domain.size());
    if (i.score.valid)
      scoreWidth = std::max(scoreWidth, valueText(p, i.score).size());
  }
  for (const IndicatorPart &i : e.indicators) {
    std::string line = "  " + padded(named(i.name, i.title), nameWidth) + "  " +
                       padded(i.domain, domainWidth) + "  ";
    if (!i.applicable) {
      out += line + "not applicable (not in checklist " + e.checklist.name + ")\n";
      continue;
    }
    const std::string status = statusText(w, i);
    line += status +
            std::string(
                14 - std::min<std::size_t>(
                         14, output::displayWidth(i.failed ? "error" : ir::statusName(i.status))),
                ' ') +
            padded(i.score.valid ? valueText(p, i.score) : "-", scoreWidth);
    if (weighted && !i.failed)
      line += "  " + percent(i.weight) + " -> " + percent(i.effectiveWeight);
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + "\n";
    if (!i.inputs.empty())
      out += w.values(std::string(6, ' ') + "read:", i.inputs, 8);
  }
}

void domainsText(const TextWriter &w, const ir::Program &p, const Explanation &e,
                 std::string &out) {
  if (e.domains.empty())
    return;
  out += "\n" + w.heading("domains") + " (score, weight in the score)\n";
  std::size_t width = 0, scoreWidth = 0;
  for (const DomainPart &d : e.domains) {
    width = std::max(width, output::displayWidth(named(d.name, d.title)));
    if (d.score.valid)
      scoreWidth = std::max(scoreWidth, valueText(p, d.score).size());
  }
  for (const DomainPart &d : e.domains)
    out += "  " + padded(named(d.name, d.title), width) + "  " +
           (d.score.valid
                ? padded(valueText(p, d.score), scoreWidth) + "  " + percent(d.effectiveWeight)
                : std::string("nothing assessed")) +
           "\n";
}

void checklistText(const TextWriter &w, const Explanation &e, std::string &out) {
  const ChecklistPart &c = e.checklist;
  if (!c.chosen && c.rejected.empty())
    return;
  out += "\n" + w.heading("checklist") + " " +
         (c.chosen ? named(c.name, c.title) : std::string("none applies")) + "\n";
  for (const auto &r : c.rejected)
    out += w.condition("  not " + r.name + ": ", r.condition, 6);
  if (c.because)
    out += w.condition("  chose " + c.name + ": ", *c.because, 6);
}

void tablesText(const TextWriter &w, const ir::Program &p, const Explanation &e, std::string &out) {
  for (const TablePart &t : e.tables) {
    out += "\n" + w.heading("table " + named(t.name, t.title)) + " (hit " + t.policy + ")" +
           (t.failed ? "" : " = " + valueText(p, t.value)) + "\n";
    for (const TableRowPart &r : t.rows) {
      std::string first = "  row " + std::to_string(r.row) +
                          (r.line ? " (line " + std::to_string(r.line) + ")" : "") + " " +
                          (r.matched ? w.good("matched") : "no") + ": ";
      if (!r.matched) {
        out += w.condition(first, r.condition, 6);
        continue;
      }
      out += w.condition(first, r.condition, 6);
      out += "      => " + r.outcomeText;
      if (r.outcome &&
          (!r.outcome->error.empty() || valueText(p, r.outcome->value) != r.outcomeText))
        out += " = " + (r.outcome->error.empty() ? valueText(p, r.outcome->value)
                                                 : "error: " + r.outcome->error);
      out += "\n";
    }
    if (!t.otherwiseText.empty() && t.otherwiseUsed)
      out += "  otherwise => " + t.otherwiseText + "\n";
  }
}

void rulesText(const TextWriter &w, const ir::Program &p, const Explanation &e, std::string &out) {
  if (e.rules.empty())
    return;
  out += "\n" + w.heading("rules") + " (in order)\n";
  for (const RulePart &r : e.rules) {
    out += w.condition("  " + named(r.name, r.title) + ": " +
                           (r.applied ? w.good("applied") : std::string("not applied")) + ": ",
                       r.condition, 6);
    for (const ChangePart &c : r.changes)
      out += "      " + c.output + ": " + valueText(p, c.before) + " -> " + valueText(p, c.after) +
             "\n";
  }
}

void escalationsText(const TextWriter &w, const ir::Program &p, const Explanation &e,
                     std::string &out) {
  if (e.escalations.empty())
    return;
  out += "\n" + w.heading("escalations") + "\n";
  for (const EscalationPart &x : e.escalations) {
    out += w.condition("  " + named(x.name, x.title) + ": " +
                           (x.fired ? w.bad("fired") : std::string("not fired")) + ": ",
                       x.condition, 6);
    for (const ActionPart &a : x.actions)
      out += "      action " + a.name + (a.argument ? " " + valueText(p, *a.argument) : "") + "\n";
  }
}

void endText(const TextWriter &w, const ir::Program &p, const Explanation &e, std::string &out) {
  if (!e.error) {
    std::vector<std::string> flags;
    for (const FlagPart &f : e.flags) {
      std::string by;
      for (const std::string &check : f.raisedBy)
        by += (by.empty() ? "" : ", ") + check;
      flags.push_back(f.name + " (raised by " + by + ")");
    }
    out += "\n" + w.list(w.heading("flags") + ":",
                         flags.empty() ? std::vector<std::string>{"none"} : flags, 2);
  }
  if (e.deadlines.empty())
    return;
  out += "\n" + w.heading("deadlines") + "\n";
  std::size_t width = 0;
  for (const NamedValue &d : e.deadlines)
    width = std::max(width, output::displayWidth(named(d.name, d.title)));
  for (const NamedValue &d : e.deadlines)
    out += "  " + padded(named(d.name, d.title), width) + "  " + valueText(p, d.value) + "\n";
}

Json valueObject(const ir::Program &p, const Value &v) {
  return {{"expression", v.name},
          {"value", v.error.empty() ? valueJson(p, v.value) : Json(nullptr)},
          {"error", v.error.empty() ? Json(nullptr) : Json(v.error)}};
}

Json conditionJson(const ir::Program &p, const Condition &c) {
  Json operands = Json::array();
  for (const Value &v : c.operands)
    operands.push_back(valueObject(p, v));
  return {{"text", c.text},
          {"line", c.line},
          {"outcome", c.outcome},
          {"error", c.error.empty() ? Json(nullptr) : Json(c.error)},
          {"operands", std::move(operands)}};
}

} // namespace

std::string explanationText(const ir::Program &p, const Explanation &e, bool color) {
  const TextWriter w(p, color);
  std::string out = w.heading("why " + (e.key ? valueText(p, *e.key) : std::string("the record")) +
                              " got its result") +
                    "\n";
  out += "rule set " + e.ruleset + " version " + std::to_string(e.version) +
         (e.file.empty() ? "" : " (" + e.file + ")") + "\n";
  if (e.error)
    out += "\n" + w.bad("record error: " + *e.error) + "\n";
  else
    out += "\n" + w.heading("result") + "\n" + w.values("  ", e.result, 2);
  std::vector<std::string> fields;
  for (const Value &v : e.record)
    fields.push_back(v.name + ": " + valueText(p, v.value));
  out += "\n" + w.heading("record") + "\n" + w.list("  ", fields, 2);
  if (!e.params.empty())
    out += w.heading("params") + "\n" + w.values("  ", e.params, 2);
  checklistText(w, e, out);
  indicatorsText(w, p, e, out);
  domainsText(w, p, e, out);
  tablesText(w, p, e, out);
  rulesText(w, p, e, out);
  escalationsText(w, p, e, out);
  endText(w, p, e, out);
  return out;
}

nlohmann::ordered_json explanationJson(const ir::Program &p, const Explanation &e) {
  Json record = Json::object();
  for (const Value &v : e.record)
    record[v.name] = valueJson(p, v.value);
  Json params = Json::object();
  for (const Value &v : e.params)
    params[v.name] = valueJson(p, v.value);
  Json result = Json::object();
  for (const Value &v : e.result)
    result[v.name] = valueJson(p, v.value);

  Json rejected = Json::array();
  for (const auto &r : e.checklist.rejected)
    rejected.push_back(
        {{"name", r.name}, {"title", r.title}, {"condition", conditionJson(p, r.condition)}});
  Json checklist = {
      {"chosen", e.checklist.chosen ? Json(e.checklist.name) : Json(nullptr)},
      {"title", e.checklist.chosen ? Json(e.checklist.title) : Json(nullptr)},
      {"condition", e.checklist.because ? conditionJson(p, *e.checklist.because) : Json(nullptr)},
      {"rejected", std::move(rejected)}};

  Json indicators = Json::array();
  for (const IndicatorPart &i : e.indicators) {
    Json inputs = Json::array();
    for (const Value &v : i.inputs)
      inputs.push_back(valueObject(p, v));
    indicators.push_back({{"name", i.name},
                          {"title", i.title},
                          {"domain", i.domain},
                          {"line", i.line},
                          {"applicable", i.applicable},
                          {"status", std::string(i.failed ? "error" : ir::statusName(i.status))},
                          {"score", valueJson(p, i.score)},
                          {"weight", i.weight},
                          {"effective_weight", i.effectiveWeight},
                          {"inputs", std::move(inputs)}});
  }
  Json domains = Json::array();
  for (const DomainPart &d : e.domains)
    domains.push_back({{"name", d.name},
                       {"title", d.title},
                       {"score", valueJson(p, d.score)},
                       {"effective_weight", d.effectiveWeight}});
  Json tables = Json::array();
  for (const TablePart &t : e.tables) {
    Json rows = Json::array();
    for (const TableRowPart &r : t.rows)
      rows.push_back({{"row", r.row},
                      {"line", r.line},
                      {"condition", conditionJson(p, r.condition)},
                      {"matched", r.matched},
                      {"outcome_text", r.outcomeText},
                      {"outcome", r.outcome ? valueJson(p, r.outcome->value) : Json(nullptr)}});
    tables.push_back({{"name", t.name},
                      {"title", t.title},
                      {"hit", t.policy},
                      {"value", t.failed ? Json(nullptr) : valueJson(p, t.value)},
                      {"failed", t.failed},
                      {"rows", std::move(rows)},
                      {"otherwise", t.otherwiseText.empty() ? Json(nullptr)
                                                            : Json{{"text", t.otherwiseText},
                                                                   {"used", t.otherwiseUsed}}}});
  }
  Json rules = Json::array();
  for (const RulePart &r : e.rules) {
    Json changes = Json::array();
    for (const ChangePart &c : r.changes)
      changes.push_back({{"output", c.output},
                         {"before", valueJson(p, c.before)},
                         {"after", valueJson(p, c.after)}});
    rules.push_back({{"name", r.name},
                     {"title", r.title},
                     {"applied", r.applied},
                     {"condition", conditionJson(p, r.condition)},
                     {"changes", std::move(changes)}});
  }
  Json escalations = Json::array();
  for (const EscalationPart &x : e.escalations) {
    Json actions = Json::array();
    for (const ActionPart &a : x.actions)
      actions.push_back(
          {{"name", a.name}, {"argument", a.argument ? valueJson(p, *a.argument) : Json(nullptr)}});
    escalations.push_back({{"name", x.name},
                           {"title", x.title},
                           {"fired", x.fired},
                           {"condition", conditionJson(p, x.condition)},
                           {"actions", std::move(actions)}});
  }
  Json flags = Json::array();
  for (const FlagPart &f : e.flags)
    flags.push_back({{"name", f.name}, {"raised_by", f.raisedBy}});
  Json deadlines = Json::array();
  for (const NamedValue &d : e.deadlines)
    deadlines.push_back({{"name", d.name}, {"title", d.title}, {"value", valueJson(p, d.value)}});

  return {{"xuncha", "explain"},
          {"ruleset", {{"name", e.ruleset}, {"version", e.version}, {"file", e.file}}},
          {"key", e.key ? valueJson(p, *e.key) : Json(nullptr)},
          {"record", std::move(record)},
          {"params", std::move(params)},
          {"status", e.error ? "error" : "ok"},
          {"error", e.error ? Json(*e.error) : Json(nullptr)},
          {"result", std::move(result)},
          {"checklist", std::move(checklist)},
          {"indicators", std::move(indicators)},
          {"domains", std::move(domains)},
          {"tables", std::move(tables)},
          {"rules", std::move(rules)},
          {"escalations", std::move(escalations)},
          {"flags", std::move(flags)},
          {"deadlines", std::move(deadlines)}};
}

} // namespace xr::explain
