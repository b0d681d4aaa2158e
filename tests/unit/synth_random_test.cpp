// The generator's own randomness: the published reference outputs of SplitMix64 and
// xoshiro256**, the portable exp and log against the C library, and the distributions' moments.
#include "runtime/synth/distributions.h"
#include "runtime/synth/portable_math.h"
#include "runtime/synth/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace xr::synth {
namespace {

TEST(SynthRandom, SplitMix64MatchesTheReferenceOutputs) {
  EXPECT_EQ(SplitMix64(0).next(), 0xe220a8397b1dcdafULL);
  SplitMix64 mixer(1234567);
  EXPECT_EQ(mixer.next(), 6457827717110365317ULL);
  EXPECT_EQ(mixer.next(), 3203168211198807973ULL);
  EXPECT_EQ(mixer.next(), 9817491932198370423ULL);
}

TEST(SynthRandom, Xoshiro256StarStarMatchesTheReferenceOutputs) {
  Rng rng = Rng::fromState(1, 2, 3, 4);
  EXPECT_EQ(rng.next(), 11520u);
  EXPECT_EQ(rng.next(), 0u);
  EXPECT_EQ(rng.next(), 1509978240u);
  EXPECT_EQ(rng.next(), 1215971899390074240ULL);
}

TEST(SynthRandom, UniformIsInTheUnitIntervalAndBelowStaysBelow) {
  Rng rng(42);
  double sum = 0;
  for (int i = 0; i < 100000; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / 100000, 0.5, 0.005);
  std::size_t counts[7] = {};
  for (int i = 0; i < 70000; ++i) {
    const std::uint64_t x = rng.below(7);
    ASSERT_LT(x, 7u);
    ++counts[x];
  }
  for (std::size_t count : counts)
    EXPECT_NEAR(static_cast<double>(count), 10000.0, 400.0); // 4 standard deviations
  EXPECT_EQ(rng.below(1), 0u);
  // The whole 64-bit range is reachable: no value of n makes below() misbehave.
  EXPECT_LT(rng.below(~std::uint64_t{0}), ~std::uint64_t{0});
}

TEST(SynthRandom, RowSeedsDifferByRowAndBySeed) {
  std::set<std::uint64_t> seen;
  for (std::uint64_t seed = 0; seed < 4; ++seed)
    for (std::uint64_t row = 0; row < 1000; ++row)
      seen.insert(rowSeed(seed, row));
  EXPECT_EQ(seen.size(), 4000u);
  EXPECT_EQ(rowSeed(7, 3), rowSeed(7, 3));
}

TEST(SynthPortableMath, ExpAndLogAgreeWithTheLibraryToAFewUlps) {
  for (double x = -700; x <= 700; x += 0.37) {
    const double expected = std::exp(x);
    EXPECT_NEAR(portableExp(x), expected, expected * 4e-16) << x;
  }
  for (double x : {1e-300, 1e-10, 0.001, 0.5, 0.70710678, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e300}) {
    const double expected = std::log(x);
    EXPECT_NEAR(portableLog(x), expected, std::max(std::abs(expected), 1.0) * 4e-16) << x;
  }
  EXPECT_EQ(portableLog(1.0), 0.0);
  EXPECT_EQ(portableExp(0.0), 1.0);
  EXPECT_EQ(portableExp(-800.0), 0.0);
  EXPECT_TRUE(std::isinf(portableExp(800.0)));
  EXPECT_TRUE(std::isinf(portableLog(0.0)) && portableLog(0.0) < 0);
}

TEST(SynthDistributions, MomentsAreThoseOfTheDistributions) {
  Rng rng(2024);
  constexpr int n = 200000;
  double sum = 0, squares = 0;
  for (int i = 0; i < n; ++i) {
    const double x = standardNormal(rng);
    sum += x;
    squares += x * x;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(squares / n, 1.0, 0.01);

  for (double mean : {0.3, 2.5, 12.0, 50.0}) {
    double total = 0;
    for (int i = 0; i < n; ++i)
      total += static_cast<double>(poisson(rng, mean));
    EXPECT_NEAR(total / n, mean, 5 * std::sqrt(mean / n) + 0.01) << mean;
  }
  EXPECT_EQ(poisson(rng, 0.0), 0);

  int hits = 0;
  for (int i = 0; i < n; ++i)
    hits += bernoulli(rng, 0.187);
  EXPECT_NEAR(hits / static_cast<double>(n), 0.187, 0.005);

  std::vector<double> medianSample;
  for (int i = 0; i < 20001; ++i)
    medianSample.push_back(logNormal(rng, 450.0, 0.9));
  std::nth_element(medianSample.begin(), medianSample.begin() + 10000, medianSample.end());
  EXPECT_NEAR(medianSample[10000], 450.0, 20.0);

  std::size_t picks[3] = {};
  for (int i = 0; i < 60000; ++i)
    ++picks[weightedIndex(rng, {1.0, 2.0, 3.0})];
  EXPECT_NEAR(static_cast<double>(picks[0]), 10000.0, 500.0);
  EXPECT_NEAR(static_cast<double>(picks[2]), 30000.0, 600.0);

  for (int i = 0; i < 1000; ++i) {
    const std::int64_t x = uniformInt(rng, -3, 3);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 3);
  }
}

TEST(SynthDistributions, Rounding) {
  EXPECT_EQ(roundTo(1234.5678, 2), 1234.57);
  EXPECT_EQ(roundTo(0.0449, 3), 0.045);
  EXPECT_EQ(roundTo(7.5, 0), 8.0);
}

} // namespace
} // namespace xr::synth
