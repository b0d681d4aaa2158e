#include "runtime/output/value_out.h"

#include "runtime/output/text_out.h"

namespace xr::output::detail {

ValueView viewOf(const ir::Constant &value) {
  return {value.type.kind, value.type.enumId, value.i, value.d, value.text};
}

ColumnReader::ColumnReader(const batch::Column &column, std::string_view arena)
    : validity_(column.validity()), values_(column.rawValues()), storage_(column.storage()),
      kind_(column.type().kind), enumId_(column.type().enumId), arena_(arena) {}

std::string_view statusName(std::int64_t status) {
  // A cell holds the status byte (ir::Status) widened to int64: values outside a byte are none.
  return status >= 0 && status <= 0xff ? ir::statusName(static_cast<ir::Status>(status))
                                       : "unknown_status";
}

namespace {

/// The member's name; its index when the enum has no such member (never in a valid result).
void appendMember(std::string &out, const ir::Program &program, EnumId id, std::int64_t member) {
  if (id < program.enums.size()) {
    const EnumInfo &info = program.enums.get(id);
    if (member >= 0 && static_cast<std::size_t>(member) < info.members.size()) {
      out.append(info.members[static_cast<std::size_t>(member)].name);
      return;
    }
  }
  appendInt(out, member);
}

/// The member's name as a JSON string (names may be Unicode identifiers).
void appendJsonMember(std::string &out, const ir::Program &program, EnumId id,
                      std::int64_t member) {
  if (id < program.enums.size()) {
    const EnumInfo &info = program.enums.get(id);
    if (member >= 0 && static_cast<std::size_t>(member) < info.members.size()) {
      appendJsonString(out, info.members[static_cast<std::size_t>(member)].name);
      return;
    }
  }
  out.push_back('"');
  appendInt(out, member);
  out.push_back('"');
}

} // namespace

void appendValueText(std::string &out, const ir::Program &program, const ValueView &v) {
  switch (v.kind) {
  case TypeKind::Bool:
    out.append(v.i ? "true" : "false");
    break;
  case TypeKind::Int:
  case TypeKind::Duration:
    appendInt(out, v.i);
    break;
  case TypeKind::Number:
    appendNumber(out, v.d);
    break;
  case TypeKind::Text:
    out.append(v.text);
    break;
  case TypeKind::Date:
    appendDate(out, static_cast<std::int32_t>(v.i));
    break;
  case TypeKind::Enum:
    appendMember(out, program, v.enumId, v.i);
    break;
  case TypeKind::Set: {
    const auto bits = static_cast<std::uint64_t>(v.i);
    bool first = true;
    for (int m = 0; m < 64; ++m)
      if (bits >> m & 1) {
        if (!first)
          out.push_back(';');
        first = false;
        appendMember(out, program, v.enumId, m);
      }
    break;
  }
  case TypeKind::Status:
    out.append(statusName(v.i));
    break;
  case TypeKind::Error:
    break;
  }
}

void appendValueJson(std::string &out, const ir::Program &program, const ValueView &v) {
  switch (v.kind) {
  case TypeKind::Bool:
    out.append(v.i ? "true" : "false");
    return;
  case TypeKind::Int:
  case TypeKind::Duration:
    appendInt(out, v.i);
    return;
  case TypeKind::Number:
    appendJsonNumber(out, v.d);
    return;
  case TypeKind::Text:
    appendJsonString(out, v.text);
    return;
  case TypeKind::Enum:
    appendJsonMember(out, program, v.enumId, v.i);
    return;
  case TypeKind::Set: {
    out.push_back('[');
    const auto bits = static_cast<std::uint64_t>(v.i);
    bool first = true;
    for (int m = 0; m < 64; ++m)
      if (bits >> m & 1) {
        if (!first)
          out.push_back(',');
        first = false;
        appendJsonMember(out, program, v.enumId, m);
      }
    out.push_back(']');
    return;
  }
  case TypeKind::Error:
    out.append("null");
    return;
  case TypeKind::Date:
  case TypeKind::Status:
    break;
  }
  // Dates and statuses are digits and fixed words: nothing to escape.
  out.push_back('"');
  appendValueText(out, program, v);
  out.push_back('"');
}

void appendValueCsv(std::string &out, const ir::Program &program, const ValueView &v,
                    std::string &scratch) {
  switch (v.kind) {
  case TypeKind::Text:
    appendCsvCell(out, v.text);
    return;
  case TypeKind::Enum:
  case TypeKind::Set:
    scratch.clear();
    appendValueText(scratch, program, v);
    appendCsvCell(out, scratch);
    return;
  default:
    appendValueText(out, program, v); // digits, dates and fixed words never need quotes
    return;
  }
}

} // namespace xr::output::detail
