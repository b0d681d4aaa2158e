#pragma once
// The encodings an input may be in, turned into UTF-8 block by block as the file is read.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace xr::load {

enum class Encoding { Utf8, Gb18030 };

/// "utf-8", "gb18030", and "gbk" and "gb2312" (read as gb18030, their superset), in any case.
std::optional<Encoding> encodingFromName(std::string_view name);

/// Turns bytes of one encoding into UTF-8. Bytes it cannot decode are kept as they are: they
/// are not UTF-8, so the record that holds them is reported, not silently changed.
class Decoder {
public:
  /// The decoder of an encoding other than UTF-8 (which is read as it is); nullptr for UTF-8,
  /// or when the system cannot convert from the encoding (iconv has no table for it).
  static std::unique_ptr<Decoder> make(Encoding encoding);
  virtual ~Decoder() = default;

  /// Appends the UTF-8 of `bytes` to `out`. A character cut at the end of the block is kept
  /// for the next call; with `last`, it is copied as it is.
  virtual void decode(std::string_view bytes, bool last, std::string &out) = 0;
};

} // namespace xr::load
