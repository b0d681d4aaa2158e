// The language server's speed on a rule set of about 3,000 lines (lsp_workload.h), issue 6:
//  - BM_LspDiagnosticsAfterEdit: from sending a didChange to receiving the publishDiagnostics
//    of that version, through the whole server (framing, the debounce, the compile, the
//    conversion), in wall-clock time. Target: within 100 ms.
//  - BM_LspCompile: the compile alone (what a snapshot costs), for comparison.
//  - BM_LspSemanticTokensAfterEdit: an edit then semanticTokens/full, as editors ask after
//    each change (the request compiles the fresh snapshot when diagnostics have not yet).
#include "bench/lsp_workload.h"
#include "compiler/driver/compilation.h"
#include "lsp/server/in_process_server.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <functional>

namespace xr::bench {
namespace {

using nlohmann::json;

/// CPU time of the whole process (the server's threads and the client's), in seconds: on a
/// loaded machine the wall-clock time also counts waiting for a core.
double processCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

constexpr const char *kUri = "file:///bench/大型巡查.xr";

const LspWorkload &workload() {
  static const LspWorkload w = lspWorkload();
  return w;
}

/// A server on its own thread with the workload open, driven over in-memory pipes.
class ServerUnderTest {
public:
  ServerUnderTest() {
    send({{"jsonrpc", "2.0"},
          {"id", 0},
          {"method", "initialize"},
          {"params", {{"capabilities", json::object()}}}});
    waitFor([](const json &m) { return m.contains("id"); });
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params",
           {{"textDocument",
             {{"uri", kUri}, {"languageId", "xr"}, {"version", 1}, {"text", workload().text}}}}}});
    waitForDiagnostics(1);
  }
  ~ServerUnderTest() {
    send({{"jsonrpc", "2.0"}, {"id", -1}, {"method", "shutdown"}});
    send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    server_.waitForExit();
  }

  void send(const json &message) { server_.send(message); }
  json waitFor(const std::function<bool(const json &)> &match) {
    for (;;) {
      lsp::ReadOutcome outcome = server_.next();
      if (outcome.kind == lsp::ReadOutcome::Kind::End)
        return nullptr;
      json message = json::parse(outcome.body, nullptr, false);
      if (match(message))
        return message;
    }
  }
  json waitForDiagnostics(std::int64_t version) {
    return waitFor([version](const json &m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == kUri && m["params"].value("version", -1) == version;
    });
  }
  /// Replaces the digit of `>= 2` with 2 or 3 (both valid), as version `version`.
  void edit(std::int64_t version) {
    const LspWorkload &w = workload();
    json range = {{"start", {{"line", w.editLine}, {"character", w.editCharacter}}},
                  {"end", {{"line", w.editLine}, {"character", w.editCharacter + 1}}}};
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", kUri}, {"version", version}}},
            {"contentChanges", {{{"range", range}, {"text", version % 2 ? "2" : "3"}}}}}}});
  }

private:
  lsp::InProcessServer server_;
};

void BM_LspDiagnosticsAfterEdit(benchmark::State &state) {
  ServerUnderTest server;
  std::int64_t version = 1;
  double cpu = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    double cpuStart = processCpuSeconds();
    server.edit(++version);
    json published = server.waitForDiagnostics(version);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    cpu += processCpuSeconds() - cpuStart;
    state.SetIterationTime(seconds.count());
    if (published.is_null() || !published["params"]["diagnostics"].empty())
      state.SkipWithError("the workload did not compile cleanly after the edit");
  }
  state.counters["lines"] = static_cast<double>(workload().lines);
  state.counters["debounce_ms"] = static_cast<double>(lsp::kDefaultDebounce.count());
  state.counters["cpu_ms"] =
      state.iterations() ? cpu * 1e3 / static_cast<double>(state.iterations()) : 0;
  state.SetLabel("target: diagnostics within 100 ms of the edit (wall clock)");
}
BENCHMARK(BM_LspDiagnosticsAfterEdit)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_LspCompile(benchmark::State &state) {
  const LspWorkload &w = workload();
  for (auto _ : state) {
    std::unique_ptr<Compilation> compilation = compileText("/bench/大型巡查.xr", w.text);
    benchmark::DoNotOptimize(compilation.get());
  }
  state.counters["lines"] = static_cast<double>(w.lines);
  state.SetLabel("no target: the compile inside each snapshot");
}
BENCHMARK(BM_LspCompile)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_LspSemanticTokensAfterEdit(benchmark::State &state) {
  ServerUnderTest server;
  std::int64_t version = 1;
  int id = 100;
  double cpu = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    double cpuStart = processCpuSeconds();
    server.edit(++version);
    server.send({{"jsonrpc", "2.0"},
                 {"id", ++id},
                 {"method", "textDocument/semanticTokens/full"},
                 {"params", {{"textDocument", {{"uri", kUri}}}}}});
    json reply = server.waitFor([id](const json &m) { return m.contains("id") && m["id"] == id; });
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    cpu += processCpuSeconds() - cpuStart;
    state.SetIterationTime(seconds.count());
    if (!reply.contains("result"))
      state.SkipWithError("semanticTokens/full failed");
  }
  state.counters["cpu_ms"] =
      state.iterations() ? cpu * 1e3 / static_cast<double>(state.iterations()) : 0;
  state.SetLabel("no target: an edit, then the tokens of the new text");
}
BENCHMARK(BM_LspSemanticTokensAfterEdit)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace
} // namespace xr::bench
