// RecordParser::make: which input column every record field is read from (its own name, or
// --map field=column), checked before any record is read.
#include "compiler/sema/suggest.h"
#include "runtime/load/decoder.h"
#include "runtime/load/parsers.h"

#include <fmt/format.h>

namespace xr::load {

namespace {

std::string fileName(const InputReader &reader) {
  return reader.path() == "-" ? std::string("standard input") : reader.path();
}

std::string joined(const std::vector<std::string> &names, bool quoted = false,
                   std::size_t limit = 20) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i)
    out += (i ? ", " : "") + (quoted ? "'" + names[i] + "'" : names[i]);
  if (names.size() > limit)
    out += fmt::format(", ... ({} in all)", names.size());
  return out;
}

/// Applies --map to `plans` (every other field reads the column of its own name); `mapped[f]`
/// tells which fields --map named. False when --map has a problem.
bool applyMap(const InputOptions &options, std::vector<FieldPlan> &plans, std::vector<bool> &mapped,
              std::vector<MappingProblem> &problems) {
  std::vector<std::string> fieldNames;
  for (const FieldPlan &plan : plans)
    fieldNames.push_back(plan.name);
  mapped.assign(plans.size(), false);
  bool ok = true;
  for (const auto &[field, column] : options.columnOfField) {
    std::size_t f = 0;
    while (f < plans.size() && plans[f].name != field)
      ++f;
    if (f == plans.size()) {
      const auto suggestion = sema::closestMatch(field, fieldNames);
      problems.push_back({fmt::format("--map {}={} names no field of the record", field, column),
                          suggestion
                              ? fmt::format("did you mean '{}'?", *suggestion)
                              : fmt::format("the record's fields are: {}", joined(fieldNames))});
      ok = false;
    } else if (mapped[f]) {
      problems.push_back(
          {fmt::format("--map gives field {} twice ({} and {})", field, plans[f].column, column),
           "keep the one that names the right column"});
      ok = false;
    } else if (column.empty()) {
      problems.push_back({fmt::format("--map {}= names no column", field),
                          fmt::format("write --map {}=<column>", field)});
      ok = false;
    } else {
      plans[f].column = column;
      mapped[f] = true;
    }
  }
  for (std::size_t f = 0; f < plans.size(); ++f)
    if (!mapped[f])
      plans[f].column = plans[f].name;
  return ok;
}

/// Two fields may not read one key (JSON Lines: no header to check anything else against).
bool checkDistinctKeys(const std::vector<FieldPlan> &plans, std::vector<MappingProblem> &problems) {
  bool ok = true;
  for (std::size_t a = 0; a < plans.size(); ++a)
    for (std::size_t b = a + 1; b < plans.size(); ++b)
      if (plans[a].column == plans[b].column) {
        problems.push_back({fmt::format("fields {} and {} both read the key '{}'", plans[a].name,
                                        plans[b].name, plans[a].column),
                            "use --map to give each field its own key"});
        ok = false;
      }
  return ok;
}

} // namespace

std::unique_ptr<RecordParser> RecordParser::make(const ir::Program &program,
                                                 const InputReader &reader,
                                                 std::vector<MappingProblem> &problems,
                                                 std::vector<std::string> &notes) {
  const InputOptions &options = reader.options();
  const bool fromGb18030 = encodingFromName(options.encoding) == Encoding::Gb18030;
  std::vector<FieldPlan> plans = planFields(program);
  std::vector<bool> mapped;
  bool ok = applyMap(options, plans, mapped, problems);
  if (options.format == InputFormat::JsonLines) {
    ok = checkDistinctKeys(plans, problems) && ok;
    if (!ok)
      return nullptr;
    return makeJsonLinesParser(std::move(plans), fromGb18030);
  }

  const std::string file = fileName(reader);
  const std::vector<std::string> &header = reader.columns();
  std::vector<int> fieldOfColumn(header.size(), -1);
  std::vector<std::size_t> unfound; // fields whose column is not in the header
  for (std::size_t f = 0; f < plans.size(); ++f) {
    FieldPlan &plan = plans[f];
    std::vector<std::size_t> at;
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == plan.column)
        at.push_back(c);
    if (at.empty()) {
      unfound.push_back(f);
    } else if (at.size() > 1) {
      problems.push_back(
          {fmt::format("column '{}' appears {} times in the header of {} (columns {} and {}): "
                       "field {} cannot tell which to read",
                       plan.column, at.size(), file, at[0] + 1, at[1] + 1, plan.name),
           fmt::format("rename all but one of them, or use --map {}=<column>", plan.name)});
      ok = false;
    } else if (const int other = fieldOfColumn[at[0]]; other >= 0) {
      problems.push_back(
          {fmt::format("fields {} and {} both read column '{}' of {}",
                       plans[static_cast<std::size_t>(other)].name, plan.name, plan.column, file),
           "use --map to give each field its own column"});
      ok = false;
    } else {
      fieldOfColumn[at[0]] = static_cast<int>(f);
    }
  }

  std::vector<std::string> unread;
  for (std::size_t c = 0; c < header.size(); ++c)
    if (fieldOfColumn[c] < 0)
      unread.push_back(header[c]);
  for (std::size_t f : unfound) {
    FieldPlan &plan = plans[f];
    const std::string type = typeName(plan.type, &program.enums);
    if (!mapped[f] && plan.type.optional) {
      notes.push_back(fmt::format("field {} ({}) has no column '{}' in {}: it is missing in "
                                  "every record",
                                  plan.name, type, plan.column, file));
      plan.column.clear();
      continue;
    }
    auto suggestion = sema::closestMatch(plan.column, unread);
    if (!suggestion)
      suggestion = sema::closestMatch(plan.column, header);
    MappingProblem problem;
    problem.message = mapped[f] ? fmt::format("--map {}={}: {} has no column '{}'", plan.name,
                                              plan.column, file, plan.column)
                                : fmt::format("column '{}' (field {}: {}) is missing in {}",
                                              plan.column, plan.name, type, file);
    if (suggestion)
      problem.help = fmt::format("did you mean '{}'? to read field {} from it, use --map {}={}",
                                 *suggestion, plan.name, plan.name, *suggestion);
    else
      problem.help = fmt::format("the columns of {} are: {}; add the column, or use --map "
                                 "{}=<column> if it has another name",
                                 file, joined(header, true), plan.name);
    problems.push_back(std::move(problem));
    ok = false;
  }
  if (!ok)
    return nullptr;
  if (!unread.empty())
    notes.push_back(fmt::format("{} {} of {} no field reads {} ignored: {}", unread.size(),
                                unread.size() == 1 ? "column" : "columns", file,
                                unread.size() == 1 ? "is" : "are", joined(unread, true)));
  return makeCsvParser(std::move(plans), std::move(fieldOfColumn), header, fromGb18030);
}

} // namespace xr::load
