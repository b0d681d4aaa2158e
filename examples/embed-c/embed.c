/* Evaluates a rule set over a population CSV file through the Xuncha C API, column by column,
 * as an embedding program would from its own data: each field's column is converted to its
 * type here, straight into the batch's own arrays (ints, numbers, bools, dates), or handed over
 * as text (enums, text); evaluated in batches; and the results and report figures written out.
 *
 *   embed RULES.xr POPULATION.csv OUT_DIR
 *
 * writes OUT_DIR/results.csv and OUT_DIR/report.json (the same bytes as
 * `xuncha run RULES.xr --data POPULATION.csv --out results.csv --report report.json`) and
 * prints a short report. The CSV reader is deliberately small: quoted cells are supported,
 * line breaks inside quotes are not. */
#include <xuncha/xuncha.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_ROWS 4096

static void check(xuncha_status status, const char *what) {
  if (status != XUNCHA_OK) {
    fprintf(stderr, "embed: %s: %s\n", what, xuncha_last_error());
    exit(1);
  }
}

static char *read_file(const char *path, size_t *size) {
  FILE *in = fopen(path, "rb");
  char *text;
  long length;
  if (in == NULL || fseek(in, 0, SEEK_END) != 0 || (length = ftell(in)) < 0) {
    fprintf(stderr, "embed: cannot read %s\n", path);
    exit(1);
  }
  rewind(in);
  text = malloc((size_t)length + 1);
  if (text == NULL || fread(text, 1, (size_t)length, in) != (size_t)length) {
    fprintf(stderr, "embed: cannot read %s\n", path);
    exit(1);
  }
  fclose(in);
  text[length] = '\0';
  *size = (size_t)length;
  return text;
}

static void write_file(const char *dir, const char *name, const char *text, size_t length,
                       const char *mode) {
  char path[4096];
  FILE *out;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  out = fopen(path, mode);
  if (out == NULL || fwrite(text, 1, length, out) != length || fclose(out) != 0) {
    fprintf(stderr, "embed: cannot write %s\n", path);
    exit(1);
  }
}

/* ---- A small CSV reader: splits one line into cells, in place ------------------------------ */

typedef struct {
  char **cells;
  size_t *lengths;
  size_t count, capacity;
} Row;

/* Reads the line at *pos into `row` (cells point into `text`, which it changes to unquote);
 * returns 0 at the end of the text. */
static int next_row(char *text, size_t size, size_t *pos, Row *row) {
  size_t i = *pos;
  if (i >= size)
    return 0;
  row->count = 0;
  for (;;) {
    char *cell = text + i, *to = cell;
    if (row->count == row->capacity) {
      row->capacity = row->capacity ? 2 * row->capacity : 128;
      row->cells = realloc(row->cells, row->capacity * sizeof *row->cells);
      row->lengths = realloc(row->lengths, row->capacity * sizeof *row->lengths);
    }
    if (i < size && text[i] == '"') {
      for (++i; i < size; ++i) {
        if (text[i] == '"' && i + 1 < size && text[i + 1] == '"')
          *to++ = text[i++];
        else if (text[i] == '"')
          break;
        else
          *to++ = text[i];
      }
      ++i;
    }
    while (i < size && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
      *to++ = text[i++];
    row->cells[row->count] = cell;
    row->lengths[row->count] = (size_t)(to - cell);
    row->count++;
    if (i < size && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < size && text[i] == '\r')
      ++i;
    if (i < size && text[i] == '\n')
      ++i;
    *pos = i;
    return 1;
  }
}

/* ---- Text to typed values (what a program does with its own data) ------------------------- */

static int parse_int(const char *text, size_t length, int64_t *value) {
  char buffer[32], *end;
  if (length == 0 || length >= sizeof buffer)
    return 0;
  memcpy(buffer, text, length);
  buffer[length] = '\0';
  *value = strtoll(buffer, &end, 10);
  return *end == '\0';
}

static int parse_number(const char *text, size_t length, double *value) {
  char buffer[64], *end;
  if (length == 0 || length >= sizeof buffer)
    return 0;
  memcpy(buffer, text, length);
  buffer[length] = '\0';
  *value = strtod(buffer, &end);
  return *end == '\0' && isfinite(*value);
}

static int parse_bool(const char *text, size_t length, uint8_t *value) {
  if ((length == 4 && memcmp(text, "true", 4) == 0) || (length == 1 && text[0] == '1'))
    *value = 1;
  else if ((length == 5 && memcmp(text, "false", 5) == 0) || (length == 1 && text[0] == '0'))
    *value = 0;
  else
    return 0;
  return 1;
}

/* Days since 1970-01-01 of a YYYY-MM-DD date (Howard Hinnant's days_from_civil). */
static int parse_date(const char *text, size_t length, int32_t *days) {
  static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y, m, d, leap, era, yoe, doy, doe, i;
  if (length != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  for (i = 0; i < 10; ++i)
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
      return 0;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days[m - 1] + (m == 2 && leap))
    return 0;
  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *days = (int32_t)(era * 146097 + doe - 719468);
  return 1;
}

/* ---- One column of a batch ---------------------------------------------------------------- */

typedef struct {
  const char **text;
  size_t *lengths;
} Column;

/* Hands field `field` of the batch (rows[0..n), its CSV column `column`, -1 when the file has
 * none) to the context. Ints, numbers, bools and dates are converted straight into the batch's
 * own arrays (xuncha_context_column_buffer: no copy); enums and text, and a column with a cell
 * this small converter does not read, go as text for the library to parse (it then names a bad
 * row and what was expected). */
static void set_column(xuncha_context *context, size_t field, xuncha_type type, long column,
                       Row *rows, size_t n, Column *c) {
  size_t r;
  void *values = NULL;
  uint8_t *valid = NULL;
  int typed = type == XUNCHA_TYPE_INT || type == XUNCHA_TYPE_NUMBER || type == XUNCHA_TYPE_BOOL ||
              type == XUNCHA_TYPE_DATE;
  if (typed)
    check(xuncha_context_column_buffer(context, field, &values, &valid), "a column buffer");
  for (r = 0; r < n; ++r) {
    int present = column >= 0 && (size_t)column < rows[r].count && rows[r].lengths[column] > 0;
    c->text[r] = present ? rows[r].cells[column] : NULL;
    c->lengths[r] = present ? rows[r].lengths[column] : 0;
    if (!typed)
      continue;
    valid[r] = (uint8_t)present;
    if (!present)
      continue;
    if (type == XUNCHA_TYPE_INT)
      typed = parse_int(c->text[r], c->lengths[r], (int64_t *)values + r);
    else if (type == XUNCHA_TYPE_NUMBER)
      typed = parse_number(c->text[r], c->lengths[r], (double *)values + r);
    else if (type == XUNCHA_TYPE_BOOL)
      typed = parse_bool(c->text[r], c->lengths[r], (uint8_t *)values + r);
    else
      typed = parse_date(c->text[r], c->lengths[r], (int32_t *)values + r);
  }
  if (!typed)
    check(xuncha_context_set_text(context, field, c->text, c->lengths, NULL, n), "a text column");
}

int main(int argc, char **argv) {
  xuncha_ruleset *rules;
  xuncha_diagnostics *diagnostics;
  xuncha_compiled *compiled;
  xuncha_context *context;
  xuncha_report *report;
  const char *name, *text;
  int64_t version;
  size_t fields, f, size, pos = 0, n, r, total = 0, errors = 0, tier_column, members;
  size_t tier_counts[64] = {0};
  long *column_of;
  xuncha_type *types;
  Column *columns;
  Row header = {0}, *rows;
  char *csv, *out, *json;
  size_t out_length;
  int have_tier;
  uint32_t tier_enum = XUNCHA_NO_ENUM;

  if (argc != 4) {
    fprintf(stderr, "usage: embed RULES.xr POPULATION.csv OUT_DIR\n");
    return 2;
  }
  printf("xuncha %s (C API, ABI %d)\n", xuncha_version(), xuncha_abi_version());

  /* Load and check the rule set; show its diagnostics when it has errors. */
  if (xuncha_ruleset_load(argv[1], &rules, &diagnostics) != XUNCHA_OK) {
    const char *rendered;
    xuncha_diagnostics_render(diagnostics, 0, &rendered);
    fprintf(stderr, "%s", rendered);
    return 1;
  }
  xuncha_diagnostics_free(diagnostics);
  check(xuncha_ruleset_info(rules, &name, &version, NULL), "info");
  printf("rule set: %s, version %lld\n", name, (long long)version);

  check(xuncha_compile(rules, XUNCHA_ENGINE_AUTO, NULL, &compiled), "compile");
  check(xuncha_context_create(compiled, NULL, &context), "context");
  check(xuncha_report_create(compiled, &report), "report");

  /* Which CSV column holds each field, and the field's type. */
  csv = read_file(argv[2], &size);
  if (size >= 3 && memcmp(csv, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;
  next_row(csv, size, &pos, &header);
  check(xuncha_ruleset_field_count(rules, &fields), "fields");
  column_of = malloc(fields * sizeof *column_of);
  types = malloc(fields * sizeof *types);
  columns = malloc(fields * sizeof *columns);
  for (f = 0; f < fields; ++f) {
    const char *field_name;
    size_t c;
    check(xuncha_ruleset_field(rules, f, &field_name, &types[f], NULL, NULL), "field");
    column_of[f] = -1;
    for (c = 0; c < header.count; ++c)
      if (header.lengths[c] == strlen(field_name) &&
          memcmp(header.cells[c], field_name, header.lengths[c]) == 0)
        column_of[f] = (long)c;
    columns[f].text = malloc(BATCH_ROWS * sizeof(char *));
    columns[f].lengths = malloc(BATCH_ROWS * sizeof(size_t));
  }
  rows = calloc(BATCH_ROWS, sizeof *rows);

  /* The tier result column, if the rule set has one, for the printed report. */
  have_tier = xuncha_ruleset_result_index(rules, "tier", &tier_column) == XUNCHA_OK;
  if (have_tier)
    check(xuncha_ruleset_result(rules, tier_column, NULL, NULL, NULL, &tier_enum), "result");

  /* Batch by batch: columns in, evaluate, results and figures out. */
  {
    char path[4096]; /* results.csv is appended to batch by batch: start it afresh */
    snprintf(path, sizeof path, "%s/results.csv", argv[3]);
    remove(path);
  }
  for (;;) {
    const uint8_t *status;
    size_t batch_errors;
    for (n = 0; n < BATCH_ROWS && next_row(csv, size, &pos, &rows[n]); ++n)
      ;
    if (n == 0 && total > 0)
      break;
    check(xuncha_context_set_rows(context, n), "rows");
    for (f = 0; f < fields; ++f)
      set_column(context, f, types[f], column_of[f], rows, n, &columns[f]);
    check(xuncha_context_evaluate(context), "evaluate");
    check(xuncha_context_result_status(context, &status, &batch_errors), "status");
    check(xuncha_report_add(report, context), "report");
    check(xuncha_context_format_results(context, "csv", 0, total == 0, &out, &out_length),
          "format");
    write_file(argv[3], "results.csv", out, out_length, "ab");
    xuncha_string_free(out);
    if (have_tier) {
      const int32_t *tier;
      const uint8_t *valid;
      check(xuncha_context_result_int32(context, tier_column, &tier, &valid), "tier");
      for (r = 0; r < n; ++r)
        if (status[r] == 0 && valid[r] && tier[r] < 64)
          tier_counts[tier[r]]++;
    }
    total += n;
    errors += batch_errors;
    if (n < BATCH_ROWS)
      break;
  }

  check(xuncha_report_json(report, NULL, &json), "report json");
  write_file(argv[3], "report.json", json, strlen(json), "wb");
  xuncha_string_free(json);

  printf("records: %zu evaluated, %zu with a record error\n", total, errors);
  if (have_tier) {
    check(xuncha_ruleset_enum_member_count(rules, tier_enum, &members), "members");
    for (r = 0; r < members && r < 64; ++r) {
      check(xuncha_ruleset_enum_member(rules, tier_enum, r, &text, NULL), "member");
      printf("  tier %-8s %6zu  %5.1f%%\n", text, tier_counts[r],
             total - errors ? 100.0 * (double)tier_counts[r] / (double)(total - errors) : 0.0);
    }
  }
  printf("results: %s/results.csv\nreport figures: %s/report.json\n", argv[3], argv[3]);

  for (f = 0; f < fields; ++f) {
    free(columns[f].text);
    free(columns[f].lengths);
  }
  for (r = 0; r < BATCH_ROWS; ++r) {
    free(rows[r].cells);
    free(rows[r].lengths);
  }
  free(rows);
  free(header.cells);
  free(header.lengths);
  free(columns);
  free(types);
  free(column_of);
  free(csv);
  xuncha_report_free(report);
  xuncha_context_free(context);
  xuncha_compiled_free(compiled);
  xuncha_ruleset_free(rules);
  return 0;
}
