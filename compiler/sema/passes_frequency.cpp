// checkFrequency: the `frequency by TABLE { member: value, ... }` declaration maps each member
// of the table's enum exactly once (XR0405), and there is at most one (XR0407). Sema has
// resolved the table (XR0101/XR0108, XR0301 when its value is not one enum member) and the
// entry names (XR0107).
#include "compiler/sema/passes.h"
#include "compiler/sema/passes_support.h"

#include <fmt/format.h>

namespace xr::sema {

namespace {

const ast::FrequencyDecl *frequencyDecl(const OutputInfo &output) {
  if (!output.decl || output.decl->kind != ast::DeclKind::Frequency)
    return nullptr;
  return static_cast<const ast::FrequencyDecl *>(output.decl);
}

void checkEntries(const Model &model, const OutputInfo &output, const ast::FrequencyDecl &decl,
                  Diagnostics &diags) {
  if (!output.frequencyTable || *output.frequencyTable >= model.tables.size())
    return; // an unknown table name is reported by sema
  const TableInfo &table = model.tables[*output.frequencyTable];
  // Sema links only a table whose value is one enum member (XR0301 otherwise).
  if (table.type.kind != TypeKind::Enum || table.type.enumId >= model.enums.size())
    return;
  const EnumInfo &members = model.enums.get(table.type.enumId);
  std::vector<const ast::FrequencyEntry *> first(members.members.size(), nullptr);
  const ast::FrequencyEntry *previous = nullptr;
  for (const ast::FrequencyEntry &entry : decl.entries) {
    const int m = members.find(entry.member.text);
    if (m < 0) {
      previous = &entry;
      continue;
    }
    if (const ast::FrequencyEntry *earlier = first[static_cast<std::size_t>(m)]) {
      Diagnostic &d = diags.report(DiagCode::FrequencyEntries, entry.member.range,
                                   fmt::format("frequency maps {} twice", entry.member.text));
      d.note(earlier->member.range, fmt::format("{} first mapped here", entry.member.text));
      if (previous)
        d.fix("remove the second entry",
              SourceRange{entry.range.file, previous->range.end, entry.range.end}, "");
    } else {
      first[static_cast<std::size_t>(m)] = &entry;
    }
    previous = &entry;
  }
  std::vector<std::string> missing;
  for (std::size_t m = 0; m < first.size(); ++m)
    if (!first[m])
      missing.push_back(members.members[m].name);
  if (missing.empty())
    return;
  diags
      .report(DiagCode::FrequencyEntries, output.where.name,
              fmt::format("frequency does not map {} of table {}; every outcome needs a number of "
                          "inspections per year",
                          passes::quotedList(missing), table.name))
      .note(table.where.name, fmt::format("table {} declared here", table.name));
}

} // namespace

void checkFrequency(Model &model, Diagnostics &diags) {
  const OutputInfo *firstFrequency = nullptr;
  for (const OutputInfo &output : model.outputs) {
    const ast::FrequencyDecl *decl = frequencyDecl(output);
    if (!decl)
      continue;
    if (firstFrequency) {
      diags
          .report(DiagCode::DuplicateFrequency, output.where.name,
                  "frequency is declared twice; a rule set has one inspection frequency")
          .note(firstFrequency->where.name, "first declared here");
      continue;
    }
    firstFrequency = &output;
    checkEntries(model, output, *decl, diags);
  }
}

} // namespace xr::sema
