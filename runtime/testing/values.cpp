#include "runtime/testing/values.h"

#include "runtime/output/output.h"

namespace xr::testrun {

std::string valueText(const ir::Program &program, const ir::Constant &value) {
  if (!value.valid)
    return "missing";
  std::string text = output::formatValue(program, value);
  if (text.empty()) // an empty text or set, which must not read as nothing at all
    return value.type.kind == TypeKind::Set ? "{}" : "\"\"";
  return text;
}

nlohmann::ordered_json valueJson(const ir::Program &program, const ir::Constant &value) {
  if (!value.valid)
    return nullptr;
  switch (value.type.kind) {
  case TypeKind::Bool:
    return value.i != 0;
  case TypeKind::Int:
    return value.i;
  case TypeKind::Number:
    return value.d;
  case TypeKind::Set: {
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    if (value.type.enumId != kNoEnum) {
      const EnumInfo &info = program.enums.get(value.type.enumId);
      for (std::size_t m = 0; m < info.members.size() && m < 64; ++m)
        if ((static_cast<std::uint64_t>(value.i) >> m) & 1u)
          members.push_back(info.members[m].name);
    }
    return members;
  }
  default:
    return output::formatValue(program, value);
  }
}

std::string sourceText(const SourceManager &sources, SourceRange range) {
  if (!range.valid() || range.file >= sources.size() || range.end <= range.begin)
    return {};
  const std::string &text = sources.file(range.file).text();
  if (range.end > text.size())
    return {};
  return text.substr(range.begin, range.end - range.begin);
}

std::string sourceLine(const SourceManager &sources, SourceRange range) {
  if (!range.valid() || range.file >= sources.size())
    return {};
  const SourceFile &file = sources.file(range.file);
  return file.path() + ":" + std::to_string(file.position(range.begin).line);
}

std::string expressionText(const ir::Program &program, const SourceManager &sources,
                           ir::ExprId expr) {
  const ir::Node &node = program.node(expr);
  std::string text = sourceText(sources, node.range);
  if (!text.empty())
    return text;
  const auto index = static_cast<std::size_t>(node.a);
  switch (node.op) {
  case ir::Op::Slot:
    return index < program.slots.size() ? program.slots[index].name : std::string("?");
  case ir::Op::Field:
    return index < program.fields.size() ? program.fields[index].name : std::string("?");
  case ir::Op::Param:
    return index < program.params.size() ? program.params[index].name : std::string("?");
  default:
    break;
  }
  // A conversion the compiler inserted reads like its operand.
  if (node.argCount == 1)
    return expressionText(program, sources, program.arg(node, 0));
  return std::string(ir::opName(node.op));
}

} // namespace xr::testrun
