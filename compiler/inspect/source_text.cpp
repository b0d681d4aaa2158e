#include "compiler/inspect/source_text.h"

#include <algorithm>
#include <vector>

namespace xr::inspect {
namespace {

/// The bytes of [begin, end) without the comments that lie inside, line ends as '\n'.
std::string withoutComments(const Compilation &compilation, FileId file, std::uint32_t begin,
                            std::uint32_t end) {
  const std::string &text = compilation.sources.file(file).text();
  std::vector<SourceRange> inside;
  if (const ast::Module *module = compilation.module(file))
    for (const ast::Comment &comment : module->comments)
      if (comment.range.begin >= begin && comment.range.end <= end)
        inside.push_back(comment.range);
  std::sort(inside.begin(), inside.end(),
            [](const SourceRange &a, const SourceRange &b) { return a.begin < b.begin; });
  std::string out;
  std::uint32_t at = begin;
  auto copy = [&](std::uint32_t to) {
    for (; at < to; ++at) {
      if (text[at] == '\r') {
        if (at + 1 < to && text[at + 1] == '\n')
          ++at;
        out += '\n';
      } else {
        out += text[at];
      }
    }
  };
  for (const SourceRange &comment : inside) {
    if (comment.begin < at)
      continue;
    copy(comment.begin);
    at = comment.end;
    // A comment that opened its line leaves no gap before what follows it.
    const std::size_t lineStart = out.rfind('\n') + 1;
    if (out.find_first_not_of(" \t", lineStart) == std::string::npos)
      while (at < end && (text[at] == ' ' || text[at] == '\t'))
        ++at;
  }
  copy(end);
  return out;
}

std::size_t leadingSpaces(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t'))
    ++n;
  return n;
}

std::string_view trimmedRight(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  return line;
}

} // namespace

std::string sourceText(const Compilation &compilation, SourceRange range) {
  if (!range.valid() || range.file >= compilation.sources.size())
    return {};
  const SourceFile &file = compilation.sources.file(range.file);
  const auto size = static_cast<std::uint32_t>(file.text().size());
  const std::uint32_t end = std::min(range.end, size);
  const std::uint32_t begin = std::min(range.begin, end);
  const std::string text = withoutComments(compilation, range.file, begin, end);

  std::vector<std::string_view> lines;
  std::string_view rest = text;
  while (true) {
    const std::size_t cut = rest.find('\n');
    std::string_view line = trimmedRight(rest.substr(0, cut));
    if (!line.empty() || lines.empty())
      lines.push_back(line);
    if (cut == std::string_view::npos)
      break;
    rest.remove_prefix(cut + 1);
  }
  if (lines.size() == 1)
    return std::string(lines.front());

  // The first line starts where the expression starts, after whatever precedes it on its line
  // (`score = `): shift every line left by the same amount, at most the smallest indentation.
  const std::size_t firstColumn = file.position(begin).column - 1;
  std::size_t shift = firstColumn;
  for (std::size_t i = 1; i < lines.size(); ++i)
    shift = std::min(shift, leadingSpaces(lines[i]));
  std::string out(firstColumn - shift, ' ');
  out += lines.front();
  for (std::size_t i = 1; i < lines.size(); ++i) {
    out += '\n';
    out += lines[i].substr(shift);
  }
  return out;
}

std::string oneLine(std::string_view text) {
  std::string out;
  bool inString = false;
  bool escaped = false;
  bool pendingSpace = false;
  for (char c : text) {
    if (inString) {
      out += c;
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace)
      out += ' ';
    pendingSpace = false;
    out += c;
    inString = c == '"';
  }
  return out;
}

std::string shortLocation(const Compilation &compilation, SourceRange range) {
  if (!range.valid() || range.file >= compilation.sources.size())
    return {};
  const SourceFile &file = compilation.sources.file(range.file);
  std::string_view path = file.path();
  const std::size_t slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos)
    path.remove_prefix(slash + 1);
  return std::string(path) + ":" + std::to_string(file.position(range.begin).line);
}

} // namespace xr::inspect
