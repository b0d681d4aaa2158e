#include "runtime/load/decoder.h"

#include <cerrno>
#include <iconv.h>

namespace xr::load {

namespace {

bool equalNoCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i])
      return false;
  }
  return true;
}

/// glibc's iconv, from one encoding to UTF-8.
class IconvDecoder final : public Decoder {
public:
  explicit IconvDecoder(iconv_t cd) : cd_(cd) {}
  ~IconvDecoder() override { iconv_close(cd_); }
  IconvDecoder(const IconvDecoder &) = delete;
  IconvDecoder &operator=(const IconvDecoder &) = delete;

  void decode(std::string_view bytes, bool last, std::string &out) override {
    std::string_view in = bytes;
    if (!pending_.empty()) {
      joined_.assign(pending_);
      joined_.append(bytes);
      pending_.clear();
      in = joined_;
    }
    char *inp = const_cast<char *>(in.data());
    std::size_t inLeft = in.size();
    while (inLeft > 0) {
      const std::size_t before = out.size();
      // Two UTF-8 bytes per input byte are enough for gb18030 (two bytes become at most three,
      // four at most four); E2BIG grows it anyway.
      out.resize(before + inLeft * 2 + 16);
      char *outp = out.data() + before;
      std::size_t outLeft = out.size() - before;
      const std::size_t r = iconv(cd_, &inp, &inLeft, &outp, &outLeft);
      const int err = errno;
      out.resize(out.size() - outLeft);
      if (r != static_cast<std::size_t>(-1))
        break;
      if (err == E2BIG)
        continue;
      if (err == EINVAL && !last) {
        pending_.assign(inp, inLeft); // a character cut by the end of the block
        break;
      }
      // Undecodable (EILSEQ), cut at the very end (EINVAL), or anything else: keep one byte as
      // it is and go on after it.
      out.push_back(*inp);
      ++inp;
      --inLeft;
    }
    if (last)
      iconv(cd_, nullptr, nullptr, nullptr, nullptr);
  }

private:
  iconv_t cd_;
  std::string pending_;
  std::string joined_;
};

} // namespace

std::optional<Encoding> encodingFromName(std::string_view name) {
  if (equalNoCase(name, "utf-8"))
    return Encoding::Utf8;
  if (equalNoCase(name, "gb18030") || equalNoCase(name, "gbk") || equalNoCase(name, "gb2312"))
    return Encoding::Gb18030;
  return std::nullopt;
}

std::unique_ptr<Decoder> Decoder::make(Encoding encoding) {
  if (encoding != Encoding::Gb18030)
    return nullptr;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1))
    return nullptr;
  return std::make_unique<IconvDecoder>(cd);
}

} // namespace xr::load
