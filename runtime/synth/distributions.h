#pragma once
// The distributions the population is drawn from, written out here (not std::), so that a seed
// gives the same population on every machine.
#include "runtime/synth/random.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace xr::synth {

/// True with probability p (p <= 0: never, p >= 1: always).
bool bernoulli(Rng &rng, double p);
/// Uniform in [low, high).
double uniformReal(Rng &rng, double low, double high);
/// Uniform over the integers low..high (inclusive); low <= high.
std::int64_t uniformInt(Rng &rng, std::int64_t low, std::int64_t high);
/// Standard normal (Marsaglia's polar method).
double standardNormal(Rng &rng);
/// Log-normal with the given median and log-scale spread: median * e^(sigma N).
double logNormal(Rng &rng, double median, double sigma);
/// Poisson with mean `mean` (Knuth's product of uniforms below 30, a rounded normal above).
std::int64_t poisson(Rng &rng, double mean);
/// Binomial(n, p) by n Bernoulli draws (the counts here are small).
std::int64_t binomial(Rng &rng, std::int64_t n, double p);
/// An index drawn with probability proportional to its weight (weights not all zero).
std::size_t weightedIndex(Rng &rng, const double *weights, std::size_t count);
inline std::size_t weightedIndex(Rng &rng, std::initializer_list<double> weights) {
  return weightedIndex(rng, weights.begin(), weights.size());
}

/// x rounded to `decimals` places (half away from zero), as the shortest decimal prints it.
double roundTo(double x, int decimals);

} // namespace xr::synth
