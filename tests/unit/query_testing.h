#pragma once
// A small rule set in two files (a base and a yearly update extending it) for the
// compiler/query tests, and helpers to find offsets by text.
#include "compiler/query/symbols.h"
#include "sema_core_support.h"

#include <string>

namespace xr::testing {

inline const std::string kQueryBase = R"(ruleset "基础" version 2023
record Enterprise {
  id: text key
  size: enum { big "规模以上", small "中小企业" }
  license_expiry: date "许可证到期日"
  cost: number? unit "元"
  staff: int
}
param inspection_date "巡查日期": date = 2024-06-30
domain compliance "合规经营" weight 60%
domain safety "安全生产" weight 40%
indicator C1 "资质证照有效性" in compliance weight 50% critical {
  basis "《行政许可法》"
  pass when license_expiry >= inspection_date
}
indicator C2 "成本" in compliance weight 50% {
  let ratio = cost / 2
  score = if ratio > 10 then 100 else 40
  missing => not_assessed
}
indicator S1 "安全" in safety weight 100% { pass when staff > 3 }
checklist full "全面巡查" for size == big { all }
checklist sme "简化清单" for size == small { C1, S1 }
score total = weighted(checklist)
table tier "风险等级" {
  total < 60 => red
  otherwise => blue
}
)";

inline const std::string kQueryUpdate = R"(ruleset "更新" version 2024 extends "base.xr"
override indicator C1 { weight 50% }
rule notify when tier == red and C1 fails {
}
let days_left = license_expiry - inspection_date
)";

inline std::unique_ptr<Compilation> compileQueryFiles(const std::string &update = kQueryUpdate) {
  return compileFiles("update.xr", {{"update.xr", update}, {"base.xr", kQueryBase}});
}

/// Byte offset of the `occurrence`-th `needle` in `text`, plus `shift`.
inline std::uint32_t offsetOf(const std::string &text, const std::string &needle,
                              int occurrence = 1, std::uint32_t shift = 0) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < occurrence; ++i)
    at = text.find(needle, at == std::string::npos ? 0 : at + 1);
  EXPECT_NE(at, std::string::npos) << needle;
  return static_cast<std::uint32_t>(at) + shift;
}

} // namespace xr::testing
