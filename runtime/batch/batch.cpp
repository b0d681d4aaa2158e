#include "runtime/batch/batch.h"

#include <fmt/format.h>

#include <stdexcept>

namespace xr::batch {

Batch::Batch(const ir::Program &program) {
  columns_.reserve(program.fields.size());
  for (const ir::FieldInfo &field : program.fields) {
    columns_.emplace_back(field.type);
    const bool isEnum =
        field.type.kind == TypeKind::Enum && field.type.enumId < program.enums.size();
    enumSizes_.push_back(isEnum ? program.enums.get(field.type.enumId).members.size() : 0);
  }
}

std::string_view Batch::text(std::uint32_t field, std::size_t row) const {
  return text(column(field).values<TextRef>()[row]);
}

void Batch::clear() {
  rows_ = 0;
  arena_.clear();
  for (Column &c : columns_)
    c.resize(0);
}

void Batch::reserve(std::size_t rows, std::size_t textBytes) {
  for (Column &c : columns_)
    c.reserve(rows);
  arena_.reserve(textBytes);
}

void Batch::resize(std::size_t rows) {
  rows_ = rows;
  for (Column &c : columns_)
    c.resize(rows);
}

std::size_t Batch::addRow() {
  resize(rows_ + 1);
  return rows_ - 1;
}

Column &Batch::checked(std::uint32_t field, TypeKind kind) {
  Column &c = columns_.at(field);
  if (c.type().kind != kind)
    throw std::invalid_argument(
        fmt::format("field {} is a {}, not a {}", field, typeName(c.type()), typeName(Type{kind})));
  return c;
}

void Batch::setMissing(std::uint32_t field, std::size_t row) { columns_.at(field).setMissing(row); }

void Batch::setBool(std::uint32_t field, std::size_t row, bool value) {
  checked(field, TypeKind::Bool).setU8(row, value ? 1 : 0);
}

void Batch::setInt(std::uint32_t field, std::size_t row, std::int64_t value) {
  checked(field, TypeKind::Int).setI64(row, value);
}

void Batch::setNumber(std::uint32_t field, std::size_t row, double value) {
  checked(field, TypeKind::Number).setF64(row, value);
}

void Batch::setDate(std::uint32_t field, std::size_t row, std::int32_t days) {
  checked(field, TypeKind::Date).setI32(row, days);
}

void Batch::setEnum(std::uint32_t field, std::size_t row, std::int32_t member) {
  Column &c = checked(field, TypeKind::Enum);
  if (member < 0 || static_cast<std::size_t>(member) >= enumSizes_[field])
    throw std::invalid_argument(
        fmt::format("enum member {} out of range for field {}", member, field));
  c.setI32(row, member);
}

void Batch::setText(std::uint32_t field, std::size_t row, std::string_view utf8) {
  Column &c = checked(field, TypeKind::Text);
  c.setText(row, appendText(utf8));
}

void Batch::set(std::uint32_t field, std::size_t row, const ir::Constant &value) {
  if (value.valid && value.type.kind == TypeKind::Enum)
    setEnum(field, row, static_cast<std::int32_t>(value.i));
  else
    storeConstant(columns_.at(field), row, value, arena_);
}

// ------------------------------------------------------------------------------ params

namespace {

/// `value` converted to the param's type, or an error message.
std::optional<ir::Constant> conform(const ir::Program &program, const ir::ParamInfo &param,
                                    const ir::Constant &value, std::string &error) {
  const Type &want = param.type;
  ir::Constant out = value;
  out.type = want.required();
  if (!value.valid) {
    if (!want.optional) {
      error = fmt::format("param {} needs a value: it is not optional", param.name);
      return std::nullopt;
    }
    out = ir::Constant{want.required(), false, 0, 0, {}};
    return out;
  }
  const TypeKind have = value.type.kind;
  if (want.kind == TypeKind::Number && have == TypeKind::Int) {
    out.d = static_cast<double>(value.i);
    out.i = 0;
    return out;
  }
  const bool sameEnum = (want.kind != TypeKind::Enum && want.kind != TypeKind::Set) ||
                        value.type.enumId == want.enumId;
  if (have != want.kind || !sameEnum) {
    error = fmt::format("param {} is a {}, not a {}", param.name, typeName(want, &program.enums),
                        typeName(value.type, &program.enums));
    return std::nullopt;
  }
  if (want.kind == TypeKind::Enum && want.enumId < program.enums.size()) {
    const auto &members = program.enums.get(want.enumId).members;
    if (value.i < 0 || static_cast<std::size_t>(value.i) >= members.size()) {
      error = fmt::format("param {} has no member {}", param.name, value.i);
      return std::nullopt;
    }
  }
  return out;
}

std::optional<ParamValues>
bindIndexed(const ir::Program &program,
            const std::vector<std::pair<std::uint32_t, ir::Constant>> &overrides,
            std::vector<std::string> &errors, std::vector<ir::Constant> &values) {
  const std::size_t before = errors.size();
  std::vector<bool> given(program.params.size(), false);
  values.assign(program.params.size(), ir::Constant{});
  for (const auto &[index, value] : overrides) {
    if (index >= program.params.size()) {
      errors.push_back(fmt::format("there is no param number {}", index));
      continue;
    }
    std::string error;
    if (auto c = conform(program, program.params[index], value, error)) {
      values[index] = std::move(*c);
      given[index] = true;
    } else {
      errors.push_back(std::move(error));
    }
  }
  for (std::size_t i = 0; i < program.params.size(); ++i) {
    if (given[i])
      continue;
    const ir::ParamInfo &param = program.params[i];
    if (param.hasDefault) {
      std::string error;
      if (auto c = conform(program, param, param.defaultValue, error))
        values[i] = std::move(*c);
      else
        errors.push_back(std::move(error));
    } else if (param.type.optional) {
      values[i] = ir::Constant{param.type.required(), false, 0, 0, {}};
    } else {
      errors.push_back(
          fmt::format("param {} has no default: give it a value for the run", param.name));
    }
  }
  if (errors.size() != before)
    return std::nullopt;
  return ParamValues{};
}

} // namespace

std::optional<ParamValues> ParamValues::bind(const ir::Program &program,
                                             const std::vector<ParamOverride> &overrides,
                                             std::vector<std::string> &errors) {
  std::vector<std::pair<std::uint32_t, ir::Constant>> indexed;
  bool unknown = false;
  for (const ParamOverride &o : overrides) {
    std::uint32_t index = 0;
    while (index < program.params.size() && program.params[index].name != o.name)
      ++index;
    if (index == program.params.size()) {
      std::string known;
      for (const auto &p : program.params)
        known += (known.empty() ? "" : ", ") + p.name;
      errors.push_back(known.empty()
                           ? fmt::format("unknown param '{}': the rule set has none", o.name)
                           : fmt::format("unknown param '{}' (the params are: {})", o.name, known));
      unknown = true;
      continue;
    }
    indexed.emplace_back(index, o.value);
  }
  auto bound = bind(program, indexed, errors);
  if (unknown)
    return std::nullopt;
  return bound;
}

std::optional<ParamValues>
ParamValues::bind(const ir::Program &program,
                  const std::vector<std::pair<std::uint32_t, ir::Constant>> &overrides,
                  std::vector<std::string> &errors) {
  std::vector<ir::Constant> values;
  auto ok = bindIndexed(program, overrides, errors, values);
  if (!ok)
    return std::nullopt;
  ok->values_ = std::move(values);
  return ok;
}

} // namespace xr::batch
