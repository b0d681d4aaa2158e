#pragma once
// The interpreter's working memory for one evaluation: vectors of a chunk of rows, selection
// vectors, and where record errors go. Internal to runtime/interp.
//
// A chunk is up to kChunk consecutive rows of a batch; inside it rows are numbered 0..n-1
// (`Row`), and row r of the chunk is row start + r of the batch, of the results and of the
// error arrays. A vector (Vec) holds one value per row of the chunk, indexed by Row, defined
// for the rows of the selection it was computed for; a constant Vec holds one value for all.
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/builtins/registry.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace xr::interp::detail {

inline constexpr std::uint32_t kChunk = 4096;
using Row = std::uint32_t;

/// Scratch memory for one vector: kChunk values of any element type (text as string_view,
/// the widest) and their validity; also used for the row lists of selections.
struct Buffer {
  alignas(64) std::byte values[kChunk * sizeof(std::string_view)];
  alignas(64) std::uint8_t valid[kChunk];
};

class Workspace;

/// A Buffer borrowed from the workspace for as long as the handle lives.
class Scratch {
public:
  Scratch() = default;
  Scratch(Workspace *ws, std::uint32_t id, Buffer *buffer) : ws_(ws), id_(id), buffer_(buffer) {}
  Scratch(Scratch &&other) noexcept { *this = std::move(other); }
  Scratch &operator=(Scratch &&other) noexcept;
  Scratch(const Scratch &) = delete;
  Scratch &operator=(const Scratch &) = delete;
  ~Scratch() { reset(); }

  void reset();
  explicit operator bool() const { return buffer_ != nullptr; }
  template <class T> T *values() const { return reinterpret_cast<T *>(buffer_->values); }
  std::uint8_t *valid() const { return buffer_->valid; }

private:
  Workspace *ws_ = nullptr;
  std::uint32_t id_ = 0;
  Buffer *buffer_ = nullptr;
};

/// A vector of values over the rows of a chunk (see the top of this file). `valid` null means
/// present in every row; a constant Vec has one value (and one validity byte) for all rows.
struct Vec {
  const void *data = nullptr;
  const std::uint8_t *valid = nullptr;
  bool constant = false;
  Scratch own; // the memory of data/valid when they are the vector's own

  template <class T> const T *as() const { return static_cast<const T *>(data); }
  template <class T> T at(Row r) const { return as<T>()[constant ? 0 : r]; }
  bool validAt(Row r) const { return !valid || valid[constant ? 0 : r] != 0; }
};

/// The rows of a chunk an operation applies to: the dense run 0..n-1, or a list of rows in
/// increasing order.
class Sel {
public:
  Sel() = default;
  static Sel dense(std::uint32_t n) {
    Sel s;
    s.n_ = n;
    return s;
  }

  std::uint32_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  bool isDense() const { return rows_ == nullptr; }
  Row operator[](std::uint32_t k) const { return rows_ ? rows_[k] : k; }
  /// One past the last row.
  std::uint32_t end() const { return rows_ ? (n_ ? rows_[n_ - 1] + 1 : 0) : n_; }

  // The loops below read n_ and rows_ into locals: f's stores of bytes may alias anything, so
  // the compiler would otherwise reload both from memory on every iteration.
  template <class F> void forEach(F &&f) const {
    const std::uint32_t n = n_;
    if (const Row *rows = rows_; !rows) {
      for (Row r = 0; r < n; ++r)
        f(r);
    } else {
      for (std::uint32_t k = 0; k < n; ++k)
        f(rows[k]);
    }
  }

  /// Like forEach, but may also visit rows between the selected ones, when that is cheaper: a
  /// dense loop has no indirection and vectorises. Only for computing a fresh vector from
  /// operands whose every row is initialised memory, with an operation that is harmless on
  /// any value (no error, no call): the extra rows' results are never read.
  template <class F> void forEachWide(F &&f) const {
    const std::uint32_t last = end();
    const std::uint32_t n = n_;
    if (const Row *rows = rows_; !rows || n * 4 >= last) {
      for (Row r = 0; r < last; ++r)
        f(r);
    } else {
      for (std::uint32_t k = 0; k < n; ++k)
        f(rows[k]);
    }
  }

  /// The rows of `from` for which keep(r) holds.
  template <class Keep> static Sel filter(Workspace &ws, const Sel &from, Keep &&keep);
  Sel copy(Workspace &ws) const;
  /// Removes the rows that have raised an error.
  void dropErrored(Workspace &ws);

private:
  Row *rows_ = nullptr; // null: dense
  std::uint32_t n_ = 0;
  Scratch own_;
};

/// A param's value as a one-element vector.
struct ParamCell {
  alignas(16) std::byte value[16] = {};
  std::uint8_t valid = 0;
};

class Workspace {
public:
  Workspace() = default;
  Workspace(const Workspace &) = delete;
  Workspace &operator=(const Workspace &) = delete;

  Scratch scratch();
  void release(std::uint32_t id) { free_.push_back(id); }

  // ---- what is being evaluated (set by the engine for each evaluation)
  const batch::Batch *batch = nullptr;                    // fields (null for report figures)
  const batch::Results *frame = nullptr;                  // slots read
  batch::Results *results = nullptr;                      // slots written (null when read-only)
  const std::vector<batch::Column> *aggregates = nullptr; // report figures only
  std::vector<ParamCell> params;
  std::vector<std::uint8_t> fieldAllValid; // per field: no missing value in the batch
  std::vector<std::uint8_t> slotAllValid;  // per slot: present in every active row (chunk)
  XrKernelContext kernelContext{nullptr};

  // ---- where errors go: row start + r of these arrays
  std::uint8_t *statusOut = nullptr;
  batch::RowError *errorOut = nullptr;

  // ---- the chunk
  std::size_t start = 0;
  std::uint32_t rows = 0;
  std::uint8_t errored[kChunk] = {};
  std::uint64_t errorCount = 0; // errors raised so far in this evaluation

  /// Raises a record error for row r (ignored if the row already has one: the first wins).
  void raise(Row r, const batch::RowError &error) {
    if (errored[r])
      return;
    errored[r] = 1;
    ++errorCount;
    statusOut[start + r] = static_cast<std::uint8_t>(batch::RowStatus::Error);
    errorOut[start + r] = error;
  }

  /// The rows of the active selection whose checklist is in `mask`, as last computed in this
  /// chunk (indicators of one checklist share them). Valid while no error has been raised
  /// since: the active rows only ever lose failed rows.
  struct Members {
    ir::SlotId checklist = 0;
    std::uint64_t mask = 0;
    std::uint64_t errorCount = 0;
    Sel rows;
  };
  std::vector<Members> members;

  // Per-statement scratch that does not fit a Buffer (tables, weighted scores).
  std::vector<std::uint8_t> hits;      // [condition][row]
  std::vector<std::uint32_t> firstHit; // [row]
  std::vector<double> sums;            // weighted: [domain][row] numerators then denominators
  std::vector<std::string_view> textScratch;

private:
  std::vector<std::unique_ptr<Buffer>> buffers_;
  std::vector<std::uint32_t> free_;
};

inline Scratch &Scratch::operator=(Scratch &&other) noexcept {
  if (this != &other) {
    reset();
    ws_ = other.ws_;
    id_ = other.id_;
    buffer_ = other.buffer_;
    other.ws_ = nullptr;
    other.buffer_ = nullptr;
  }
  return *this;
}

inline void Scratch::reset() {
  if (buffer_)
    ws_->release(id_);
  ws_ = nullptr;
  buffer_ = nullptr;
}

inline Scratch Workspace::scratch() {
  if (free_.empty()) {
    buffers_.push_back(std::make_unique<Buffer>());
    free_.push_back(static_cast<std::uint32_t>(buffers_.size() - 1));
  }
  const std::uint32_t id = free_.back();
  free_.pop_back();
  return Scratch(this, id, buffers_[id].get());
}

template <class Keep> Sel Sel::filter(Workspace &ws, const Sel &from, Keep &&keep) {
  Sel out;
  out.own_ = ws.scratch();
  out.rows_ = out.own_.values<Row>();
  std::uint32_t n = 0;
  Row *rows = out.rows_;
  from.forEach([&](Row r) {
    rows[n] = r;
    n += keep(r) ? 1 : 0;
  });
  out.n_ = n;
  if (from.isDense() && n == from.n_) { // nothing dropped: stay dense
    out.own_.reset();
    out.rows_ = nullptr;
  }
  return out;
}

inline Sel Sel::copy(Workspace &ws) const {
  if (isDense())
    return dense(n_);
  Sel out;
  out.own_ = ws.scratch();
  out.rows_ = out.own_.values<Row>();
  out.n_ = n_;
  std::memcpy(out.rows_, rows_, n_ * sizeof(Row));
  return out;
}

inline void Sel::dropErrored(Workspace &ws) {
  if (isDense()) {
    // Needs a list of its own: rebuild from the dense run.
    Sel narrowed = filter(ws, *this, [&](Row r) { return !ws.errored[r]; });
    *this = std::move(narrowed);
    return;
  }
  std::uint32_t n = 0;
  for (std::uint32_t k = 0; k < n_; ++k) {
    rows_[n] = rows_[k];
    n += ws.errored[rows_[k]] ? 0 : 1;
  }
  n_ = n;
}

} // namespace xr::interp::detail
