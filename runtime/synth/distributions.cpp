#include "runtime/synth/distributions.h"

#include "runtime/synth/portable_math.h"

#include <cmath>

namespace xr::synth {

bool bernoulli(Rng &rng, double p) { return rng.uniform() < p; }

double uniformReal(Rng &rng, double low, double high) { return low + (high - low) * rng.uniform(); }

std::int64_t uniformInt(Rng &rng, std::int64_t low, std::int64_t high) {
  const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + rng.below(span + 1));
}

double standardNormal(Rng &rng) {
  for (;;) {
    const double u = 2.0 * rng.uniform() - 1.0;
    const double v = 2.0 * rng.uniform() - 1.0;
    const double s = u * u + v * v;
    if (s > 0.0 && s < 1.0)
      return u * std::sqrt(-2.0 * portableLog(s) / s); // sqrt is correctly rounded (IEEE 754)
  }
}

double logNormal(Rng &rng, double median, double sigma) {
  return median * portableExp(sigma * standardNormal(rng));
}

std::int64_t poisson(Rng &rng, double mean) {
  if (mean <= 0.0)
    return 0;
  if (mean >= 30.0) {
    const double x = std::floor(mean + std::sqrt(mean) * standardNormal(rng) + 0.5);
    return x < 0.0 ? 0 : static_cast<std::int64_t>(x);
  }
  const double limit = portableExp(-mean);
  std::int64_t count = 0;
  double product = rng.uniform();
  while (product > limit) {
    ++count;
    product *= rng.uniform();
  }
  return count;
}

std::int64_t binomial(Rng &rng, std::int64_t n, double p) {
  std::int64_t count = 0;
  for (std::int64_t i = 0; i < n; ++i)
    count += bernoulli(rng, p);
  return count;
}

std::size_t weightedIndex(Rng &rng, const double *weights, std::size_t count) {
  double total = 0.0;
  for (std::size_t i = 0; i < count; ++i)
    total += weights[i];
  double target = rng.uniform() * total;
  for (std::size_t i = 0; i + 1 < count; ++i) {
    if (target < weights[i])
      return i;
    target -= weights[i];
  }
  return count - 1;
}

double roundTo(double x, int decimals) {
  double scale = 1.0;
  for (int i = 0; i < decimals; ++i)
    scale *= 10.0;
  return std::round(x * scale) / scale;
}

} // namespace xr::synth
