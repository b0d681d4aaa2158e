// The host functions compiled code calls besides the kernels (compiler/codegen/abi.h). They
// catch everything: an exception must never unwind through JIT-compiled frames.
#include "compiler/codegen/abi.h"
#include "runtime/batch/column.h"
#include "runtime/jit/text_sink.h"

#include <string_view>

extern "C" std::uint64_t xr_jit_text_append(void *sink, const char *data,
                                            std::int64_t size) noexcept {
  auto *text = static_cast<xr::jit::TextSink *>(sink);
  try {
    const xr::batch::TextRef ref =
        xr::batch::appendText(*text->arena, std::string_view(data, static_cast<std::size_t>(size)));
    return std::uint64_t{ref.offset} | std::uint64_t{ref.length} << 32;
  } catch (...) {
    text->failed = true;
    return 0;
  }
}

extern "C" bool xr_jit_text_equal(const char *a, std::int64_t aSize, const char *b,
                                  std::int64_t bSize) noexcept {
  return std::string_view(a, static_cast<std::size_t>(aSize)) ==
         std::string_view(b, static_cast<std::size_t>(bSize));
}
