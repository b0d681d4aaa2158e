#include "compiler/diag/render.h"

#include <algorithm>
#include <array>
#include <utility>

namespace xr {
namespace {

// ------------------------------------------------------------------------- code points

constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at `i` and advances past it. Invalid or truncated sequences yield
/// U+FFFD and advance one byte, so every byte belongs to exactly one displayed character.
char32_t decodeAt(std::string_view text, std::size_t &i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) {
    ++i;
    return kReplacement;
  }
  char32_t cp = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::array<char32_t, 5> kMinimum = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += length;
  return cp;
}

void appendUtf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// A source line as the terminal shows it: tabs expanded, control characters (which could
/// drive the terminal: rule files may come from anyone) and invalid bytes replaced by U+FFFD,
/// and for every byte offset of the original line the cell where its character starts.
struct DisplayLine {
  std::string text;
  std::vector<unsigned> cellAt;  // size = line bytes + 1; cellAt[size] = total width
  std::vector<unsigned> widthAt; // cells of the character starting at each byte offset
};

DisplayLine layOut(std::string_view line) {
  DisplayLine shown;
  shown.cellAt.assign(line.size() + 1, 0);
  shown.widthAt.assign(line.size() + 1, 1);
  unsigned cell = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t start = i;
    char32_t cp = decodeAt(line, i);
    unsigned width;
    if (cp == '\t') {
      width = kTabWidth - cell % kTabWidth;
      shown.text.append(width, ' ');
    } else {
      if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        cp = kReplacement;
      width = terminalWidth(cp);
      appendUtf8(shown.text, cp);
    }
    for (std::size_t k = start; k < i; ++k) {
      shown.cellAt[k] = cell;
      shown.widthAt[k] = width;
    }
    cell += width;
  }
  shown.cellAt[line.size()] = cell;
  return shown;
}

bool isWide(const DisplayLine &shown, std::size_t offset) {
  return offset < shown.widthAt.size() - 1 && shown.widthAt[offset] == 2;
}

// ------------------------------------------------------------------------- styling

struct Style {
  bool color;
  std::size_t gutterWidth = 1; // digits of the largest line number one diagnostic shows
  std::string paint(std::string_view code, std::string_view text) const {
    if (!color)
      return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
  std::string bold(std::string_view text) const { return paint("1", text); }
  std::string severity(Severity s) const {
    switch (s) {
    case Severity::Error:
      return paint("1;31", severityName(s));
    case Severity::Warning:
      return paint("1;35", severityName(s));
    case Severity::Note:
      return paint("1;36", severityName(s));
    }
    return std::string(severityName(s));
  }
  std::string gutter(std::string_view text) const { return paint("1;34", text); }
  std::string marker(std::string_view text) const { return paint("1;32", text); }
};

std::string location(const SourceManager &sources, SourceRange range) {
  const SourceFile &file = sources.file(range.file);
  LineColumn at = file.position(range.begin);
  return file.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ":";
}

bool pointsIntoFile(const SourceManager &sources, SourceRange range) {
  return range.valid() && range.file < sources.size();
}

// ------------------------------------------------------------------------- snippets

/// Writes one source line under a gutter with its line number, and a marker line below it
/// (when `marks` is not empty). Trailing spaces are dropped so output files stay clean.
void writeSourceLine(std::string &out, const Style &style, std::uint32_t lineNumber,
                     std::string_view shownText, std::string_view marks, std::size_t markCell) {
  std::string number = std::to_string(lineNumber);
  number.insert(0, style.gutterWidth > number.size() ? style.gutterWidth - number.size() : 0, ' ');
  std::string line = " " + number + " |";
  out += style.gutter(line);
  if (!shownText.empty())
    out += " " + std::string(shownText);
  out += "\n";
  if (marks.empty())
    return;
  out += style.gutter(" " + std::string(number.size(), ' ') + " |");
  out += " " + std::string(markCell, ' ') + style.marker(marks) + "\n";
}

/// The line of the range's start with `^~~~` under the range (to the end of that line when
/// the range goes on further). A range starting on a wide character starts with `^^`.
void writeSnippet(std::string &out, const Style &style, const SourceFile &file, SourceRange range) {
  if (file.text().empty())
    return; // nothing to show (an unreadable or empty file)
  LineColumn at = file.position(range.begin);
  std::uint32_t lineStart = file.lineStart(at.line);
  std::string_view text = file.line(at.line);
  DisplayLine shown = layOut(text);

  std::size_t begin = std::min<std::size_t>(range.begin - lineStart, text.size());
  std::size_t end = std::clamp<std::size_t>(range.end >= lineStart ? range.end - lineStart : begin,
                                            begin, text.size());
  unsigned firstCell = shown.cellAt[begin];
  unsigned endCell = shown.cellAt[end];

  std::string marks;
  if (end == begin) {
    marks = isWide(shown, begin) ? "^^" : "^";
  } else {
    unsigned firstWidth = shown.widthAt[begin];
    marks = firstWidth == 2 ? "^^" : "^" + std::string(firstWidth - 1, '~');
    // An end inside a character still covers that character.
    endCell = std::max(endCell, firstCell + firstWidth);
    marks += std::string(endCell - firstCell - firstWidth, '~');
  }
  writeSourceLine(out, style, at.line, shown.text, marks, firstCell);
}

/// Shows a fix's edit applied: the lines it touches as they would read, with `+` under the
/// new text; a deletion within one line shows the original line with `-` under what goes.
void writeEditPreview(std::string &out, const Style &style, const SourceFile &file,
                      const TextEdit &edit) {
  std::uint32_t size = static_cast<std::uint32_t>(file.text().size());
  std::uint32_t begin = std::min(edit.range.begin, size);
  std::uint32_t end = std::clamp(edit.range.end, begin, size);
  std::uint32_t firstLine = file.position(begin).line;
  std::uint32_t lastLine = file.position(end).line;
  std::uint32_t regionStart = file.lineStart(firstLine);
  std::string_view last = file.line(lastLine);
  std::uint32_t regionEnd = file.lineStart(lastLine) + static_cast<std::uint32_t>(last.size());
  regionEnd = std::max(regionEnd, end);
  std::string_view text(file.text());

  bool deletion = edit.newText.empty();
  if (deletion && firstLine == lastLine) {
    std::string_view line = file.line(firstLine);
    DisplayLine shown = layOut(line);
    unsigned from = shown.cellAt[std::min<std::size_t>(begin - regionStart, line.size())];
    unsigned to = shown.cellAt[std::min<std::size_t>(end - regionStart, line.size())];
    writeSourceLine(out, style, firstLine, shown.text, std::string(std::max(to - from, 1u), '-'),
                    from);
    return;
  }

  std::string patched(text.substr(regionStart, begin - regionStart));
  std::size_t newBegin = patched.size();
  patched += edit.newText;
  std::size_t newEnd = patched.size();
  patched += text.substr(end, regionEnd - end);

  // Each resulting line, with `+` under the part of it that the edit wrote.
  std::uint32_t lineNumber = firstLine;
  std::size_t lineBegin = 0;
  while (true) {
    std::size_t cut = patched.find_first_of("\r\n", lineBegin);
    std::size_t lineEnd = cut == std::string::npos ? patched.size() : cut;
    std::string_view line = std::string_view(patched).substr(lineBegin, lineEnd - lineBegin);
    DisplayLine shown = layOut(line);
    std::size_t markFrom = std::clamp(newBegin, lineBegin, lineEnd) - lineBegin;
    std::size_t markTo = std::clamp(newEnd, lineBegin, lineEnd) - lineBegin;
    unsigned from = shown.cellAt[markFrom];
    unsigned to = shown.cellAt[markTo];
    writeSourceLine(out, style, lineNumber++, shown.text, std::string(to - from, '+'), from);
    if (cut == std::string::npos)
      break;
    lineBegin = cut + (patched.compare(cut, 2, "\r\n") == 0 ? 2 : 1);
  }
}

/// Digits of the largest line number the diagnostic's snippets and previews show, so that
/// all its gutters line up.
std::size_t gutterWidthFor(const SourceManager &sources, const Diagnostic &d) {
  std::uint32_t largest = 1;
  auto consider = [&](SourceRange range, std::uint32_t extraLines) {
    if (!pointsIntoFile(sources, range))
      return;
    const SourceFile &file = sources.file(range.file);
    largest =
        std::max(largest, std::max(file.position(range.begin).line, file.position(range.end).line) +
                              extraLines);
  };
  consider(d.range, 0);
  for (const DiagNote &note : d.notes)
    consider(note.range, 0);
  for (const Fix &fix : d.fixes)
    for (const TextEdit &edit : fix.edits)
      consider(edit.range, static_cast<std::uint32_t>(
                               std::count(edit.newText.begin(), edit.newText.end(), '\n')));
  return std::to_string(largest).size();
}

void writeDiagnostic(std::string &out, Style style, const SourceManager &sources,
                     const Diagnostic &d) {
  style.gutterWidth = gutterWidthFor(sources, d);
  bool located = pointsIntoFile(sources, d.range);
  if (located)
    out += style.bold(location(sources, d.range)) + " ";
  out += style.severity(d.severity) + style.bold("[" + std::string(info(d.code).code) + "]") +
         ": " + style.bold(d.message) + "\n";
  if (located)
    writeSnippet(out, style, sources.file(d.range.file), d.range);

  for (const DiagNote &note : d.notes) {
    bool noteLocated = pointsIntoFile(sources, note.range);
    if (noteLocated)
      out += style.bold(location(sources, note.range)) + " ";
    out += style.severity(Severity::Note) + ": " + note.message + "\n";
    if (noteLocated)
      writeSnippet(out, style, sources.file(note.range.file), note.range);
  }

  for (const Fix &fix : d.fixes) {
    out += style.paint("1;32", "help") + ": " + fix.message + "\n";
    for (const TextEdit &edit : fix.edits) {
      if (!pointsIntoFile(sources, edit.range))
        continue;
      if (edit.range.file != d.range.file)
        out += style.bold(location(sources, edit.range)) + "\n";
      writeEditPreview(out, style, sources.file(edit.range.file), edit);
    }
  }
}

// ------------------------------------------------------------------------- JSON

nlohmann::json jsonPosition(LineColumn at) { return {{"line", at.line}, {"column", at.column}}; }

/// Sets file, range and byteRange of `object` for `range` (null when it points nowhere).
void putRange(nlohmann::json &object, const SourceManager &sources, SourceRange range) {
  if (!pointsIntoFile(sources, range)) {
    object["file"] = nullptr;
    object["range"] = nullptr;
    object["byteRange"] = nullptr;
    return;
  }
  const SourceFile &file = sources.file(range.file);
  object["file"] = file.path();
  object["range"] = {{"start", jsonPosition(file.position(range.begin))},
                     {"end", jsonPosition(file.position(range.end))}};
  object["byteRange"] = {{"start", range.begin}, {"end", range.end}};
}

} // namespace

unsigned terminalWidth(char32_t cp) {
  // East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F), compacted.
  static constexpr std::pair<char32_t, char32_t> kWide[] = {
      {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF}, {0x3400, 0x4DBF},
      {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
      {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
      {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
  };
  for (const auto &[low, high] : kWide) {
    if (cp < low)
      return 1;
    if (cp <= high)
      return 2;
  }
  return 1;
}

std::string renderDiagnostics(const std::vector<Diagnostic> &diagnostics,
                              const SourceManager &sources, bool color) {
  Style style{color};
  std::string out;
  for (const Diagnostic &d : diagnostics)
    writeDiagnostic(out, style, sources, d);
  return out;
}

std::string renderSummary(std::size_t errors, std::size_t warnings, bool color) {
  auto counted = [](std::size_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
  };
  std::string line;
  if (errors > 0)
    line = counted(errors, "error");
  if (warnings > 0)
    line += (line.empty() ? "" : ", ") + counted(warnings, "warning");
  if (line.empty())
    return {};
  return Style{color}.bold(line) + "\n";
}

std::string renderText(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                       bool color) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic &d : diagnostics) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  return renderDiagnostics(diagnostics, sources, color) + renderSummary(errors, warnings, color);
}

nlohmann::json renderJson(const std::vector<Diagnostic> &diagnostics,
                          const SourceManager &sources) {
  nlohmann::json all = nlohmann::json::array();
  for (const Diagnostic &d : diagnostics) {
    nlohmann::json item;
    putRange(item, sources, d.range);
    item["severity"] = std::string(severityName(d.severity));
    item["code"] = std::string(info(d.code).code);
    item["message"] = d.message;
    item["notes"] = nlohmann::json::array();
    for (const DiagNote &note : d.notes) {
      nlohmann::json n;
      putRange(n, sources, note.range);
      n["message"] = note.message;
      item["notes"].push_back(std::move(n));
    }
    item["fixes"] = nlohmann::json::array();
    for (const Fix &fix : d.fixes) {
      nlohmann::json f;
      f["message"] = fix.message;
      f["edits"] = nlohmann::json::array();
      for (const TextEdit &edit : fix.edits) {
        nlohmann::json e;
        putRange(e, sources, edit.range);
        e["newText"] = edit.newText;
        f["edits"].push_back(std::move(e));
      }
      item["fixes"].push_back(std::move(f));
    }
    all.push_back(std::move(item));
  }
  return all;
}

} // namespace xr
