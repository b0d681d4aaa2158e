#pragma once
// Fixed-width little-endian bytes for states that travel between processes (partial report
// states): the same bytes on every host, whatever its byte order.
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

namespace xr::interp::bytes {

inline void putU64(std::string &out, std::uint64_t v) {
  for (int b = 0; b < 8; ++b)
    out.push_back(static_cast<char>(v >> (8 * b) & 0xff));
}
inline void putI64(std::string &out, std::int64_t v) { putU64(out, static_cast<std::uint64_t>(v)); }
inline void putF64(std::string &out, double v) { putU64(out, std::bit_cast<std::uint64_t>(v)); }
inline void putU8(std::string &out, std::uint8_t v) { out.push_back(static_cast<char>(v)); }
inline void putText(std::string &out, std::string_view text) {
  putU64(out, text.size());
  out.append(text);
}

/// Reads from the front of a view; every read fails (false) rather than run past its end.
class Reader {
public:
  explicit Reader(std::string_view &in) : in_(in) {}

  bool u64(std::uint64_t &v) {
    if (in_.size() < 8)
      return false;
    v = 0;
    for (int b = 0; b < 8; ++b)
      v |= std::uint64_t{static_cast<unsigned char>(in_[static_cast<std::size_t>(b)])} << (8 * b);
    in_.remove_prefix(8);
    return true;
  }
  bool i64(std::int64_t &v) {
    std::uint64_t u = 0;
    if (!u64(u))
      return false;
    v = static_cast<std::int64_t>(u);
    return true;
  }
  bool f64(double &v) {
    std::uint64_t u = 0;
    if (!u64(u))
      return false;
    v = std::bit_cast<double>(u);
    return true;
  }
  bool u8(std::uint8_t &v) {
    if (in_.empty())
      return false;
    v = static_cast<std::uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return true;
  }
  /// A count of items each at least `minBytes` long: refused when the rest cannot hold them
  /// (so a corrupt count never makes a huge allocation).
  bool count(std::uint64_t &n, std::size_t minBytes) {
    return u64(n) && n <= in_.size() / (minBytes == 0 ? 1 : minBytes);
  }
  bool text(std::string &v) {
    std::uint64_t n = 0;
    if (!count(n, 1))
      return false;
    v.assign(in_.substr(0, static_cast<std::size_t>(n)));
    in_.remove_prefix(static_cast<std::size_t>(n));
    return true;
  }

private:
  std::string_view &in_;
};

} // namespace xr::interp::bytes
