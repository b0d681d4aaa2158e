#include "compiler/inspect/comparison_json.h"

namespace xr::inspect {
namespace {

using Json = nlohmann::ordered_json;

Json ruleSet(const RuleSetName &name) {
  return Json{{"ruleset", name.title}, {"version", name.version}, {"file", name.file}};
}

Json summary(const Summary &s) {
  Json out{{"name", s.name}, {"title", s.title}};
  for (const auto &[fact, value] : s.facts)
    out[fact] = value;
  return out;
}

Json optionalText(const std::vector<std::string> &values) {
  return values.empty() ? Json(nullptr) : Json(values.front());
}

Json change(const Change &c) {
  Json out{{"aspect", c.aspect}};
  if (c.aspect == "row")
    out["subject"] = c.subject;
  switch (c.form) {
  case Change::Form::Value:
  case Change::Form::Code:
    out["form"] = c.form == Change::Form::Value ? "value" : "code";
    out["before"] = optionalText(c.before);
    out["after"] = optionalText(c.after);
    break;
  case Change::Form::List:
    out["form"] = "list";
    out["before"] = c.before;
    out["after"] = c.after;
    out["added"] = c.added();
    out["removed"] = c.removed();
    break;
  }
  return out;
}

Json kind(const KindChanges &k) {
  Json added = Json::array(), removed = Json::array(), changed = Json::array();
  for (const Summary &s : k.added)
    added.push_back(summary(s));
  for (const Summary &s : k.removed)
    removed.push_back(summary(s));
  for (const Changed &c : k.changed) {
    Json changes = Json::array();
    for (const Change &part : c.changes)
      changes.push_back(change(part));
    changed.push_back(Json{{"name", c.name}, {"title", c.title}, {"changes", std::move(changes)}});
  }
  return Json{{"added", std::move(added)},
              {"removed", std::move(removed)},
              {"changed", std::move(changed)},
              {"unchanged", k.unchanged}};
}

Json fraction(const std::optional<double> &value) { return value ? Json(*value) : Json(nullptr); }

} // namespace

nlohmann::ordered_json comparisonJson(const Comparison &comparison) {
  Json changes = Json::object();
  for (const KindChanges &k : comparison.kinds)
    changes[k.kind] = kind(k);
  Json weights = Json::array();
  for (const ChecklistWeights &w : comparison.weights) {
    Json shifts = Json::array();
    for (const WeightShift &s : w.shifts)
      shifts.push_back(Json{{"indicator", s.indicator},
                            {"title", s.title},
                            {"before", fraction(s.before)},
                            {"after", fraction(s.after)}});
    weights.push_back(Json{{"checklist", w.checklist},
                           {"title", w.title},
                           {"changed", std::move(shifts)},
                           {"unchanged", w.unchanged}});
  }
  return Json{{"xuncha", "diff"},
              {"before", ruleSet(comparison.before)},
              {"after", ruleSet(comparison.after)},
              {"identical", comparison.identical()},
              {"changes", std::move(changes)},
              {"effective_weights", std::move(weights)},
              {"calendar_years", Json{{"added", comparison.calendarYearsAdded},
                                      {"removed", comparison.calendarYearsRemoved}}}};
}

} // namespace xr::inspect
