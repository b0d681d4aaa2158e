// Whole population files, as `xuncha run` evaluates them.
#include "runtime/capi/handles.h"
#include "runtime/load/decoder.h"

#include <atomic>
#include <charconv>
#include <cstring>

using namespace xr::capi;

namespace {

const char *const kOptionNames = "data, out, report, errors, input-format, format, encoding, "
                                 "threads, batch-bytes, indicators, strict, map, param";

template <class Number> Number parseNumber(const char *name, const std::string &value) {
  Number n{};
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (error != std::errc() || end != value.data() + value.size())
    fail(XUNCHA_ERROR_ARGUMENT,
         std::string("option '") + name + "' takes a whole number, got '" + value + "'");
  return n;
}

bool parseFlag(const char *name, const std::string &value) {
  if (value == "true" || value == "1")
    return true;
  if (value == "false" || value == "0")
    return false;
  fail(XUNCHA_ERROR_ARGUMENT,
       std::string("option '") + name + "' takes true or false, got '" + value + "'");
}

std::pair<std::string, std::string> parsePair(const char *name, const std::string &value,
                                              const char *form) {
  const std::size_t eq = value.find('=');
  if (eq == std::string::npos || eq == 0)
    fail(XUNCHA_ERROR_ARGUMENT,
         std::string("option '") + name + "' takes " + form + ", got '" + value + "'");
  return {value.substr(0, eq), value.substr(eq + 1)};
}

void setOption(xuncha::RunOptions &options, const char *name, const std::string &value) {
  const std::string_view key = name;
  if (key == "data") {
    options.dataPath = value;
  } else if (key == "out") {
    options.outPath = value;
  } else if (key == "report") {
    options.reportPath = value;
  } else if (key == "errors") {
    options.errorsPath = value;
  } else if (key == "input-format") {
    options.inputFormat = xr::load::parseInputFormat(value);
    if (!options.inputFormat)
      fail(XUNCHA_ERROR_ARGUMENT, "unknown input format '" + value + "'; use csv or jsonl");
  } else if (key == "format") {
    options.outputFormat = xr::output::parseOutputFormat(value);
    if (!options.outputFormat)
      fail(XUNCHA_ERROR_ARGUMENT, "unknown results format '" + value + "'; use csv or jsonl");
  } else if (key == "encoding") {
    if (!xr::load::encodingFromName(value))
      fail(XUNCHA_ERROR_ARGUMENT, "unknown encoding '" + value + "'; use utf-8 or gb18030");
    options.encoding = value;
  } else if (key == "threads") {
    options.threads = parseNumber<unsigned>(name, value);
  } else if (key == "batch-bytes") {
    options.chunkBytes = parseNumber<std::size_t>(name, value);
    if (options.chunkBytes == 0)
      fail(XUNCHA_ERROR_ARGUMENT, "option 'batch-bytes' must be at least 1");
  } else if (key == "indicators") {
    options.indicators = parseFlag(name, value);
  } else if (key == "strict") {
    options.strict = parseFlag(name, value);
  } else if (key == "map") {
    options.columnOfField.push_back(parsePair(name, value, "field=column"));
  } else if (key == "param") {
    auto [param, text] = parsePair(name, value, "name=value");
    options.params.push_back({param, text});
  } else {
    fail(XUNCHA_ERROR_ARGUMENT,
         std::string("unknown run option '") + name + "'; the options are " + kOptionNames);
  }
}

std::string whyNotCompleted(const xuncha::RunSummary &summary) {
  using Outcome = xuncha::RunSummary::Outcome;
  std::string message;
  switch (summary.outcome) {
  case Outcome::Completed:
    return {};
  case Outcome::Failed:
    message = summary.error;
    break;
  case Outcome::StoppedAtBadRow:
    message = "stopped at an unreadable row (strict)";
    if (!summary.loadErrors.empty()) {
      const xuncha::LoadError &bad = summary.loadErrors.front();
      message += ": line " + std::to_string(bad.line) +
                 (bad.column.empty() ? "" : ", column " + bad.column) + ": " + bad.reason;
    }
    message += "; nothing was written";
    break;
  case Outcome::Cancelled:
    message = "the run was cancelled; nothing was written";
    break;
  }
  for (const std::string &help : summary.help)
    message += "\n" + help;
  return message;
}

} // namespace

extern "C" {

xuncha_status xuncha_run_options_create(xuncha_run_options **options) {
  return boundary(__func__, [&] { out(options, "options") = make<xuncha_run_options>(); });
}

xuncha_status xuncha_run_options_free(xuncha_run_options *options) {
  return boundary(__func__, [&] { destroy(options, "options"); });
}

xuncha_status xuncha_run_options_set(xuncha_run_options *options, const char *name,
                                     const char *value) {
  return boundary(__func__, [&] {
    xuncha_run_options &o = use(options, "options");
    setOption(o.options, required(name, "name"), required(value, "value"));
  });
}

xuncha_status xuncha_run_options_set_progress(xuncha_run_options *options,
                                              xuncha_progress_fn progress, void *user) {
  return boundary(__func__, [&] {
    xuncha_run_options &o = use(options, "options");
    o.progress = progress;
    o.progressUser = progress != nullptr ? user : nullptr;
  });
}

xuncha_status xuncha_run_file(const xuncha_compiled *compiled, const xuncha_run_options *options,
                              xuncha_run_summary **summary) {
  return boundary(__func__, [&] {
    const xuncha_compiled &c = use(compiled, "compiled");
    const xuncha_run_options &o = use(options, "options");
    if (o.options.dataPath.empty() || o.options.outPath.empty())
      fail(XUNCHA_ERROR_ARGUMENT, std::string("the options 'data' and 'out' are required (") +
                                      (o.options.dataPath.empty() ? "'data'" : "'out'") +
                                      " is not set)");
    xuncha::RunOptions runOptions = o.options;
    runOptions.engine = c.evaluator->engine();
    std::atomic<bool> cancel{false};
    if (o.progress != nullptr) {
      runOptions.cancel = &cancel;
      runOptions.onProgress = [&o, &cancel](const xuncha::Progress &progress) {
        if (o.progress(progress.records, progress.bytesRead, progress.totalBytes, o.progressUser) !=
            0)
          cancel.store(true);
      };
    }
    auto made = std::make_unique<xuncha_run_summary>();
    made->evaluator = c.evaluator;
    made->summary = xuncha::run(*c.evaluator, runOptions);
    made->message = whyNotCompleted(made->summary);
    const std::string message = made->message;
    if (summary != nullptr) {
      registerHandle(made.get(), Kind::RunSummary);
      *summary = made.release();
    }
    if (!message.empty())
      fail(XUNCHA_ERROR_RUN, message);
  });
}

xuncha_status xuncha_run_summary_counts(const xuncha_run_summary *summary, uint64_t *records_in,
                                        uint64_t *evaluated, uint64_t *record_errors,
                                        uint64_t *rejected) {
  return boundary(__func__, [&] {
    const xuncha::RunCounts &counts = use(summary, "summary").summary.counts;
    maybeSet(records_in, counts.recordsIn);
    maybeSet(evaluated, counts.evaluated);
    maybeSet(record_errors, counts.recordErrors);
    maybeSet(rejected, counts.rejected);
  });
}

xuncha_status xuncha_run_summary_outcome(const xuncha_run_summary *summary, int *outcome,
                                         const char **message) {
  return boundary(__func__, [&] {
    const xuncha_run_summary &s = use(summary, "summary");
    using Outcome = xuncha::RunSummary::Outcome;
    const Outcome o = s.summary.outcome;
    maybeSet(outcome, o == Outcome::Completed         ? 0
                      : o == Outcome::Failed          ? 1
                      : o == Outcome::StoppedAtBadRow ? 2
                                                      : 3);
    maybeSet(message, s.message.c_str());
  });
}

xuncha_status xuncha_run_summary_report_json(const xuncha_run_summary *summary, char **json) {
  return boundary(__func__, [&] {
    const xuncha_run_summary &s = use(summary, "summary");
    out(json, "json") = ownedCopy(xr::output::reportJson(s.evaluator->ruleSet().program(),
                                                         s.summary.counts, s.summary.reports));
  });
}

xuncha_status xuncha_run_summary_free(xuncha_run_summary *summary) {
  return boundary(__func__, [&] { destroy(summary, "summary"); });
}

} // extern "C"
