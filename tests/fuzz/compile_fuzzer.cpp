// Fuzz target for the whole front end: one input is one rule file, compiled with
// xr::compileText (parse, check, lower). Imports and extends resolve against a small
// in-memory map, never the disk, so a run reads no files and an input cannot name one.
//
// Besides "no crash, no leak, no hang", every input is held to the contracts that the CLI
// and the language server rely on:
//   - a program is produced exactly when there are no errors (options.lower is on);
//   - every range in a diagnostic (its own, its notes', its fixes') lies inside its file;
//   - compiling the same text twice gives the same diagnostics and the same IR dump.
// A broken contract aborts with a message, which the fuzzer reports like a crash.
//
// Built with -fsanitize=fuzzer, libFuzzer supplies main(). Built without it
// (XR_FUZZ_REPLAY), main() replays files and directories of inputs: the regression test
// that runs the seed corpus in the ordinary and the sanitizer builds.
#include "compiler/driver/compilation.h"
#include "compiler/ir/ir.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Files an input may import or extend, found by the last component of the resolved path
// (relative paths resolve against the folder of the root file, whatever it is called).
// They give the fuzzer something to combine with: a base rule set to extend, a library of
// shared declarations, a calendar, and files that import each other in a cycle.
struct VirtualFile {
  std::string_view name;
  std::string_view text;
};

constexpr std::string_view kBaseRuleSet = R"xr(ruleset "base" version 2023
record Firm {
  id: text key
  size: enum { big "大型", small "小型" }
  expiry: date
  staff: int
  tonnage: number? unit "t"
}
param cutoff: date = 2023-12-31
domain compliance "合规" weight 60%
domain safety "安全" weight 40%
indicator C1 "证照" in compliance weight 100% critical { pass when expiry >= cutoff }
indicator C2 "人员" in safety weight 100% { score = if staff > 10 then 100 else 50 }
checklist all_of_it "全部" for size == big { all }
table tier "等级" hit first {
  any critical fails => red
  otherwise => green
}
)xr";

constexpr VirtualFile kVirtualFiles[] = {
    {"base.xr", kBaseRuleSet},
    // The names the language sketch extends.
    {"national-2023.xr", kBaseRuleSet},
    {"national-2024.xr", kBaseRuleSet},
    {"shared.xr", R"xr(enum level "级别" { high "高", low "低" }
let threshold = 60
)xr"},
    {"cn-2024.xr", R"xr(calendar cn_2024 "节假日" year 2024 {
  holiday 2024-01-01 "元旦"
  holiday 2024-02-10 .. 2024-02-17 "春节"
  workday 2024-02-04 "调休"
}
)xr"},
    {"cycle-a.xr", "import \"cycle-b.xr\"\nlet a = 1\n"},
    {"cycle-b.xr", "import \"cycle-a.xr\"\nlet b = 2\n"},
};

std::optional<std::string> readVirtualFile(const std::string &path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::string_view name = slash == std::string::npos
                                    ? std::string_view(path)
                                    : std::string_view(path).substr(slash + 1);
  for (const VirtualFile &file : kVirtualFiles)
    if (file.name == name)
      return std::string(file.text);
  return std::nullopt;
}

[[noreturn]] void contractBroken(const char *what, const std::string &detail) {
  std::fprintf(stderr, "compile_fuzzer: contract broken: %s\n%s\n", what, detail.c_str());
  std::abort();
}

bool rangeInside(const xr::SourceRange &range, const xr::SourceManager &sources) {
  if (!range.valid())
    return true;
  if (range.file >= sources.size())
    return false;
  return range.begin <= range.end && range.end <= sources.file(range.file).text().size();
}

void checkRanges(const xr::Compilation &compilation) {
  const xr::SourceManager &sources = compilation.sources;
  for (const xr::Diagnostic &diagnostic : compilation.diagnostics.items()) {
    const auto fail = [&](const xr::SourceRange &range) {
      contractBroken("a diagnostic range lies outside its file",
                     diagnostic.message + " [file " + std::to_string(range.file) + ", bytes " +
                         std::to_string(range.begin) + ".." + std::to_string(range.end) + "]");
    };
    if (!rangeInside(diagnostic.range, sources))
      fail(diagnostic.range);
    for (const xr::DiagNote &note : diagnostic.notes)
      if (!rangeInside(note.range, sources))
        fail(note.range);
    for (const xr::Fix &fix : diagnostic.fixes)
      for (const xr::TextEdit &edit : fix.edits)
        if (!rangeInside(edit.range, sources))
          fail(edit.range);
  }
}

// What must not change between two compilations of the same text.
std::string fingerprint(const xr::Compilation &compilation) {
  std::string out;
  for (const xr::Diagnostic &diagnostic : compilation.sortedDiagnostics()) {
    out += std::string(xr::info(diagnostic.code).code) + " " +
           std::to_string(diagnostic.range.file) + ":" + std::to_string(diagnostic.range.begin) +
           "-" + std::to_string(diagnostic.range.end) + " " + diagnostic.message + "\n";
    for (const xr::DiagNote &note : diagnostic.notes)
      out += "  note " + std::to_string(note.range.begin) + " " + note.message + "\n";
  }
  if (compilation.program)
    out += xr::ir::dump(*compilation.program);
  return out;
}

std::unique_ptr<xr::Compilation> compileInput(const std::string &text) {
  xr::CompileOptions options;
  options.lower = true;
  options.reader = readVirtualFile;
  return xr::compileText("fuzz/input.xr", text, options);
}

// XR_FUZZ_PRINT=1 shows what each input compiled to (diagnostics, IR dump): for reading a
// crash input or checking what a seed reaches. Off while fuzzing.
const bool printFingerprints = [] {
  const char *value = std::getenv("XR_FUZZ_PRINT");
  return value != nullptr && std::string_view(value) == "1";
}();

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  const std::unique_ptr<xr::Compilation> first = compileInput(text);
  if (!first)
    contractBroken("compileText returned null", "");

  const bool hasErrors = first->diagnostics.hasErrors();
  if (hasErrors == (first->program != nullptr))
    contractBroken(hasErrors ? "a program was lowered despite errors"
                             : "no program although there are no errors",
                   fingerprint(*first));
  checkRanges(*first);

  const std::unique_ptr<xr::Compilation> second = compileInput(text);
  const std::string expected = fingerprint(*first);
  if (printFingerprints)
    std::printf("%s", expected.c_str());
  const std::string actual = fingerprint(*second);
  if (expected != actual)
    contractBroken("two compilations of the same text differ",
                   "first:\n" + expected + "second:\n" + actual);
  return 0;
}

#ifdef XR_FUZZ_REPLAY
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

// Replays inputs without libFuzzer: each argument is a file or a directory searched
// recursively for *.xr files. Any broken contract or sanitizer report aborts the process.
int main(int argc, char **argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    if (fs::is_directory(arg)) {
      for (const fs::directory_entry &entry : fs::recursive_directory_iterator(arg))
        if (entry.is_regular_file() && entry.path().extension() == ".xr")
          inputs.push_back(entry.path());
    } else if (fs::is_regular_file(arg)) {
      inputs.push_back(arg);
    } else {
      std::fprintf(stderr, "compile_fuzzer: no such file or directory: %s\n", argv[i]);
      return 2;
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIR...  (replays *.xr inputs)\n", argv[0]);
    return 2;
  }
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path &input : inputs) {
    std::printf("%s\n", input.string().c_str());
    std::fflush(stdout);
    std::ifstream stream(input, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(stream)),
                           std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(text.data()), text.size());
  }
  std::printf("compile_fuzzer: replayed %zu inputs\n", inputs.size());
  return 0;
}
#endif
