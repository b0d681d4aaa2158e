#include "bench/lsp_workload.h"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace xr::bench {

namespace {

constexpr std::size_t kDomains = 12;
constexpr std::size_t kIntFields = 40;
constexpr std::size_t kBoolFields = 40;

const char *const kDomainTitles[kDomains] = {"合规经营", "安全生产", "环境保护", "质量管理",
                                             "数据安全", "社会责任", "创新发展", "财务管理",
                                             "人员培训", "应急管理", "消防安全", "职业健康"};

/// Shares in millionths of a percent summing to exactly 100%.
std::vector<std::string> shares(std::size_t count) {
  std::vector<std::string> out;
  std::size_t base = 100 / count, rest = 100 % count;
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(fmt::format("{}%", base + (i < rest ? 1 : 0)));
  return out;
}

} // namespace

LspWorkload lspWorkload(std::size_t indicators) {
  LspWorkload w;
  std::string &t = w.text;
  auto line = [&](const std::string &text) {
    t += text;
    t += '\n';
    ++w.lines;
  };
  line("// 大型巡查指标体系：语言服务器基准测试用（约3000行）。");
  line("ruleset \"大型巡查指标体系\" version 2024");
  line("");
  line("record Enterprise {");
  line("  id: text key");
  line("  region: text");
  line("  size: enum { above_scale \"规模以上\", sme \"中小企业\" }");
  line("  credit: enum { A, B, C }");
  line("  license_expiry: date");
  for (std::size_t i = 0; i < kIntFields; ++i)
    line(fmt::format("  count_{}: int \"计数{}\"", i, i));
  for (std::size_t i = 0; i < kBoolFields; ++i)
    line(fmt::format("  flag_{}: bool \"检查项{}\"", i, i));
  line("}");
  line("");
  line("param inspection_date \"检查日期\": date = 2024-06-30");
  line("param threshold \"阈值\": int = 2");
  line("");
  std::vector<std::string> domainShares = shares(kDomains);
  for (std::size_t d = 0; d < kDomains; ++d)
    line(fmt::format("domain d{} \"{}\" weight {}", d, kDomainTitles[d], domainShares[d]));
  line("");

  std::size_t perDomain = std::max<std::size_t>(1, indicators / kDomains);
  std::vector<std::string> indicatorShares = shares(perDomain);
  for (std::size_t d = 0; d < kDomains; ++d) {
    line(fmt::format("// ---- {}：{}项指标", kDomainTitles[d], perDomain));
    for (std::size_t k = 0; k < perDomain; ++k) {
      std::size_t i = d * perDomain + k;
      line(fmt::format("indicator I{} \"{}指标{}\" in d{} weight {}{} {{", i, kDomainTitles[d], k,
                       d, indicatorShares[k], i % 7 == 0 ? " critical" : ""));
      line(fmt::format("  basis \"《巡查规范》第{}条\"", i + 1));
      line(fmt::format("  // 计数{}不少于阈值且检查项{}合格。", i % kIntFields, i % kBoolFields));
      line(fmt::format("  let enough = count_{} >= threshold", i % kIntFields));
      line(fmt::format("  score = (if enough then 60 else 0) + (if flag_{} then 40 else 0)",
                       i % kBoolFields));
      if (w.editLine == 0 && i == indicators / 2) {
        w.editLine = static_cast<std::uint32_t>(w.lines);
        w.editCharacter = static_cast<std::uint32_t>(std::string("  pass when count_").size() +
                                                     std::to_string(i % kIntFields).size() + 4);
      }
      line(fmt::format("  pass when count_{} >= 2 and flag_{}", i % kIntFields, i % kBoolFields));
      line("}");
      line("");
    }
  }

  line("checklist full \"全面巡查\" for size == above_scale { all }");
  std::string small = "checklist sme \"中小企业巡查\" for size == sme {";
  for (std::size_t d = 0; d < kDomains; ++d)
    small += fmt::format(" I{}{}", d * perDomain, d + 1 < kDomains ? "," : "");
  line(small + " }");
  line("");
  line("score total \"总分\" = weighted(checklist)");
  line("");
  line("table tier \"风险等级\" {");
  line("  any critical fails => red");
  line("  total < 60         => red");
  line("  total < 80         => yellow");
  line("  otherwise          => blue");
  line("}");
  line("");
  line("frequency by tier { red: 4, yellow: 2, blue: 1 }");
  line("");
  for (std::size_t r = 0; r < 20; ++r) {
    line(fmt::format("rule r{} \"规则{}\" when credit == A and count_{} > {} {{", r, r, r, r));
    line("  frequency = max(frequency, 1)");
    line("}");
  }
  line("");
  line("check licence \"证照过期\" {");
  line("  when license_expiry < inspection_date");
  line("  flag licence_expired");
  line("}");
  line("");
  line("report by region {");
  line("  enterprises = count");
  line("  red_share = rate(tier == red)");
  line("}");
  line("");
  for (std::size_t i = 0; i < 10; ++i) {
    line(fmt::format("test \"测试{}\" {{", i));
    line(fmt::format("  given Enterprise {{ id: \"企业{}\", size: sme, credit: A, "
                     "license_expiry: 2025-01-01, ... }}",
                     i));
    line("  expect tier == red");
    line("}");
  }
  return w;
}

} // namespace xr::bench
