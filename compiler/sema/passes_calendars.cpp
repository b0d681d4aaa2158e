// mergeCalendars: every calendar of the rule set (its own, its imports', its bases') becomes
// one sorted list of covered years, holidays and declared working days.
//
// A workday declared on a Monday-Friday, or a holiday on a weekend, is accepted silently:
// official schedules list such days, and either is harmless (a working day stays one; a
// weekend day stays off).
#include "compiler/sema/passes.h"
#include "compiler/sema/passes_support.h"

#include "runtime/builtins/dates.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <utility>

namespace xr::sema {

namespace {

struct EntrySite {
  const ast::CalendarDecl *calendar = nullptr;
  const ast::CalendarEntry *entry = nullptr;
};

std::string entryKind(const ast::CalendarEntry &entry) {
  return entry.holiday ? "holiday" : "workday";
}

std::string entryDates(const ast::CalendarEntry &entry) {
  if (entry.from == entry.to)
    return passes::formatDate(entry.from.days);
  return passes::formatDate(entry.from.days) + " .. " + passes::formatDate(entry.to.days);
}

bool inYear(std::int32_t days, std::int32_t year) {
  return dates::inRange(days) && dates::civilFromDays(days).year == year;
}

/// Checks one entry; returns whether its dates can be merged.
bool checkEntry(const ast::CalendarDecl &calendar, const ast::CalendarEntry &entry,
                Diagnostics &diags) {
  if (entry.to.days < entry.from.days) {
    diags.report(DiagCode::InvalidDate, entry.range,
                 fmt::format("{} range {} in calendar {} ends before it starts; write the "
                             "earlier date first",
                             entryKind(entry), entryDates(entry), calendar.name.text));
    return false;
  }
  if (inYear(entry.from.days, calendar.year) && inYear(entry.to.days, calendar.year))
    return true;
  diags
      .report(DiagCode::CalendarDateOutsideYear, entry.range,
              fmt::format("{} {} in calendar {} is outside its year {}", entryKind(entry),
                          entryDates(entry), calendar.name.text, calendar.year))
      .note(calendar.yearRange, fmt::format("calendar {} covers the year {}; declare another "
                                            "calendar for other years",
                                            calendar.name.text, calendar.year));
  return false;
}

std::string describeEntry(const EntrySite &site) {
  std::string text = entryKind(*site.entry);
  if (site.entry->label)
    text += " '" + site.entry->label->value + "'";
  return fmt::format("{} declared here in calendar {}", text, site.calendar->name.text);
}

/// One diagnostic per pair of conflicting entries, naming the dates they disagree on.
void reportConflicts(const std::map<std::int32_t, EntrySite> &holidays,
                     const std::map<std::int32_t, EntrySite> &workdays,
                     const passes::SourceOrder &order, Diagnostics &diags) {
  struct Conflict {
    EntrySite holiday, workday;
    std::vector<std::int32_t> days;
  };
  std::vector<Conflict> conflicts; // in order of their first date
  for (const auto &[day, workday] : workdays) {
    auto holiday = holidays.find(day);
    if (holiday == holidays.end())
      continue;
    auto same = std::find_if(conflicts.begin(), conflicts.end(), [&](const Conflict &c) {
      return c.holiday.entry == holiday->second.entry && c.workday.entry == workday.entry;
    });
    if (same == conflicts.end())
      conflicts.push_back({holiday->second, workday, {day}});
    else
      same->days.push_back(day);
  }
  for (const Conflict &c : conflicts) {
    const std::string when =
        c.days.size() == 1
            ? passes::formatDate(c.days.front()) + " is"
            : fmt::format("{} and {} more date{} are", passes::formatDate(c.days.front()),
                          c.days.size() - 1, c.days.size() == 2 ? "" : "s");
    std::string message;
    if (c.holiday.calendar == c.workday.calendar)
      message = fmt::format("{} both a holiday and a workday in calendar {}", when,
                            c.holiday.calendar->name.text);
    else
      message = fmt::format("{} a holiday in calendar {} and a workday in calendar {}", when,
                            c.holiday.calendar->name.text, c.workday.calendar->name.text);
    const bool holidayLast = order.before(c.workday.entry->range, c.holiday.entry->range);
    const SourceRange at = holidayLast ? c.holiday.entry->range : c.workday.entry->range;
    diags.report(DiagCode::CalendarConflict, at, message + "; keep only one of them")
        .note(c.holiday.entry->range, describeEntry(c.holiday))
        .note(c.workday.entry->range, describeEntry(c.workday));
  }
}

std::vector<std::int32_t> keys(const std::map<std::int32_t, EntrySite> &days) {
  std::vector<std::int32_t> out;
  out.reserve(days.size());
  for (const auto &entry : days)
    out.push_back(entry.first);
  return out;
}

} // namespace

void mergeCalendars(Model &model, Diagnostics &diags) {
  const passes::SourceOrder order(model);
  CalendarInfo &merged = model.calendar;
  std::map<std::int32_t, EntrySite> holidays, workdays; // first declaration of each date
  merged.years.clear();
  for (const ast::CalendarDecl *calendar : merged.decls) {
    if (!calendar)
      continue;
    if (calendar->year >= dates::kMinYear && calendar->year <= dates::kMaxYear)
      merged.years.push_back(calendar->year);
    for (const ast::CalendarEntry &entry : calendar->entries) {
      if (!checkEntry(*calendar, entry, diags))
        continue;
      auto &into = entry.holiday ? holidays : workdays;
      for (std::int32_t day = entry.from.days; day <= entry.to.days; ++day)
        into.emplace(day, EntrySite{calendar, &entry});
    }
  }
  reportConflicts(holidays, workdays, order, diags);

  std::sort(merged.years.begin(), merged.years.end());
  merged.years.erase(std::unique(merged.years.begin(), merged.years.end()), merged.years.end());
  merged.holidays = keys(holidays);
  // A conflicting date is an error already; keep it a holiday so the merged lists stay
  // disjoint.
  std::erase_if(workdays, [&](const auto &entry) { return holidays.count(entry.first) != 0; });
  merged.workdays = keys(workdays);
}

} // namespace xr::sema
