// textDocument/formatting and rangeFormatting: the layout of `xuncha fmt`
// (compiler/format), sent as the smallest line edits (a line diff of the file and its
// formatted text), so the editor keeps the cursor and the undo history readable.
//
// Range formatting formats the whole file and keeps the edits that touch the range's lines.
// That is sound: the formatter changes whitespace only, and each edit of the line diff
// replaces lines between two lines that stay as they are, so it holds the same tokens before
// and after; applying any subset of the edits keeps the file's tokens, only part of it is in
// the canonical layout (alignment with lines outside the range may differ). The editor's
// tab size and spaces options are ignored: the layout is the one canonical layout.
#include "compiler/format/format.h"
#include "compiler/format/line_diff.h"
#include "lsp/features/features.h"

namespace xr::lsp {

namespace {

using nlohmann::json;

/// Lines with their terminators (\n, \r\n or \r), as PositionConverter counts them.
std::vector<std::string> splitLines(const std::string &text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
      ++i;
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size())
    lines.push_back(text.substr(start));
  return lines;
}

struct LineEdit {
  std::uint32_t firstLine = 0; // original lines [firstLine, endLine) are replaced
  std::uint32_t endLine = 0;
  std::string newText;
};

std::vector<LineEdit> lineEdits(const std::string &before, const std::string &after) {
  std::vector<std::string> a = splitLines(before), b = splitLines(after);
  std::vector<format::DiffOp> ops = format::diffLines(a, b);
  std::vector<LineEdit> edits;
  std::uint32_t i = 0, j = 0;
  for (std::size_t k = 0; k < ops.size();) {
    if (ops[k] == format::DiffOp::Keep) {
      ++i, ++j, ++k;
      continue;
    }
    LineEdit edit{i, i, {}};
    for (; k < ops.size() && ops[k] != format::DiffOp::Keep; ++k) {
      if (ops[k] == format::DiffOp::Remove)
        ++i;
      else
        edit.newText += b[j++];
    }
    edit.endLine = i;
    edits.push_back(std::move(edit));
  }
  return edits;
}

std::string formatted(const RequestContext &context) {
  const Compilation &compilation = context.compilation();
  FileId file = context.file();
  if (file == kNoFile || file >= compilation.sources.size())
    throw RequestError(ErrorCode::RequestFailed, "the document could not be read");
  format::FormatResult result = format::formatFile(compilation.sources.file(file));
  if (!result.text) {
    std::size_t errors = result.diagnostics.errorCount();
    throw RequestError(
        ErrorCode::RequestFailed,
        "the file is not formatted: it has " + std::to_string(errors) +
            (errors == 1 ? " syntax error; fix it first" : " syntax errors; fix them first"));
  }
  return *result.text;
}

json toProtocol(const std::vector<LineEdit> &edits, const PositionConverter &positions,
                std::uint32_t fromLine, std::uint32_t toLine) {
  json out = json::array();
  for (const LineEdit &edit : edits) {
    bool touches = edit.firstLine == edit.endLine
                       ? edit.firstLine >= fromLine && edit.firstLine <= toLine + 1
                       : edit.firstLine <= toLine && edit.endLine > fromLine;
    if (!touches)
      continue;
    Range range{positions.position(positions.lineStart(edit.firstLine)),
                positions.position(positions.lineStart(edit.endLine))};
    out.push_back(TextEdit{range, edit.newText});
  }
  return out;
}

} // namespace

void registerFormatting(FeatureRegistry &registry) {
  registry.addCapabilities([](json &capabilities, const InitializeInfo &) {
    capabilities["documentFormattingProvider"] = true;
    capabilities["documentRangeFormattingProvider"] = true;
  });
  registry.onDocumentRequest("textDocument/formatting",
                             [](const json &, const RequestContext &context) -> json {
                               std::string after = formatted(context);
                               return toProtocol(lineEdits(*context.document().text, after),
                                                 context.positions(), 0, UINT32_MAX - 1);
                             });
  registry.onDocumentRequest("textDocument/rangeFormatting",
                             [](const json &params, const RequestContext &context) -> json {
                               Range range = params.at("range").get<Range>();
                               std::string after = formatted(context);
                               // A range ending at the start of a line does not take that line in.
                               std::uint32_t lastLine = range.end.line;
                               if (range.end.character == 0 && range.end.line > range.start.line)
                                 --lastLine;
                               return toProtocol(lineEdits(*context.document().text, after),
                                                 context.positions(), range.start.line, lastLine);
                             });
}

} // namespace xr::lsp
