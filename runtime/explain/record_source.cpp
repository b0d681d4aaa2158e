#include "runtime/explain/record_source.h"

#include "runtime/batch/results.h"
#include "runtime/output/output.h"

#include <fmt/format.h>

#include <memory>

namespace xr::explain {
namespace {

/// An InputReader over text already in memory, for the parser's mapping of --record.
class TextReader final : public load::InputReader {
public:
  explicit TextReader(load::InputOptions options) : InputReader("--record", std::move(options)) {}
  bool next(std::size_t, load::RawChunk &, std::string &) override { return false; }
  std::uint64_t bytesRead() const override { return 0; }
  std::uint64_t totalBytes() const override { return 0; }
};

std::unique_ptr<load::RecordParser>
parserFor(const ir::Program &program, const load::InputReader &reader, RecordLookup &lookup) {
  std::vector<load::MappingProblem> problems;
  std::vector<std::string> notes;
  auto parser = load::RecordParser::make(program, reader, problems, notes);
  if (!parser) {
    lookup.problem =
        problems.empty() ? "the input's columns do not fit the record" : problems.front().message;
    for (const load::MappingProblem &p : problems) {
      if (&p != &problems.front())
        lookup.help.push_back(p.message);
      if (!p.help.empty())
        lookup.help.push_back(p.help);
    }
  }
  return parser;
}

std::string loadErrorText(const load::LoadError &e) {
  return e.column.empty() ? e.reason : "column '" + e.column + "': " + e.reason;
}

void copyRow(const ir::Program &program, const batch::Batch &from, std::size_t row,
             batch::Batch &out) {
  out.clear();
  out.addRow();
  for (std::uint32_t f = 0; f < program.fields.size(); ++f)
    out.set(f, 0, batch::constantAt(from.column(f), row, from.arena()));
}

} // namespace

RecordLookup recordFromJson(const ir::Program &program, const std::string &json,
                            const load::InputOptions &options, batch::Batch &out) {
  RecordLookup lookup;
  load::InputOptions jsonOptions = options;
  jsonOptions.format = load::InputFormat::JsonLines;
  jsonOptions.encoding = "utf-8";
  TextReader reader(jsonOptions);
  auto parser = parserFor(program, reader, lookup);
  if (!parser)
    return lookup;
  load::RawChunk chunk;
  // One line of JSON Lines: a line break can only be whitespace between tokens of valid JSON.
  chunk.text = json;
  for (char &ch : chunk.text)
    if (ch == '\n' || ch == '\r')
      ch = ' ';
  chunk.text += '\n';
  chunk.firstRecord = 0;
  chunk.firstLine = 1;
  batch::Batch parsed(program);
  std::vector<std::uint64_t> recordOfRow;
  std::vector<load::LoadError> errors;
  parser->parse(chunk, parsed, recordOfRow, errors);
  if (!errors.empty()) {
    lookup.problem = "the record given with --record cannot be read: " + loadErrorText(errors[0]);
    return lookup;
  }
  if (parsed.rows() != 1) {
    lookup.problem = "--record must be one JSON object";
    return lookup;
  }
  copyRow(program, parsed, 0, out);
  lookup.found = true;
  lookup.searched = 1;
  return lookup;
}

RecordLookup recordFromFile(const ir::Program &program, const std::string &path,
                            const load::InputOptions &options, const std::string &id,
                            batch::Batch &out) {
  RecordLookup lookup;
  std::int64_t keyField = -1;
  for (std::size_t f = 0; f < program.fields.size() && keyField < 0; ++f)
    if (program.fields[f].key)
      keyField = static_cast<std::int64_t>(f);
  if (keyField < 0) {
    lookup.problem = "the rule set's record has no key field, so --id cannot name a record";
    lookup.help.push_back("give the record itself with --record '{...}', or mark a field `key`");
    return lookup;
  }
  const auto key = static_cast<std::uint32_t>(keyField);

  std::string error;
  auto reader = load::InputReader::open(path, options, error);
  if (!reader) {
    lookup.problem = error;
    return lookup;
  }
  auto parser = parserFor(program, *reader, lookup);
  if (!parser)
    return lookup;

  constexpr std::size_t kChunkBytes = 1 << 20;
  constexpr std::size_t kListed = 3;
  load::RawChunk chunk;
  batch::Batch parsed(program);
  std::vector<std::uint64_t> recordOfRow;
  std::vector<load::LoadError> errors, unreadable;
  std::uint64_t unreadableCount = 0;
  while (reader->next(kChunkBytes, chunk, error)) {
    errors.clear();
    parser->parse(chunk, parsed, recordOfRow, errors);
    unreadableCount += errors.size();
    for (load::LoadError &e : errors)
      if (unreadable.size() < kListed)
        unreadable.push_back(std::move(e));
    for (std::size_t row = 0; row < parsed.rows(); ++row) {
      ++lookup.searched;
      const ir::Constant value = batch::constantAt(parsed.column(key), row, parsed.arena());
      if (value.valid && output::formatValue(program, value) == id) {
        copyRow(program, parsed, row, out);
        lookup.found = true;
        return lookup;
      }
    }
  }
  if (!error.empty()) {
    lookup.problem = error;
    return lookup;
  }
  lookup.problem =
      fmt::format("no record of {} has {} '{}' ({} record{} searched)", path,
                  program.fields[key].name, id, lookup.searched, lookup.searched == 1 ? "" : "s");
  if (unreadableCount > 0) {
    lookup.help.push_back(
        fmt::format("{} record{} could not be read and {} not searched:", unreadableCount,
                    unreadableCount == 1 ? "" : "s", unreadableCount == 1 ? "was" : "were"));
    for (const load::LoadError &e : unreadable)
      lookup.help.push_back(fmt::format("  {}:{}: {}", path, e.line, loadErrorText(e)));
    if (unreadableCount > unreadable.size())
      lookup.help.push_back(fmt::format("  ... and {} more", unreadableCount - unreadable.size()));
  }
  return lookup;
}

} // namespace xr::explain
