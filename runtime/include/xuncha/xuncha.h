/* The Xuncha C API: load a rule set, compile it, evaluate records and read the results, from C
 * or any language with a C foreign-function interface. A thin layer over the C++ API
 * (xuncha/xuncha.hpp), with a stable ABI: opaque handles, plain C types, no exceptions.
 *
 * Conventions (docs/embedding.md has the full reference):
 *  - Every call returns an xuncha_status. On failure, xuncha_last_error() gives a lower case
 *    message saying what was wrong and what to do; it is per thread and valid until the next
 *    call of this API on the same thread. Successful calls set it to "".
 *  - Results come back through out-parameters, written only on success unless the call says
 *    otherwise (a failed load still gives its diagnostics, a failed file run its summary).
 *  - Handles are checked on every call: a null handle, a handle of another kind and (where it
 *    can be told) a handle already freed give XUNCHA_ERROR_HANDLE instead of a crash.
 *  - Strings are UTF-8. Strings the API returns belong to the handle they came from and stay
 *    valid as the call documents (usually until that handle is freed or next changed).
 *  - Freeing a handle others were made from is allowed: a compiled rule set keeps its rule set
 *    alive, a context its compiled rule set, and so on. xuncha_*_free(NULL) does nothing.
 *  - Thread safety: rule sets, compiled rule sets, params, diagnostics, test results and run
 *    summaries are immutable and may be used by any number of threads at once. A context and a
 *    report accumulator are used by one thread at a time (give each thread its own).
 *
 * Typical use:
 *
 *   xuncha_ruleset *rules; xuncha_diagnostics *diags;
 *   if (xuncha_ruleset_load("rulesets/national/2023.xr", &rules, &diags) != XUNCHA_OK) ...
 *   xuncha_compiled *compiled; xuncha_compile(rules, XUNCHA_ENGINE_AUTO, NULL, &compiled);
 *   xuncha_context *ctx; xuncha_context_create(compiled, NULL, &ctx);
 *   xuncha_context_set_rows(ctx, n);
 *   xuncha_context_set_double(ctx, field, values, validity, n); ...
 *   xuncha_context_evaluate(ctx);
 *   xuncha_context_result_double(ctx, column, &values, &validity); ...
 */
#ifndef XUNCHA_XUNCHA_H
#define XUNCHA_XUNCHA_H

#include <stddef.h>
#include <stdint.h>

/* What the library exports (it is built with hidden visibility; XUNCHA_BUILDING_LIBRARY is
 * defined only while it is built). */
#if defined(_WIN32) && defined(XUNCHA_BUILDING_LIBRARY)
#define XUNCHA_API __declspec(dllexport)
#elif defined(_WIN32)
#define XUNCHA_API __declspec(dllimport)
#elif defined(__GNUC__)
#define XUNCHA_API __attribute__((visibility("default")))
#else
#define XUNCHA_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------------------------ */

#define XUNCHA_VERSION_MAJOR 0
#define XUNCHA_VERSION_MINOR 1
#define XUNCHA_VERSION_PATCH 0
#define XUNCHA_VERSION_STRING "0.1.0"
/* The ABI version: the shared library's SOVERSION (libxuncha.so.1). It changes when a call
 * changes or goes away; new calls keep it. */
#define XUNCHA_ABI_VERSION 1

/* The library's version ("0.1.0"), which may be newer than the header a program was built with. */
XUNCHA_API const char *xuncha_version(void);
XUNCHA_API int xuncha_abi_version(void);

/* Every enum of the API ends with a *_INT_ member that is not a value: it makes the enum an
 * int-sized type whose every int value a caller may pass is well defined (the calls refuse
 * those that are no member). */

/* ---- Status and errors -------------------------------------------------------------------- */

typedef enum xuncha_status {
  XUNCHA_OK = 0,
  XUNCHA_ERROR_ARGUMENT = 1,   /* a null pointer, an index out of range, a bad option */
  XUNCHA_ERROR_HANDLE = 2,     /* a null, freed or wrong kind of handle */
  XUNCHA_ERROR_TYPE = 3,       /* a column given or read as another type than its own */
  XUNCHA_ERROR_LENGTH = 4,     /* a column whose length is not the context's row count */
  XUNCHA_ERROR_VALUE = 5,      /* an input value that is not one of its type (text that does not
                                  parse, NaN, an enum member out of range, bad UTF-8) */
  XUNCHA_ERROR_RULESET = 6,    /* the rule set has errors: see its diagnostics */
  XUNCHA_ERROR_PARAMS = 7,     /* a param that does not exist, does not parse or has no value */
  XUNCHA_ERROR_ENGINE = 8,     /* the JIT could not compile the rule set */
  XUNCHA_ERROR_RUN = 9,        /* a file run failed, was stopped at a bad row, or was cancelled */
  XUNCHA_ERROR_NOT_FOUND = 10, /* no field, param, column or enum member of that name */
  XUNCHA_ERROR_MEMORY = 11,
  XUNCHA_ERROR_INTERNAL = 12,     /* a bug in Xuncha: please report the message */
  XUNCHA_STATUS_INT_ = 0x7fffffff /* not a status: keeps the enum an int for any value */
} xuncha_status;

/* The message of this thread's last failed call ("" after a successful one). Never NULL. */
XUNCHA_API const char *xuncha_last_error(void);
/* "ok", "argument", "handle", ... (for logs). Never NULL. */
XUNCHA_API const char *xuncha_status_name(xuncha_status status);

/* ---- Types of fields, params and result columns ------------------------------------------- */

/* A value's type, and how a column of it is laid out in memory (one element per row, plus one
 * validity byte per row: 1 present, 0 missing):
 *   BOOL    uint8_t   0 or 1
 *   INT     int64_t
 *   NUMBER  double    never NaN or infinite
 *   TEXT    UTF-8     (see xuncha_context_set_text and xuncha_context_result_text)
 *   DATE    int32_t   days since 1970-01-01, years 1 to 9999
 *   ENUM    int32_t   the member's index (xuncha_ruleset_enum_member)
 *   SET     uint64_t  bit i set: member i is in the set
 *   STATUS  uint8_t   an indicator's status: 0 pass, 1 fail, 2 not assessed, 3 not applicable */
typedef enum xuncha_type {
  XUNCHA_TYPE_BOOL = 1,
  XUNCHA_TYPE_INT = 2,
  XUNCHA_TYPE_NUMBER = 3,
  XUNCHA_TYPE_TEXT = 4,
  XUNCHA_TYPE_DATE = 5,
  XUNCHA_TYPE_ENUM = 6,
  XUNCHA_TYPE_SET = 7,
  XUNCHA_TYPE_STATUS = 8,
  XUNCHA_TYPE_INT_ = 0x7fffffff /* not a type: keeps the enum an int for any value */
} xuncha_type;

/* Bits of the `flags` of fields, params and result columns. */
#define XUNCHA_FLAG_OPTIONAL 1u      /* the value may be missing */
#define XUNCHA_FLAG_KEY 2u           /* the record's key field */
#define XUNCHA_FLAG_HAS_DEFAULT 4u   /* a param with a default value */
#define XUNCHA_FLAG_PER_INDICATOR 8u /* a per-indicator result column (xuncha run --indicators) */
/* The enum_id of a type that is not an enum or a set. */
#define XUNCHA_NO_ENUM UINT32_MAX

/* "bool", "int", ... Never NULL. */
XUNCHA_API const char *xuncha_type_name(xuncha_type type);

/* ---- Opaque handles ----------------------------------------------------------------------- */

typedef struct xuncha_ruleset xuncha_ruleset;           /* a checked rule set */
typedef struct xuncha_diagnostics xuncha_diagnostics;   /* the problems found in rule files */
typedef struct xuncha_compiled xuncha_compiled;         /* a rule set ready to evaluate */
typedef struct xuncha_params xuncha_params;             /* the values of a rule set's params */
typedef struct xuncha_context xuncha_context;           /* one thread's input and results */
typedef struct xuncha_report xuncha_report;             /* report figures being accumulated */
typedef struct xuncha_run_options xuncha_run_options;   /* what a file run reads and writes */
typedef struct xuncha_run_summary xuncha_run_summary;   /* what a file run did */
typedef struct xuncha_test_results xuncha_test_results; /* the outcome of a rule set's tests */

/* ---- Loading and checking rule sets ------------------------------------------------------- */

/* Loads the rule file at `path` with everything it imports or extends, checks and compiles it.
 * On success *ruleset is set. When the rule set has errors the call returns
 * XUNCHA_ERROR_RULESET and *ruleset is NULL. Either way, when `diagnostics` is not NULL,
 * *diagnostics receives the errors and warnings found (free it with xuncha_diagnostics_free). */
XUNCHA_API xuncha_status xuncha_ruleset_load(const char *path, xuncha_ruleset **ruleset,
                                             xuncha_diagnostics **diagnostics);
/* The same for rule text held in memory (`length` bytes of UTF-8). `path` names it in
 * diagnostics and anchors its relative imports. */
XUNCHA_API xuncha_status xuncha_ruleset_from_text(const char *path, const char *text, size_t length,
                                                  xuncha_ruleset **ruleset,
                                                  xuncha_diagnostics **diagnostics);
XUNCHA_API xuncha_status xuncha_ruleset_free(xuncha_ruleset *ruleset);

/* The `ruleset "name" version N` header and the SHA-256 (64 hex digits) of every source file.
 * The strings live as long as the rule set. */
XUNCHA_API xuncha_status xuncha_ruleset_info(const xuncha_ruleset *ruleset, const char **name,
                                             int64_t *version, const char **sha256);

typedef enum xuncha_severity {
  XUNCHA_SEVERITY_ERROR = 0,
  XUNCHA_SEVERITY_WARNING = 1,
  XUNCHA_SEVERITY_NOTE = 2,
  XUNCHA_SEVERITY_INT_ = 0x7fffffff /* not a severity: keeps the enum an int */
} xuncha_severity;

XUNCHA_API xuncha_status xuncha_diagnostics_count(const xuncha_diagnostics *diagnostics,
                                                  size_t *count, size_t *errors, size_t *warnings);
/* Diagnostic `index` (in display order). `file` is "" when it points nowhere; lines and columns
 * are 1-based (columns in code points), 0 then. Strings live as long as the handle. Any
 * out-parameter may be NULL. */
XUNCHA_API xuncha_status xuncha_diagnostics_get(const xuncha_diagnostics *diagnostics, size_t index,
                                                xuncha_severity *severity, const char **code,
                                                const char **message, const char **file,
                                                uint32_t *line, uint32_t *column);
/* Every diagnostic as `xuncha check` prints it (source lines, underlines, fixes, a summary line);
 * `color` non-zero adds ANSI colours. The text lives as long as the handle. */
XUNCHA_API xuncha_status xuncha_diagnostics_render(const xuncha_diagnostics *diagnostics, int color,
                                                   const char **text);
XUNCHA_API xuncha_status xuncha_diagnostics_free(xuncha_diagnostics *diagnostics);

/* ---- What a rule set reads and gives ------------------------------------------------------ */

/* The record's fields, in declaration order; `index` is what the xuncha_context_set_* calls
 * take. Any out-parameter may be NULL; strings live as long as the rule set. */
XUNCHA_API xuncha_status xuncha_ruleset_field_count(const xuncha_ruleset *ruleset, size_t *count);
XUNCHA_API xuncha_status xuncha_ruleset_field(const xuncha_ruleset *ruleset, size_t index,
                                              const char **name, xuncha_type *type, uint32_t *flags,
                                              uint32_t *enum_id);
/* XUNCHA_ERROR_NOT_FOUND (with a did-you-mean) when there is no such field. */
XUNCHA_API xuncha_status xuncha_ruleset_field_index(const xuncha_ruleset *ruleset, const char *name,
                                                    size_t *index);

/* The result columns, in the order `xuncha run` writes them (per-indicator ones included,
 * flagged XUNCHA_FLAG_PER_INDICATOR). */
XUNCHA_API xuncha_status xuncha_ruleset_result_count(const xuncha_ruleset *ruleset, size_t *count);
XUNCHA_API xuncha_status xuncha_ruleset_result(const xuncha_ruleset *ruleset, size_t index,
                                               const char **name, xuncha_type *type,
                                               uint32_t *flags, uint32_t *enum_id);
XUNCHA_API xuncha_status xuncha_ruleset_result_index(const xuncha_ruleset *ruleset,
                                                     const char *name, size_t *index);

/* The params. `default_text` is the default as `--param` would write it ("" when none). */
XUNCHA_API xuncha_status xuncha_ruleset_param_count(const xuncha_ruleset *ruleset, size_t *count);
XUNCHA_API xuncha_status xuncha_ruleset_param(const xuncha_ruleset *ruleset, size_t index,
                                              const char **name, xuncha_type *type, uint32_t *flags,
                                              const char **default_text);

/* The members of enum `enum_id` (from a field, result or param of type ENUM or SET). `label` is
 * the display label, or the name when none was given. */
XUNCHA_API xuncha_status xuncha_ruleset_enum_member_count(const xuncha_ruleset *ruleset,
                                                          uint32_t enum_id, size_t *count);
XUNCHA_API xuncha_status xuncha_ruleset_enum_member(const xuncha_ruleset *ruleset, uint32_t enum_id,
                                                    size_t index, const char **name,
                                                    const char **label);
/* The index of the member named or labelled `text`; XUNCHA_ERROR_NOT_FOUND when none is. */
XUNCHA_API xuncha_status xuncha_ruleset_enum_find(const xuncha_ruleset *ruleset, uint32_t enum_id,
                                                  const char *text, int32_t *member);

/* ---- Running a rule set's own tests ------------------------------------------------------- */

/* Runs the rule set's `test` cases whose title contains `filter` (NULL or "": all), as
 * `xuncha test` does. Failing cases are results, not errors: the call succeeds. Thread safe. */
XUNCHA_API xuncha_status xuncha_ruleset_run_tests(const xuncha_ruleset *ruleset, const char *filter,
                                                  xuncha_test_results **results);
XUNCHA_API xuncha_status xuncha_test_results_count(const xuncha_test_results *results,
                                                   size_t *count, size_t *passed);
/* Case `index`: its title, file and line, whether it passed, and its report as `xuncha test`
 * prints it (a PASS/FAIL line; for a failure, the expectations, values, record and params). */
XUNCHA_API xuncha_status xuncha_test_results_get(const xuncha_test_results *results, size_t index,
                                                 const char **title, const char **file,
                                                 uint32_t *line, int *passed, const char **text);
XUNCHA_API xuncha_status xuncha_test_results_free(xuncha_test_results *results);

/* ---- Compiling ---------------------------------------------------------------------------- */

typedef enum xuncha_engine {
  XUNCHA_ENGINE_INTERP = 0,       /* the interpreter */
  XUNCHA_ENGINE_JIT = 1,          /* native code compiled with LLVM, now */
  XUNCHA_ENGINE_AUTO = 2,         /* the JIT when its code is cached, else after 500,000 records */
  XUNCHA_ENGINE_INT_ = 0x7fffffff /* not an engine: keeps the enum an int for any value */
} xuncha_engine;

/* "interp", "jit" or "auto" to an engine; XUNCHA_ERROR_ARGUMENT otherwise. */
XUNCHA_API xuncha_status xuncha_engine_from_name(const char *name, xuncha_engine *engine);

/* Prepares `ruleset` for `engine`. `cache_dir` is where the JIT keeps compiled code between
 * runs (NULL or "": nowhere; within a process compiled code is always reused). With
 * XUNCHA_ENGINE_JIT the rule set is compiled here: XUNCHA_ERROR_ENGINE says why when it cannot
 * be. The compiled rule set may be shared by any number of threads. */
XUNCHA_API xuncha_status xuncha_compile(const xuncha_ruleset *ruleset, xuncha_engine engine,
                                        const char *cache_dir, xuncha_compiled **compiled);
XUNCHA_API xuncha_status xuncha_compiled_free(xuncha_compiled *compiled);
/* What the caller should show although evaluation goes on (an auto engine that fell back to
 * the interpreter, a cache folder that cannot be written), one per line; "" when none. The text
 * is the caller's until xuncha_string_free. */
XUNCHA_API xuncha_status xuncha_compiled_warnings(const xuncha_compiled *compiled, char **text);

/* ---- Params ------------------------------------------------------------------------------- */

/* Binds the params of the compiled rule set: `count` settings name=value (value as text, parsed
 * by the param's type, as `xuncha run --param` does), defaults for the others. With `count` 0
 * (names and values may then be NULL): the defaults. XUNCHA_ERROR_PARAMS lists every problem
 * (unknown name with a did-you-mean, a value that does not parse, a param with no value). */
XUNCHA_API xuncha_status xuncha_params_bind(const xuncha_compiled *compiled,
                                            const char *const *names, const char *const *values,
                                            size_t count, xuncha_params **params);
XUNCHA_API xuncha_status xuncha_params_free(xuncha_params *params);

/* ---- Evaluating records in memory --------------------------------------------------------- */

/* A context holds one batch of input records and the results of evaluating them. Use it from
 * one thread at a time; give each thread its own (they may share the compiled rule set).
 * `params` NULL: every param's default (XUNCHA_ERROR_PARAMS when one has none). The context
 * keeps its own copy of the params. */
XUNCHA_API xuncha_status xuncha_context_create(const xuncha_compiled *compiled,
                                               const xuncha_params *params,
                                               xuncha_context **context);
XUNCHA_API xuncha_status xuncha_context_free(xuncha_context *context);

/* Starts a new batch of `rows` records, every field missing. Keeps memory for the next batch. */
XUNCHA_API xuncha_status xuncha_context_set_rows(xuncha_context *context, size_t rows);
XUNCHA_API xuncha_status xuncha_context_rows(const xuncha_context *context, size_t *rows);

/* Sets a whole column of input: field `field` for every row of the batch. `length` must be the
 * batch's row count (XUNCHA_ERROR_LENGTH), the call the field's type (XUNCHA_ERROR_TYPE names the
 * right one). `validity` NULL: every value present; else one byte per row, 0 missing. Values
 * where validity is 0 are ignored. A missing value in a field that is not optional is allowed
 * (the rule set decides what it means, as for an empty CSV cell).
 * The arrays are copied into the batch (one copy per column; text into the batch's text arena);
 * the caller may reuse them when the call returns. To fill the batch without a copy, see
 * xuncha_context_column_buffer. Bad values fail the whole column
 * (XUNCHA_ERROR_VALUE, naming the first bad row) and leave it missing. */
XUNCHA_API xuncha_status xuncha_context_set_bool(xuncha_context *context, size_t field,
                                                 const uint8_t *values, const uint8_t *validity,
                                                 size_t length);
XUNCHA_API xuncha_status xuncha_context_set_int64(xuncha_context *context, size_t field,
                                                  const int64_t *values, const uint8_t *validity,
                                                  size_t length);
/* For a NUMBER field. NaN or an infinity is XUNCHA_ERROR_VALUE (mark missing values invalid). */
XUNCHA_API xuncha_status xuncha_context_set_double(xuncha_context *context, size_t field,
                                                   const double *values, const uint8_t *validity,
                                                   size_t length);
/* For a DATE field: days since 1970-01-01 (years 1 to 9999). */
XUNCHA_API xuncha_status xuncha_context_set_date(xuncha_context *context, size_t field,
                                                 const int32_t *days, const uint8_t *validity,
                                                 size_t length);
/* For an ENUM field: member indexes (xuncha_ruleset_enum_find). */
XUNCHA_API xuncha_status xuncha_context_set_enum(xuncha_context *context, size_t field,
                                                 const int32_t *members, const uint8_t *validity,
                                                 size_t length);
/* Text values, one pointer per row: NUL-terminated when `lengths` is NULL, else lengths[i]
 * bytes. A NULL pointer is missing. For a TEXT field the bytes are the value (valid UTF-8); for
 * a field of any other type they are parsed as a CSV cell of that type is (an enum member's
 * name or label, a date as 2024-06-30, ...; an empty text is missing). */
XUNCHA_API xuncha_status xuncha_context_set_text(xuncha_context *context, size_t field,
                                                 const char *const *values, const size_t *lengths,
                                                 const uint8_t *validity, size_t length);
/* Text values in the Arrow layout: value i is data[offsets[i] .. offsets[i+1]) (offsets has
 * length + 1 entries, non-decreasing). Parsed as for xuncha_context_set_text. */
XUNCHA_API xuncha_status xuncha_context_set_text_offsets(xuncha_context *context, size_t field,
                                                         const char *data, const int64_t *offsets,
                                                         const uint8_t *validity, size_t length);

/* Zero-copy input: the batch's own arrays for field `field` (one element per row of the batch in
 * the layout of the field's type, and one validity byte per row), for the caller to fill in
 * place, e.g. by decoding its data straight into them. Not for TEXT fields (XUNCHA_ERROR_TYPE:
 * use xuncha_context_set_text). A new batch starts with every value missing (validity 0); set
 * validity to 1 where a value is present. The pointers stay valid until the next
 * xuncha_context_set_rows, xuncha_context_add_row or xuncha_context_free.
 * xuncha_context_evaluate checks every column handed out so, as the set_* calls check theirs
 * (XUNCHA_ERROR_VALUE naming the field and row; nothing is evaluated then), and zeroes the
 * elements of missing values. */
XUNCHA_API xuncha_status xuncha_context_column_buffer(xuncha_context *context, size_t field,
                                                      void **values, uint8_t **validity);

/* Appends one record given as text, one value per field in field order (`count` must be the
 * field count; NULL or "" is missing), parsed as CSV cells are. On a value that does not parse
 * nothing is appended and XUNCHA_ERROR_VALUE names the field and says what was expected. */
XUNCHA_API xuncha_status xuncha_context_add_row(xuncha_context *context, const char *const *values,
                                                size_t count);

/* Evaluates every record of the batch. A record whose evaluation fails (a division by zero ...)
 * gets an error status and message (xuncha_context_result_status / _error); the others are
 * unaffected, and the call succeeds. The results replace the previous ones, which are discarded
 * first (also when the call fails, e.g. on a bad value in a column filled in place). */
XUNCHA_API xuncha_status xuncha_context_evaluate(xuncha_context *context);

/* Explains record `row` of the context's batch as `xuncha explain` does: the result values, the
 * checklist, each indicator's status and score with the conditions that decided it, the
 * tables' matching rows, rules, escalations, flags, and a record error's cause. `json` non-zero:
 * the JSON of `xuncha explain --format json`, else the text (without colours). The record is
 * evaluated alone, on the interpreter, with the context's params; the context's results are left
 * alone (columns filled in place are checked first, as by xuncha_context_evaluate). The text is
 * the caller's until xuncha_string_free. */
XUNCHA_API xuncha_status xuncha_context_explain(xuncha_context *context, size_t row, int json,
                                                char **text);

/* ---- Reading results ---------------------------------------------------------------------- */

/* The results of the last evaluation, without copying: the arrays belong to the context and
 * stay valid until its next xuncha_context_evaluate or xuncha_context_free (setting the next
 * batch's input leaves them alone). `column` is a result column index (xuncha_ruleset_result).
 * Every value of a record with an error is missing. */
XUNCHA_API xuncha_status xuncha_context_result_rows(const xuncha_context *context, size_t *rows);
/* One byte per record: 0 ok, 1 error. `errors` (may be NULL) is the number of error records. */
XUNCHA_API xuncha_status xuncha_context_result_status(const xuncha_context *context,
                                                      const uint8_t **status, size_t *errors);
/* The error message of a record ("division by zero in indicator C3 (rules/x.xr:14:15)"), or ""
 * for an ok record. Valid until the next call on the context. */
XUNCHA_API xuncha_status xuncha_context_result_error(xuncha_context *context, size_t row,
                                                     const char **message);
/* A column's values and validity (pass NULL for either not wanted). The call must
 * match the column's type: BOOL and STATUS uint8, INT int64, NUMBER double, DATE and ENUM int32,
 * SET uint64. */
XUNCHA_API xuncha_status xuncha_context_result_uint8(const xuncha_context *context, size_t column,
                                                     const uint8_t **values,
                                                     const uint8_t **validity);
XUNCHA_API xuncha_status xuncha_context_result_int64(const xuncha_context *context, size_t column,
                                                     const int64_t **values,
                                                     const uint8_t **validity);
XUNCHA_API xuncha_status xuncha_context_result_double(const xuncha_context *context, size_t column,
                                                      const double **values,
                                                      const uint8_t **validity);
XUNCHA_API xuncha_status xuncha_context_result_int32(const xuncha_context *context, size_t column,
                                                     const int32_t **values,
                                                     const uint8_t **validity);
XUNCHA_API xuncha_status xuncha_context_result_uint64(const xuncha_context *context, size_t column,
                                                      const uint64_t **values,
                                                      const uint8_t **validity);
/* A TEXT column's value at `row`: `length` bytes at *data (not NUL-terminated; "" when
 * missing: check `present`). */
XUNCHA_API xuncha_status xuncha_context_result_text(const xuncha_context *context, size_t column,
                                                    size_t row, const char **data, size_t *length,
                                                    int *present);
/* Any column's value at `row` as `xuncha run` writes it (1, 0.3, 2024-06-30, enum member names,
 * pass/fail, sets joined by ';'; "" when missing). NUL-terminated; valid until the next call
 * on the context. */
XUNCHA_API xuncha_status xuncha_context_result_format(xuncha_context *context, size_t column,
                                                      size_t row, const char **text);
/* The whole results as `xuncha run` writes its results file: `format` "csv" or "jsonl",
 * `indicators` non-zero adds the per-indicator columns, `header` non-zero starts with the
 * provenance line (and, for CSV, the header line). The text is the caller's until
 * xuncha_string_free; `length` (may be NULL) is its length in bytes. */
XUNCHA_API xuncha_status xuncha_context_format_results(const xuncha_context *context,
                                                       const char *format, int indicators,
                                                       int header, char **text, size_t *length);

/* ---- Population reports ------------------------------------------------------------------- */

/* Accumulates the rule set's `report` figures over the batches evaluated by contexts. Use it
 * from one thread at a time; for several threads, one accumulator each, merged at the end. */
XUNCHA_API xuncha_status xuncha_report_create(const xuncha_compiled *compiled,
                                              xuncha_report **report);
XUNCHA_API xuncha_status xuncha_report_free(xuncha_report *report);
/* Adds the last results of `context` (of the same compiled rule set) as the next records in
 * input order. */
XUNCHA_API xuncha_status xuncha_report_add(xuncha_report *report, const xuncha_context *context);
/* Adds them as records first_record, first_record + 1, ... (0-based) of the population, so
 * batches may be added in any order and by several accumulators (then merged): the figures are
 * the same as adding them in order. Top/bottom ties break by record key, then this position. */
XUNCHA_API xuncha_status xuncha_report_add_at(xuncha_report *report, const xuncha_context *context,
                                              uint64_t first_record);
/* Adds `other`'s records (of the same compiled rule set) to `report`. */
XUNCHA_API xuncha_status xuncha_report_merge(xuncha_report *report, const xuncha_report *other);
/* The figures as the JSON of `xuncha run --report` (records counted as read and evaluated, none
 * rejected), with report items evaluated under `params` (NULL: the defaults). The text is the
 * caller's until xuncha_string_free. */
XUNCHA_API xuncha_status xuncha_report_json(const xuncha_report *report,
                                            const xuncha_params *params, char **json);

/* ---- Whole files, as `xuncha run` ----------------------------------------------------------- */

XUNCHA_API xuncha_status xuncha_run_options_create(xuncha_run_options **options);
XUNCHA_API xuncha_status xuncha_run_options_free(xuncha_run_options *options);
/* Sets one option, by the name of the `xuncha run` option that does the same:
 *   "data"          the population file (required; "-" standard input)
 *   "out"           the results file (required; "-" standard output)
 *   "report"        the report JSON file
 *   "errors"        where unreadable rows go
 *   "input-format"  csv | jsonl       "format"    csv | jsonl (results)
 *   "encoding"      utf-8 | gb18030   "threads"   a number (0: every core)
 *   "batch-bytes"   input bytes per batch
 *   "indicators"    true | false      "strict"    true | false
 *   "map"           field=column (repeatable)
 *   "param"         name=value (repeatable)
 * XUNCHA_ERROR_ARGUMENT names the options when `name` is not one of them or `value` is bad. */
XUNCHA_API xuncha_status xuncha_run_options_set(xuncha_run_options *options, const char *name,
                                                const char *value);

/* Called on the writing thread after each batch of a file run is written: records written so
 * far, input bytes read, the input's size (0 when unknown, a pipe). Return 0 to go on, non-zero
 * to cancel the run (it then writes nothing and xuncha_run_file returns XUNCHA_ERROR_RUN). */
typedef int (*xuncha_progress_fn)(uint64_t records, uint64_t bytes_read, uint64_t total_bytes,
                                  void *user);
/* Sets (or with NULL clears) the progress callback and the pointer it is given. */
XUNCHA_API xuncha_status xuncha_run_options_set_progress(xuncha_run_options *options,
                                                         xuncha_progress_fn progress, void *user);

/* Runs the compiled rule set over the options' data file, writing the results (and errors and
 * report) files as `xuncha run` does, on several threads. Outputs appear whole or not at all.
 * When the run does not complete it returns XUNCHA_ERROR_RUN with the reason; *summary (when
 * `summary` is not NULL) is set in every case the run was tried. Thread safe. */
XUNCHA_API xuncha_status xuncha_run_file(const xuncha_compiled *compiled,
                                         const xuncha_run_options *options,
                                         xuncha_run_summary **summary);
/* Records read, evaluated, of those with an evaluation error, and unreadable (rejected). */
XUNCHA_API xuncha_status xuncha_run_summary_counts(const xuncha_run_summary *summary,
                                                   uint64_t *records_in, uint64_t *evaluated,
                                                   uint64_t *record_errors, uint64_t *rejected);
/* 0 completed, 1 failed, 2 stopped at a bad row (strict), 3 cancelled; and the reason ("" when
 * it completed; valid as long as the summary). */
XUNCHA_API xuncha_status xuncha_run_summary_outcome(const xuncha_run_summary *summary, int *outcome,
                                                    const char **message);
/* The report figures as JSON (as the "report" file holds them); the caller's until
 * xuncha_string_free. */
XUNCHA_API xuncha_status xuncha_run_summary_report_json(const xuncha_run_summary *summary,
                                                        char **json);
XUNCHA_API xuncha_status xuncha_run_summary_free(xuncha_run_summary *summary);

/* ---- Strings the caller owns -------------------------------------------------------------- */

/* Frees a string given by a call that says it is the caller's. NULL does nothing. */
XUNCHA_API void xuncha_string_free(char *text);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* XUNCHA_XUNCHA_H */
