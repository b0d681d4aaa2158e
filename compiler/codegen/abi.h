#pragma once
// The calling convention between the host and the code compiled from a rule set. Plain C++ (no
// LLVM): the code generator reads the offsets of these structs, runtime/jit fills them.
//
// The compiled function is
//
//   void xr_eval(const XrJitFrame *frame)
//
// and evaluates rows [begin, end) of a batch into results: for each row, the whole per-record
// program of ir.h; an ok row gets every slot's value, a row that raised an error gets status 1,
// its first error, and every slot missing with a zero value (results.h). Rows do not interact,
// so several threads may run it at once on disjoint rows or different batches.
//
// Text values inside a row are (pointer, length) pairs into memory that does not move while
// xr_eval runs: the batch's arena, the param values and the module's own constants. A text slot
// is copied into the results' arena when the row is written, by xr_jit_text_append.
#include "runtime/batch/results.h"
#include "runtime/builtins/registry.h"

#include <cstddef>
#include <cstdint>
#include <type_traits>

extern "C" {

/// A param's value for one run. Text: `bits` is the address of the UTF-8 bytes.
struct XrJitParam {
  std::uint64_t bits;   // the element of column.h (bool, status: 0/1; date, enum: int32; ...)
  std::uint64_t length; // text only
  std::uint8_t valid;
};

/// Where results go and what the rows read. Arrays are indexed by field, slot or param.
struct XrJitFrame {
  const void *const *fieldValues;        // per field: the column's value array
  const std::uint8_t *const *fieldValid; // per field: its validity bytes
  void *const *slotValues;               // per slot: the results column's value array
  std::uint8_t *const *slotValid;
  std::uint8_t *status;        // per row: batch::RowStatus
  xr::batch::RowError *errors; // per row
  const char *batchArena;      // the batch's text
  const XrJitParam *params;
  const XrKernelContext *kernelContext;
  void *textSink; // passed back to xr_jit_text_append
  std::uint64_t begin;
  std::uint64_t end;
};

/// Appends text to the results' arena behind `sink`; returns the batch::TextRef, packed as
/// offset | length << 32. Never throws: beyond the arena's limit it records the failure in the
/// sink (the host reports it after xr_eval returns) and returns 0.
std::uint64_t xr_jit_text_append(void *sink, const char *data, std::int64_t size) noexcept;

/// Whether two texts have the same bytes (the `==` of text values).
bool xr_jit_text_equal(const char *a, std::int64_t aSize, const char *b,
                       std::int64_t bSize) noexcept;
}

namespace xr::codegen {

/// The name of the compiled function.
inline constexpr const char *kEntryName = "xr_eval";
using EntryFunction = void (*)(const XrJitFrame *);

/// Names of the host helpers above, as the compiled code calls them.
inline constexpr const char *kTextAppendName = "xr_jit_text_append";
inline constexpr const char *kTextEqualName = "xr_jit_text_equal";

static_assert(std::is_standard_layout_v<XrJitFrame> && std::is_standard_layout_v<XrJitParam>,
              "the frame is read by compiled code at fixed offsets");
static_assert(sizeof(void *) == 8, "the compiled code assumes 64-bit pointers");

} // namespace xr::codegen
