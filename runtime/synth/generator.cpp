#include "runtime/synth/generator.h"

#include "runtime/synth/credit_code.h"

#include <fmt/format.h>

namespace xr::synth {
namespace {

bool kindMatches(ValueKind kind, TypeKind type) {
  switch (kind) {
  case ValueKind::Bool:
    return type == TypeKind::Bool;
  case ValueKind::Int:
    return type == TypeKind::Int;
  case ValueKind::Number:
    return type == TypeKind::Number;
  case ValueKind::Date:
    return type == TypeKind::Date;
  case ValueKind::Text:
    return type == TypeKind::Text;
  case ValueKind::Enum:
    return type == TypeKind::Enum;
  }
  return false;
}

/// The value of param `name` when the rule set has it with the type `kind`.
const ir::Constant *paramValue(const ir::Program &program, const batch::ParamValues &params,
                               std::string_view name, TypeKind kind) {
  for (std::uint32_t i = 0; i < program.params.size(); ++i)
    if (program.params[i].name == name && program.params[i].type.kind == kind &&
        params.value(i).valid)
      return &params.value(i);
  return nullptr;
}

ModelSettings settingsOf(const ir::Program &program, const batch::ParamValues &params) {
  ModelSettings settings;
  if (const ir::Constant *c = paramValue(program, params, "inspection_date", TypeKind::Date))
    settings.inspectionDate = static_cast<std::int32_t>(c->i);
  if (const ir::Constant *c = paramValue(program, params, "kwh_per_ton", TypeKind::Number))
    if (c->d > 0)
      settings.kwhPerTon = c->d;
  if (const ir::Constant *c = paramValue(program, params, "tce_per_kwh", TypeKind::Number))
    if (c->d > 0)
      settings.tcePerKwh = c->d;
  return settings;
}

} // namespace

std::uint64_t maxRows() { return kMaxDistinctCodes; }

std::unique_ptr<Generator> Generator::make(const ir::Program &program, std::uint64_t seed,
                                           const batch::ParamValues &params,
                                           std::vector<std::string> &problems) {
  std::unique_ptr<Generator> generator(new Generator());
  generator->seed_ = seed;
  generator->settings_ = settingsOf(program, params);
  const std::size_t problemsBefore = problems.size();
  for (const ir::FieldInfo &field : program.fields) {
    Column column;
    column.name = field.name;
    column.spec = findField(field.name);
    const std::string where =
        fmt::format("field '{}' ({})", field.name, typeName(field.type, &program.enums));
    if (!column.spec) {
      problems.push_back(where + " has no distribution in the generator; the generator makes "
                                 "the fields of the national record (rulesets/national/2023.xr): "
                                 "add one to runtime/synth/field_catalog.cpp");
      continue;
    }
    if (!kindMatches(column.spec->kind, field.type.kind)) {
      problems.push_back(fmt::format("{}: the generator makes {} values for it; make the "
                                     "field {} or change the generator",
                                     where, kindName(column.spec->kind),
                                     kindName(column.spec->kind)));
      continue;
    }
    if (column.spec->mayBeMissing && !field.type.optional) {
      problems.push_back(where +
                         ": the generator leaves it missing for some enterprises, so it "
                         "must be optional (`" +
                         field.name + ": " +
                         typeName(field.type.withOptional(true), &program.enums) + "`)");
      continue;
    }
    if (column.spec->kind == ValueKind::Enum) {
      const EnumInfo &info = program.enums.get(field.type.enumId);
      for (const EnumMemberInfo &member : info.members)
        column.memberNames.push_back(member.name);
      for (std::string_view name : column.spec->members) {
        const int index = info.find(name);
        if (index < 0)
          problems.push_back(fmt::format("{}: the generator makes the member '{}', which the "
                                         "enum does not have",
                                         where, name));
        column.memberOf.push_back(index);
      }
    }
    generator->columns_.push_back(std::move(column));
  }
  if (problems.size() > problemsBefore)
    return nullptr;
  return generator;
}

void Generator::draw(std::uint64_t index, Enterprise &out) const {
  drawEnterprise(settings_, seed_, index, out);
}

FieldValue Generator::value(std::size_t field, const Enterprise &enterprise) const {
  const Column &column = columns_[field];
  FieldValue v = column.spec->read(enterprise);
  if (column.spec->kind == ValueKind::Enum && v.present)
    v.i = column.memberOf[static_cast<std::size_t>(v.i)];
  return v;
}

std::string_view Generator::memberName(std::size_t field, std::int64_t member) const {
  return columns_[field].memberNames[static_cast<std::size_t>(member)];
}

void Generator::appendTo(batch::Batch &batch, std::uint64_t first, std::size_t count) const {
  Enterprise enterprise;
  for (std::size_t n = 0; n < count; ++n) {
    draw(first + n, enterprise);
    const std::size_t row = batch.addRow();
    for (std::uint32_t f = 0; f < columns_.size(); ++f) {
      const FieldValue v = value(f, enterprise);
      if (!v.present)
        continue;
      switch (columns_[f].spec->kind) {
      case ValueKind::Bool:
        batch.setBool(f, row, v.i != 0);
        break;
      case ValueKind::Int:
        batch.setInt(f, row, v.i);
        break;
      case ValueKind::Number:
        batch.setNumber(f, row, v.d);
        break;
      case ValueKind::Date:
        batch.setDate(f, row, static_cast<std::int32_t>(v.i));
        break;
      case ValueKind::Text:
        batch.setText(f, row, v.text);
        break;
      case ValueKind::Enum:
        batch.setEnum(f, row, static_cast<std::int32_t>(v.i));
        break;
      }
    }
  }
}

} // namespace xr::synth
