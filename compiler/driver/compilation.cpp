#include "compiler/driver/compilation.h"

#include "compiler/driver/loader.h"
#include "compiler/ir/lower.h"
#include "compiler/sema/sema.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace xr {

FileReader diskFileReader() {
  return [](const std::string &path) -> std::optional<std::string> {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
      return std::nullopt;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
      return std::nullopt;
    return text;
  };
}

namespace {

std::unique_ptr<Compilation> compile(const std::string &path, const std::string *text,
                                     const CompileOptions &options) {
  auto c = std::make_unique<Compilation>();
  std::optional<sema::LoadGraph> graph = loadModules(*c, path, text, options);
  if (!graph)
    return c;
  c->model = sema::analyze(*graph, c->sources, c->diagnostics);
  if (options.lower && !c->diagnostics.hasErrors())
    c->program = lowerToIr(*c->model, c->sources, c->diagnostics);
  return c;
}

} // namespace

std::unique_ptr<Compilation> compileFile(const std::string &path, const CompileOptions &options) {
  return compile(path, nullptr, options);
}

std::unique_ptr<Compilation> compileText(const std::string &path, std::string text,
                                         const CompileOptions &options) {
  return compile(path, &text, options);
}

} // namespace xr
