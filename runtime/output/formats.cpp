// Output formats by name and extension, provenance, and formatValue.
#include "runtime/output/output.h"

#include "compiler/support/ascii.h"
#include "runtime/output/text_out.h"
#include "runtime/output/value_out.h"

#include <algorithm>
#include <cctype>

namespace xr::output {

std::optional<OutputFormat> outputFormatFromPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0)
    return std::nullopt; // no extension, or a hidden file's name alone
  const std::string extension = lowerAscii(name.substr(dot + 1));
  if (extension == "csv")
    return OutputFormat::Csv;
  if (extension == "jsonl" || extension == "ndjson")
    return OutputFormat::JsonLines;
  return std::nullopt;
}

std::optional<OutputFormat> parseOutputFormat(std::string_view name) {
  if (name == "csv")
    return OutputFormat::Csv;
  if (name == "jsonl")
    return OutputFormat::JsonLines;
  return std::nullopt;
}

Provenance provenanceOf(const ir::Program &program) {
  return {program.title, program.version, program.contentHash};
}

void appendProvenanceComment(std::string &out, std::string_view what, const Provenance &p) {
  out.append("# xuncha ");
  out.append(what);
  out.append(": ruleset=");
  detail::appendJsonString(out, p.ruleset);
  out.append(" version=");
  detail::appendInt(out, p.version);
  out.append(" sha256=");
  out.append(p.sha256);
}

std::string formatValue(const ir::Program &program, const ir::Constant &value) {
  std::string text;
  if (value.valid)
    detail::appendValueText(text, program, detail::viewOf(value));
  return text;
}

} // namespace xr::output
