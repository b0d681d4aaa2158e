// `xuncha fmt PATH...`: rewrites rule files in the canonical layout (docs/formatting.md);
// `--check` only names the files that are not formatted, `--diff` shows the changes.
#include "cli/commands.h"
#include "compiler/diag/render.h"
#include "compiler/format/format.h"
#include "compiler/format/line_diff.h"
#include "runtime/output/atomic_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

ArgSpec fmtArguments() {
  ArgSpec spec("xuncha fmt", "Format rule files: rewrite each file in the one canonical layout, "
                             "keeping every token\nand every comment (docs/formatting.md). Only "
                             "whitespace changes.");
  spec.positional(
          {"PATH", "rule files (.xr) or folders to search for them, recursively", true, true})
      .flag("check", "write nothing; name the files that are not formatted and exit 1 if any")
      .flag("diff", "write nothing; print the changes as a unified diff")
      .option(colorOption())
      .epilog("A file with syntax errors is not formatted: its diagnostics are printed and the\n"
              "command exits 1. A file is replaced only when its layout changes, through a\n"
              "temporary file renamed over it. Folders are searched for .xr files, skipping\n"
              "hidden folders and build folders (holding a CMakeCache.txt).\n"
              "\n" +
              std::string(exitCodesHelp()) +
              "\nExit 1 when a file has errors, cannot be read or written, or (with --check)\n"
              "is not formatted.\n");
  return spec;
}

bool skippedFolder(const fs::path &folder) {
  const std::string name = folder.filename().string();
  std::error_code ec;
  return (name.size() > 1 && name[0] == '.' && name != "..") ||
         fs::exists(folder / "CMakeCache.txt", ec);
}

/// The files named, and the .xr files under the folders named, each once, folders' files
/// in path order.
std::vector<std::string> ruleFiles(const std::vector<std::string> &paths,
                                   std::vector<std::string> &problems) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](const std::string &path) {
    if (seen.insert(fs::path(path).lexically_normal().generic_string()).second)
      files.push_back(path);
  };
  for (const std::string &path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code typeError;
      if (it->is_directory(typeError)) {
        if (skippedFolder(it->path()))
          it.disable_recursion_pending();
      } else if (it->path().extension() == ".xr" && it->is_regular_file(typeError)) {
        found.push_back(it->path().lexically_normal().generic_string());
      }
    }
    if (ec)
      problems.push_back("cannot read folder '" + path + "': " + ec.message());
    std::sort(found.begin(), found.end());
    for (const std::string &file : found)
      add(file);
  }
  return files;
}

std::optional<std::string> readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    return std::nullopt;
  return text.str();
}

/// Replaces `path` by `text` atomically, keeping its permissions; false with `error` set.
bool rewrite(const std::string &path, const std::string &text, std::string &error) {
  std::error_code ec;
  fs::path target = fs::is_symlink(path, ec) ? fs::canonical(path, ec) : fs::path(path);
  if (ec) {
    error = ec.message();
    return false;
  }
  fs::perms permissions = fs::status(target, ec).permissions();
  output::AtomicFile file;
  if (!file.open(target.string(), error) || !file.write(text, error) || !file.commit(error))
    return false;
  if (!ec)
    fs::permissions(target, permissions, ec);
  return true;
}

std::string colorDiff(const std::string &diff) {
  std::string out;
  std::istringstream lines(diff);
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view code = line.starts_with("@@")                               ? "36"
                            : line.starts_with("---") || line.starts_with("+++") ? "1"
                            : line.starts_with("-")                              ? "31"
                            : line.starts_with("+")                              ? "32"
                                                                                 : "";
    out += code.empty() ? line : "\x1b[" + std::string(code) + "m" + line + "\x1b[0m";
    out += '\n';
  }
  return out;
}

int runFmt(const Args &args, CommandContext &context) {
  const bool check = args.has("check");
  const bool diff = args.has("diff");
  const bool color = useColor(args.value("color"), context);
  std::vector<std::string> problems;
  std::vector<std::string> files = ruleFiles(args.positionals(), problems);

  std::size_t errors = 0, unformatted = 0;
  for (const std::string &path : files) {
    std::optional<std::string> text = readFile(path);
    if (!text) {
      problems.push_back("cannot read '" + path + "'");
      continue;
    }
    SourceManager sources;
    FileId id = sources.add(path, *text);
    format::FormatResult result = format::formatFile(sources.file(id));
    if (!result.text) {
      std::vector<Diagnostic> shown = result.diagnostics.sorted();
      errors += std::count_if(shown.begin(), shown.end(),
                              [](const Diagnostic &d) { return d.severity == Severity::Error; });
      context.out << renderDiagnostics(shown, sources, color);
      continue;
    }
    if (*result.text == *text)
      continue;
    ++unformatted;
    if (diff) {
      std::string changes = format::unifiedDiff(*text, *result.text, path + ".orig", path);
      context.out << (color ? colorDiff(changes) : changes);
    } else if (check) {
      context.out << path << "\n";
    } else {
      std::string error;
      if (!rewrite(path, *result.text, error))
        problems.push_back("cannot write '" + path + "': " + error);
    }
  }

  for (const std::string &problem : problems)
    context.err << "xuncha: error: " << problem << "\n";
  if (errors > 0)
    context.out << renderSummary(errors, 0, color);
  if (check && unformatted > 0)
    context.err << unformatted << (unformatted == 1 ? " file is" : " files are")
                << " not formatted; run 'xuncha fmt' on " << (unformatted == 1 ? "it" : "them")
                << "\n";
  bool failed = errors > 0 || !problems.empty() || (check && unformatted > 0);
  return failed ? kExitProblems : kExitOk;
}

} // namespace

const Command &fmtCommand() {
  static const Command command{"fmt", "rewrite rule files in the canonical layout", fmtArguments,
                               runFmt};
  return command;
}

} // namespace xr::cli
