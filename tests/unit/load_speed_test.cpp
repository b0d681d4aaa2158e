// A quick measure of CSV loading speed, for the loader's author (the real benchmark is in
// bench/): 40 columns of mixed types, about 100 MB, parsed on one thread. Disabled; run it with
//   xuncha_unit_tests --gtest_also_run_disabled_tests --gtest_filter='LoadSpeed.*'
#include "load_testing.h"

#include <gtest/gtest.h>

#include <ctime>
#include <random>

namespace xr::load {
namespace {

/// 40 fields: id, region, size, credit, 8 dates, 10 ints, 10 numbers, 5 bools, 3 texts.
ir::Program wideRecord() {
  ir::Program p;
  EnumInfo size;
  size.name = "size";
  size.members = {{"above_scale", "规模以上"}, {"sme", "中小企业"}};
  EnumInfo credit;
  credit.name = "credit";
  credit.members = {{"A", "A"}, {"B", "B"}, {"C", "C"}, {"D", "D"}};
  const EnumId sizeId = p.enums.add(size);
  const EnumId creditId = p.enums.add(credit);
  p.fields.push_back({"id", Type::text(), true});
  p.fields.push_back({"region", Type::text(), false});
  p.fields.push_back({"size", Type::enumeration(sizeId), false});
  p.fields.push_back({"credit", Type::enumeration(creditId), false});
  for (int i = 0; i < 8; ++i)
    p.fields.push_back({fmt::format("date{}", i), Type::date(i % 3 == 0), false});
  for (int i = 0; i < 10; ++i)
    p.fields.push_back({fmt::format("int{}", i), Type::integer(), false});
  for (int i = 0; i < 10; ++i)
    p.fields.push_back({fmt::format("num{}", i), Type::number(i % 2 == 0), false});
  for (int i = 0; i < 5; ++i)
    p.fields.push_back({fmt::format("bool{}", i), Type::boolean(), false});
  for (int i = 0; i < 3; ++i)
    p.fields.push_back({fmt::format("text{}", i), Type::text(true), false});
  return p;
}

std::string population(const ir::Program &p, std::size_t bytes) {
  std::mt19937_64 rng(42);
  const char *regions[] = {"北京", "上海", "广东省深圳市", "浙江", "Sichuan"};
  std::string out;
  for (std::size_t f = 0; f < p.fields.size(); ++f)
    out += (f ? "," : "") + p.fields[f].name;
  out += "\n";
  for (std::uint64_t row = 0; out.size() < bytes; ++row) {
    out += fmt::format("E{:08}", row);
    out += fmt::format(",{}", regions[rng() % 5]);
    out += rng() % 5 == 0 ? ",规模以上" : ",sme";
    out += fmt::format(",{}", "ABCD"[rng() % 4]);
    for (int i = 0; i < 8; ++i)
      out += fmt::format(",{}-{:02}-{:02}", 2015 + rng() % 12, 1 + rng() % 12, 1 + rng() % 28);
    for (int i = 0; i < 10; ++i)
      out += fmt::format(",{}", rng() % (i < 5 ? 20 : 100000));
    for (int i = 0; i < 10; ++i) {
      if (i % 2 == 0 && rng() % 10 == 0)
        out += ",";
      else if (i == 9)
        out += fmt::format(",{}%", rng() % 100);
      else
        out += fmt::format(",{}.{:02}", rng() % 100000, rng() % 100);
    }
    const char *bools[] = {"true", "false", "1", "0", "是", "否"};
    for (int i = 0; i < 5; ++i)
      out += fmt::format(",{}", bools[rng() % 6]);
    out += fmt::format(",note {}", rng() % 1000);
    out += rng() % 4 == 0 ? ",\"quoted, text\"" : ",plain";
    out += ",\n";
  }
  return out;
}

TEST(LoadSpeed, DISABLED_CsvParseMegabytesPerSecond) {
  const ir::Program p = wideRecord();
  const std::string text = population(p, 100u << 20);
  const testing::TempFile file(text);
  std::string error;
  auto reader = InputReader::open(file.path(), {}, error);
  ASSERT_TRUE(reader) << error;
  std::vector<MappingProblem> problems;
  std::vector<std::string> notes;
  auto parser = RecordParser::make(p, *reader, problems, notes);
  ASSERT_TRUE(parser);

  // CPU time of this thread: the machine may be busy with other work, and the goal is per core.
  auto cpuSeconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  std::vector<RawChunk> chunks;
  const double readStart = cpuSeconds();
  for (RawChunk chunk; reader->next(4u << 20, chunk, error);)
    chunks.push_back(chunk);
  const double readSeconds = cpuSeconds() - readStart;

  batch::Batch b(p);
  std::vector<std::uint64_t> rows;
  std::vector<LoadError> errors;
  std::size_t good = 0;
  const double parseStart = cpuSeconds();
  for (const RawChunk &chunk : chunks) {
    parser->parse(chunk, b, rows, errors);
    good += b.rows();
  }
  const double parseSeconds = cpuSeconds() - parseStart;
  const double mb = static_cast<double>(text.size()) / 1e6;
  EXPECT_TRUE(errors.empty()) << testing::showError(errors.front());
  std::printf("%zu rows, %.1f MB, CPU time: read+cut %.0f MB/s, parse %.0f MB/s (%.2f M rows/s)\n",
              good, mb, mb / readSeconds, mb / parseSeconds,
              static_cast<double>(good) / parseSeconds / 1e6);
}

} // namespace
} // namespace xr::load
