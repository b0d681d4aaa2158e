#pragma once
// SHA-256 (FIPS 180-4), for the content hash that every output carries so a result can be
// traced to the exact rule-set sources that produced it.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace xr {

class Sha256 {
public:
  Sha256();
  void update(std::string_view data);
  std::array<std::uint8_t, 32> finish();
  /// Lower-case hex of the digest.
  std::string hexDigest();

private:
  void block(const std::uint8_t *p);
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

std::string sha256Hex(std::string_view data);

} // namespace xr
