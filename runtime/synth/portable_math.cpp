#include "runtime/synth/portable_math.h"

#include <array>
#include <cmath>
#include <limits>

namespace xr::synth {
namespace {

// ln 2 split in two (Cody and Waite): k * kLn2High is exact for |k| < 2^11.
constexpr double kLn2High = 0x1.62e42fee00000p-1;
constexpr double kLn2Low = 0x1.a39ef35793c76p-33;
constexpr double kLog2E = 0x1.71547652b82fep0;
constexpr double kLn2 = 0x1.62e42fefa39efp-1;

// 1/n! for n = 0..13 (the factorials are exact in a double), computed by the compiler.
constexpr auto kInverseFactorials = [] {
  std::array<double, 14> table{};
  double factorial = 1;
  for (int n = 0; n < 14; ++n) {
    factorial *= n > 0 ? n : 1;
    table[n] = 1.0 / factorial;
  }
  return table;
}();

// 1/3, 1/5, ..., 1/23.
constexpr auto kInverseOdds = [] {
  std::array<double, 11> table{};
  for (int i = 0; i < 11; ++i)
    table[i] = 1.0 / (2 * i + 3);
  return table;
}();

} // namespace

double portableExp(double x) {
  if (x != x)
    return x;
  if (x > 709.0)
    return std::numeric_limits<double>::infinity();
  if (x < -745.0)
    return 0.0;
  // x = k ln 2 + r with |r| <= ln 2 / 2; e^x = 2^k e^r. floor and ldexp are exact.
  const double k = std::floor(x * kLog2E + 0.5);
  const double r = (x - k * kLn2High) - k * kLn2Low;
  // Taylor series of e^r to r^13 / 13!: the next term is below 2^-57 for |r| <= 0.35.
  double sum = kInverseFactorials[13];
  for (int n = 12; n >= 0; --n)
    sum = sum * r + kInverseFactorials[n];
  return std::ldexp(sum, static_cast<int>(k));
}

double portableLog(double x) {
  if (x != x)
    return x;
  if (x <= 0.0)
    return -std::numeric_limits<double>::infinity();
  if (x == std::numeric_limits<double>::infinity())
    return x;
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)); frexp is exact.
  int e = 0;
  double m = std::frexp(x, &e);
  if (m < 0x1.6a09e667f3bcdp-1) {
    m *= 2.0;
    e -= 1;
  }
  // ln m = 2 atanh(f) = 2 (f + f^3/3 + f^5/5 + ...), f = (m - 1) / (m + 1), |f| < 0.172.
  const double f = (m - 1.0) / (m + 1.0);
  const double s = f * f;
  double series = 0.0;
  for (int i = 10; i >= 0; --i)
    series = (series + kInverseOdds[i]) * s;
  return e * kLn2 + 2.0 * f * (1.0 + series);
}

} // namespace xr::synth
