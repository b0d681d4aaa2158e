// The rows that could not be read, as CSV.
#include "runtime/output/output.h"
#include "runtime/output/text_out.h"

namespace xr::output {

ErrorFormatter::ErrorFormatter(const ir::Program &program, std::string inputPath)
    : program_(&program), inputPath_(std::move(inputPath)) {}

std::string ErrorFormatter::preamble() const {
  const Provenance p = provenanceOf(*program_);
  std::string out;
  appendProvenanceComment(out, "errors", p);
  out.append("\nfile,line,record,column,reason\n");
  return out;
}

void ErrorFormatter::format(const std::vector<load::LoadError> &errors, std::string &out) const {
  std::string file;
  detail::appendCsvCell(file, inputPath_);
  for (const load::LoadError &e : errors) {
    out.append(file);
    out.push_back(',');
    detail::appendInt(out, static_cast<std::int64_t>(e.line));
    out.push_back(',');
    detail::appendInt(out, static_cast<std::int64_t>(e.record + 1));
    out.push_back(',');
    detail::appendCsvCell(out, e.column);
    out.push_back(',');
    detail::appendCsvCell(out, e.reason);
    out.push_back('\n');
  }
}

} // namespace xr::output
