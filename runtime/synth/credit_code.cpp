#include "runtime/synth/credit_code.h"

#include "runtime/synth/random.h"

#include <cstring>

namespace xr::synth {
namespace {

// GB 32100 leaves out I, O, S, V and Z.
constexpr std::string_view kCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A bijection of [0, 2^36): four Feistel rounds over two 18-bit halves.
std::uint64_t permute36(std::uint64_t key, std::uint64_t x) {
  constexpr std::uint64_t kHalf = (std::uint64_t{1} << 18) - 1;
  std::uint64_t left = x >> 18, right = x & kHalf;
  SplitMix64 keys(key);
  for (int round = 0; round < 4; ++round) {
    SplitMix64 f(keys.next() ^ right);
    const std::uint64_t next = left ^ (f.next() & kHalf);
    left = right;
    right = next;
  }
  return (left << 18) | right;
}

/// GB 11714's value of an organisation-code character: digits 0-9, letters A=10 ... Z=35.
int organisationValue(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

char organisationCheck(const char body[8]) {
  static constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i)
    sum += organisationValue(body[i]) * kWeights[i];
  const int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

char codeCheck(const char first17[17]) {
  // Weights 3^i mod 31.
  static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
  int sum = 0;
  for (int i = 0; i < 17; ++i)
    sum += static_cast<int>(kCodeAlphabet.find(first17[i])) * kWeights[i];
  return kCodeAlphabet[(31 - sum % 31) % 31];
}

} // namespace

void makeCreditCode(std::uint64_t key, std::uint64_t index, std::string_view divisionCode,
                    char out[18]) {
  out[0] = '9';
  out[1] = '1';
  std::memcpy(out + 2, divisionCode.data(), 6);
  std::uint64_t body = permute36(key, index);
  for (int i = 7; i >= 0; --i) { // 31^8 > 2^36: eight characters hold any body
    out[8 + i] = kCodeAlphabet[body % kCodeAlphabet.size()];
    body /= kCodeAlphabet.size();
  }
  out[16] = organisationCheck(out + 8);
  out[17] = codeCheck(out);
}

bool creditCodeValid(std::string_view code) {
  if (code.size() != 18)
    return false;
  for (char c : code)
    if (kCodeAlphabet.find(c) == std::string_view::npos)
      return false;
  return organisationCheck(code.data() + 8) == code[16] && codeCheck(code.data()) == code[17];
}

} // namespace xr::synth
