// Partial report states written to bytes in one place and merged in another
// (ReportAccumulator::serialise / mergeSerialised, ExactSum::serialise): figures merged from
// any split of the records, in any order, equal one accumulator's over all of them, byte for
// byte; top/bottom positions move by the offset given; bytes of another rule set, truncated or
// damaged bytes are refused and leave the accumulator as it was.
#include "runtime/interp/exact_sum.h"
#include "runtime/interp/report.h"
#include "runtime/output/output.h"
#include "xuncha/evaluate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

namespace xuncha {
namespace {

std::string rules(bool keyed) {
  return std::string("ruleset \"serialise\" version 1\n"
                     "record R {\n  id: text") +
         (keyed ? " key" : "") +
         "\n  region: text?\n  x: number?\n  k: int\n  flag: bool?\n}\n"
         "output inv: number = 1 / k\n"
         "report by region {\n"
         "  n = count\n  flagged = count(flag)\n  share = rate(flag)\n  total_x = sum(x)\n"
         "  mean_x = avg(x)\n  min_x = min(x)\n  max_k = max(k)\n  sum_k = sum(k)\n"
         "  best = top(3, x)\n  worst = bottom(2, k)\n}\n"
         "report {\n  n = count\n  mean_x = avg(x)\n  best = top(5, x)\n}\n";
}

std::shared_ptr<const RuleSet> load(bool keyed) {
  LoadResult loaded = RuleSet::fromText("serialise.xr", rules(keyed));
  EXPECT_TRUE(loaded.ok()) << loaded.renderDiagnostics(false);
  return loaded.ruleSet;
}

/// Records [from, to) of a deterministic population: ties in x, missing values, k = 0 (a
/// division by zero, so a record error) now and then, values of very different magnitudes.
Batch population(const RuleSet &rules, std::size_t from, std::size_t to) {
  const xr::ir::Program &p = rules.program();
  Batch batch(p);
  const double xs[] = {1e300, -1e300, 0.1, 0.2, 0.3, 5, 5, 1e-300, -0.0, 123456.789};
  const char *regions[] = {"杭州", "宁波", "温州"};
  for (std::size_t i = from; i < to; ++i) {
    std::mt19937_64 rng(i); // per record, so any split makes the same records
    const std::size_t row = batch.addRow();
    batch.setText(0, row, "E" + std::to_string(1000 + rng() % 500)); // keys repeat: ties
    if (rng() % 5 != 0)
      batch.setText(1, row, regions[rng() % 3]);
    if (rng() % 4 != 0)
      batch.setNumber(2, row, xs[rng() % 10]);
    batch.setInt(3, row, static_cast<std::int64_t>(rng() % 13) - 6);
    if (rng() % 3 != 0)
      batch.setBool(4, row, rng() % 2 == 0);
  }
  return batch;
}

/// The partial state of records [from, to), counted from 0.
std::string partial(const Evaluator &evaluator, const ParamValues &params, std::size_t from,
                    std::size_t to) {
  const Batch batch = population(evaluator.ruleSet(), from, to);
  Results results;
  evaluator.evaluate(batch, params, results);
  xr::interp::ReportAccumulator part(evaluator.interpreter());
  part.add(results, std::uint64_t{0});
  return part.serialise();
}

std::string figures(const Evaluator &evaluator, const xr::interp::ReportAccumulator &acc,
                    const ParamValues &params) {
  return xr::output::reportJson(evaluator.ruleSet().program(), {}, acc.finish(params));
}

class ReportSerialise : public ::testing::TestWithParam<bool> {};

TEST_P(ReportSerialise, MergedPartsEqualOneAccumulatorForAnySplitAndOrder) {
  const Evaluator evaluator(load(GetParam()));
  std::vector<std::string> problems;
  const ParamValues params = *evaluator.bindParams({}, problems);
  constexpr std::size_t kRecords = 3000;

  const Batch all = population(evaluator.ruleSet(), 0, kRecords);
  Results results;
  evaluator.evaluate(all, params, results);
  ASSERT_GT(results.errorCount(), 0u);
  xr::interp::ReportAccumulator whole(evaluator.interpreter());
  whole.add(results);
  const std::string expected = figures(evaluator, whole, params);

  std::mt19937_64 rng(GetParam() ? 7 : 8);
  for (int round = 0; round < 6; ++round) {
    std::vector<std::size_t> cuts = {0, kRecords};
    for (int c = 0; c < round * 3; ++c)
      cuts.push_back(rng() % kRecords);
    std::sort(cuts.begin(), cuts.end());
    std::vector<std::pair<std::string, std::size_t>> parts; // bytes, first record
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
      parts.emplace_back(partial(evaluator, params, cuts[i], cuts[i + 1]), cuts[i]);
    std::shuffle(parts.begin(), parts.end(), rng);
    xr::interp::ReportAccumulator merged(evaluator.interpreter());
    for (const auto &[bytes, first] : parts)
      merged.mergeSerialised(bytes, first);
    EXPECT_EQ(figures(evaluator, merged, params), expected) << "round " << round;
  }
}

TEST_P(ReportSerialise, SerialisingIsDeterministicAndRoundTrips) {
  const Evaluator evaluator(load(GetParam()));
  std::vector<std::string> problems;
  const ParamValues params = *evaluator.bindParams({}, problems);
  const std::string bytes = partial(evaluator, params, 0, 500);
  EXPECT_EQ(bytes, partial(evaluator, params, 0, 500));
  xr::interp::ReportAccumulator once(evaluator.interpreter());
  once.mergeSerialised(bytes);
  EXPECT_EQ(once.serialise(), bytes);
}

INSTANTIATE_TEST_SUITE_P(KeyedAndKeyless, ReportSerialise, ::testing::Values(true, false));

TEST(ReportSerialiseOffsets, KeylessTopListsTheMergedPositions) {
  // Without a key, top/bottom give 1-based input positions: a partition's positions are local
  // until the merge adds the partition's offset.
  const Evaluator evaluator(load(false));
  std::vector<std::string> problems;
  const ParamValues params = *evaluator.bindParams({}, problems);
  xr::interp::ReportAccumulator merged(evaluator.interpreter());
  merged.mergeSerialised(partial(evaluator, params, 100, 200), 100);
  xr::interp::ReportAccumulator direct(evaluator.interpreter());
  {
    const Batch batch = population(evaluator.ruleSet(), 100, 200);
    Results results;
    evaluator.evaluate(batch, params, results);
    direct.add(results, 100);
  }
  const auto reports = merged.finish(params);
  EXPECT_EQ(figures(evaluator, merged, params), figures(evaluator, direct, params));
  const auto &best = reports.at(1).groups.at(0).items.at(2).value;
  ASSERT_TRUE(best.isKeyList);
  ASSERT_FALSE(best.keys.empty());
  for (const auto &key : best.keys)
    EXPECT_GT(key.i, 100);
}

TEST(ReportSerialiseRefusals, OtherRuleSetsAndDamagedBytesAreRefusedWithoutChange) {
  const Evaluator keyed(load(true));
  const Evaluator keyless(load(false));
  std::vector<std::string> problems;
  const ParamValues params = *keyed.bindParams({}, problems);
  const std::string bytes = partial(keyed, params, 0, 300);

  xr::interp::ReportAccumulator acc(keyed.interpreter());
  acc.mergeSerialised(partial(keyed, params, 300, 400), 300);
  const std::string before = figures(keyed, acc, params);

  xr::interp::ReportAccumulator other(keyless.interpreter());
  EXPECT_THROW(other.mergeSerialised(bytes), std::invalid_argument);
  EXPECT_THROW(acc.mergeSerialised("not a state"), std::invalid_argument);
  EXPECT_THROW(acc.mergeSerialised(bytes + "x"), std::invalid_argument);
  for (std::size_t cut : {std::size_t{4}, std::size_t{20}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_THROW(acc.mergeSerialised(std::string_view(bytes).substr(0, cut)), std::invalid_argument)
        << "cut at " << cut;
  std::string damaged = bytes;
  damaged[damaged.size() / 3] = static_cast<char>(damaged[damaged.size() / 3] ^ 0x40);
  try {
    acc.mergeSerialised(damaged); // may be read as other figures, but never half merged
  } catch (const std::invalid_argument &) {
    EXPECT_EQ(figures(keyed, acc, params), before);
  }
  xr::interp::ReportAccumulator fresh(keyed.interpreter());
  fresh.mergeSerialised(partial(keyed, params, 300, 400), 300);
  EXPECT_EQ(figures(keyed, fresh, params), before);
}

TEST(ExactSumSerialise, RoundTripsEverySumExactly) {
  std::mt19937_64 rng(3);
  const double specials[] = {0.0,    -0.0, 1e308, -1e308,
                             5e-324, 0.1,  -0.3,  std::numeric_limits<double>::infinity()};
  for (int round = 0; round < 50; ++round) {
    xr::interp::ExactSum sum;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      const double v = rng() % 4 == 0 ? specials[rng() % 8]
                                      : std::ldexp(static_cast<double>(rng() % 1000000) - 5e5,
                                                   static_cast<int>(rng() % 200) - 100);
      sum.add(v);
    }
    std::string bytes;
    sum.serialise(bytes);
    std::string_view in = bytes;
    xr::interp::ExactSum back;
    ASSERT_TRUE(xr::interp::ExactSum::deserialise(in, back));
    EXPECT_TRUE(in.empty());
    EXPECT_EQ(back.count(), sum.count());
    const double a = sum.value(), b = back.value();
    EXPECT_TRUE((std::isnan(a) && std::isnan(b)) ||
                std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b));
    back.add(0.1);
    sum.add(0.1);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back.value()), std::bit_cast<std::uint64_t>(sum.value()))
        << round;
  }
  std::string bytes;
  xr::interp::ExactSum{}.serialise(bytes);
  std::string_view truncated = std::string_view(bytes).substr(0, bytes.size() - 1);
  xr::interp::ExactSum out;
  EXPECT_FALSE(xr::interp::ExactSum::deserialise(truncated, out));
  bytes[0] = static_cast<char>(0xff); // limb 0 outside [0, 2^32) once the high bytes are set
  for (int b = 1; b < 8; ++b)
    bytes[static_cast<std::size_t>(b)] = static_cast<char>(0xff);
  std::string_view damaged = bytes;
  EXPECT_FALSE(xr::interp::ExactSum::deserialise(damaged, out));
}

} // namespace
} // namespace xuncha
