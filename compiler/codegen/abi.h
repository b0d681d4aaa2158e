#pragma once
// The calling convention between the host and the code compiled from a rule set. Plain C++ (no
// LLVM): the code generator reads the offsets of these structs, runtime/jit fills them.
//
// The compiled function is
//
//   void xr_eval(const XrJitFrame *frame)
//
// and evaluates rows [begin, end) of a batch into results: for each row, the whole per-record
// program of ir.h, writing the results column of each slot the results keep as the row assigns
// it (as the interpreter writes in place; the other slots live where slot_storage.h says). A
// row that raises an error, or might (row_lowering.h), only gets a nonzero status
// (kRowRaised); what it wrote means nothing. The host evaluates those rows again with the
// interpreter and takes their results, status and error from it, and sets missing the kept
// slots no statement writes (StoragePlan::unwrittenKept), to complete the contract of
// results.h. Rows do not interact, so several threads may run it at once on disjoint rows or
// different batches.
//
// Text values are (pointer, length) pairs into the batch's arena, the param values, the
// module's own constants, or the results' arena. Storing a text slot copies the text into the
// results' arena (xr_jit_text_append), which may move it: a pointer into it is only used
// before the next store of a text slot (expressions store nothing).
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

/// The results' arena as compiled code sees it.
struct XrJitTextSink {
  const char *base;    // where the arena's text is now; an append may move it
  void *arena;         // the host's std::string
  std::uint8_t failed; // an append failed (the arena would pass 4 GiB, or memory ran out)
};

/// Where results go and what the rows read. Arrays are indexed by field, slot or param.
struct XrJitFrame {
  const void *const *fieldValues;        // per field: the column's value array
  const std::uint8_t *const *fieldValid; // per field: its validity bytes
  void *const *slotValues;               // per slot: the results column's value array (slots
  std::uint8_t *const *slotValid;        //   the results keep; null for the others)
  std::uint8_t *scratch;  // codegen::StoragePlan::scratchBytes, 64-byte aligned, for one tile
  std::uint8_t *status;   // per row: 0 (batch::RowStatus::Ok) on entry, or kRowRaised
  const char *batchArena; // the batch's text
  const XrJitParam *params;
  const XrKernelContext *kernelContext;
  void *textSink; // passed back to xr_jit_text_append
  std::uint64_t begin;
  std::uint64_t end;
};

/// Puts text into the results' arena: returns its batch::TextRef, packed as offset | length <<
/// 32 (text already in the arena keeps its place). Never throws: when the arena cannot grow it
/// sets `failed` (the host reports it once xr_eval has returned) and returns 0.
std::uint64_t xr_jit_text_append(XrJitTextSink *sink, const char *data, std::int64_t size) noexcept;

/// Whether two texts have the same bytes (the `==` of text values).
bool xr_jit_text_equal(const char *a, std::int64_t aSize, const char *b,
                       std::int64_t bSize) noexcept;
}

namespace xr::codegen {

/// The status the compiled code gives a row that raised an error (or might have).
inline constexpr std::uint8_t kRowRaised = 1;

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
