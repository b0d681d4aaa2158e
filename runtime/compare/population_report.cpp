#include "runtime/compare/population_report.h"

#include <fmt/format.h>

namespace xr::compare {
namespace {

using inspect::codeSpan;
using inspect::fill;
using inspect::Line;
using inspect::prose;
using Json = nlohmann::ordered_json;

class Builder {
public:
  Builder(const PopulationComparison &p, const inspect::Labels &l, int level)
      : p_(p), l_(l), level_(level) {}

  inspect::Document run() {
    doc_.language = std::string(l_.htmlLanguage);
    doc_.heading(level_, prose(fill(l_.population, p_.dataPath)));
    overview();
    matrix();
    records(std::string(l_.movedRecords), p_.moved, p_.movedCount);
    records(std::string(l_.failsInOne), p_.failsInOne, p_.failsInOneCount);
    flips();
    return std::move(doc_);
  }

private:
  Line label(std::string_view s) const { return prose(std::string(s)); }
  Line count(std::uint64_t n) const { return prose(std::to_string(n)); }

  std::string tierText(const std::string &name, const std::vector<TierName> &tiers) const {
    if (name.empty())
      return std::string(l_.missingTier);
    for (const TierName &t : tiers)
      if (t.name == name && !t.label.empty())
        return fill(l_.counted, name, t.label);
    return name;
  }

  std::string outcomeText(const RecordOutcome &o, const std::vector<TierName> &tiers) const {
    switch (o.kind) {
    case RecordOutcome::Kind::Ok:
      return tierText(o.tier, tiers);
    case RecordOutcome::Kind::Error:
      return std::string(l_.errorTier) + std::string(l_.colon) + o.detail;
    case RecordOutcome::Kind::Unreadable:
      return std::string(l_.unreadable) + std::string(l_.colon) + o.detail;
    }
    return {};
  }

  void overview() {
    std::vector<std::vector<Line>> rows = {
        {label(l_.records), count(p_.records), count(p_.records)},
        {label(l_.unreadable), count(p_.unreadableBefore), count(p_.unreadableAfter)},
        {label(l_.recordErrors), count(p_.errorsBefore), count(p_.errorsAfter)},
        {label(l_.compared), count(p_.compared), count(p_.compared)},
    };
    if (p_.meanTotalBefore && p_.meanTotalAfter)
      rows.push_back(
          {prose(fill(l_.averageScore, p_.totalTitle.empty() ? p_.totalAfter : p_.totalTitle)),
           prose(fmt::format("{:.2f}", *p_.meanTotalBefore)),
           prose(fmt::format("{:.2f}", *p_.meanTotalAfter))});
    doc_.table({label(""), label(l_.before), label(l_.after)}, std::move(rows),
               {false, true, true});
  }

  void matrix() {
    if (p_.matrix.empty())
      return;
    doc_.heading(level_ + 1, prose(fill(l_.tierMovement, p_.tierBefore, p_.tierAfter)));
    std::vector<Line> header = {label(l_.fromTo)};
    std::vector<bool> right = {false};
    for (const TierName &t : p_.tiersAfter) {
      header.push_back(prose(tierText(t.name, p_.tiersAfter)));
      right.push_back(true);
    }
    std::vector<std::vector<Line>> rows;
    for (std::size_t from = 0; from < p_.tiersBefore.size(); ++from) {
      std::vector<Line> row = {prose(tierText(p_.tiersBefore[from].name, p_.tiersBefore))};
      for (std::uint64_t n : p_.matrix[from])
        row.push_back(count(n));
      rows.push_back(std::move(row));
    }
    doc_.table(std::move(header), std::move(rows), std::move(right));
    doc_.list({prose(fmt::format("{}{}{}", l_.moreSevere, l_.colon, p_.moreSevere)),
               prose(fmt::format("{}{}{}", l_.lessSevere, l_.colon, p_.lessSevere)),
               prose(fmt::format("{}{}{}", l_.sameTier, l_.colon, p_.sameTier))});
  }

  void records(const std::string &heading, const std::vector<RecordDifference> &list,
               std::uint64_t total) {
    if (list.empty())
      return;
    doc_.heading(level_ + 1, prose(fill(l_.counted, heading, std::to_string(total))));
    std::vector<std::vector<Line>> rows;
    for (const RecordDifference &d : list)
      rows.push_back({prose(std::to_string(d.record + 1)),
                      d.key.empty() ? label(l_.none) : codeSpan(d.key),
                      prose(outcomeText(d.before, p_.tiersBefore)),
                      prose(outcomeText(d.after, p_.tiersAfter))});
    doc_.table({label("#"), label(l_.record), label(l_.before), label(l_.after)}, std::move(rows),
               {true, false, false, false});
    if (total > list.size())
      doc_.paragraph(prose(fill(l_.andMore, std::to_string(total - list.size()))));
  }

  void flips() {
    if (p_.flips.empty())
      return;
    doc_.heading(level_ + 1, label(l_.indicatorFlips));
    std::vector<std::vector<Line>> rows;
    for (const IndicatorFlip &f : p_.flips)
      rows.push_back(
          {codeSpan(f.indicator), prose(f.title), count(f.newlyFailing), count(f.newlyPassing)});
    doc_.table({label(l_.name), label(l_.title), label(l_.newlyFailing), label(l_.newlyPassing)},
               std::move(rows), {false, false, true, true});
  }

  const PopulationComparison &p_;
  const inspect::Labels &l_;
  int level_;
  inspect::Document doc_;
};

Json orNull(const std::string &text) { return text.empty() ? Json(nullptr) : Json(text); }

Json outcome(const RecordOutcome &o) {
  switch (o.kind) {
  case RecordOutcome::Kind::Ok:
    return Json{{"status", "ok"}, {"tier", orNull(o.tier)}};
  case RecordOutcome::Kind::Error:
    return Json{{"status", "error"}, {"message", o.detail}};
  case RecordOutcome::Kind::Unreadable:
    return Json{{"status", "unreadable"}, {"reason", o.detail}};
  }
  return nullptr;
}

Json differences(const std::vector<RecordDifference> &list) {
  Json out = Json::array();
  for (const RecordDifference &d : list)
    out.push_back(Json{{"record", d.record + 1},
                       {"key", d.key},
                       {"before", outcome(d.before)},
                       {"after", outcome(d.after)}});
  return out;
}

Json tierNames(const std::vector<TierName> &tiers) {
  Json out = Json::array();
  for (const TierName &t : tiers)
    out.push_back(orNull(t.name));
  return out;
}

Json optionalNumber(const std::optional<double> &value) {
  return value ? Json(*value) : Json(nullptr);
}

} // namespace

inspect::Document populationDocument(const PopulationComparison &comparison,
                                     const inspect::Labels &labels, int level) {
  return Builder(comparison, labels, level).run();
}

nlohmann::ordered_json populationJson(const PopulationComparison &p) {
  Json flips = Json::array();
  for (const IndicatorFlip &f : p.flips)
    flips.push_back(Json{{"indicator", f.indicator},
                         {"title", f.title},
                         {"newly_failing", f.newlyFailing},
                         {"newly_passing", f.newlyPassing}});
  return Json{
      {"data", p.dataPath},
      {"records", p.records},
      {"compared", p.compared},
      {"unreadable", Json{{"before", p.unreadableBefore}, {"after", p.unreadableAfter}}},
      {"record_errors", Json{{"before", p.errorsBefore}, {"after", p.errorsAfter}}},
      {"tier", Json{{"before", orNull(p.tierBefore)},
                    {"after", orNull(p.tierAfter)},
                    {"from", tierNames(p.tiersBefore)},
                    {"to", tierNames(p.tiersAfter)},
                    {"matrix", p.matrix},
                    {"more_severe", p.moreSevere},
                    {"less_severe", p.lessSevere},
                    {"same", p.sameTier},
                    {"moved", p.movedCount},
                    {"records", differences(p.moved)}}},
      {"fails_in_one", Json{{"count", p.failsInOneCount}, {"records", differences(p.failsInOne)}}},
      {"indicators", std::move(flips)},
      {"total", Json{{"before", orNull(p.totalBefore)},
                     {"after", orNull(p.totalAfter)},
                     {"mean_before", optionalNumber(p.meanTotalBefore)},
                     {"mean_after", optionalNumber(p.meanTotalAfter)}}}};
}

} // namespace xr::compare
