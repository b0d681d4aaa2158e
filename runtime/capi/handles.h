#pragma once
// What every C API call shares: the handle structs behind the opaque C types, the registry
// that tells a live handle from a freed or foreign pointer, and the boundary that turns C++
// exceptions into a status and this thread's last-error message.
//
// Handles are looked up in a registry (address -> kind) before they are dereferenced, so a
// freed handle is reported, never read: a magic tag inside the freed memory could not be read
// safely (AddressSanitizer rightly calls that a use after free). An address reused by a new
// handle of the same kind cannot be told from the old one; that is the limit of "detectable".
#include "runtime/interp/report.h"
#include "xuncha/xuncha.h"
#include "xuncha/xuncha.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct xuncha_ruleset {
  std::shared_ptr<const xuncha::RuleSet> rules;
  std::vector<std::string> paramDefaults; // formatted, per param ("" without a default)
};

struct xuncha_diagnostics {
  std::vector<xuncha::Diagnostic> list;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::string plain;   // rendered without colour
  std::string colored; // rendered with ANSI colours
};

struct xuncha_compiled {
  std::shared_ptr<const xuncha::Evaluator> evaluator;
};

struct xuncha_params {
  std::shared_ptr<const xuncha::Evaluator> evaluator;
  xuncha::ParamValues values;
};

struct xuncha_context {
  xuncha_context(std::shared_ptr<const xuncha::Evaluator> e, xuncha::ParamValues p)
      : evaluator(std::move(e)), params(std::move(p)), batch(evaluator->ruleSet().program()) {}

  std::shared_ptr<const xuncha::Evaluator> evaluator;
  xuncha::ParamValues params;
  xuncha::Batch batch;
  xuncha::Results results;
  std::vector<std::uint8_t> filledInPlace; // per field: handed out by column_buffer
  bool evaluated = false;                  // results hold an evaluation (of some earlier batch)
  std::string scratch;                     // the string the last message/format call returned
};

struct xuncha_report {
  explicit xuncha_report(std::shared_ptr<const xuncha::Evaluator> e)
      : evaluator(std::move(e)), accumulator(evaluator->interpreter()) {}

  std::shared_ptr<const xuncha::Evaluator> evaluator;
  xr::interp::ReportAccumulator accumulator;
  std::uint64_t records = 0;
  std::uint64_t recordErrors = 0;
};

struct xuncha_run_options {
  xuncha::RunOptions options;
  xuncha_progress_fn progress = nullptr;
  void *progressUser = nullptr;
};

struct xuncha_run_summary {
  std::shared_ptr<const xuncha::Evaluator> evaluator;
  xuncha::RunSummary summary;
  std::string message; // why it did not complete, with what to do ("" when it did)
};

struct xuncha_test_results {
  struct Case {
    std::string title;
    std::string file;
    std::uint32_t line = 0;
    bool passed = false;
    std::string text;
  };
  std::vector<Case> cases;
  std::size_t passed = 0;
};

namespace xr::capi {

enum class Kind : std::uint8_t {
  RuleSet,
  Diagnostics,
  Compiled,
  Params,
  Context,
  Report,
  RunOptions,
  RunSummary,
  TestResults,
};

template <class T> struct KindOf;
template <> struct KindOf<xuncha_ruleset> { static constexpr Kind kind = Kind::RuleSet; };
template <> struct KindOf<xuncha_diagnostics> { static constexpr Kind kind = Kind::Diagnostics; };
template <> struct KindOf<xuncha_compiled> { static constexpr Kind kind = Kind::Compiled; };
template <> struct KindOf<xuncha_params> { static constexpr Kind kind = Kind::Params; };
template <> struct KindOf<xuncha_context> { static constexpr Kind kind = Kind::Context; };
template <> struct KindOf<xuncha_report> { static constexpr Kind kind = Kind::Report; };
template <> struct KindOf<xuncha_run_options> { static constexpr Kind kind = Kind::RunOptions; };
template <> struct KindOf<xuncha_run_summary> { static constexpr Kind kind = Kind::RunSummary; };
template <> struct KindOf<xuncha_test_results> { static constexpr Kind kind = Kind::TestResults; };

/// A failed call: thrown inside a call, turned into its status and message at the boundary.
struct Failure {
  xuncha_status status;
  std::string message;
};
[[noreturn]] void fail(xuncha_status status, std::string message);

/// Throws a Failure unless `handle` is a live handle of `kind`; `what` names the argument.
void checkHandle(const void *handle, Kind kind, const char *what);
void registerHandle(const void *handle, Kind kind);
/// Throws a Failure unless `handle` is a live handle of `kind`, then forgets it.
void unregisterHandle(const void *handle, Kind kind, const char *what);

template <class T> T &use(T *handle, const char *what) {
  checkHandle(handle, KindOf<std::remove_const_t<T>>::kind, what);
  return *handle;
}

/// A new handle, registered.
template <class T, class... Args> T *make(Args &&...args) {
  auto handle = std::make_unique<T>(std::forward<Args>(args)...);
  registerHandle(handle.get(), KindOf<T>::kind);
  return handle.release();
}

/// Frees a handle; NULL is fine; a pointer that is not a live handle of its kind is an error.
template <class T> void destroy(T *handle, const char *what) {
  if (handle == nullptr)
    return;
  unregisterHandle(handle, KindOf<T>::kind, what);
  delete handle;
}

/// The out-parameter `name`, which must not be NULL.
template <class T> T &out(T *pointer, const char *name) {
  if (pointer == nullptr)
    fail(XUNCHA_ERROR_ARGUMENT, std::string("the out-parameter '") + name + "' is NULL");
  return *pointer;
}

/// Stores `value` in an optional out-parameter.
template <class T, class V> void maybeSet(T *pointer, V &&value) {
  if (pointer != nullptr)
    *pointer = std::forward<V>(value);
}

/// A string argument that must not be NULL.
const char *required(const char *text, const char *name);

/// An index argument below `count`; `what` names what it indexes ("field", "result column").
void checkIndex(std::size_t index, std::size_t count, const char *what);

/// A copy of `text` the caller frees with xuncha_string_free.
char *ownedCopy(const std::string &text);

xuncha_type typeOf(const Type &type);
/// "int", "enum Tier", "number?" as the language writes the type.
std::string typeText(const ir::Program &program, const Type &type);
std::uint32_t enumIdOf(const Type &type);

void setLastError(std::string message);

/// Checks the columns the caller filled in place (xuncha_context_column_buffer) as copied ones
/// are checked, normalising validity to 0/1 and zeroing missing elements.
void checkFilledColumns(xuncha_context &context);

/// Runs `body` (returning void) as the C call `call`: its failures and exceptions become a
/// status and this thread's last error ("call: message"); success clears the last error.
template <class Body> xuncha_status boundary(const char *call, Body &&body) noexcept {
  try {
    try {
      body();
      setLastError({});
      return XUNCHA_OK;
    } catch (const Failure &failure) {
      setLastError(std::string(call) + ": " + failure.message);
      return failure.status;
    } catch (const std::bad_alloc &) {
      setLastError(std::string(call) + ": out of memory");
      return XUNCHA_ERROR_MEMORY;
    } catch (const std::exception &error) {
      setLastError(std::string(call) + ": internal error: " + error.what());
      return XUNCHA_ERROR_INTERNAL;
    } catch (...) {
      setLastError(std::string(call) + ": internal error: an unknown exception");
      return XUNCHA_ERROR_INTERNAL;
    }
  } catch (...) {
    // Recording the message itself failed (no memory for it): the status still says what.
    return XUNCHA_ERROR_MEMORY;
  }
}

} // namespace xr::capi
