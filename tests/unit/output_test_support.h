#pragma once
// The completed sketch rule set and a few of its records evaluated, for the output writers'
// tests: four firms covering every kind of row (a full and a simplified checklist, an
// unassessed indicator, a division by zero, a raised flag, a fired escalation).
#include "compiler/driver/compilation.h"
#include "interp_test_support.h"
#include "runtime/interp/report.h"

#include <memory>
#include <optional>
#include <string>

namespace xr::testing {

inline const std::string kSketchPath =
    std::string(XUNCHA_SOURCE_DIR) + "/rulesets/examples/sketch.xr";

inline std::uint32_t outputFieldIndex(const ir::Program &p, std::string_view name) {
  for (std::uint32_t i = 0; i < p.fields.size(); ++i)
    if (p.fields[i].name == name)
      return i;
  throw std::out_of_range(std::string(name));
}

/// The sketch compiled and four records evaluated with the default params (2024-06-30).
struct SketchRun {
  std::unique_ptr<Compilation> compilation;
  std::unique_ptr<interp::Interpreter> interpreter;
  std::unique_ptr<batch::Batch> batch;
  batch::Results results;

  const ir::Program &program() const { return *compilation->program; }
  /// The `where` of error site messages: the sketch's path as the compiler names it.
  std::string where(std::string_view lineColumn) const {
    return compilation->sources.file(0).path() + ":" + std::string(lineColumn);
  }
};

inline SketchRun runSketch() {
  SketchRun run;
  run.compilation = compileFile(kSketchPath);
  if (!run.compilation->program)
    throw std::runtime_error("the sketch does not compile");
  const ir::Program &p = run.program();
  run.interpreter = std::make_unique<interp::Interpreter>(p);
  run.batch = std::make_unique<batch::Batch>(p);
  batch::Batch &b = *run.batch;
  const int above =
      p.enums.get(p.fields[outputFieldIndex(p, "size")].type.enumId).find("above_scale");
  const int sme = p.enums.get(p.fields[outputFieldIndex(p, "size")].type.enumId).find("sme");
  const EnumInfo &credit = p.enums.get(p.fields[outputFieldIndex(p, "credit")].type.enumId);
  struct Firm {
    std::string id;
    std::string region;
    int size;
    int credit;
    int incidents;
    int overdue;
    std::optional<double> revenue;
    double cost;
    std::optional<double> kwh;
    std::optional<double> tons;
  };
  const Firm firms[] = {
      {"91330100MA0000001X", "杭州", above, credit.find("B"), 0, 0, 100, 50, 1'200'000, 1000},
      {"91330100MA0000002X", "杭州", sme, credit.find("A"), 0, 0, std::nullopt, 50, std::nullopt,
       std::nullopt},
      {"91330200MA0000003X", "宁波", sme, credit.find("C"), 1, 2, 100, 0, 1000, 1},
      {"91330200MA0000004X", "宁波", above, credit.find("C"), 0, 1, 10, 50, 3'000'000, 1000},
  };
  auto field = [&](std::string_view name) { return outputFieldIndex(p, name); };
  for (const Firm &f : firms) {
    const std::size_t r = b.addRow();
    b.setText(field("id"), r, f.id);
    b.setText(field("region"), r, f.region);
    b.setEnum(field("size"), r, f.size);
    b.setEnum(field("credit"), r, f.credit);
    b.setDate(field("license_expiry"), r, *dates::makeDate(2025, 12, 31));
    b.setBool(field("special_equipment_checked"), r, true);
    b.setInt(field("drills_per_year"), r, 3);
    b.setNumber(field("certified_staff_ratio"), r, 0.96);
    b.setNumber(field("so2"), r, 20);
    b.setNumber(field("so2_limit"), r, 35);
    if (f.kwh)
      b.setNumber(field("electricity_kwh"), r, *f.kwh);
    if (f.tons)
      b.setNumber(field("reported_output"), r, *f.tons);
    if (f.revenue)
      b.setNumber(field("revenue"), r, *f.revenue);
    b.setNumber(field("cost"), r, f.cost);
    b.setBool(field("data_encrypted"), r, true);
    b.setInt(field("incidents_3y"), r, f.incidents);
    b.setInt(field("overdue_rectifications"), r, f.overdue);
  }
  run.interpreter->evaluate(b, defaults(p), run.results);
  return run;
}

} // namespace xr::testing
