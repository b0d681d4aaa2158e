// The report file. Written by hand rather than through nlohmann::json so that its numbers are
// exactly the digits of the result files (nlohmann writes 100.0 for the double 100), and its
// bytes depend on nothing but the figures.
#include "runtime/output/output.h"
#include "runtime/output/text_out.h"
#include "runtime/output/value_out.h"

namespace xr::output {

namespace {

/// A JSON document with two-space indentation, written in order.
class PrettyJson {
public:
  void beginObject() { open('{', false); }
  void endObject() { close('}'); }
  void beginArray() { open('[', true); }
  void endArray() { close(']'); }

  void key(std::string_view name) {
    Level &level = levels_.back();
    if (!level.empty)
      out_.push_back(',');
    level.empty = false;
    newline();
    detail::appendJsonString(out_, name);
    out_.append(": ");
  }

  // Values.
  void null() { raw("null"); }
  void boolean(bool b) { raw(b ? "true" : "false"); }
  void integer(std::int64_t i) {
    beforeValue();
    detail::appendInt(out_, i);
  }
  void string(std::string_view s) {
    beforeValue();
    detail::appendJsonString(out_, s);
  }
  /// A string, or null when empty (titles that were not given).
  void stringOrNull(std::string_view s) { s.empty() ? null() : string(s); }
  void value(const ir::Program &program, const ir::Constant &c) {
    if (!c.valid)
      return null();
    beforeValue();
    detail::appendValueJson(out_, program, detail::viewOf(c));
  }

  std::string take() {
    out_.push_back('\n');
    return std::move(out_);
  }

private:
  struct Level {
    bool array;
    bool empty;
  };

  void raw(std::string_view text) {
    beforeValue();
    out_.append(text);
  }
  void beforeValue() {
    if (levels_.empty() || !levels_.back().array)
      return; // top level, or after a key
    Level &level = levels_.back();
    if (!level.empty)
      out_.push_back(',');
    level.empty = false;
    newline();
  }
  void open(char bracket, bool array) {
    beforeValue();
    out_.push_back(bracket);
    levels_.push_back({array, true});
  }
  void close(char bracket) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty)
      newline();
    out_.push_back(bracket);
  }
  void newline() {
    out_.push_back('\n');
    out_.append(2 * levels_.size(), ' ');
  }

  std::string out_;
  std::vector<Level> levels_;
};

void writeItem(PrettyJson &json, const ir::Program &program, const interp::ReportItemResult &item) {
  json.beginObject();
  json.key("name");
  json.string(item.name);
  json.key("title");
  json.stringOrNull(item.title);
  json.key("value");
  if (item.value.isKeyList) {
    json.beginArray();
    for (const ir::Constant &k : item.value.keys)
      json.value(program, k);
    json.endArray();
  } else {
    json.value(program, item.value.scalar);
  }
  json.key("target");
  if (item.hasTarget)
    json.string(item.targetText);
  else
    json.null();
  json.key("target_met");
  if (item.targetMet)
    json.boolean(*item.targetMet);
  else
    json.null();
  json.key("error");
  json.stringOrNull(item.error);
  json.endObject();
}

void writeReport(PrettyJson &json, const ir::Program &program, const interp::ReportResult &r) {
  json.beginObject();
  json.key("name");
  json.string(r.name);
  json.key("title");
  json.stringOrNull(r.title);
  json.key("records");
  json.integer(r.records);
  json.key("errored_records");
  json.integer(r.erroredRecords);
  json.key("groups");
  json.beginArray();
  for (const interp::ReportGroup &g : r.groups) {
    json.beginObject();
    json.key("key");
    json.value(program, g.key);
    json.key("records");
    json.integer(g.records);
    json.key("items");
    json.beginArray();
    for (const interp::ReportItemResult &item : g.items)
      writeItem(json, program, item);
    json.endArray();
    json.endObject();
  }
  json.endArray();
  json.endObject();
}

} // namespace

std::string reportJson(const ir::Program &program, const RunCounts &counts,
                       const std::vector<interp::ReportResult> &reports) {
  const Provenance p = provenanceOf(program);
  PrettyJson json;
  json.beginObject();
  json.key("xuncha");
  json.string("report");
  json.key("ruleset");
  json.beginObject();
  json.key("name");
  json.string(p.ruleset);
  json.key("version");
  json.integer(p.version);
  json.key("sha256");
  json.string(p.sha256);
  json.endObject();
  json.key("records");
  json.beginObject();
  const auto count = [](std::uint64_t n) { return static_cast<std::int64_t>(n); };
  json.key("in");
  json.integer(count(counts.recordsIn));
  json.key("evaluated");
  json.integer(count(counts.evaluated));
  json.key("record_errors");
  json.integer(count(counts.recordErrors));
  json.key("rejected");
  json.integer(count(counts.rejected));
  json.endObject();
  json.key("reports");
  json.beginArray();
  for (const interp::ReportResult &r : reports)
    writeReport(json, program, r);
  json.endArray();
  json.endObject();
  return json.take();
}

} // namespace xr::output
