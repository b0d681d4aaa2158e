// The host functions compiled code calls besides the kernels (compiler/codegen/abi.h). They
// catch everything: an exception must never unwind through JIT-compiled frames.
#include "compiler/codegen/abi.h"
#include "runtime/batch/column.h"

#include <functional>
#include <string>
#include <string_view>

extern "C" std::uint64_t xr_jit_text_append(XrJitTextSink *sink, const char *data,
                                            std::int64_t size) noexcept {
  auto &arena = *static_cast<std::string *>(sink->arena);
  const auto length = static_cast<std::size_t>(size);
  std::less_equal<const char *> notAfter;
  if (size > 0 && notAfter(arena.data(), data) &&
      notAfter(data + length, arena.data() + arena.size())) {
    const auto offset = static_cast<std::uint64_t>(data - arena.data());
    return offset | std::uint64_t{static_cast<std::uint32_t>(length)} << 32;
  }
  try {
    const xr::batch::TextRef ref = xr::batch::appendText(arena, std::string_view(data, length));
    sink->base = arena.data();
    return std::uint64_t{ref.offset} | std::uint64_t{ref.length} << 32;
  } catch (...) {
    sink->failed = 1;
    return 0;
  }
}

extern "C" bool xr_jit_text_equal(const char *a, std::int64_t aSize, const char *b,
                                  std::int64_t bSize) noexcept {
  return std::string_view(a, static_cast<std::size_t>(aSize)) ==
         std::string_view(b, static_cast<std::size_t>(bSize));
}
