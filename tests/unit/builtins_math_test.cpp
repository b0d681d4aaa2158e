// Numeric kernels: abs, min, max, clamp, round, round to digits, floor, ceil, trunc, sqrt,
// pow. Exact values, signed zeros, and every error.
#include "runtime/builtins/kernels.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace {

constexpr std::int64_t kIntMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kIntMax = std::numeric_limits<std::int64_t>::max();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// A failable kernel's status and output; the output keeps a sentinel when it is not written.
template <class T> struct Outcome {
  std::int32_t status;
  T value;
};

template <class T> constexpr T sentinel() {
  if constexpr (std::is_same_v<T, double>)
    return -12345.5;
  else
    return T{-12345};
}

template <class Out, class... P, class... A>
Outcome<Out> run(std::int32_t (*kernel)(const XrKernelContext *, Out *, P...) noexcept, A... args) {
  Out out = sentinel<Out>();
  const std::int32_t status = kernel(nullptr, &out, static_cast<P>(args)...);
  return {status, out};
}

void expectInt(Outcome<std::int64_t> got, std::int64_t want) {
  EXPECT_EQ(got.status, XR_KERNEL_OK);
  EXPECT_EQ(got.value, want);
}

template <class T> void expectError(Outcome<T> got, XrKernelError error) {
  EXPECT_EQ(got.status, error);
  EXPECT_EQ(got.value, sentinel<T>()) << "a failing kernel must not write its output";
}

/// Same double, bit for bit (tells -0 from +0).
::testing::AssertionResult sameBits(double got, double want) {
  if (std::bit_cast<std::uint64_t>(got) == std::bit_cast<std::uint64_t>(want))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "got " << got << (std::signbit(got) ? " (negative)" : "") << ", want " << want
         << (std::signbit(want) ? " (negative)" : "");
}

void expectNumber(Outcome<double> got, double want) {
  EXPECT_EQ(got.status, XR_KERNEL_OK);
  EXPECT_TRUE(sameBits(got.value, want));
}

TEST(BuiltinsMath, AbsOfIntOverflowsOnlyForTheSmallestInt) {
  expectInt(run(xr_abs_int, 5), 5);
  expectInt(run(xr_abs_int, -5), 5);
  expectInt(run(xr_abs_int, 0), 0);
  expectInt(run(xr_abs_int, kIntMin + 1), kIntMax);
  expectError(run(xr_abs_int, kIntMin), XR_KERNEL_OVERFLOW);
}

TEST(BuiltinsMath, AbsOfNumberClearsTheSign) {
  EXPECT_EQ(xr_abs_number(-2.5), 2.5);
  EXPECT_EQ(xr_abs_number(2.5), 2.5);
  EXPECT_TRUE(sameBits(xr_abs_number(-0.0), 0.0));
}

TEST(BuiltinsMath, MinAndMaxOfInts) {
  EXPECT_EQ(xr_min_int(3, -4), -4);
  EXPECT_EQ(xr_max_int(3, -4), 3);
  EXPECT_EQ(xr_min_int(kIntMin, kIntMax), kIntMin);
  EXPECT_EQ(xr_max_int(kIntMin, kIntMax), kIntMax);
}

TEST(BuiltinsMath, MinAndMaxOfNumbersOrderSignedZeros) {
  EXPECT_EQ(xr_min_number(1.5, 2.0), 1.5);
  EXPECT_EQ(xr_max_number(-1.0, -2.0), -1.0);
  EXPECT_EQ(xr_min_number(-kInf, 1.0), -kInf);
  // -0 is below +0 whatever the argument order.
  EXPECT_TRUE(sameBits(xr_min_number(0.0, -0.0), -0.0));
  EXPECT_TRUE(sameBits(xr_min_number(-0.0, 0.0), -0.0));
  EXPECT_TRUE(sameBits(xr_max_number(0.0, -0.0), 0.0));
  EXPECT_TRUE(sameBits(xr_max_number(-0.0, 0.0), 0.0));
  EXPECT_TRUE(std::isnan(xr_min_number(kNaN, 1.0)));
  EXPECT_TRUE(std::isnan(xr_min_number(1.0, kNaN)));
  EXPECT_TRUE(std::isnan(xr_max_number(kNaN, 1.0)));
  EXPECT_TRUE(std::isnan(xr_max_number(1.0, kNaN)));
}

TEST(BuiltinsMath, ClampInt) {
  expectInt(run(xr_clamp_int, 5, 0, 10), 5);
  expectInt(run(xr_clamp_int, -1, 0, 10), 0);
  expectInt(run(xr_clamp_int, 11, 0, 10), 10);
  expectInt(run(xr_clamp_int, 7, 3, 3), 3);
  expectError(run(xr_clamp_int, 5, 10, 0), XR_KERNEL_DOMAIN);
}

TEST(BuiltinsMath, ClampNumber) {
  expectNumber(run(xr_clamp_number, 0.5, 0.0, 1.0), 0.5);
  expectNumber(run(xr_clamp_number, 2.0, 0.0, 1.0), 1.0);
  expectNumber(run(xr_clamp_number, -3.0, 0.0, 1.0), 0.0);
  expectNumber(run(xr_clamp_number, -0.0, 0.0, 1.0), 0.0); // max(-0, 0) is +0
  expectError(run(xr_clamp_number, 0.5, 1.0, 0.0), XR_KERNEL_DOMAIN);
  expectError(run(xr_clamp_number, 0.5, kNaN, 1.0), XR_KERNEL_DOMAIN);
}

TEST(BuiltinsMath, RoundHalvesAwayFromZero) {
  expectInt(run(xr_round, 2.5), 3);
  expectInt(run(xr_round, -2.5), -3);
  expectInt(run(xr_round, 0.5), 1);
  expectInt(run(xr_round, -0.5), -1);
  expectInt(run(xr_round, 1.5), 2); // not to even
  expectInt(run(xr_round, 2.4999999999999996), 2);
  expectInt(run(xr_round, 0.49999999999999994), 0); // floor(x + 0.5) would say 1
  expectInt(run(xr_round, -0.4), 0);
  expectInt(run(xr_round, 4503599627370497.0), 4503599627370497);
}

TEST(BuiltinsMath, ConversionsToIntFailOutsideTheIntRange) {
  const double twoTo63 = 9223372036854775808.0;
  const double belowMin = std::nextafter(-twoTo63, -kInf);
  expectInt(run(xr_round, -twoTo63), kIntMin);
  expectInt(run(xr_round, std::nextafter(twoTo63, 0.0)), 9223372036854774784);
  expectError(run(xr_round, twoTo63), XR_KERNEL_OVERFLOW);
  expectError(run(xr_round, belowMin), XR_KERNEL_OVERFLOW);
  expectError(run(xr_round, kInf), XR_KERNEL_OVERFLOW);
  expectError(run(xr_round, kNaN), XR_KERNEL_DOMAIN);
  expectError(run(xr_floor, 1e19), XR_KERNEL_OVERFLOW);
  expectError(run(xr_floor, belowMin), XR_KERNEL_OVERFLOW);
  expectError(run(xr_ceil, static_cast<double>(kIntMax)), XR_KERNEL_OVERFLOW); // that is 2^63
  expectError(run(xr_ceil, -kInf), XR_KERNEL_OVERFLOW);
  expectError(run(xr_trunc, -1e300), XR_KERNEL_OVERFLOW);
  expectError(run(xr_trunc, kNaN), XR_KERNEL_DOMAIN);
}

TEST(BuiltinsMath, FloorCeilTrunc) {
  expectInt(run(xr_floor, -2.5), -3);
  expectInt(run(xr_floor, 2.9), 2);
  expectInt(run(xr_floor, -0.0), 0);
  expectInt(run(xr_ceil, 2.1), 3);
  expectInt(run(xr_ceil, -2.5), -2);
  expectInt(run(xr_ceil, 4.0), 4);
  expectInt(run(xr_trunc, -2.7), -2);
  expectInt(run(xr_trunc, 2.7), 2);
}

TEST(BuiltinsMath, RoundToDigitsUsesTheDigitsTheNumberPrintsAs) {
  // 2.675 and 1.005 are stored a little below; rules mean the decimals written.
  expectNumber(run(xr_round_to, 2.675, 2), 2.68);
  expectNumber(run(xr_round_to, -2.675, 2), -2.68);
  expectNumber(run(xr_round_to, 1.005, 2), 1.01);
  expectNumber(run(xr_round_to, 0.285, 2), 0.29);
  expectNumber(run(xr_round_to, 72.345, 2), 72.35);
  expectNumber(run(xr_round_to, 72.344, 2), 72.34);
  expectNumber(run(xr_round_to, 0.1 + 0.2, 2), 0.3);
  expectNumber(run(xr_round_to, 9.995, 2), 10.0); // carry into a new digit
  expectNumber(run(xr_round_to, 0.005, 2), 0.01);
  expectNumber(run(xr_round_to, 0.5, 0), 1.0);
  expectNumber(run(xr_round_to, -0.5, 0), -1.0);
}

TEST(BuiltinsMath, RoundToNegativeDigitsRoundsToTensAndHundreds) {
  expectNumber(run(xr_round_to, 1234.5, -2), 1200.0);
  expectNumber(run(xr_round_to, 1250.0, -2), 1300.0);
  expectNumber(run(xr_round_to, -1250.0, -2), -1300.0);
  expectNumber(run(xr_round_to, 999.5, -3), 1000.0);
  expectNumber(run(xr_round_to, 499.9, -3), 0.0);
  expectNumber(run(xr_round_to, 15.0, -1), 20.0);
}

TEST(BuiltinsMath, RoundToEdges) {
  expectNumber(run(xr_round_to, -0.004, 2), 0.0); // a zero result is +0
  expectNumber(run(xr_round_to, -0.0, 2), 0.0);
  expectNumber(run(xr_round_to, 0.0, -15), 0.0);
  expectNumber(run(xr_round_to, 5e-324, 15), 0.0);
  expectNumber(run(xr_round_to, 123.456, 15), 123.456); // more digits than it has
  expectNumber(run(xr_round_to, 1e300, 2), 1e300);
  expectNumber(run(xr_round_to, 1.7976931348623157e308, -15), 1.7976931348623157e308);
  expectNumber(run(xr_round_to, 0.123456789012345678, 15), 0.123456789012346);
  expectNumber(run(xr_round_to, 4.5e15, -15), 5e15);
  expectError(run(xr_round_to, 1.0, 16), XR_KERNEL_DOMAIN);
  expectError(run(xr_round_to, 1.0, -16), XR_KERNEL_DOMAIN);
  expectError(run(xr_round_to, 1.0, kIntMin), XR_KERNEL_DOMAIN);
  expectError(run(xr_round_to, kInf, 2), XR_KERNEL_DOMAIN);
  expectError(run(xr_round_to, kNaN, 2), XR_KERNEL_DOMAIN);
}

TEST(BuiltinsMath, RoundToZeroDigitsAgreesWithRound) {
  std::mt19937_64 rng(20240210);
  std::uniform_real_distribution<double> wide(-1e6, 1e6);
  std::uniform_int_distribution<int> halves(-2000, 2000);
  for (int i = 0; i < 20000; ++i) {
    const double x = i % 2 ? wide(rng) : halves(rng) / 2.0;
    const auto asInt = run(xr_round, x);
    ASSERT_EQ(asInt.status, XR_KERNEL_OK);
    const auto asNumber = run(xr_round_to, x, 0);
    ASSERT_EQ(asNumber.status, XR_KERNEL_OK);
    ASSERT_EQ(asNumber.value, static_cast<double>(asInt.value)) << "x = " << x;
  }
}

TEST(BuiltinsMath, Sqrt) {
  expectNumber(run(xr_sqrt, 4.0), 2.0);
  expectNumber(run(xr_sqrt, 2.0), 1.4142135623730951);
  expectNumber(run(xr_sqrt, 0.0), 0.0);
  expectNumber(run(xr_sqrt, -0.0), -0.0);
  expectError(run(xr_sqrt, -1.0), XR_KERNEL_DOMAIN);
  expectError(run(xr_sqrt, -1e-300), XR_KERNEL_DOMAIN);
  expectError(run(xr_sqrt, kNaN), XR_KERNEL_DOMAIN);
}

TEST(BuiltinsMath, Pow) {
  expectNumber(run(xr_pow, 2.0, 10.0), 1024.0);
  expectNumber(run(xr_pow, 0.0, 0.0), 1.0);
  expectNumber(run(xr_pow, -2.0, 3.0), -8.0);
  expectNumber(run(xr_pow, 2.0, -1.0), 0.5);
  expectNumber(run(xr_pow, 9.0, 0.5), 3.0);
  expectNumber(run(xr_pow, 10.0, -400.0), 0.0); // underflow is finite
  expectError(run(xr_pow, 0.0, -1.0), XR_KERNEL_DOMAIN);
  expectError(run(xr_pow, -8.0, 0.5), XR_KERNEL_DOMAIN);
  expectError(run(xr_pow, -8.0, 1.0 / 3.0), XR_KERNEL_DOMAIN);
  expectError(run(xr_pow, 10.0, 400.0), XR_KERNEL_DOMAIN);
}

} // namespace
