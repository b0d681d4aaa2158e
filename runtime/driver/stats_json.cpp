// `xuncha run --stats`: where the time of a run went, as JSON.
#include "xuncha/run.h"

#include <nlohmann/json.hpp>

namespace xuncha {

std::string statsJson(const RunSummary &summary) {
  const RunStats &s = summary.stats;
  auto perSecond = [](double amount, double seconds) -> nlohmann::ordered_json {
    if (seconds <= 0)
      return nullptr;
    return amount / seconds;
  };
  const double records = static_cast<double>(summary.counts.recordsIn);
  const double megabytes = static_cast<double>(s.inputBytes) / 1e6;
  nlohmann::ordered_json j;
  j["engine"] = s.engine;
  j["threads"] = s.threads;
  j["records"] = summary.counts.recordsIn;
  j["input_bytes"] = s.inputBytes;
  j["seconds"] = {{"wall", s.wallSeconds},
                  {"prepare", s.prepareSeconds},
                  {"compile", s.compileSeconds},
                  {"read", s.readSeconds},
                  {"parse", s.parseSeconds},
                  {"evaluate", s.evaluateSeconds},
                  {"report", s.reportSeconds},
                  {"write", s.writeSeconds}};
  j["throughput"] = {
      {"records_per_second", perSecond(records, s.wallSeconds)},
      {"evaluate_records_per_cpu_second", perSecond(records, s.evaluateSeconds)},
      {"load_megabytes_per_cpu_second",
       perSecond(megabytes, s.readSeconds + s.parseSeconds)}};
  j["jit"] = {{"compiled", s.jitCompiled},
              {"cache_hit", s.jitCacheHit},
              {"failed", s.jitFailed},
              {"records", s.jitRecords}};
  j["peak_memory_bytes"] = s.peakMemoryBytes;
  return j.dump(2);
}

} // namespace xuncha
