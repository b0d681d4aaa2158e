#include "runtime/capi/handles.h"

#include "runtime/output/output.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <shared_mutex>
#include <unordered_map>

namespace xr::capi {
namespace {

// Only looked up, never iterated: the order of an unordered map cannot reach any output.
struct Registry {
  std::shared_mutex mutex;
  std::unordered_map<const void *, Kind> live;
};

Registry &registry() {
  static Registry *instance = new Registry; // never destroyed: handles may outlive statics
  return *instance;
}

const char *kindName(Kind kind) {
  switch (kind) {
  case Kind::RuleSet:
    return "rule set (xuncha_ruleset)";
  case Kind::Diagnostics:
    return "diagnostics (xuncha_diagnostics)";
  case Kind::Compiled:
    return "compiled rule set (xuncha_compiled)";
  case Kind::Params:
    return "params (xuncha_params)";
  case Kind::Context:
    return "context (xuncha_context)";
  case Kind::Report:
    return "report (xuncha_report)";
  case Kind::RunOptions:
    return "run options (xuncha_run_options)";
  case Kind::RunSummary:
    return "run summary (xuncha_run_summary)";
  case Kind::TestResults:
    return "test results (xuncha_test_results)";
  }
  return "handle";
}

[[noreturn]] void badHandle(const void *handle, Kind want, const char *what,
                            const std::unordered_map<const void *, Kind> &live) {
  if (handle == nullptr)
    fail(XUNCHA_ERROR_HANDLE, std::string("'") + what + "' is NULL; pass a " + kindName(want));
  auto found = live.find(handle);
  if (found == live.end())
    fail(XUNCHA_ERROR_HANDLE, std::string("'") + what + "' is not a live " + kindName(want) +
                                  ": it was freed already, or never made by this library");
  fail(XUNCHA_ERROR_HANDLE,
       std::string("'") + what + "' is a " + kindName(found->second) + ", not a " + kindName(want));
}

thread_local std::string lastError;

} // namespace

void fail(xuncha_status status, std::string message) { throw Failure{status, std::move(message)}; }

void checkHandle(const void *handle, Kind kind, const char *what) {
  Registry &r = registry();
  std::shared_lock lock(r.mutex);
  auto found = r.live.find(handle);
  if (handle == nullptr || found == r.live.end() || found->second != kind)
    badHandle(handle, kind, what, r.live);
}

void registerHandle(const void *handle, Kind kind) {
  Registry &r = registry();
  std::unique_lock lock(r.mutex);
  r.live[handle] = kind;
}

void unregisterHandle(const void *handle, Kind kind, const char *what) {
  Registry &r = registry();
  std::unique_lock lock(r.mutex);
  auto found = r.live.find(handle);
  if (found == r.live.end() || found->second != kind)
    badHandle(handle, kind, what, r.live);
  r.live.erase(found);
}

const char *required(const char *text, const char *name) {
  if (text == nullptr)
    fail(XUNCHA_ERROR_ARGUMENT, std::string("'") + name + "' is NULL");
  return text;
}

void checkIndex(std::size_t index, std::size_t count, const char *what) {
  if (index >= count)
    fail(XUNCHA_ERROR_ARGUMENT, std::string(what) + " index " + std::to_string(index) +
                                    " is out of range: there " + (count == 1 ? "is " : "are ") +
                                    std::to_string(count) + " (indexes from 0)");
}

char *ownedCopy(const std::string &text) {
  char *copy = static_cast<char *>(std::malloc(text.size() + 1));
  if (copy == nullptr)
    throw std::bad_alloc();
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

xuncha_type typeOf(const Type &type) {
  switch (type.kind) {
  case TypeKind::Bool:
    return XUNCHA_TYPE_BOOL;
  case TypeKind::Int:
    return XUNCHA_TYPE_INT;
  case TypeKind::Number:
    return XUNCHA_TYPE_NUMBER;
  case TypeKind::Text:
    return XUNCHA_TYPE_TEXT;
  case TypeKind::Date:
    return XUNCHA_TYPE_DATE;
  case TypeKind::Enum:
    return XUNCHA_TYPE_ENUM;
  case TypeKind::Set:
    return XUNCHA_TYPE_SET;
  case TypeKind::Status:
    return XUNCHA_TYPE_STATUS;
  case TypeKind::Duration:
  case TypeKind::Error:
    break;
  }
  fail(XUNCHA_ERROR_INTERNAL, "a value of type " + typeName(type) + " reached the C API");
}

std::string typeText(const ir::Program &program, const Type &type) {
  return typeName(type.required(), &program.enums);
}

std::uint32_t enumIdOf(const Type &type) {
  return type.kind == TypeKind::Enum || type.kind == TypeKind::Set ? type.enumId : XUNCHA_NO_ENUM;
}

void setLastError(std::string message) {
  if (message.empty())
    lastError.clear();
  else
    lastError = std::move(message);
}

} // namespace xr::capi

extern "C" {

const char *xuncha_last_error(void) { return xr::capi::lastError.c_str(); }

void xuncha_string_free(char *text) { std::free(text); }

const char *xuncha_version(void) { return XUNCHA_VERSION_STRING; }

int xuncha_abi_version(void) { return XUNCHA_ABI_VERSION; }

const char *xuncha_status_name(xuncha_status status) {
  switch (status) {
  case XUNCHA_OK:
    return "ok";
  case XUNCHA_ERROR_ARGUMENT:
    return "argument";
  case XUNCHA_ERROR_HANDLE:
    return "handle";
  case XUNCHA_ERROR_TYPE:
    return "type";
  case XUNCHA_ERROR_LENGTH:
    return "length";
  case XUNCHA_ERROR_VALUE:
    return "value";
  case XUNCHA_ERROR_RULESET:
    return "ruleset";
  case XUNCHA_ERROR_PARAMS:
    return "params";
  case XUNCHA_ERROR_ENGINE:
    return "engine";
  case XUNCHA_ERROR_RUN:
    return "run";
  case XUNCHA_ERROR_NOT_FOUND:
    return "not_found";
  case XUNCHA_ERROR_MEMORY:
    return "memory";
  case XUNCHA_ERROR_INTERNAL:
    return "internal";
  case XUNCHA_STATUS_INT_:
    break;
  }
  return "unknown";
}

const char *xuncha_type_name(xuncha_type type) {
  switch (type) {
  case XUNCHA_TYPE_BOOL:
    return "bool";
  case XUNCHA_TYPE_INT:
    return "int";
  case XUNCHA_TYPE_NUMBER:
    return "number";
  case XUNCHA_TYPE_TEXT:
    return "text";
  case XUNCHA_TYPE_DATE:
    return "date";
  case XUNCHA_TYPE_ENUM:
    return "enum";
  case XUNCHA_TYPE_SET:
    return "set";
  case XUNCHA_TYPE_STATUS:
    return "status";
  case XUNCHA_TYPE_INT_:
    break;
  }
  return "unknown";
}

} // extern "C"
