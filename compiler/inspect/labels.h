#pragma once
// The words `doc` and `diff` write around a rule set's own names and titles, in the rule set's
// language: Chinese when its title is written in Chinese, English otherwise (a rule set's
// titles are what its readers read; headings in another language would be noise).
#include <string>
#include <string_view>

namespace xr::inspect {

enum class Language { Chinese, English };

/// Chinese when `title` holds a CJK ideograph, English otherwise.
Language languageOf(std::string_view title);

struct Labels {
  std::string_view htmlLanguage; // "zh-CN", "en"
  std::string_view colon;        // "：", ": "
  std::string_view counted;      // "{}（{}）", "{} ({})"
  std::string_view arrow;        // "→", "->"
  // Handbook.
  std::string_view handbook; // "{title} 指标手册"
  std::string_view overview;
  std::string_view version, file, extends, weights, weightShares, weightPoints, weightNone;
  std::string_view domains, indicators, checklists, effectiveWeights, checks, values, tables,
      frequency, outputs, rules, escalations, deadlines, calendars, reports, params, fields,
      changeLog, changeLogAgainst, changeLogNone;
  std::string_view name, title, weight, weightInDomain, effectiveWeight, domain, severity, missing,
      basis, source, overridden, scoring, scoringPass, scoringScore, scoringBoth, selector, listing,
      memberCount, condition, outcome, hit, type, unit, key, defaultValue, initial, value, kind,
      flags, items, target, year, holidays, workdays, perYear, groupBy, member, none,
      missingNotNeeded, property, content, total;
  std::string_view hitFirst, hitUnique, hitAny, hitPriority, hitCollect;
  std::string_view rulesNote, escalationsNote, effectiveWeightsNote;
  // Diff.
  std::string_view comparison; // "{before} → {after}"
  std::string_view summary, added, removed, retired, changed, unchanged, before, after, change,
      identical, unchangedRest, rows, calendarYears, yearsAdded, yearsRemoved;
  // Population (`diff --data`).
  std::string_view population, records, compared, unreadable, recordErrors, tierMovement, tierTable,
      moreSevere, lessSevere, sameTier, fromTo, errorTier, missingTier, failsInOne, record,
      indicatorFlips, newlyFailing, newlyPassing, averageScore, movedRecords, andMore;
};

const Labels &labelsFor(Language language);

/// A kind of declaration ("indicator") as a heading: "指标" / "Indicators".
std::string kindLabel(const Labels &labels, std::string_view kind);
/// An aspect of a Change ("weight", "let energy_change", "row order") for people.
std::string aspectLabel(const Labels &labels, std::string_view aspect);
/// A fact of a Summary ("weight", "domain") for people.
std::string factLabel(const Labels &labels, std::string_view fact);
/// "critical" -> "关键（critical）".
std::string severityLabel(const Labels &labels, std::string_view severity);
/// "score 40" -> "计40分（score 40）".
std::string missingLabel(const Labels &labels, std::string_view policy);
/// A hit policy with what it means.
std::string hitLabel(const Labels &labels, std::string_view hit);
/// A value of an aspect for people: severities and missing-data policies in words, the rest
/// as it is.
std::string aspectValue(const Labels &labels, std::string_view aspect, const std::string &value);

/// `pattern` with "{}" replaced by `value` (labels hold one placeholder at most).
std::string fill(std::string_view pattern, const std::string &value);
std::string fill(std::string_view pattern, const std::string &first, const std::string &second);

} // namespace xr::inspect
