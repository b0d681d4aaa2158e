#pragma once
// The synthetic population's source of randomness, the same bits on every machine: the C++
// standard fixes no algorithm for std:: distributions and leaves some engines' seeding to the
// library, so the generator uses its own. SplitMix64 turns seeds into states; xoshiro256**
// (Blackman and Vigna, 2018) draws.
#include <cstdint>

namespace xr::synth {

/// SplitMix64: one 64-bit state, a good mixer of nearby seeds (0, 1, 2, ...).
class SplitMix64 {
public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

private:
  std::uint64_t state_;
};

/// xoshiro256**: 256 bits of state seeded from SplitMix64 (never all zero).
class Rng {
public:
  explicit Rng(std::uint64_t seed) {
    SplitMix64 mixer(seed);
    for (std::uint64_t &word : s_)
      word = mixer.next();
  }

  /// A generator in a given state (not all zero), for checks against the reference vectors.
  static Rng fromState(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3) {
    Rng rng(0);
    rng.s_[0] = s0;
    rng.s_[1] = s1;
    rng.s_[2] = s2;
    rng.s_[3] = s3;
    return rng;
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, 1), 53 random bits: exact, so identical everywhere.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// Uniform in [0, n) without modulo bias (Lemire's multiply-and-reject); n > 0.
  std::uint64_t below(std::uint64_t n);

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

/// The seed of row `index` of the population of `seed`: every row has its own stream, so a row
/// does not depend on the rows before it (the first 10,000 rows of a million-row population are
/// the 10,000-row population of the same seed, and rows can be made on several threads).
std::uint64_t rowSeed(std::uint64_t seed, std::uint64_t index);

} // namespace xr::synth
