#pragma once
// A national-size rule set (8 domains, 36 indicators of 10-20 nodes each, two checklists, a
// weighted total, a tier table, rules, an escalation and a report) and a seeded population for
// it: the interpreter's tests and the JIT's run the same program on the same records.
#include "compiler/driver/compilation.h"
#include "interp_test_support.h"

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <memory>
#include <random>
#include <string>

namespace xr::testing {

inline std::string nationalRuleSet() {
  std::string s = "ruleset \"national\" version 2024\nrecord Enterprise {\n  id: text key\n"
                  "  region: text\n  size: enum { above_scale, sme }\n  credit: enum { A, B, C }\n";
  for (int i = 0; i < 12; ++i)
    s += fmt::format("  n{}: number{}\n", i, i % 3 == 0 ? "?" : "");
  for (int i = 0; i < 10; ++i)
    s += fmt::format("  k{}: int\n", i);
  for (int i = 0; i < 8; ++i)
    s += fmt::format("  b{}: bool\n", i);
  for (int i = 0; i < 4; ++i)
    s += fmt::format("  d{}: date\n", i);
  s += "}\nparam inspection_date: date = 2024-06-30\nparam threshold: number = 0.5\n";
  const char *domains[] = {"compliance", "safety", "environment", "quality",
                           "data",       "social", "innovation",  "policy"};
  for (const char *d : domains)
    s += fmt::format("domain {} weight 12.5%\n", d);
  for (int i = 0; i < 36; ++i) {
    // Indicators i, i + 8, ... share domain i % 8: 5 or 4 of them, weights summing to 100%.
    const int inDomain = i % 8 < 4 ? 5 : 4;
    const int position = i / 8;
    const int weight = 100 / inDomain + (position < 100 % inDomain ? 1 : 0);
    const int a = i % 12, b = (i + 5) % 12, c = (i + 7) % 12, ka = i % 10, kb = (i + 3) % 10,
              ba = i % 8, bb = (i + 2) % 8, da = i % 4;
    s += fmt::format("indicator I{} in {} weight {}%{} {{\n", i, domains[i % 8], weight,
                     i % 7 == 0 ? " critical" : "");
    switch (i % 4) {
    case 0:
      s += fmt::format("  let r = n{} / max(n{}, 1)\n", a, b);
      s += "  score = if r between 0.5 and 2 then 100 else if r < 0.5 then 60 else 30\n";
      s += fmt::format("  pass when score >= 60 and k{} <= 3\n", ka);
      if (a % 3 == 0 || b % 3 == 0) // n0, n3, ... are optional
        s += "  missing => not_assessed\n";
      break;
    case 1:
      s += fmt::format("  score = clamp(k{} * 20 + k{} * 5, 0, 100)\n", ka, kb);
      s += fmt::format("  pass when score >= 60 or b{}\n", ba);
      break;
    case 2:
      s += fmt::format("  pass when b{} and (k{} <= 2 or b{}) and d{} >= inspection_date\n", ba, kb,
                       bb, da);
      break;
    default:
      s += fmt::format("  score = min(n{} / (n{} + 1) * 100, 100)\n", b, c);
      s += fmt::format("  pass when score >= 80 and n{} > threshold\n", b);
      if (b % 3 == 0 || c % 3 == 0)
        s += "  missing => fail\n";
      break;
    }
    s += "}\n";
  }
  s += "checklist full for size == above_scale { all }\nchecklist sme for size == sme { ";
  for (int i = 0; i < 36; i += 3)
    s += fmt::format("{}I{}", i ? ", " : "", i);
  s += R"( }
score total = weighted(checklist)
table tier hit first {
  k0 > 3 => red
  any critical fails => red
  total < 60 => red
  total < 80 or k1 > 0 => yellow
  otherwise => blue
}
frequency by tier { red: 4, yellow: 2, blue: 1 }
output surprise: bool = false
rule credit_a when credit == A and tier == blue {
  frequency = 0.3
}
rule credit_c when credit == C {
  frequency = max(frequency, 2)
  surprise = true
}
escalate overdue when k1 > 2 {
  action refer_enforcement
  action credit_deduct 5
}
report by region {
  enterprises = count
  red_share = rate(tier == red)
  mean_total = avg(total)
}
)";
  return s;
}

inline std::unique_ptr<Compilation> compileNational() {
  auto c = compileText("national.xr", nationalRuleSet());
  std::string problems;
  for (const Diagnostic &d : c->sortedDiagnostics())
    problems += d.message + "\n";
  EXPECT_TRUE(c->program) << problems;
  return c;
}

/// Random records: every field filled column by column, as a loader would.
inline void fill(const ir::Program &p, batch::Batch &b, std::size_t rows, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  b.clear();
  b.resize(rows);
  const char *regions[] = {"杭州", "宁波", "温州", "绍兴"};
  for (std::uint32_t f = 0; f < p.fields.size(); ++f) {
    batch::Column &col = b.column(f);
    const std::string &name = p.fields[f].name;
    for (std::size_t r = 0; r < rows; ++r) {
      const std::uint64_t x = rng();
      switch (p.fields[f].type.kind) {
      case TypeKind::Text:
        col.setText(r, b.appendText(name == "id" ? fmt::format("e{}", x % 10'000'000)
                                                 : std::string(regions[x % 4])));
        break;
      case TypeKind::Enum:
        col.setI32(r, static_cast<std::int32_t>(x % (name == "size" ? 2 : 3)));
        break;
      case TypeKind::Number:
        if (p.fields[f].type.optional && x % 10 == 0)
          col.setMissing(r);
        else
          col.setF64(r, static_cast<double>(x % 1000) / 100.0);
        break;
      case TypeKind::Int:
        col.setI64(r, static_cast<std::int64_t>(x % 6));
        break;
      case TypeKind::Bool:
        col.setU8(r, x % 4 != 0);
        break;
      case TypeKind::Date:
        col.setI32(r, *dates::makeDate(2024, 6, 30) + static_cast<std::int32_t>(x % 61) - 30);
        break;
      default:
        break;
      }
    }
  }
}

} // namespace xr::testing
