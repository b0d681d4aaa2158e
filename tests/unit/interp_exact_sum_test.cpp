// The exact accumulator behind report sums and averages: correctly rounded whatever the order
// of the additions and however partial sums are merged.
#include "runtime/interp/exact_sum.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace xr::interp {
namespace {

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

double exactSum(const std::vector<double> &xs) {
  ExactSum s;
  for (double x : xs)
    s.add(x);
  return s.value();
}

struct Vector {
  std::vector<double> values;
  double sum; // the exact sum correctly rounded (computed with rational arithmetic)
};

// Random values over the whole double range, subnormals included.
const Vector kVectors[] = {
    {{-0x1.de4990ac0ce48p+50, 0x1.8db7e324234c5p-81, 0x1.0ff36d3e0d6c3p+1023,
      -0x1.5b55278db755fp-14, -0x1.ad2b238ed029ap-11, 0x1.a6fc0dc022462p+96, 0x1.9bc24a7cf2cb9p+97,
      0x1.b1bf1d7176bb1p-93, -0x1.01bce769160e5p+53, -0x1.de5f83616f396p+51, -0x1.0cf46deafa743p-37,
      0x0.0p+0, 0x0.0p+0, 0x1.9e476203f84f7p+18, -0x1.564f21e23f5e0p+42},
     0x1.0ff36d3e0d6c3p+1023},
    {{-0x1.a16ad203109a0p+1022,
      -0x1.3ab9ac42ecd82p+51,
      -0x1.6387c3911d3cap+62,
      0x1.29b1e11a1fe30p+7,
      -0x0.0p+0,
      0x1.73846d58753b3p-77,
      -0x0.00000000af220p-1022,
      -0x1.662af955b2c51p-99,
      -0x1.e0309e6667959p+52,
      0x0.00000000a0a39p-1022,
      -0x1.c6177403c95bcp+1022,
      -0x0.0p+0,
      -0x1.d72603f1a2460p+48,
      -0x1.aa27e00000000p+16,
      -0x1.567cc00000000p+15,
      0x1.a29c400000000p+15,
      -0x1.e9c5e6fb3d12ep+51,
      0x1.58d55620b8d5dp+1023,
      -0x1.48a2f605360f0p+51,
      0x1.142a000000000p+12,
      0x1.036b45712105cp-74,
      -0x1.4356800000000p+14},
     -0x1.6baf338ad0944p+1021},
    {{-0x1.fc579a2561d00p+45, -0x1.625d295d3e2dfp-46, 0x1.6afaa9a5ce54ap+52, -0x1.f7cfea5930792p+51,
      -0x1.df41643a1327fp+1022, 0x1.47cb0c2ed8949p+1022, -0x1.ee73ca727d713p-55,
      0x1.38b582d4abf81p-64, -0x1.9fff1677e4899p-14, 0x0.0p+0, 0x1.b121e6e9f488cp+51, 0x0.0p+0,
      0x0.00000000c8e5fp-1022, -0x1.3a4c3c6cb0c7dp+1022, -0x1.a88a200000000p+16,
      0x1.3da1baf261c2ep-7, -0x1.95831d68d79bap-92},
     -0x1.d1c29477eb5b3p+1022},
    {{-0x1.afb68df258881p-81, 0x1.029bcce4b871cp+51, -0x1.39955af40c73ap-21, -0x1.547e8d814c3cfp-28,
      -0x1.6010000000000p+9, 0x1.1dd9609860cfap-4, -0x0.0p+0, -0x1.c59241b933b15p-49},
     0x1.029bcce4b819cp+51},
    {{-0x1.80e655315ae8ap+52,  0x1.c2fc4e8100ab9p+9,    0x1.8b0d591d40ae9p+1023,
      0x1.4f1734bba94aap+32,   0x1.be198f5344e0cp+51,   -0x1.92e00a67612c7p-69,
      0x1.b47f2e8810070p+1022, -0x1.2d68c00000000p+15,  0x1.1754000000000p+15,
      0x1.13a6071e0c6acp+53,   0x1.5bf897a63dc46p+52,   0x1.10b43cb69f4aap+52,
      0x1.83e1309e22376p-32,   -0x1.cbac800000000p+16,  -0x1.2d48000000000p+10,
      0x1.0899a2e5e50eep-28,   0x1.fcf00feb2f43dp+1023, -0x1.33c848ebbd06cp+51,
      -0x1.427bc87fce8ddp-61,  -0x1.ce8ca9a7be356p+1022},
     std::numeric_limits<double>::infinity()},
    {{-0x1.75604eb905540p+48,  0x1.4a8dc00000000p+16,
      0x1.6e66200000000p+16,   0x1.bb54800000000p+16,
      0x1.c009348660d30p+1023, -0x0.00000000aa3fcp-1022,
      0x1.fb3b34a78842fp+52,   -0x1.f085f92f2b2fcp+1022,
      -0x1.49ef269eeb30cp-74,  0x1.2992e172a09e7p-6,
      -0x1.9240d44cb68d5p+52,  0x1.1105b6b6d3ba0p+53,
      -0x1.02edc00000000p+15,  0x1.396425b81ebecp-100,
      0x1.5ed72c6f78d89p+36,   0x1.e2988c618db10p-75,
      0x1.040d9a9523c94p+1023, -0x1.1768bee41759ep-41,
      0x0.00000000a6e82p-1022, -0x1.394e1538eaaeap-76,
      0x1.8ceaf0b5208aap+88,   0x0.0p+0,
      0x1.aded99c6172bep+52,   -0x1.1687e893a63b4p+6},
     0x1.cbd3d283ef046p+1023},
    {{0x1.3a59e216f75e6p+52, 0x1.3261e00000000p+16, -0x1.37cc600000000p+16, 0x1.7099b92c99c4bp-79,
      -0x0.0p+0},
     0x1.3a59e216f707cp+52},
    {{0x1.a024c00000000p+16,    -0x0.000000008dc82p-1022, -0x1.079f24f520c93p-7,
      0x0.000000002071fp-1022,  0x1.f92e23302d7dbp+1023,  -0x1.1c17c00000000p+16,
      -0x1.9146000000000p+12,   0x0.000000007ecccp-1022,  0x1.994a800000000p+16,
      0x1.e65ce4b21270cp+52,    0x1.be82bb7be320cp+52,    -0x1.6021d4220ec57p-17,
      -0x1.6edec57926288p-90,   -0x1.8d4d000000000p+13,   0x1.d66133a6c7f19p+64,
      0x1.bf68a29412fd6p+98,    0x1.77a4800000000p+15,    -0x1.0c1fd1d570f2fp+1023,
      -0x1.3ecaaeab70806p+52,   -0x1.ceac96343e488p+50,   0x0.00000000728a7p-1022,
      -0x1.b642a744bdee6p+3,    -0x1.548f33e0e18b1p+1022, 0x1.5daf10609f9a9p+1023,
      -0x1.9a418ececcdb2p+1022, -0x1.41646bdb74d01p+28,   0x1.6481d5a5ad2b9p-77,
      0x1.47d4b1e803780p+52,    -0x1.c15046dd3bb09p+52,   -0x1.ff28e8270d542p+62},
     0x1.a6aa00c709e47p+1022},
    {{0x0.0000000000001p-1022, 0x0.0000000000001p-1022, -0x0.0000000000002p-1022,
      0x0.0000000000005p-1022},
     0x0.0000000000005p-1022},
    {{0x1.76852547a69f0p+18,  -0x1.8a96f1f7f8760p+31, -0x1.3d8a52685d0cep+24,
      -0x1.8d185af6000e0p+33, 0x1.2c022117d48a0p-29,  -0x1.b58246c9512e0p-26,
      -0x1.a327433b0c176p-36, 0x1.86e86df6e20e0p+7,   0x1.dbe976b9fbbc4p+37,
      0x1.3358692851884p+37,  -0x1.f0a3a5958acd2p+26, -0x1.bf51b1f860a12p-37,
      -0x1.3d3a0b8f6a6a4p-11, 0x1.9809220f66fc0p+16,  -0x1.63c04f8f395a8p+33,
      0x1.5ea53799004a6p+25,  -0x1.10bf32ae0aebep-4,  -0x1.dbbbfb4bc6000p-42,
      -0x1.5d8db9617bae0p-9,  -0x1.7dd5940133350p+27, 0x1.fb9696f741760p-31,
      0x1.a998174105cc8p-2,   0x1.082e8b1d65b12p+24,  -0x1.b00bd2f8622dcp-34,
      0x1.8d0652739ef2fp+31},
     0x1.6fda81f74050bp+38},
    {{0x1.10adc58dd08c8p+10,  -0x1.919c1013a325ep-4,  -0x1.d0d72fddc8eb0p-41,
      0x1.63a52c57aab86p-41,  -0x1.255fd0e527faep-35, -0x1.ebba7cff0d260p+5,
      -0x1.4888cfda9ab80p+29, 0x1.091fa832d03fcp-8,   -0x1.4e0b20e9b0eb0p-3,
      -0x1.56dd58fc1f298p+10, 0x1.083bc5f61fdfap-26,  -0x1.762c57e0765c2p-29,
      -0x1.f4c835785569cp+18, 0x1.3026683e5039cp-19,  0x1.74e5048f2df74p-18,
      -0x1.aeb205f6ebfb0p-20, 0x1.f0ed9bddaeb5ap-25,  -0x1.4ad4f6b66af90p+6,
      -0x1.88b2214d7571ep+12, 0x1.f5d0419b3f2eap-41,  -0x1.d775bb22bb030p+33,
      -0x1.911c590089620p-40, -0x1.283b946806500p+9,  0x1.fbbc5bed5c38ep+36,
      0x1.227abb93b3a3cp-30,  -0x1.d4e1b0015e8fep-23, -0x1.25a387c77b900p-8,
      -0x1.f631e89d18812p+37, -0x1.10a77f1d903dbp+10},
     -0x1.1713dec7b2870p+37},
    {{0x1.523767a5edf84p+8,   -0x1.b4d702767df5ep-30, -0x1.2a41d0b568f24p-10,
      -0x1.f01e63b30921ap+6,  -0x1.06c00760bad40p+16, -0x1.7db9c1053b134p+34,
      -0x1.0aa84157540c0p+28, -0x1.75011c1115afep+8,  -0x1.44c8cfafb670ap-22,
      -0x1.83755f17718b0p-13, 0x1.456ddfce230e4p-10,  0x1.cd99c73096c6cp-22,
      0x1.ea5755a104a78p+28,  -0x1.36b12a28113c8p+8,  0x1.875cc03dc3174p+36,
      -0x1.af9e454a0db0ap-35, -0x1.95ab0cf20abd4p-37, 0x1.94e02f6724b80p-14,
      -0x1.0bdefc214d4b8p+9,  -0x1.f1b3bc9445730p+34, -0x1.52371d1572f78p+8},
     0x1.58c1fe57696f0p+35},
    {{-0x1.a70b5e7adc6acp-20, 0x1.b789b0dc3489ap-33,  -0x1.7e90f3e2c3e8cp+20,
      0x1.e6543e9d31180p+34,  0x1.d42f6625f5b00p-8,   -0x1.26808c8a93f12p-15,
      0x1.fdebe8043e3ecp-34,  -0x1.d8b0da96acbfcp+15, -0x1.00f55bf842fdep-36,
      -0x1.4b84215be8ac6p+6,  0x1.fbf69c93cd8e0p-29,  -0x1.a1986351a53a4p-24,
      0x1.9052a2b9a4edep+1,   0x1.416596bb9fab0p+24,  0x1.59de09e4ca168p-26,
      0x1.70216e11f6130p-41,  -0x1.9cfe40b7e28a0p+0,  0x1.9b962b4fd26ecp-38,
      -0x1.ea3b08b368860p-32, -0x1.230cc7763ada0p-6,  -0x1.72e233dd07670p-33,
      -0x1.b2ee4846011f4p+28, -0x1.0ecb8243539bcp-37, 0x1.99ccf2f7d705ap-25,
      0x1.2c4e197b5003ap+2,   0x1.7e90f3e2c58fcp+20},
     0x1.dfd8a3b880efdp+34},
    {{-0x1.a908f1a84d234p+19, 0x1.9a74bc89f1114p+12,  0x1.c6e6ade530270p-38,
      0x1.74322e3ffd906p+32,  -0x1.f11e6230014b0p+7,  -0x1.eee4b4d5ab1d0p-42,
      0x1.bdeb3824fdd50p-33,  -0x1.a32d0eae27ffep-27, 0x1.f92973a0ec096p+12,
      0x1.d35e3b5484b3cp+7,   0x1.bcac6bde15baep+33,  -0x1.5a10863ce7ac0p+15,
      0x1.5a7dac4547bd6p-31,  0x1.32557e006e300p+20,  -0x1.e17ec6584a386p+35,
      -0x1.a62984c27001ep-39, -0x1.1440c705740e4p-27, -0x1.685f4e155cd00p+30,
      0x1.47f311eba38bcp+20,  -0x1.f40f491a84520p-41, -0x1.0e6f85b2ef868p-24,
      0x1.a5d4082f39412p+19},
     -0x1.4f0b7d28e1a4fp+35},
    {{0x1.c9c2d867b7d50p+23,  -0x1.5252809f846c4p+2,  0x1.47a8d6ee283c0p+14,
      -0x1.bac00ddbe4800p-19, -0x1.6262789861d5cp-10, -0x1.34bae6aed36a4p+14,
      0x1.3700bb672aa0ap-16,  0x1.8565371b6a8dep+8,   -0x1.1f2717355cbe8p-1,
      -0x1.2911edee91c64p-24, -0x1.cf12698d64500p-43, 0x1.b092f0106b6a0p-7,
      0x1.49950b95a6042p-27,  -0x1.94479a1d55fc0p-9,  0x1.b3f30e1b66fc4p+11,
      -0x1.e1153cbf9fda0p+23, -0x1.91624a7dc4f80p-7,  0x1.baef37d6d076cp+37,
      -0x1.854e3eb7f72a0p-35, 0x1.509de78407b9cp-6,   0x1.7dc6e64dc458ep-36,
      0x1.6d10ceb568d60p-7,   0x1.211a8cb55ba18p-4,   0x1.31bd0ccaa0a14p+30,
      -0x1.ec6d602df42fap-24, -0x1.84587b1720350p-19, -0x1.e6ae181d8a6cap-7,
      -0x1.0ce4a71c41656p-23, 0x1.2ff8be060236cp+39,  -0x1.89ed8746d9b7ep-28,
      0x1.0a2ab0890f6c0p+5,   -0x1.ca66a2409ae42p+23},
     0x1.9f4b88f10d03ap+39},
};

TEST(InterpExactSum, MatchesTheCorrectlyRoundedSumOfRandomValues) {
  for (const Vector &v : kVectors)
    EXPECT_EQ(bits(exactSum(v.values)), bits(v.sum)) << v.values.size();
}

TEST(InterpExactSum, CancellationAndTiesToEven) {
  EXPECT_EQ(exactSum({1e16, 1.0, -1e16}), 1.0);
  EXPECT_EQ(exactSum({1e100, 1.0, -1e100, 1e-100}), 1.0);
  std::vector<double> tenths(10, 0.1);
  EXPECT_EQ(exactSum(tenths), 1.0); // a plain left-to-right sum gives 0.9999999999999999
  // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: to even, 2^53.
  EXPECT_EQ(exactSum({0x1p53, 1.0}), 0x1p53);
  EXPECT_EQ(exactSum({0x1p53, 1.0, 0x1p-60}), 0x1p53 + 2); // just above the tie
  EXPECT_EQ(exactSum({0x1p53, 3.0}), 0x1p53 + 4);          // tie, odd below: up
}

TEST(InterpExactSum, OrderAndSplitDoNotMatter) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-60, 60);
  std::vector<double> xs;
  for (int i = 0; i < 5000; ++i)
    xs.push_back(std::ldexp(mantissa(rng), exponent(rng)));
  const double reference = exactSum(xs);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(xs.begin(), xs.end(), rng);
    EXPECT_EQ(bits(exactSum(xs)), bits(reference));
    // Split into partial sums at random points, merged in reverse.
    std::vector<ExactSum> parts(7);
    for (std::size_t i = 0; i < xs.size(); ++i)
      parts[(i * 7919 + static_cast<std::size_t>(round)) % parts.size()].add(xs[i]);
    ExactSum merged;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
      merged.add(*it);
    EXPECT_EQ(bits(merged.value()), bits(reference));
    EXPECT_EQ(merged.count(), static_cast<std::int64_t>(xs.size()));
  }
}

TEST(InterpExactSum, ZerosInfinitiesAndNaN) {
  EXPECT_EQ(bits(ExactSum{}.value()), bits(0.0));
  EXPECT_EQ(bits(exactSum({-0.0, -0.0})), bits(-0.0));
  EXPECT_EQ(bits(exactSum({-0.0, 0.0})), bits(0.0));
  EXPECT_EQ(bits(exactSum({1.0, -1.0})), bits(0.0));
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(exactSum({1.0, inf}), inf);
  EXPECT_EQ(exactSum({-inf, 1.0}), -inf);
  EXPECT_TRUE(std::isnan(exactSum({inf, -inf})));
  EXPECT_TRUE(std::isnan(exactSum({1.0, std::nan("")})));
  const double max = std::numeric_limits<double>::max();
  EXPECT_EQ(exactSum({max, max}), inf); // beyond the range: rounds to infinity
  EXPECT_EQ(exactSum({max, max, -max}), max);
}

TEST(InterpExactSum, ManyAdditionsStayExact) {
  // More additions than one normalisation interval would hold without carrying.
  ExactSum s;
  for (int i = 0; i < 3'000'000; ++i)
    s.add(0x1.fffffffffffffp+1023 / 0x1p40);
  EXPECT_EQ(s.value(), 0x1.fffffffffffffp+1023 / 0x1p40 * 3'000'000);
}

} // namespace
} // namespace xr::interp
